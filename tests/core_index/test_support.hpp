#pragma once
// Shared helpers for the index tests: a scratch directory, file writing and a
// small two-dimension catalogue whose numbers are easy to work by hand.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "core/index/catalogue.hpp"
#include "core/index/indicator_table.hpp"

namespace geso::test {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = "geso_index_";
        if (info) {
            name += info->test_suite_name();
            name += '_';
            name += info->name();
        }
        name += '_';
        name += std::to_string(counter++);
        m_path = std::filesystem::temp_directory_path() / name;
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    std::string write(const std::string& name, const std::string& bytes) const {
        std::ofstream out(file(name), std::ios::binary);
        out << bytes;
        return file(name);
    }

private:
    std::filesystem::path m_path;
};

// Dimensions "a" (a1, a2 negative, a3) and "b" (b1, b2, b3); all in percent.
inline const char* kMiniCatalogue = R"({
  "dimensions": [ {"id": "a", "name_sv": "A", "name_en": "A"}, {"id": "b", "name_sv": "B", "name_en": "B"} ],
  "indicators": [
    {"id": "a1", "dimension": "a", "unit": "%", "direction": "positive", "name_sv": "a ett", "name_en": "a one", "label_sv": "a1", "label_en": "a1"},
    {"id": "a2", "dimension": "a", "unit": "%", "direction": "negative", "name_sv": "a två", "name_en": "a two", "label_sv": "a2", "label_en": "a2"},
    {"id": "a3", "dimension": "a", "unit": "%", "direction": "positive", "name_sv": "a tre", "name_en": "a three", "label_sv": "a3", "label_en": "a3"},
    {"id": "b1", "dimension": "b", "unit": "%", "direction": "positive", "name_sv": "b ett", "name_en": "b one", "label_sv": "b1", "label_en": "b1"},
    {"id": "b2", "dimension": "b", "unit": "%", "direction": "positive", "name_sv": "b två", "name_en": "b two", "label_sv": "b2", "label_en": "b2"},
    {"id": "b3", "dimension": "b", "unit": "%", "direction": "positive", "name_sv": "b tre", "name_en": "b three", "label_sv": "b3", "label_en": "b3"}
  ]
})";

inline core::Catalogue miniCatalogue() {
    auto c = core::parseCatalogue(kMiniCatalogue, "mini");
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().line());
    return c.value();
}

inline core::Catalogue bundledCatalogue() {
    auto c = core::loadCatalogue(std::string(GESO_SOURCE_DIR) + "/geodata/indikatorer.json");
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().line());
    return c.value();
}

// Number of issues of a severity whose text contains `needle` (and, if given, at row/column).
inline int countIssues(const core::IndicatorTable& t, core::TableIssue::Severity sev, const std::string& needle,
                       int row = -1, const std::string& column = "") {
    int n = 0;
    for (const auto& i : t.issues)
        if (i.severity == sev && i.message.find(needle) != std::string::npos && (row < 0 || i.row == row) &&
            (column.empty() || i.column == column))
            ++n;
    return n;
}

inline std::string dumpIssues(const core::IndicatorTable& t) {
    std::string s;
    for (const auto& i : t.issues) s += (i.isError() ? "E " : "W ") + i.line() + "\n";
    return s;
}

}  // namespace geso::test
