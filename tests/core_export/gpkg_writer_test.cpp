#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/export/gpkg_content.hpp"
#include "core/export/safe_write.hpp"
#include "gpkg_read.hpp"
#include "test_util.hpp"

using namespace geso::core;
using namespace geso::testing;

namespace {

LayerStyle style(const std::string& name, bool isDefault, const std::string& field) {
    LayerStyle s;
    s.name = name;
    s.isDefault = isDefault;
    s.field = field;
    s.ranges = {{1, 2, {200, 0, 0, 255}, "1–2"}, {2, 3.5, {0, 0, 200, 255}, "2–3,5"}};
    return s;
}

struct Fixture {
    AreaLayer areas = squareAreas(3);
    PointLayer points = somePoints(2);
    GpkgContent content;

    Fixture() {
        ExportTable a;
        a.name = "omraden";
        a.description = "Schematiska gränser & illustrativa värden";
        a.geometry = TableGeometry::Polygon;
        a.areas = &areas;
        a.sourceCrs = "EPSG:3008";
        a.rows = 3;
        a.columns = {numberColumn("kod", FieldType::Integer, {1, 2, 14}),
                     textColumn("namn", {"Västra hamnen", "Möllevången, Rådmansvången", "Hyllievång"}),
                     numberColumn("varde", FieldType::Real, {0.1, 1.0 / 3.0, NAN}),
                     numberColumn("stor", FieldType::Integer, {5e9, 1, 2})};
        a.metadata = {{"SOURCE", "test"}};
        a.styles = {style("Totalindex", true, "varde"), style("Delaktighet", false, "varde")};
        ExportTable p;
        p.name = "punkter";
        p.geometry = TableGeometry::Point;
        p.points = &points;
        p.sourceCrs = "EPSG:3008";
        p.rows = 2;
        p.columns = {textColumn("tema", {"Trygghet", "Skola"})};
        LayerStyle ps;
        ps.name = "Tema";
        ps.isDefault = true;
        ps.symbol = SymbolKind::Marker;
        ps.field = "tema";
        ps.categories = {{"Trygghet", {1, 2, 3, 255}, "Trygghet", "", std::nullopt}, {"Skola", {4, 5, 6, 255}, "Skola", "", std::nullopt}};
        p.styles = {ps};
        ExportTable t;
        t.name = "lang";
        t.description = "long table";
        t.rows = 2;
        t.columns = {numberColumn("ar", FieldType::Integer, {2023, 2024}), textColumn("indikator", {"a", "b"})};
        content.tables = {a, p, t};
        content.metadata = {{"PROVENANCE", "Schematiska gränser · illustrativa värden"}};
    }
};

int epsgOf(OGRLayer* layer) {
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    if (!srs) return 0;
    const char* code = srs->GetAuthorityCode(nullptr);
    return code ? std::atoi(code) : 0;
}

}  // namespace

TEST(GpkgWriter, WritesTablesThatReadBackExactly) {
    TempDir dir;
    Fixture fx;
    const std::string path = dir.file("out.gpkg");
    Status st = writeGpkgContent(path, fx.content, false);
    ASSERT_TRUE(st.ok()) << st.error().line();

    auto ds = openGpkg(path);
    ASSERT_TRUE(ds);
    OGRLayer* a = ds->GetLayerByName("omraden");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->GetFeatureCount(), 3);
    EXPECT_EQ(epsgOf(a), 3008);
    EXPECT_EQ(wkbFlatten(a->GetGeomType()), wkbMultiPolygon);
    OGRFeatureDefn* d = a->GetLayerDefn();
    EXPECT_EQ(d->GetFieldDefn(d->GetFieldIndex("kod"))->GetType(), OFTInteger);
    EXPECT_EQ(d->GetFieldDefn(d->GetFieldIndex("namn"))->GetType(), OFTString);
    EXPECT_EQ(d->GetFieldDefn(d->GetFieldIndex("varde"))->GetType(), OFTReal);
    EXPECT_EQ(d->GetFieldDefn(d->GetFieldIndex("stor"))->GetType(), OFTInteger64);
    a->ResetReading();
    OGRFeatureUniquePtr f1(a->GetNextFeature());
    OGRFeatureUniquePtr f2(a->GetNextFeature());
    OGRFeatureUniquePtr f3(a->GetNextFeature());
    ASSERT_TRUE(f1 && f2 && f3);
    EXPECT_EQ(f1->GetFieldAsInteger("kod"), 1);
    EXPECT_EQ(f3->GetFieldAsInteger("kod"), 14);
    EXPECT_STREQ(f2->GetFieldAsString("namn"), "Möllevången, Rådmansvången");
    EXPECT_EQ(f1->GetFieldAsDouble("varde"), 0.1);
    EXPECT_EQ(f2->GetFieldAsDouble("varde"), 1.0 / 3.0);
    EXPECT_TRUE(f3->IsFieldNull(f3->GetFieldIndex("varde")));
    EXPECT_EQ(f1->GetFieldAsInteger64("stor"), 5000000000LL);
    // Square 2 has a 500 m × 500 m hole: area 1e6 − 2.5e5.
    const auto* g2 = f2->GetGeometryRef();
    ASSERT_NE(g2, nullptr);
    EXPECT_NEAR(g2->toMultiPolygon()->get_Area(), 750000.0, 1e-6);
    OGREnvelope env;
    f1->GetGeometryRef()->getEnvelope(&env);
    EXPECT_EQ(env.MinX, 118000.0);
    EXPECT_EQ(env.MaxY, 6164000.0);

    OGRLayer* p = ds->GetLayerByName("punkter");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->GetFeatureCount(), 2);
    EXPECT_EQ(wkbFlatten(p->GetGeomType()), wkbPoint);
    p->ResetReading();
    OGRFeatureUniquePtr pf(p->GetNextFeature());
    ASSERT_TRUE(pf);
    EXPECT_EQ(pf->GetGeometryRef()->toPoint()->getX(), 118100.5);
    EXPECT_EQ(pf->GetGeometryRef()->toPoint()->getY(), 6163200.25);

    OGRLayer* t = ds->GetLayerByName("lang");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->GetGeomType(), wkbNone);
    EXPECT_EQ(t->GetFeatureCount(), 2);
}

