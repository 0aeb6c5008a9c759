// The whole export on the bundled (schematic, illustrative) project: what the
// GeoPackage holds must be exactly what the app computes and shows.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "core/classify/palette.hpp"
#include "core/export/export.hpp"
#include "core/project/point_symbology.hpp"
#include "gpkg_read.hpp"
#include "test_util.hpp"
#include "xml_check.hpp"

using namespace geso::core;
using namespace geso::testing;

namespace {

class ProjectExport : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto p = loadProject(DataOptions{});
        if (p.ok()) s_project = std::make_unique<Project>(std::move(p).value());
        else s_loadError = p.error().line();
    }
    static void TearDownTestSuite() { s_project.reset(); }
    void SetUp() override { ASSERT_TRUE(s_project) << s_loadError; }
    const Project& project() const { return *s_project; }

    static std::unique_ptr<Project> s_project;
    static std::string s_loadError;
};

std::unique_ptr<Project> ProjectExport::s_project;
std::string ProjectExport::s_loadError;

int epsgOf(OGRLayer* layer) {
    const OGRSpatialReference* srs = layer ? layer->GetSpatialRef() : nullptr;
    const char* code = srs ? srs->GetAuthorityCode(nullptr) : nullptr;
    return code ? std::atoi(code) : 0;
}

OGRFieldType typeOf(OGRLayer* l, const std::string& field) {
    const int i = l->GetLayerDefn()->GetFieldIndex(field.c_str());
    EXPECT_GE(i, 0) << field;
    return i < 0 ? OFTMaxType : l->GetLayerDefn()->GetFieldDefn(i)->GetType();
}

}  // namespace

TEST_F(ProjectExport, AreasReadBackWithTheIndexValuesExactly) {
    TempDir dir;
    ExportRequest req;
    req.outPath = dir.file("geso.gpkg");
    Status st = exportGeoPackage(project(), req);
    ASSERT_TRUE(st.ok()) << st.error().line();
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"geso.gpkg"});

    const IndicatorTable& table = *project().indicators;
    const int year = table.latestYear();
    auto index = computeIndex(table, project().catalogue, year, {});
    ASSERT_TRUE(index.ok());

    auto ds = openGpkg(req.outPath);
    ASSERT_TRUE(ds);
    OGRLayer* a = ds->GetLayerByName(kAreasTable);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->GetFeatureCount(), 14);
    EXPECT_EQ(epsgOf(a), 3008);
    EXPECT_EQ(typeOf(a, "geso_kod"), OFTInteger);
    EXPECT_EQ(typeOf(a, "geso_namn"), OFTString);
    const Catalogue& cat = project().catalogue;
    ASSERT_EQ(cat.indicators.size(), 12u);
    for (const auto& ind : cat.indicators) EXPECT_EQ(typeOf(a, ind.id), OFTReal);
    for (const auto& d : cat.dimensions) {
        EXPECT_EQ(typeOf(a, d.id), OFTReal);
        EXPECT_EQ(typeOf(a, "klass_" + d.id), OFTInteger);
    }
    EXPECT_EQ(typeOf(a, "total"), OFTReal);
    EXPECT_EQ(typeOf(a, "klass_total"), OFTInteger);
    EXPECT_EQ(typeOf(a, "rank"), OFTInteger);
    EXPECT_EQ(typeOf(a, "ar"), OFTInteger);
    EXPECT_EQ(typeOf(a, "normalisering"), OFTString);
    EXPECT_EQ(typeOf(a, "vikter"), OFTString);

    int seen = 0;
    for (auto& f : a) {
        const int code = f->GetFieldAsInteger("geso_kod");
        const AreaIndex* ai = index.value().find(code);
        ASSERT_NE(ai, nullptr) << code;
        ++seen;
        for (size_t i = 0; i < cat.indicators.size(); ++i) {
            const int fi = f->GetFieldIndex(cat.indicators[i].id.c_str());
            if (std::isnan(ai->raw[i])) {
                EXPECT_TRUE(f->IsFieldNull(fi));
            } else {
                EXPECT_EQ(f->GetFieldAsDouble(fi), ai->raw[i]) << code << " " << cat.indicators[i].id;
            }
        }
        for (size_t d = 0; d < cat.dimensions.size(); ++d)
            EXPECT_EQ(f->GetFieldAsDouble(cat.dimensions[d].id.c_str()), ai->dimensions[d]);
        EXPECT_EQ(f->GetFieldAsDouble("total"), ai->total);
        EXPECT_EQ(f->GetFieldAsInteger("rank"), ai->rank);
        EXPECT_EQ(f->GetFieldAsInteger("ar"), year);
        EXPECT_STREQ(f->GetFieldAsString("normalisering"), "Malmö = 100");
        EXPECT_STREQ(f->GetFieldAsString("vikter"), "lika (stadens)");
        const int k = f->GetFieldAsInteger("klass_total");
        EXPECT_GE(k, 1);
        EXPECT_LE(k, 9);
        ASSERT_NE(f->GetGeometryRef(), nullptr);
        EXPECT_GT(f->GetGeometryRef()->toMultiPolygon()->get_Area(), 1e5);
    }
    EXPECT_EQ(seen, 14);
}

