// The whole export on the bundled (schematic, illustrative) project: what the
// GeoPackage holds must be exactly what the app computes and shows.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "core/classify/palette.hpp"
#include "core/export/export.hpp"
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
    TempDir dir;
    ExportRequest req;
    req.outPath = dir.file("geso.gpkg");
    ASSERT_TRUE(exportGeoPackage(project(), req).ok());
    const std::string script = validatorScript();
    if (script.empty()) GTEST_SKIP() << "validate_gpkg.py (python3-gdal) not installed";
    const auto v = runCommand("/usr/bin/python3 " + script + " '" + req.outPath + "'");
    EXPECT_EQ(v.exitCode, 0) << v.text;
    EXPECT_EQ(v.text.find("ERROR"), std::string::npos) << v.text;
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
        const auto v = runCommand("/usr/bin/python3 " + script + " '" + target + "'");
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
    EXPECT_EQ(header.rfind("geso_kod;geso_namn;del_valdeltagande;", 0), 0u) << header;
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