TEST(GpkgWriter, RegistersAttributesTablesAndDescriptions) {
    TempDir dir;
    Fixture fx;
    const std::string path = dir.file("out.gpkg");
    ASSERT_TRUE(writeGpkgContent(path, fx.content, false).ok());
    auto ds = openGpkg(path);
    ASSERT_TRUE(ds);
    OGRLayer* r = ds->ExecuteSQL("SELECT table_name, data_type, description FROM gpkg_contents ORDER BY table_name",
                                 nullptr, nullptr);
    ASSERT_NE(r, nullptr);
    std::map<std::string, std::pair<std::string, std::string>> rows;
    for (auto& f : r) rows[f->GetFieldAsString(0)] = {f->GetFieldAsString(1), f->GetFieldAsString(2)};
    ds->ReleaseResultSet(r);
    EXPECT_EQ(rows["omraden"].first, "features");
    EXPECT_EQ(rows["omraden"].second, "Schematiska gränser & illustrativa värden");
    EXPECT_EQ(rows["lang"].first, "attributes");
    EXPECT_EQ(rows["layer_styles"].first, "attributes");
    // Provenance in gpkg_metadata, referenced from the GeoPackage and the table.
    OGRLayer* m = ds->ExecuteSQL(
        "SELECT r.reference_scope, r.table_name, m.metadata FROM gpkg_metadata_reference r "
        "JOIN gpkg_metadata m ON m.id = r.md_file_id",
        nullptr, nullptr);
    ASSERT_NE(m, nullptr);
    bool dataset = false, table = false;
    for (auto& f : m) {
        const std::string scope = f->GetFieldAsString(0), md = f->GetFieldAsString(2);
        if (scope == "geopackage" && md.find("illustrativa värden") != std::string::npos) dataset = true;
        if (scope == "table" && std::string(f->GetFieldAsString(1)) == "omraden" &&
            md.find("SOURCE") != std::string::npos)
            table = true;
    }
    ds->ReleaseResultSet(m);
    EXPECT_TRUE(dataset);
    EXPECT_TRUE(table);
}

TEST(GpkgWriter, LayerStylesHaveOneDefaultPerTableAndEmptySchema) {
    TempDir dir;
    Fixture fx;
    const std::string path = dir.file("out.gpkg");
    ASSERT_TRUE(writeGpkgContent(path, fx.content, false).ok());
    auto ds = openGpkg(path);
    OGRLayer* r = ds->ExecuteSQL(
        "SELECT f_table_name, SUM(useAsDefault), COUNT(*), MAX(LENGTH(styleName)), "
        "SUM(f_table_schema IS NULL), SUM(f_table_schema = ''), MIN(f_geometry_column) "
        "FROM layer_styles GROUP BY f_table_name ORDER BY f_table_name",
        nullptr, nullptr);
    ASSERT_NE(r, nullptr);
    int tables = 0;
    for (auto& f : r) {
        ++tables;
        EXPECT_EQ(f->GetFieldAsInteger(1), 1) << f->GetFieldAsString(0);
        EXPECT_LE(f->GetFieldAsInteger(3), 30);
        EXPECT_EQ(f->GetFieldAsInteger(4), 0);
        EXPECT_EQ(f->GetFieldAsInteger(5), f->GetFieldAsInteger(2));
        EXPECT_STREQ(f->GetFieldAsString(6), "geom");
    }
    ds->ReleaseResultSet(r);
    EXPECT_EQ(tables, 2);
}