TEST_F(ProjectExport, ClassNumbersAndDefaultStyleMatchTheAppsChoropleth) {
    const int year = project().indicators->latestYear();
    MapVariable total;
    total.year = year;
    auto ch = buildChoropleth(project(), total, defaultStyle(total), Lang::Sv);
    ASSERT_TRUE(ch.ok()) << ch.error().line();
    ExportRequest req;
    auto content = buildGpkgContent(project(), req);
    ASSERT_TRUE(content.ok()) << content.error().line();
    const ExportTable& areas = content.value().tables.front();
    ASSERT_EQ(areas.name, kAreasTable);
    // Class numbers are the app's classes + 1.
    const Column* klass = nullptr;
    for (const auto& c : areas.columns)
        if (c.name == "klass_total") klass = &c;
    ASSERT_NE(klass, nullptr);
    for (size_t f = 0; f < areas.rows; ++f) {
        const int k = ch.value().classes.classOf[f];
        if (k < 0) {
            EXPECT_TRUE(std::isnan(klass->num[f]));
        } else {
            EXPECT_EQ(klass->num[f], k + 1);
        }
    }
    // The default style is the total's, with the app's breaks, colours and labels.
    int defaults = 0;
    const LayerStyle* def = nullptr;
    for (const auto& s : areas.styles)
        if (s.isDefault) ++defaults, def = &s;
    ASSERT_EQ(defaults, 1);
    EXPECT_EQ(areas.styles.size(), 5u);
    EXPECT_EQ(def->field, "total");
    ASSERT_EQ(def->ranges.size(), ch.value().classes.upper.size());
    for (size_t k = 0; k < def->ranges.size(); ++k) {
        if (k + 1 < def->ranges.size()) {
            EXPECT_EQ(def->ranges[k].upper, ch.value().classes.upper[k]);
        }
        if (k > 0) {
            EXPECT_EQ(def->ranges[k].lower, ch.value().classes.upper[k - 1]);
        }
        const Rgba c = ch.value().classColors[k];
        EXPECT_EQ(def->ranges[k].color.r, c.r);
        EXPECT_EQ(def->ranges[k].color.g, c.g);
        EXPECT_EQ(def->ranges[k].color.b, c.b);
        EXPECT_EQ(def->ranges[k].label, ch.value().legendLabels[k]);
    }
    // Every exported total falls in a range (QGIS has no clamping).
    for (double v : ch.value().value) {
        if (std::isnan(v)) continue;
        EXPECT_GE(v, def->ranges.front().lower);
        EXPECT_LE(v, def->ranges.back().upper);
    }
    const std::string qml = styleQml(*def);
    EXPECT_EQ(strictXmlProblem(qml), "");
    EXPECT_NE(qml.find("attr=\"total\""), std::string::npos);
    const Rgba c0 = ch.value().classColors[0];
    EXPECT_NE(qml.find(std::to_string(c0.r) + "," + std::to_string(c0.g) + "," + std::to_string(c0.b) + ",255"),
              std::string::npos);
}

