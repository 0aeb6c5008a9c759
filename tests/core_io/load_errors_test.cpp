// Bad input: one clear Error naming the file, never a crash; bad features are
// reported as issues, never dropped silently.
#include <gtest/gtest.h>

#include "core/io/vector_reader.hpp"
#include "fixtures.hpp"

using namespace geso::core;
using namespace geso::test;

namespace {

std::string writeShapefile(const TempDir& dir, const std::string& stem = "omraden", int epsg = 3008) {
    const std::string path = dir.file(stem + ".shp");
    writeLayer(path, "ESRI Shapefile", {stem, epsg, wkbPolygon, {"ENCODING=UTF-8"}}, twoMalmoAreas());
    return path;
}

void expectError(const Result<AreaLayer>& r, const std::string& path, const std::string& fragment) {
    ASSERT_FALSE(r.ok()) << "loaded " << path;
    EXPECT_EQ(r.error().where, path);
    EXPECT_NE(r.error().what.find(fragment), std::string::npos) << r.error().what;
    EXPECT_EQ(r.error().line().find('\n'), std::string::npos) << "error must be one line";
}

bool hasIssue(const std::vector<FeatureIssue>& issues, FeatureIssue::Kind kind, const std::string& fragment) {
    for (const auto& i : issues)
        if (i.kind == kind && (i.detail.find(fragment) != std::string::npos || i.label.find(fragment) != std::string::npos))
            return true;
    return false;
}

}  // namespace

TEST(LoadErrors, MissingFile) {
    TempDir dir;
    expectError(loadAreas(dir.file("saknas.shp")), dir.file("saknas.shp"), "not found");
}

TEST(LoadErrors, DirectoryGivenAsFile) {
    TempDir dir;
    fs::create_directory(dir.file("mapp.shp"));
    expectError(loadAreas(dir.file("mapp.shp")), dir.file("mapp.shp"), "directory");
    expectError(loadAreas(dir.path().string()), dir.path().string(), "directory");
}

TEST(LoadErrors, ZeroByteFiles) {
    TempDir dir;
    for (const char* name : {"tom.shp", "tom.gpkg", "tom.geojson", "tom.fgb"}) {
        writeText(dir.file(name), "");
        expectError(loadAreas(dir.file(name)), dir.file(name), "empty file");
    }
}

TEST(LoadErrors, MissingShx) {
    TempDir dir;
    const std::string shp = writeShapefile(dir);
    fs::remove(dir.file("omraden.shx"));
    expectError(loadAreas(shp), shp, "omraden.shx");
}

TEST(LoadErrors, MissingDbf) {
    TempDir dir;
    const std::string shp = writeShapefile(dir);
    fs::remove(dir.file("omraden.dbf"));
    expectError(loadAreas(shp), shp, "omraden.dbf");
}

TEST(LoadErrors, MissingPrjRefusesWithAGuessAndAssumeCrsFixesIt) {
    TempDir dir;
    const std::string shp = writeShapefile(dir);
    fs::remove(dir.file("omraden.prj"));
    auto r = loadAreas(shp);
    expectError(r, shp, "no CRS");
    EXPECT_NE(r.error().what.find("EPSG:3008 (SWEREF 99 13 30)"), std::string::npos) << r.error().what;
    EXPECT_NE(r.error().what.find("--assume-crs EPSG:3008"), std::string::npos) << r.error().what;

    LoadOptions o;
    o.assumeCrs = "EPSG:3008";
    auto ok = loadAreas(shp, o);
    ASSERT_TRUE(ok.ok()) << ok.error().line();
    EXPECT_EQ(ok.value().featureCount(), 2u);
    EXPECT_EQ(ok.value().source.srcCrsCode, "EPSG:3008");

    o.assumeCrs = "EPSG:nonsense";
    expectError(loadAreas(shp, o), shp, "--assume-crs");
}

