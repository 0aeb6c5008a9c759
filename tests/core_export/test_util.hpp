#pragma once
// Fixtures for the export tests: a fresh temporary folder per test, tiny
// synthetic layers built in code, and helpers to read GeoPackages back.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/model/layer.hpp"

namespace geso::testing {

class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "geso-export-XXXXXX").string();
        char* made = ::mkdtemp(tmpl.data());
        m_path = made ? made : tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (std::filesystem::path(m_path) / name).string(); }
    const std::string& path() const { return m_path; }
    // Names of the entries in the folder, sorted.
    std::vector<std::string> entries() const {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(m_path)) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    std::string m_path;
};

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// n unit squares side by side, scaled by 1000 m, around Malmö in EPSG:3008
// (x ≈ 118000 + i·1000, y ≈ 6163000); square 1 has a hole. Rings open.
inline core::AreaLayer squareAreas(int n) {
    core::AreaLayer a;
    a.source.crsCode = "EPSG:3008";
    const double x0 = 118000, y0 = 6163000;
    auto addRing = [&](std::vector<core::Vec2> ring) {
        for (auto v : ring) a.xy.push_back(v);
        a.vertexStart.push_back(static_cast<uint32_t>(a.xy.size()));
    };
    for (int i = 0; i < n; ++i) {
        const double x = x0 + i * 1000.0;
        addRing({{x, y0}, {x + 1000, y0}, {x + 1000, y0 + 1000}, {x, y0 + 1000}});
        if (i == 1) addRing({{x + 250, y0 + 250}, {x + 250, y0 + 750}, {x + 750, y0 + 750}, {x + 750, y0 + 250}});
        a.ringStart.push_back(static_cast<uint32_t>(a.vertexStart.size() - 1));
        a.partStart.push_back(static_cast<uint32_t>(a.ringStart.size() - 1));
        a.fid.push_back(i + 1);
    }
    return a;
}

inline core::PointLayer somePoints(int n) {
    core::PointLayer p;
    p.source.crsCode = "EPSG:3008";
    for (int i = 0; i < n; ++i) {
        p.xy.push_back({118100.5 + i * 700.0, 6163200.25 + i * 10.0});
        p.fid.push_back(i + 1);
    }
    return p;
}

inline core::Column numberColumn(const std::string& name, core::FieldType type, std::vector<double> values) {
    core::Column c;
    c.name = name;
    c.type = type;
    c.num = std::move(values);
    c.isNull.assign(c.num.size(), false);
    return c;
}

inline core::Column textColumn(const std::string& name, std::vector<std::string> values) {
    core::Column c;
    c.name = name;
    c.type = core::FieldType::Text;
    c.text = std::move(values);
    c.isNull.assign(c.text.size(), false);
    return c;
}

}  // namespace geso::testing