TEST_F(ProjectExport, AllLayersStylesAndMetadataInTheFile) {
    TempDir dir;
    ExportRequest req;
    req.outPath = dir.file("geso.gpkg");
    ASSERT_TRUE(exportGeoPackage(project(), req).ok());
    auto ds = openGpkg(req.outPath);
    ASSERT_TRUE(ds);
    const IndicatorTable& t = *project().indicators;
    size_t keys = 0;
    for (int y : t.years) {
        keys += t.hasCity(y) ? 1 : 0;
        for (int c : t.codes) keys += t.hasRow(c, y) ? 1 : 0;
    }
    OGRLayer* ind = ds->GetLayerByName(kIndicatorTable);
    ASSERT_NE(ind, nullptr);
    EXPECT_EQ(ind->GetGeomType(), wkbNone);
    EXPECT_EQ(static_cast<size_t>(ind->GetFeatureCount()), keys * 12);
    EXPECT_EQ(typeOf(ind, "varde"), OFTReal);
    EXPECT_EQ(typeOf(ind, "ar"), OFTInteger);
    if (project().initiatives) {
        OGRLayer* l = ds->GetLayerByName(kInitiativesTable);
        ASSERT_NE(l, nullptr);
        EXPECT_EQ(static_cast<size_t>(l->GetFeatureCount()), project().initiatives->featureCount());
        EXPECT_EQ(epsgOf(l), 3008);
        EXPECT_GE(l->GetLayerDefn()->GetFieldIndex("tema"), 0);
    }
    if (project().trygghet) {
        OGRLayer* l = ds->GetLayerByName(kTrygghetTable);
        ASSERT_NE(l, nullptr);
        EXPECT_EQ(static_cast<size_t>(l->GetFeatureCount()), project().trygghet->featureCount());
    }
    OGRLayer* r = ds->ExecuteSQL(
        "SELECT f_table_name, styleName, useAsDefault, styleQML, styleSLD, f_table_schema FROM layer_styles", nullptr,
        nullptr);
    ASSERT_NE(r, nullptr);
    std::map<std::string, int> defaults, count;
    for (auto& f : r) {
        const std::string table = f->GetFieldAsString(0);
        ++count[table];
        defaults[table] += f->GetFieldAsInteger(2);
        EXPECT_LE(utf8Length(f->GetFieldAsString(1)), 30u);
        EXPECT_FALSE(f->IsFieldNull(5));
        EXPECT_EQ(strictXmlProblem(f->GetFieldAsString(3)), "") << f->GetFieldAsString(1);
        EXPECT_EQ(strictXmlProblem(f->GetFieldAsString(4)), "") << f->GetFieldAsString(1);
    }
    ds->ReleaseResultSet(r);
    EXPECT_EQ(count[kAreasTable], 5);
    for (const auto& [table, n] : defaults) EXPECT_EQ(n, 1) << table;
    const char* prov = ds->GetMetadataItem("PROVENANCE");
    ASSERT_NE(prov, nullptr);
    EXPECT_NE(std::string(prov).find("llustrativa"), std::string::npos) << prov;
}

TEST_F(ProjectExport, PassesTheGdalValidator) {
    const std::string script = validatorScript();
    if (script.empty()) GTEST_SKIP() << "validate_gpkg.py (python3-gdal) not installed";
    TempDir dir;
    for (const char* crs : {"", "EPSG:3006"}) {
        ExportRequest req;
        req.outPath = dir.file(std::string("geso") + crs + ".gpkg");
        req.crs = crs;
        Status st = exportGeoPackage(project(), req);
        ASSERT_TRUE(st.ok()) << st.error().line();
        const auto v = validateGpkg(script, req.outPath);
        EXPECT_EQ(v.exitCode, 0) << crs << "\n" << v.text;
        EXPECT_EQ(v.text.find("Req "), std::string::npos) << v.text;
        EXPECT_EQ(v.text.find("Error"), std::string::npos) << v.text;
    }
}

TEST_F(ProjectExport, OtherCrsNormalisationAndDefaultVariable) {
    TempDir dir;
    ExportRequest req;
    req.outPath = dir.file("tm.gpkg");
    req.crs = "EPSG:3006";
    req.index.norm = Normalization::ZScore;
    req.defaultVariable = "utbildning";
    req.lang = Lang::En;
    Status st = exportGeoPackage(project(), req);
    ASSERT_TRUE(st.ok()) << st.error().line();
    auto ds = openGpkg(req.outPath);
    OGRLayer* a = ds->GetLayerByName(kAreasTable);
    EXPECT_EQ(epsgOf(a), 3006);
    OGREnvelope env;
    ASSERT_EQ(a->GetExtent(&env), OGRERR_NONE);
    EXPECT_GT(env.MinX, 350000.0);
    OGRLayer* r = ds->ExecuteSQL("SELECT styleName FROM layer_styles WHERE f_table_name = 'geso_omraden' AND "
                                 "useAsDefault = 1",
                                 nullptr, nullptr);
    ASSERT_NE(r, nullptr);
    OGRFeatureUniquePtr f(r->GetNextFeature());
    ASSERT_TRUE(f);
    EXPECT_STREQ(f->GetFieldAsString(0), "Education");
    ds->ReleaseResultSet(r);
}

TEST_F(ProjectExport, FailedExportLeavesExistingTargetUntouched) {
    TempDir dir;
    const std::string target = dir.file("geso.gpkg");
    writeFile(target, std::string("not touched\0\x01", 13));
    const std::string before = readFile(target);
    ExportRequest req;
    req.outPath = target;
    req.year = 1999;  // not in the table
    Status st = exportGeoPackage(project(), req);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().where, target);
    EXPECT_EQ(readFile(target), before);
    // --update of something that is not a GeoPackage fails the same way.
    req.year = 0;
    req.update = true;
    st = exportGeoPackage(project(), req);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(readFile(target), before);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"geso.gpkg"});
    // A folder under a regular file.
    req.outPath = target + "/inside.gpkg";
    req.update = false;
    st = exportGeoPackage(project(), req);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().where, req.outPath);
    EXPECT_EQ(readFile(target), before);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"geso.gpkg"});
}