TEST(LoadErrors, NoCrsInSwerefTmIsGuessedAsSwerefTm) {
    TempDir dir;
    // GeoJSON without "crs" means WGS 84 by RFC 7946, so use a shapefile without .prj.
    writeLayer(dir.file("tm.shp"), "ESRI Shapefile", {"tm", 0, wkbPolygon, {}},
               {{"POLYGON((374000 6163000,375000 6163000,375000 6164000,374000 6163000))", 1, "a"}});
    auto r = loadAreas(dir.file("tm.shp"));
    expectError(r, dir.file("tm.shp"), "--assume-crs EPSG:3006");
}

TEST(LoadErrors, TruncatedShapefile) {
    TempDir dir;
    const std::string shp = writeShapefile(dir);
    truncateFile(shp, 0.6);
    expectError(loadAreas(shp), shp, "truncated");
}

TEST(LoadErrors, TruncatedGeoPackage) {
    TempDir dir;
    const std::string gpkg = dir.file("omraden.gpkg");
    writeLayer(gpkg, "GPKG", {"omraden", 3008, wkbMultiPolygon, {}}, twoMalmoAreas());
    truncateFile(gpkg, 0.5);
    auto r = loadAreas(gpkg);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, gpkg);
}

TEST(LoadErrors, TruncatedGeoJsonAndFlatGeobuf) {
    TempDir dir;
    const std::string json = dir.file("omraden.geojson");
    writeLayer(json, "GeoJSON", {"omraden", 4326, wkbPolygon, {}},
               {{"POLYGON((13 55.6,13.01 55.6,13.01 55.61,13 55.6))", 1, "a"}});
    truncateFile(json, 0.7);
    auto r = loadAreas(json);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, json);

    const std::string fgb = dir.file("omraden.fgb");
    writeLayer(fgb, "FlatGeobuf", {"omraden", 3008, wkbUnknown, {}}, twoMalmoAreas());
    truncateFile(fgb, 0.8);
    auto f = loadAreas(fgb);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().where, fgb);
}

TEST(LoadErrors, NotAVectorFile) {
    TempDir dir;
    writeText(dir.file("brev.gpkg"), "Hej! Det här är ingen GeoPackage.\n");
    expectError(loadAreas(dir.file("brev.gpkg")), dir.file("brev.gpkg"), "GDAL");
}

TEST(LoadErrors, PostgisConnectionStringGoesToGdal) {
    // No server here: the point is that it reaches GDAL's PG driver and fails cleanly, fast.
    auto r = loadAreas("PG:host=127.0.0.1 port=1 dbname=none connect_timeout=2");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, "gdal:open");
}

TEST(LoadIssues, NullEmptyAndNonPolygonFeaturesAreReportedByName) {
    TempDir dir;
    const std::string path = dir.file("blandat.geojson");
    writeText(path, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"geso_kod":1,"geso_namn":"Hel"},
       "geometry":{"type":"Polygon","coordinates":[[[13.0,55.6],[13.01,55.6],[13.01,55.61],[13.0,55.6]]]}},
      {"type":"Feature","properties":{"geso_kod":2,"geso_namn":"Utan geometri"},"geometry":null},
      {"type":"Feature","properties":{"geso_kod":3,"geso_namn":"Tom"},"geometry":{"type":"Polygon","coordinates":[]}},
      {"type":"Feature","properties":{"geso_kod":4,"geso_namn":"Linje"},
       "geometry":{"type":"LineString","coordinates":[[13.0,55.6],[13.01,55.6]]}},
      {"type":"Feature","properties":{"geso_kod":5,"geso_namn":"Platt"},
       "geometry":{"type":"Polygon","coordinates":[[[13.0,55.6],[13.01,55.6],[13.0,55.6]]]}}
    ]})");
    auto r = loadAreas(path);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const AreaLayer& l = r.value();
    ASSERT_EQ(l.featureCount(), 1u);
    EXPECT_EQ(l.column("geso_namn")->text, (std::vector<std::string>{"Hel"}));
    EXPECT_EQ(l.column("geso_kod")->num.size(), 1u);  // columns stay aligned with features
    EXPECT_TRUE(hasIssue(l.issues, FeatureIssue::Kind::Skipped, "Utan geometri"));
    EXPECT_TRUE(hasIssue(l.issues, FeatureIssue::Kind::Skipped, "Tom"));
    EXPECT_TRUE(hasIssue(l.issues, FeatureIssue::Kind::Skipped, "Line String"));
    EXPECT_TRUE(hasIssue(l.issues, FeatureIssue::Kind::Skipped, "Platt"));
    EXPECT_EQ(l.issues.size(), 4u);
}

