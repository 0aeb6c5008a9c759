#pragma once
// Test fixtures for geso_io, written with GDAL into a fresh temporary
// directory per test, so every format test starts from known bytes.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <cpl_conv.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/io/gdal_env.hpp"

namespace geso::test {

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir() {
        std::string templ = (fs::temp_directory_path() / "geso_io_XXXXXX").string();
        if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
        m_path = templ;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    fs::path m_path;
};

// One feature: WKT geometry ("" = NULL geometry) and the two GeSO fields.
struct Feat {
    std::string wkt;
    int kod = 0;
    std::string namn;
};

struct LayerSpec {
    std::string name = "omraden";
    int epsg = 3008;                     // 0 = write no CRS
    OGRwkbGeometryType type = wkbPolygon;
    std::vector<std::string> options;    // layer creation options, e.g. "ENCODING=UTF-8"
};

inline OGRGeometry* geometryFromWkt(const std::string& wkt) {
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) != OGRERR_NONE) {
        ADD_FAILURE() << "bad WKT in test: " << wkt;
        return nullptr;
    }
    return g;
}

// Writes `feats` with fields geso_kod (Integer) and geso_namn (String). With
// `append`, the layer is added to an existing dataset (GeoPackage).
inline void writeLayer(const std::string& path, const char* driverName, const LayerSpec& spec,
                       const std::vector<Feat>& feats, bool append = false) {
    core::ensureGdal();
    GDALDatasetUniquePtr ds;
    if (append) {
        ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    } else {
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driverName);
        ASSERT_NE(drv, nullptr) << driverName;
        ds.reset(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    }
    ASSERT_TRUE(ds) << "cannot create " << path << ": " << CPLGetLastErrorMsg();
    OGRSpatialReference srs;
    if (spec.epsg) {
        srs.importFromEPSG(spec.epsg);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    CPLStringList opts;
    for (const auto& o : spec.options) opts.AddString(o.c_str());
    OGRLayer* layer = ds->CreateLayer(spec.name.c_str(), spec.epsg ? &srs : nullptr, spec.type, opts.List());
    ASSERT_NE(layer, nullptr) << CPLGetLastErrorMsg();
    OGRFieldDefn kod("geso_kod", OFTInteger);
    OGRFieldDefn namn("geso_namn", OFTString);
    namn.SetWidth(80);
    ASSERT_EQ(layer->CreateField(&kod), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&namn), OGRERR_NONE);
    for (const Feat& f : feats) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("geso_kod", f.kod);
        feature->SetField("geso_namn", f.namn.c_str());
        if (!f.wkt.empty()) feature->SetGeometryDirectly(geometryFromWkt(f.wkt));
        ASSERT_EQ(layer->CreateFeature(feature.get()), OGRERR_NONE) << CPLGetLastErrorMsg();
    }
}

inline void writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

inline std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Zips `files` (paths) into `zipPath` under `prefix` + file name.
inline void zipFiles(const std::string& zipPath, const std::vector<std::string>& files,
                     const std::string& prefix = "") {
    void* zip = CPLCreateZip(zipPath.c_str(), nullptr);
    ASSERT_NE(zip, nullptr);
    for (const auto& f : files) {
        const std::string data = readText(f);
        const std::string inner = prefix + fs::path(f).filename().string();
        ASSERT_EQ(CPLCreateFileInZip(zip, inner.c_str(), nullptr), CE_None);
        ASSERT_EQ(CPLWriteFileInZip(zip, data.data(), static_cast<int>(data.size())), CE_None);
        ASSERT_EQ(CPLCloseFileInZip(zip), CE_None);
    }
    ASSERT_EQ(CPLCloseZip(zip), CE_None);
}

inline void truncateFile(const std::string& path, double keepFraction) {
    const auto size = fs::file_size(path);
    fs::resize_file(path, static_cast<uintmax_t>(static_cast<double>(size) * keepFraction));
}

// Two adjacent squares in central Malmö (EPSG:3008), the first with a hole;
// exteriors written clockwise to check that loading orients them.
inline std::vector<Feat> twoMalmoAreas() {
    return {
        {"POLYGON((118000 6164000,118000 6165000,119000 6165000,119000 6164000,118000 6164000),"
         "(118200 6164200,118800 6164200,118800 6164800,118200 6164800,118200 6164200))",
         1, "Västra hamnen, Gamla staden m fl"},
        {"MULTIPOLYGON(((119000 6164000,120000 6164000,120000 6165000,119000 6165000,119000 6164000)),"
         "((121000 6164000,122000 6164000,122000 6165000,121000 6164000)))",
         9, "Möllevången, Rådmansvången m fl"},
    };
}

// A grid of `columns` × `rows` squares of 900 m on a 1 km grid from
// (110000, 6150000) in SWEREF 99 13 30, coded 1, 2, … row by row; with
// nullAt >= 0 the feature of that index has a NULL geometry instead.
inline std::vector<Feat> squareGrid(int columns, int rows, int nullAt = -1) {
    std::vector<Feat> feats;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const int x = 110000 + 1000 * c, y = 6150000 + 1000 * r;
            const std::string x0 = std::to_string(x), x1 = std::to_string(x + 900);
            const std::string y0 = std::to_string(y), y1 = std::to_string(y + 900);
            const int code = static_cast<int>(feats.size()) + 1;
            std::string wkt = "POLYGON((" + x0 + " " + y0 + "," + x1 + " " + y0 + "," + x1 + " " + y1 + "," + x0 + " " +
                              y1 + "," + x0 + " " + y0 + "))";
            if (static_cast<int>(feats.size()) == nullAt) wkt.clear();
            feats.push_back({wkt, code, "Ruta " + std::to_string(code)});
        }
    return feats;
}

}  // namespace geso::test