TEST_F(ProjectExport, UpdateKeepsForeignLayersAndStyles) {
    TempDir dir;
    const std::string target = dir.file("shared.gpkg");
    {
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr ds(drv->Create(target.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(ds);
        OGRSpatialReference srs;
        srs.importFromEPSG(3008);
        OGRLayer* l = ds->CreateLayer("cykelvagar", &srs, wkbLineString, nullptr);
        ASSERT_NE(l, nullptr);
        OGRFeature f(l->GetLayerDefn());
        OGRLineString line;
        line.addPoint(118000, 6163000);
        line.addPoint(119000, 6164000);
        f.SetGeometry(&line);
        ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
    }
    ExportRequest req;
    req.outPath = target;
    req.update = true;
    Status st = exportGeoPackage(project(), req);
    ASSERT_TRUE(st.ok()) << st.error().line();
    st = exportGeoPackage(project(), req);  // twice: replaced, not duplicated
    ASSERT_TRUE(st.ok()) << st.error().line();
    auto ds = openGpkg(target);
    ASSERT_TRUE(ds);
    ASSERT_NE(ds->GetLayerByName("cykelvagar"), nullptr);
    EXPECT_EQ(ds->GetLayerByName("cykelvagar")->GetFeatureCount(), 1);
    EXPECT_EQ(ds->GetLayerByName(kAreasTable)->GetFeatureCount(), 14);
    OGRLayer* r = ds->ExecuteSQL("SELECT COUNT(*) FROM layer_styles WHERE f_table_name = 'geso_omraden'", nullptr,
                                 nullptr);
    OGRFeatureUniquePtr f(r->GetNextFeature());
    EXPECT_EQ(f->GetFieldAsInteger(0), 5);
    ds->ReleaseResultSet(r);
    ds.reset();
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"shared.gpkg"});
    if (const std::string script = validatorScript(); !script.empty()) {
        const auto v = validateGpkg(script, target);
        EXPECT_EQ(v.exitCode, 0) << v.text;
    }
}

TEST_F(ProjectExport, CsvOfTheAttributeTable) {
    TempDir dir;
    const std::string path = dir.file("tabell.csv");
    Status st = exportCsv(path, project(), 0, IndexOptions{}, CsvOptions{.swedishExcel = true});
    ASSERT_TRUE(st.ok()) << st.error().line();
    const std::string text = readFile(path);
    ASSERT_GE(text.size(), 3u);
    EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
    const std::string header = text.substr(3, text.find("\r\n") - 3);
    EXPECT_EQ(header.rfind("geso_kod;geso_namn;ar;del_valdeltagande;", 0), 0u) << header;
    EXPECT_NE(text.find("\r\n1;Västra hamnen, Gamla staden m fl;2024;"), std::string::npos);  // the year on every row
    EXPECT_NE(header.find(";delaktighet;utbildning;ekonomi;boende;total;rank"), std::string::npos) << header;
    size_t lines = 0;
    for (size_t pos = 0; (pos = text.find("\r\n", pos)) != std::string::npos; pos += 2) ++lines;
    EXPECT_EQ(lines, 15u);
    EXPECT_EQ(text.find('.'), std::string::npos);  // decimal commas only (names have no dots)
}

TEST(ExportCli, BadOutIsOneLineAndExitOne) {
    const std::string bin = GESO_BINARY;
    if (!std::filesystem::exists(bin)) GTEST_SKIP() << "geso-atlas not built: " << bin;
    TempDir dir;
    writeFile(dir.file("plain"), "x");
    const std::string bad = dir.file("plain") + "/out.gpkg";
    auto r = runCommand("'" + bin + "' export --out '" + bad + "'", true);
    EXPECT_EQ(r.exitCode, 1) << r.text;
    EXPECT_EQ(std::count(r.text.begin(), r.text.end(), '\n'), 1) << r.text;
    EXPECT_NE(r.text.find(bad), std::string::npos) << r.text;
    auto u = runCommand("'" + bin + "' export --out '" + dir.file("x.txt") + "'");
    EXPECT_EQ(u.exitCode, 2) << u.text;
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"plain"});
}