TEST(LoadIssues, NonFiniteSourceCoordinatesAreSkippedWithDetail) {
    TempDir dir;
    // GeoPackage WKB can hold NaN (the shapefile writer refuses it, WKT cannot spell it).
    const std::string gpkg = dir.file("nan.gpkg");
    writeLayer(gpkg, "GPKG", {"nan", 3008, wkbMultiPolygon, {}}, twoMalmoAreas());
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        OGRLayer* layer = ds->GetLayer(0);
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("geso_namn", "Trasig");
        auto* ring = new OGRLinearRing;
        ring->addPoint(118000, 6164000);
        ring->addPoint(std::nan(""), 6164500);
        ring->addPoint(118500, 6164500);
        ring->addPoint(118000, 6164000);
        auto* poly = new OGRPolygon;
        poly->addRingDirectly(ring);
        f->SetGeometryDirectly(poly);
        ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE) << CPLGetLastErrorMsg();
    }
    auto r = loadAreas(gpkg);
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_EQ(r.value().featureCount(), 2u);
    EXPECT_TRUE(hasIssue(r.value().issues, FeatureIssue::Kind::Skipped, "non-finite"));
    EXPECT_TRUE(hasIssue(r.value().issues, FeatureIssue::Kind::Skipped, "Trasig"));
}

TEST(LoadIssues, AxisSwappedDataGetAWarning) {
    TempDir dir;
    const std::string shp = dir.file("swap.shp");
    writeLayer(shp, "ESRI Shapefile", {"swap", 3008, wkbPolygon, {}},
               {{"POLYGON((6164000 118000,6164000 119000,6165000 119000,6164000 118000))", 1, "a"}});
    auto r = loadAreas(shp);
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_TRUE(hasIssue(r.value().issues, FeatureIssue::Kind::Warning, "axis-swapped"));
}

TEST(LoadIssues, DataFarOutsideTheCrsAreaOfUseGetAWarning) {
    TempDir dir;
    // Web Mercator numbers labelled as SWEREF 99 13 30.
    const std::string shp = dir.file("fel.shp");
    writeLayer(shp, "ESRI Shapefile", {"fel", 3008, wkbPolygon, {}},
               {{"POLYGON((1447000 7479000,1448000 7479000,1448000 7480000,1447000 7479000))", 1, "a"}});
    auto r = loadAreas(shp);
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_TRUE(hasIssue(r.value().issues, FeatureIssue::Kind::Warning, "area of use"));

    // Malmö data in the right CRS: no warning.
    const std::string good = writeShapefile(dir, "bra");
    auto g = loadAreas(good);
    ASSERT_TRUE(g.ok());
    EXPECT_TRUE(g.value().issues.empty());
}

TEST(LoadIssues, UntransformableVerticesSkipTheFeature) {
    TempDir dir;
    const std::string path = dir.file("pol.geojson");
    writeText(path, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"geso_namn":"Malmö"},
       "geometry":{"type":"Polygon","coordinates":[[[13.0,55.6],[13.01,55.6],[13.01,55.61],[13.0,55.6]]]}},
      {"type":"Feature","properties":{"geso_namn":"Nordpolen"},
       "geometry":{"type":"Polygon","coordinates":[[[13.0,89.0],[14.0,91.0],[15.0,89.5],[13.0,89.0]]]}}
    ]})");
    LoadOptions o;
    o.displayCrs = "EPSG:3857";  // latitude 91° does not exist
    auto r = loadAreas(path, o);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const AreaLayer& l = r.value();
    ASSERT_EQ(l.featureCount(), 1u);
    EXPECT_EQ(l.column("geso_namn")->text[0], "Malmö");
    EXPECT_EQ(l.vertexStart.back(), l.xy.size());
    EXPECT_EQ(l.xy.size(), 3u);
    EXPECT_TRUE(hasIssue(l.issues, FeatureIssue::Kind::Skipped, "Nordpolen"));
}