TEST(GpkgWriter, PassesGdalValidatorAndOgrinfo) {
    TempDir dir;
    Fixture fx;
    const std::string path = dir.file("out.gpkg");
    ASSERT_TRUE(writeGpkgContent(path, fx.content, false).ok());
    const std::string script = validatorScript();
    if (script.empty() || !std::filesystem::exists("/usr/bin/python3"))
        GTEST_SKIP() << "validate_gpkg.py (python3-gdal) not installed";
    const auto v = runCommand("/usr/bin/python3 " + script + " '" + path + "'");
    EXPECT_EQ(v.exitCode, 0) << v.text;
    EXPECT_EQ(v.text.find("ERROR"), std::string::npos) << v.text;
    if (std::filesystem::exists("/usr/bin/ogrinfo")) {
        const auto info = runCommand("/usr/bin/ogrinfo -ro -so -al '" + path + "'");
        EXPECT_EQ(info.exitCode, 0) << info.text;
        EXPECT_NE(info.text.find("Layer name: omraden"), std::string::npos);
        EXPECT_NE(info.text.find("Feature Count: 3"), std::string::npos);
        EXPECT_NE(info.text.find("kod: Integer (0.0)"), std::string::npos) << info.text;
        EXPECT_NE(info.text.find("varde: Real (0.0)"), std::string::npos);
    }
}

TEST(GpkgWriter, ReprojectsToTheRequestedCrs) {
    TempDir dir;
    Fixture fx;
    fx.content.crs = "EPSG:3006";
    const std::string path = dir.file("out.gpkg");
    Status st = writeGpkgContent(path, fx.content, false);
    ASSERT_TRUE(st.ok()) << st.error().line();
    auto ds = openGpkg(path);
    OGRLayer* a = ds->GetLayerByName("omraden");
    EXPECT_EQ(epsgOf(a), 3006);
    OGREnvelope env;
    ASSERT_EQ(a->GetExtent(&env), OGRERR_NONE);
    EXPECT_GT(env.MinX, 350000.0);  // SWEREF 99 TM eastings in Malmö are ~3.7e5
    EXPECT_LT(env.MinX, 400000.0);
}

TEST(GpkgWriter, RejectsInconsistentContent) {
    Fixture fx;
    fx.content.tables[0].styles[1].isDefault = true;
    EXPECT_FALSE(checkContent(fx.content).ok());
    Fixture fy;
    fy.content.tables[0].styles[0].name = "Ett mycket långt stilnamn som inte får plats";
    EXPECT_FALSE(checkContent(fy.content).ok());
    Fixture fz;
    fz.content.tables[0].rows = 4;
    EXPECT_FALSE(checkContent(fz.content).ok());
}

TEST(GpkgWriter, UpdateReplacesOurTablesAndKeepsForeignOnes) {
    TempDir dir;
    const std::string path = dir.file("shared.gpkg");
    // A colleague's GeoPackage with its own layer and style.
    {
        Fixture foreign;
        foreign.content.tables.resize(1);
        foreign.content.tables[0].name = "cykelvagar";
        foreign.content.tables[0].styles = {style("Min stil", true, "varde")};
        foreign.content.metadata = {{"OWNER", "gatukontoret"}};
        ASSERT_TRUE(writeGpkgContent(path, foreign.content, false).ok());
    }
    Fixture fx;
    ASSERT_TRUE(writeGpkgContent(path, fx.content, true).ok());
    // Again: replaced, not duplicated.
    Status st = writeGpkgContent(path, fx.content, true);
    ASSERT_TRUE(st.ok()) << st.error().line();
    auto ds = openGpkg(path);
    ASSERT_TRUE(ds);
    EXPECT_NE(ds->GetLayerByName("cykelvagar"), nullptr);
    EXPECT_EQ(ds->GetLayerByName("cykelvagar")->GetFeatureCount(), 3);
    EXPECT_EQ(ds->GetLayerByName("omraden")->GetFeatureCount(), 3);
    OGRLayer* r = ds->ExecuteSQL("SELECT f_table_name, COUNT(*) FROM layer_styles GROUP BY f_table_name "
                                 "ORDER BY f_table_name",
                                 nullptr, nullptr);
    std::map<std::string, int> counts;
    for (auto& f : r) counts[f->GetFieldAsString(0)] = f->GetFieldAsInteger(1);
    ds->ReleaseResultSet(r);
    EXPECT_EQ(counts["cykelvagar"], 1);
    EXPECT_EQ(counts["omraden"], 2);
    EXPECT_EQ(counts["punkter"], 1);
    EXPECT_STREQ(ds->GetMetadataItem("OWNER"), "gatukontoret");
    EXPECT_NE(ds->GetMetadataItem("PROVENANCE"), nullptr);
}