TEST(ExportCli, WritesGeoPackageAndCsv) {
    const std::string bin = GESO_BINARY;
    if (!std::filesystem::exists(bin)) GTEST_SKIP() << "geso-atlas not built: " << bin;
    TempDir dir;
    auto r = runCommand("'" + bin + "' export --out '" + dir.file("g.gpkg") + "' --crs EPSG:3006 --classes 4 " +
                        "--method quantile --lang en");
    EXPECT_EQ(r.exitCode, 0) << r.text;
    auto ds = openGpkg(dir.file("g.gpkg"));
    ASSERT_TRUE(ds);
    EXPECT_EQ(epsgOf(ds->GetLayerByName(kAreasTable)), 3006);
    auto c = runCommand("'" + bin + "' export --out '" + dir.file("t.csv") + "' --swedish-excel");
    EXPECT_EQ(c.exitCode, 0) << c.text;
    EXPECT_EQ(readFile(dir.file("t.csv")).substr(0, 3), "\xEF\xBB\xBF");
}

TEST(ExportCli, DiskErrorMidWriteLeavesTargetAndNoTemp) {
    // A file-size limit (ulimit -f, 512-byte blocks) makes the write fail part-way,
    // like a full disk: the old file must survive and no temporary file remain.
    const std::string bin = GESO_BINARY;
    if (!std::filesystem::exists(bin)) GTEST_SKIP() << "geso-atlas not built: " << bin;
    TempDir dir;
    const std::string target = dir.file("m.gpkg");
    writeFile(target, "the old export");
    auto r = runCommand("ulimit -f 100; '" + bin + "' export --out '" + target + "'", true);
    EXPECT_EQ(r.exitCode, 1) << r.text;
    EXPECT_EQ(std::count(r.text.begin(), r.text.end(), '\n'), 1) << r.text;
    EXPECT_NE(r.text.find(target), std::string::npos) << r.text;
    EXPECT_EQ(readFile(target), "the old export");
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"m.gpkg"});
}

TEST(ExportCli, ReadOnlyTargetIsOneLineAndExitOne) {
    const std::string bin = GESO_BINARY;
    if (!std::filesystem::exists(bin)) GTEST_SKIP() << "geso-atlas not built: " << bin;
    // Root may write any file: run the export as nobody, as a user would hit it.
    std::string as;
    if (::geteuid() == 0) {
        const std::string setpriv = findOnPath("setpriv");
        if (setpriv.empty()) GTEST_SKIP() << "running as root without setpriv (util-linux)";
        as = "'" + setpriv + "' --reuid=65534 --regid=65534 --clear-groups ";
    }
    TempDir dir;
    ::chmod(dir.path().c_str(), 0777);  // the folder is writable, only the file is not
    const std::string target = dir.file("ro.gpkg");
    writeFile(target, "the colleague's file");
    ::chmod(target.c_str(), 0444);
    for (const char* update : {"", " --update"}) {
        auto r = runCommand(as + "'" + bin + "' export --out '" + target + "'" + update, true);
        EXPECT_EQ(r.exitCode, 1) << r.text;
        EXPECT_EQ(std::count(r.text.begin(), r.text.end(), '\n'), 1) << r.text;
        EXPECT_NE(r.text.find(target), std::string::npos) << r.text;
        EXPECT_NE(r.text.find("not writable"), std::string::npos) << r.text;
    }
    EXPECT_EQ(readFile(target), "the colleague's file");
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"ro.gpkg"});
}

TEST_F(ProjectExport, IndicatorAsDefaultStyleAndCustomWeightsAreSaid) {
    ExportRequest req;
    req.defaultVariable = "utb_forgymnasial";
    ASSERT_TRUE(parseWeights("utb_forgymnasial=2", project().catalogue, req.index).ok());
    auto content = buildGpkgContent(project(), req);
    ASSERT_TRUE(content.ok()) << content.error().line();
    const ExportTable& areas = content.value().tables.front();
    ASSERT_EQ(areas.styles.size(), 6u);
    int defaults = 0;
    for (const auto& s : areas.styles) {
        if (!s.isDefault) continue;
        ++defaults;
        EXPECT_EQ(s.field, "utb_forgymnasial");
        EXPECT_FALSE(s.ranges.empty());
    }
    EXPECT_EQ(defaults, 1);
    const Column* vikter = nullptr;
    for (const auto& c : areas.columns)
        if (c.name == "vikter") vikter = &c;
    ASSERT_NE(vikter, nullptr);
    EXPECT_NE(vikter->text[0], "lika (stadens)");
    EXPECT_NE(vikter->text[0].find("utb_forgymnasial"), std::string::npos) << vikter->text[0];
    req.defaultVariable = "nonsense";
    EXPECT_FALSE(buildGpkgContent(project(), req).ok());
}

namespace {

struct LayerListing {
    long long count = -1;
    int epsg = 0;                                 // 0 = no CRS
    std::string geometry;                         // OGR's name, "None" without geometry
    std::vector<std::pair<std::string, std::string>> fields;  // name, OGR type name, in order
};

std::string geometryName(OGRwkbGeometryType t) { return t == wkbNone ? "None" : OGRGeometryTypeToName(t); }

// What GDAL's API sees in the file, layer by layer.
std::map<std::string, LayerListing> listWithGdal(const std::string& path) {
    std::map<std::string, LayerListing> out;
    auto ds = openGpkg(path);
    if (!ds) return out;
    for (OGRLayer* l : ds->GetLayers()) {
        LayerListing& x = out[l->GetName()];
        x.count = l->GetFeatureCount();
        x.epsg = epsgOf(l);
        x.geometry = geometryName(l->GetGeomType());
        OGRFeatureDefn* d = l->GetLayerDefn();
        for (int i = 0; i < d->GetFieldCount(); ++i)
            x.fields.emplace_back(d->GetFieldDefn(i)->GetNameRef(),
                                  OGRFieldDefn::GetFieldTypeName(d->GetFieldDefn(i)->GetType()));
    }
    return out;
}

// The same from `ogrinfo -ro -so -al`, as a QGIS colleague would check it.
std::map<std::string, LayerListing> listWithOgrinfo(const std::string& ogrinfo, const std::string& path,
                                                    std::string& text) {
    std::map<std::string, LayerListing> out;
    const auto r = runCommand("'" + ogrinfo + "' -ro -so -al '" + path + "'");
    text = r.text;
    if (r.exitCode != 0) return out;
    const std::regex field(R"(^([^\s:]+): ([A-Za-z0-9]+)(\([A-Za-z]+\))? \()");
    const std::regex epsg(R"(ID\["EPSG",(\d+)\]\]$)");
    LayerListing* cur = nullptr;
    std::istringstream in(r.text);
    for (std::string l; std::getline(in, l);) {
        std::smatch m;
        if (l.rfind("Layer name: ", 0) == 0) {
            cur = &out[l.substr(12)];
            cur->geometry = "None";
        } else if (!cur) {
            continue;
        } else if (l.rfind("Geometry: ", 0) == 0) {
            cur->geometry = l.substr(10);
        } else if (l.rfind("Feature Count: ", 0) == 0) {
            cur->count = std::stoll(l.substr(15));
        } else if (l.rfind("    ID[\"EPSG\",", 0) == 0 && std::regex_search(l, m, epsg)) {
            cur->epsg = std::stoi(m[1]);  // the CRS's own ID closes the WKT (4 spaces: top level)
        } else if (std::regex_search(l, m, field) && l.rfind("Layer SRS", 0) != 0) {
            cur->fields.emplace_back(m[1], m[2]);
        }
    }
    return out;
}

std::string expectedType(const Column& c) {
    if (c.type == FieldType::Integer) {
        for (double v : c.num)
            if (!std::isnan(v) && std::fabs(v) > 2147483647.0) return "Integer64";
        return "Integer";
    }
    return c.type == FieldType::Real ? "Real" : c.type == FieldType::Date ? "Date" : "String";
}

// Exports with `crs` and checks every layer's count, CRS, geometry type and
// field types, through GDAL and through ogrinfo, against what was written.
void checkEveryLayer(const Project& project, const std::string& crs, int epsg) {
    TempDir dir;
    ExportRequest req;
    req.outPath = dir.file("layers.gpkg");
    req.crs = crs;
    auto content = buildGpkgContent(project, req);
    ASSERT_TRUE(content.ok()) << content.error().line();
    Status st = writeGpkgSafely(req.outPath, content.value(), false);
    ASSERT_TRUE(st.ok()) << st.error().line();

    std::map<std::string, LayerListing> expected;
    size_t styles = 0;
    for (const auto& t : content.value().tables) {
        LayerListing& x = expected[t.name];
        x.count = static_cast<long long>(t.rows);
        x.epsg = t.geometry == TableGeometry::None ? 0 : epsg;
        x.geometry = t.geometry == TableGeometry::Polygon ? "Multi Polygon"
                     : t.geometry == TableGeometry::Point ? "Point" : "None";
        for (const auto& c : t.columns) x.fields.emplace_back(c.name, expectedType(c));
        styles += t.styles.size();
    }
    ASSERT_EQ(expected.size(), 4u);  // areas, indicators and both point layers
    EXPECT_EQ(expected[kAreasTable].count, 14);
    EXPECT_EQ(expected[kIndicatorTable].fields,
              (std::vector<std::pair<std::string, std::string>>{
                  {"geso_kod", "Integer"}, {"geso_namn", "String"}, {"ar", "Integer"}, {"indikator", "String"},
                  {"varde", "Real"}}));

    auto check = [&](const std::map<std::string, LayerListing>& got, const char* tool) {
        EXPECT_EQ(got.size(), expected.size() + 1) << tool;  // + layer_styles
        for (const auto& [name, want] : expected) {
            auto it = got.find(name);
            ASSERT_NE(it, got.end()) << tool << ": no layer " << name;
            EXPECT_EQ(it->second.count, want.count) << tool << " " << name;
            EXPECT_EQ(it->second.epsg, want.epsg) << tool << " " << name;
            EXPECT_EQ(it->second.geometry, want.geometry) << tool << " " << name;
            EXPECT_EQ(it->second.fields, want.fields) << tool << " " << name;
        }
        auto ls = got.find("layer_styles");
        ASSERT_NE(ls, got.end()) << tool;
        EXPECT_EQ(ls->second.count, static_cast<long long>(styles)) << tool;
        EXPECT_EQ(ls->second.geometry, "None") << tool;
    };
    check(listWithGdal(req.outPath), "GDAL");
    const std::string ogrinfo = findOnPath("ogrinfo");
    if (ogrinfo.empty()) {
        std::cerr << "ogrinfo (gdal-bin) is not on PATH: checked through the GDAL API only\n";
        return;
    }
    std::string text;
    auto listed = listWithOgrinfo(ogrinfo, req.outPath, text);
    check(listed, "ogrinfo");
    if (::testing::Test::HasFailure()) std::cerr << text.substr(0, 4000);
}

}  // namespace