namespace {

// A style row as QGIS saves one ("Save as default" or into the database).
void addStyleRow(const std::string& path, const std::string& table, const std::string& name, bool isDefault) {
    ensureGdal();
    auto ds = GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(ds);
    OGRLayer* styles = ds->GetLayerByName("layer_styles");
    ASSERT_NE(styles, nullptr);
    OGRFeature f(styles->GetLayerDefn());
    f.SetField("f_table_catalog", "");
    f.SetField("f_table_schema", "");
    f.SetField("f_table_name", table.c_str());
    f.SetField("f_geometry_column", "geom");
    f.SetField("styleName", name.c_str());
    f.SetField("styleQML", "<qgis/>");
    f.SetField("useAsDefault", isDefault ? 1 : 0);
    ASSERT_EQ(styles->CreateFeature(&f), OGRERR_NONE);
}

// styleName → useAsDefault of a table's rows in layer_styles.
std::map<std::string, int> stylesOf(const std::string& path, const std::string& table) {
    std::map<std::string, int> out;
    auto ds = openGpkg(path);
    if (!ds) return out;
    OGRLayer* r = ds->ExecuteSQL(("SELECT styleName, useAsDefault FROM layer_styles WHERE f_table_name = '" + table +
                                  "'").c_str(),
                                 nullptr, nullptr);
    if (!r) return out;
    for (auto& f : r) out[f->GetFieldAsString(0)] += f->GetFieldAsInteger(1) ? 10 : 1;
    ds->ReleaseResultSet(r);
    return out;
}

}  // namespace

TEST(GpkgWriter, UpdateReplacesOurTableWhateverTheCaseOfItsName) {
    TempDir dir;
    const std::string path = dir.file("case.gpkg");
    {
        ensureGdal();
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        ASSERT_NE(drv, nullptr);
        GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(ds);
        OGRLayer* l = ds->CreateLayer("OMRADEN", nullptr, wkbNone, nullptr);
        ASSERT_NE(l, nullptr);
        OGRFeature f(l->GetLayerDefn());
        ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
    }
    Fixture fx;
    Status st = writeGpkgContent(path, fx.content, true);
    ASSERT_TRUE(st.ok()) << st.error().line();
    auto ds = openGpkg(path);
    ASSERT_TRUE(ds);
    OGRLayer* r = ds->ExecuteSQL("SELECT table_name FROM gpkg_contents WHERE lower(table_name) = 'omraden'", nullptr,
                                 nullptr);
    ASSERT_NE(r, nullptr);
    std::vector<std::string> names;
    for (auto& f : r) names.push_back(f->GetFieldAsString(0));
    ds->ReleaseResultSet(r);
    EXPECT_EQ(names, std::vector<std::string>{"omraden"});
    EXPECT_EQ(ds->GetLayerByName("omraden")->GetFeatureCount(), 3);
}

TEST(GpkgWriter, NamesDifferingOnlyInCaseAreOneTable) {
    Fixture fx;
    fx.content.tables[2].name = "OMRADEN";
    EXPECT_FALSE(checkContent(fx.content).ok());
}

TEST(GpkgWriter, UpdateKeepsTheUsersStylesOnOurTablesWithOneDefault) {
    TempDir dir;
    const std::string path = dir.file("qgis.gpkg");
    Fixture fx;
    ASSERT_TRUE(writeGpkgContent(path, fx.content, false).ok());
    // Saved in QGIS on our table: one made the default, one not; and a style of
    // ours from an English export, which the next export replaces.
    addStyleRow(path, "omraden", "Min QGIS-stil", true);
    addStyleRow(path, "omraden", "Annan stil", false);
    addStyleRow(path, "omraden", "Total index", false);
    addStyleRow(path, "OMRADEN", "Totalindex", false);  // same table to SQLite
    fx.content.tables[0].ownedStyleNames = {"Total index", "Participation"};
    Status st = writeGpkgContent(path, fx.content, true);
    ASSERT_TRUE(st.ok()) << st.error().line();
    // 1 = present, not default; 10 = present, default (summed per name).
    EXPECT_EQ(stylesOf(path, "omraden"), (std::map<std::string, int>{
                                             {"Annan stil", 1}, {"Delaktighet", 1}, {"Min QGIS-stil", 1},
                                             {"Totalindex", 10}}));
    EXPECT_TRUE(stylesOf(path, "OMRADEN").empty());
    EXPECT_EQ(stylesOf(path, "punkter"), (std::map<std::string, int>{{"Tema", 10}}));
}