TEST_F(ProjectExport, EveryLayerHasItsCountCrsAndFieldTypesInTheDisplayCrs) {
    checkEveryLayer(project(), "", 3008);
}

TEST_F(ProjectExport, EveryLayerHasItsCountCrsAndFieldTypesInSweref99Tm) {
    checkEveryLayer(project(), "EPSG:3006", 3006);
}

TEST_F(ProjectExport, EveryWrittenValueReadsBackExactly) {
    TempDir dir;
    ExportRequest req;
    req.outPath = dir.file("values.gpkg");
    auto content = buildGpkgContent(project(), req);
    ASSERT_TRUE(content.ok()) << content.error().line();
    ASSERT_TRUE(writeGpkgSafely(req.outPath, content.value(), false).ok());
    auto ds = openGpkg(req.outPath);
    ASSERT_TRUE(ds);
    size_t cells = 0;
    for (const auto& t : content.value().tables) {
        OGRLayer* l = ds->GetLayerByName(t.name.c_str());
        ASSERT_NE(l, nullptr) << t.name;
        l->ResetReading();
        size_t row = 0;
        for (auto& f : l) {
            ASSERT_LT(row, t.rows) << t.name;
            for (const auto& c : t.columns) {
                const int i = f->GetFieldIndex(c.name.c_str());
                ASSERT_GE(i, 0) << t.name << "." << c.name;
                const bool null = (row < c.isNull.size() && c.isNull[row]) || (c.numeric() && std::isnan(c.num[row]));
                ASSERT_EQ(f->IsFieldNull(i), null) << t.name << "." << c.name << " row " << row;
                ++cells;
                if (null) continue;
                if (c.type == FieldType::Integer) {
                    EXPECT_EQ(f->GetFieldAsInteger64(i), std::llround(c.num[row])) << t.name << "." << c.name;
                } else if (c.type == FieldType::Real) {
                    EXPECT_EQ(f->GetFieldAsDouble(i), c.num[row]) << t.name << "." << c.name << " row " << row;
                } else if (c.type == FieldType::Text) {
                    EXPECT_EQ(f->GetFieldAsString(i), c.text[row]) << t.name << "." << c.name;
                }
            }
            const OGRGeometry* g = f->GetGeometryRef();
            if (t.geometry == TableGeometry::Point) {
                ASSERT_NE(g, nullptr);
                EXPECT_EQ(g->toPoint()->getX(), t.points->xy[row].x);
                EXPECT_EQ(g->toPoint()->getY(), t.points->xy[row].y);
            } else if (t.geometry == TableGeometry::Polygon) {
                ASSERT_NE(g, nullptr);
                const AreaLayer& a = *t.areas;
                const uint32_t v0 = a.vertexStart[a.ringStart[a.partStart[row]]];
                const OGRLinearRing* ring = g->toMultiPolygon()->getGeometryRef(0)->getExteriorRing();
                EXPECT_EQ(ring->getX(0), a.xy[v0].x);
                EXPECT_EQ(ring->getY(0), a.xy[v0].y);
            }
            ++row;
        }
        EXPECT_EQ(row, t.rows) << t.name;
    }
    EXPECT_GT(cells, 1000u);

    // And the long table holds the indicator table itself, value by value.
    const IndicatorTable& table = *project().indicators;
    const Catalogue& cat = project().catalogue;
    OGRLayer* ind = ds->GetLayerByName(kIndicatorTable);
    ASSERT_NE(ind, nullptr);
    size_t rows = 0, nulls = 0;
    ind->ResetReading();
    for (auto& f : ind) {
        const int code = f->GetFieldAsInteger("geso_kod"), year = f->GetFieldAsInteger("ar");
        const int i = cat.indicatorIndex(f->GetFieldAsString("indikator"));
        ASSERT_GE(i, 0) << f->GetFieldAsString("indikator");
        const double want = code == 0 ? table.cityValue(year, i) : table.value(code, year, i);
        const int vi = f->GetFieldIndex("varde");
        ++rows;
        if (std::isnan(want)) {
            ++nulls;
            EXPECT_TRUE(f->IsFieldNull(vi)) << code << " " << year << " " << i;
        } else {
            EXPECT_EQ(f->GetFieldAsDouble(vi), want) << code << " " << year << " " << i;
        }
        if (code == 0) {
            EXPECT_STREQ(f->GetFieldAsString("geso_namn"), "Malmö");
        } else {
            const int fi = project().featureOfCode(code);
            if (fi >= 0) {
                EXPECT_EQ(f->GetFieldAsString("geso_namn"), project().areaName[static_cast<size_t>(fi)]);
            }
        }
    }
    EXPECT_EQ(rows, static_cast<size_t>(ind->GetFeatureCount()));
    EXPECT_GT(rows, 14u * 12u);
    std::cerr << rows << " indicator rows read back, " << nulls << " of them NULL\n";
}

TEST_F(ProjectExport, PointLayersCarryTheAppsOwnSymbols) {
    ExportRequest req;
    auto content = buildGpkgContent(project(), req);
    ASSERT_TRUE(content.ok()) << content.error().line();
    for (const auto& [table, kind, layer] :
         {std::tuple{kInitiativesTable, PointLayerKind::Initiatives, &*project().initiatives},
          std::tuple{kTrygghetTable, PointLayerKind::Trygghet, &*project().trygghet}}) {
        const ExportTable* t = nullptr;
        for (const auto& x : content.value().tables)
            if (x.name == table) t = &x;
        ASSERT_NE(t, nullptr) << table;
        ASSERT_EQ(t->styles.size(), 1u);
        const LayerStyle& s = t->styles.front();
        const PointSymbology sym = symbolizePoints(*layer, kind);
        EXPECT_EQ(s.field, sym.fields.category);
        ASSERT_EQ(s.categories.size(), sym.categories.size()) << table;
        std::set<std::string> looks;  // shape + fill: 7 themes share 6 shapes, never a look
        for (size_t i = 0; i < s.categories.size(); ++i) {
            EXPECT_EQ(s.categories[i].value, sym.categories[i].value);
            EXPECT_EQ(s.categories[i].color.r, sym.categories[i].fill.r);
            EXPECT_EQ(s.categories[i].color.g, sym.categories[i].fill.g);
            EXPECT_EQ(s.categories[i].color.b, sym.categories[i].fill.b);
            ASSERT_TRUE(s.categories[i].outline.has_value());
            EXPECT_EQ(s.categories[i].outline->r, sym.categories[i].stroke.r);
            looks.insert(s.categories[i].marker + toHex(sym.categories[i].fill));
        }
        EXPECT_EQ(looks.size(), s.categories.size()) << table << ": one look per category";
        EXPECT_NEAR(s.markerSizeMm, sym.sizePx * 25.4 / 96.0, 1e-9);
        const std::string qml = styleQml(s);
        EXPECT_EQ(strictXmlProblem(qml), "");
        EXPECT_NE(qml.find("type=\"categorizedSymbol\""), std::string::npos);
        EXPECT_NE(qml.find("\"" + s.categories[1].marker + "\""), std::string::npos);
    }
}

TEST_F(ProjectExport, TheVariableOnScreenKeepsItsStyleAndTheOthersTheirDefaults) {
    ExportRequest req;
    req.defaultVariable = "utbildning";
    MapStyle manual;
    manual.spec.method = ClassMethod::Manual;
    manual.spec.manualUpper = {90, 100, 1000};
    manual.spec.k = 3;
    req.variableStyles["utbildning"] = manual;  // the viewer's dragged breaks
    auto content = buildGpkgContent(project(), req);
    ASSERT_TRUE(content.ok()) << content.error().line();
    const ExportTable& areas = content.value().tables.front();
    for (const LayerStyle& s : areas.styles) {
        if (s.field == "utbildning") {
            EXPECT_TRUE(s.isDefault);
            ASSERT_EQ(s.ranges.size(), 3u);
            EXPECT_EQ(s.ranges[0].upper, 90);
        } else {
            EXPECT_FALSE(s.isDefault) << s.field;
            EXPECT_EQ(s.ranges.size(), 5u) << s.field << ": its own default, centred on Malmö = 100";
        }
    }
}
