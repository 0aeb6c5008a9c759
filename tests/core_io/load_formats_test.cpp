// Each OGR format geso-atlas promises: written here with GDAL, read back with loadAreas/loadPoints.
#include <gtest/gtest.h>

#include "core/io/vector_reader.hpp"
#include "fixtures.hpp"

using namespace geso::core;
using namespace geso::test;

namespace {

LoadOptions layerOpt(const std::string& name) {
    LoadOptions o;
    o.layerName = name;
    return o;
}

double ringArea(const AreaLayer& l, uint32_t r) {
    double a = 0;
    const uint32_t b = l.vertexStart[r], e = l.vertexStart[r + 1];
    for (uint32_t i = b; i < e; ++i) {
        const Vec2 p = l.xy[i], q = l.xy[i + 1 == e ? b : i + 1];
        a += p.x * q.y - q.x * p.y;
    }
    return a / 2;
}

// The two features of twoMalmoAreas(), read in EPSG:3008.
void expectTwoMalmoAreas(const AreaLayer& l) {
    ASSERT_EQ(l.featureCount(), 2u);
    EXPECT_EQ(l.partStart, (std::vector<uint32_t>{0, 1, 3}));
    EXPECT_EQ(l.ringStart, (std::vector<uint32_t>{0, 2, 3, 4}));
    EXPECT_EQ(l.vertexStart, (std::vector<uint32_t>{0, 4, 8, 12, 15}));  // open rings: 5 → 4, 4 → 3
    EXPECT_NEAR(ringArea(l, 0), 1.0e6, 1e-3);     // exterior counter-clockwise
    EXPECT_NEAR(ringArea(l, 1), -0.36e6, 1e-3);   // hole clockwise
    EXPECT_NEAR(ringArea(l, 2), 1.0e6, 1e-3);
    EXPECT_NEAR(ringArea(l, 3), 0.5e6, 1e-3);
    EXPECT_NEAR(l.extent.minX, 118000, 1e-6);
    EXPECT_NEAR(l.extent.maxX, 122000, 1e-6);
    EXPECT_NEAR(l.bbox[1].minX, 119000, 1e-6);

    const Column* kod = l.column("geso_kod");
    const Column* namn = l.column("geso_namn");
    ASSERT_NE(kod, nullptr);
    ASSERT_NE(namn, nullptr);
    EXPECT_EQ(kod->type, FieldType::Integer);
    EXPECT_EQ(kod->num, (std::vector<double>{1, 9}));
    EXPECT_EQ(namn->type, FieldType::Text);
    EXPECT_EQ(namn->text[0], "Västra hamnen, Gamla staden m fl");
    EXPECT_EQ(namn->text[1], "Möllevången, Rådmansvången m fl");
    EXPECT_EQ(l.source.srcCrsCode, "EPSG:3008");
    EXPECT_EQ(l.source.crsCode, "EPSG:3008");
    for (const auto& i : l.issues) ADD_FAILURE() << "unexpected issue: " << i.label << ": " << i.detail;
}

}  // namespace

TEST(LoadAreas, Shapefile) {
    TempDir dir;
    writeLayer(dir.file("omraden.shp"), "ESRI Shapefile", {"omraden", 3008, wkbPolygon, {"ENCODING=UTF-8"}},
               twoMalmoAreas());
    auto r = loadAreas(dir.file("omraden.shp"));
    ASSERT_TRUE(r.ok()) << r.error().line();
    expectTwoMalmoAreas(r.value());
    EXPECT_EQ(r.value().fid, (std::vector<int64_t>{0, 1}));
    EXPECT_EQ(r.value().source.driver, "ESRI Shapefile");
    EXPECT_EQ(r.value().source.layerName, "omraden");
}

TEST(LoadAreas, ZippedShapefileAtRootAndInAFolder) {
    TempDir dir;
    writeLayer(dir.file("omraden.shp"), "ESRI Shapefile", {"omraden", 3008, wkbPolygon, {"ENCODING=UTF-8"}},
               twoMalmoAreas());
    std::vector<std::string> parts;
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) parts.push_back(dir.file(std::string("omraden") + ext));
    zipFiles(dir.file("root.zip"), parts);
    zipFiles(dir.file("folder.zip"), parts, "GeSO/");

    for (const char* zip : {"root.zip", "folder.zip"}) {
        SCOPED_TRACE(zip);
        auto r = loadAreas(dir.file(zip));
        ASSERT_TRUE(r.ok()) << r.error().line();
        expectTwoMalmoAreas(r.value());
        EXPECT_EQ(r.value().source.path, dir.file(zip));
    }
    EXPECT_EQ(gdalPathFor(dir.file("folder.zip")), "/vsizip/" + dir.file("folder.zip") + "/GeSO/omraden.shp");
}

TEST(LoadAreas, ZipWithoutVectorDataIsAnError) {
    TempDir dir;
    writeText(dir.file("readme.txt"), "inget här");
    zipFiles(dir.file("empty.zip"), {dir.file("readme.txt")});
    auto r = loadAreas(dir.file("empty.zip"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, dir.file("empty.zip"));
    EXPECT_NE(r.error().what.find("no vector file"), std::string::npos) << r.error().what;
}

TEST(LoadAreas, GeoPackageWithTwoLayersNeedsALayerName) {
    TempDir dir;
    const std::string gpkg = dir.file("malmo.gpkg");
    writeLayer(gpkg, "GPKG", {"omraden", 3008, wkbMultiPolygon, {}}, twoMalmoAreas());
    writeLayer(gpkg, "GPKG", {"delomraden", 3008, wkbMultiPolygon, {}},
               {{"POLYGON((118000 6164000,119000 6164000,119000 6165000,118000 6164000))", 1, "Davidshall"}}, true);

    auto ambiguous = loadAreas(gpkg);
    ASSERT_FALSE(ambiguous.ok());
    EXPECT_EQ(ambiguous.error().where, gpkg);
    EXPECT_NE(ambiguous.error().what.find("omraden"), std::string::npos) << ambiguous.error().what;
    EXPECT_NE(ambiguous.error().what.find("delomraden"), std::string::npos) << ambiguous.error().what;
    // Commands name the option differently (--layer, --areas-layer), so the core names none.
    EXPECT_EQ(ambiguous.error().what.find("--"), std::string::npos) << ambiguous.error().what;
    EXPECT_NE(ambiguous.error().what.find("2 polygon layers"), std::string::npos) << ambiguous.error().what;
    EXPECT_NE(ambiguous.error().what.find("name the one to use"), std::string::npos) << ambiguous.error().what;

    auto r = loadAreas(gpkg, layerOpt("omraden"));
    ASSERT_TRUE(r.ok()) << r.error().line();
    expectTwoMalmoAreas(r.value());
    EXPECT_EQ(r.value().fid, (std::vector<int64_t>{1, 2}));  // GeoPackage fids start at 1

    auto d = loadAreas(gpkg, layerOpt("delomraden"));
    ASSERT_TRUE(d.ok()) << d.error().line();
    EXPECT_EQ(d.value().featureCount(), 1u);

    auto unknown = loadAreas(gpkg, layerOpt("saknas"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().what.find("no layer 'saknas'"), std::string::npos) << unknown.error().what;
    EXPECT_NE(unknown.error().what.find("delomraden"), std::string::npos) << unknown.error().what;
}

TEST(LoadAreas, GeoPackagePicksThePolygonLayerBesidePoints) {
    TempDir dir;
    const std::string gpkg = dir.file("mixed.gpkg");
    writeLayer(gpkg, "GPKG", {"omraden", 3008, wkbMultiPolygon, {}}, twoMalmoAreas());
    writeLayer(gpkg, "GPKG", {"insatser", 4326, wkbPoint, {}}, {{"POINT(13.0 55.6)", 1, "Trygghetsvärdar"}}, true);
    auto areas = loadAreas(gpkg);
    ASSERT_TRUE(areas.ok()) << areas.error().line();
    EXPECT_EQ(areas.value().source.layerName, "omraden");
    auto points = loadPoints(gpkg);
    ASSERT_TRUE(points.ok()) << points.error().line();
    EXPECT_EQ(points.value().source.layerName, "insatser");
    ASSERT_EQ(points.value().featureCount(), 1u);
    EXPECT_NEAR(points.value().xy[0].x, 118482.319728734, 0.01);  // see tests/core_crs for the reference
    EXPECT_NEAR(points.value().xy[0].y, 6164141.21000837, 0.01);

    auto wrongKind = loadAreas(gpkg, layerOpt("insatser"));
    ASSERT_FALSE(wrongKind.ok());
    EXPECT_NE(wrongKind.error().what.find("point layer"), std::string::npos) << wrongKind.error().what;
}

TEST(LoadAreas, GeoJsonInWgs84IsReprojected) {
    TempDir dir;
    const std::string path = dir.file("omraden.geojson");
    writeText(path, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"geso_kod":7,"geso_namn":"Ribersborg, Bellevue m fl"},
       "geometry":{"type":"Polygon","coordinates":[[[12.99,55.59],[13.01,55.59],[13.01,55.61],[12.99,55.61],[12.99,55.59]]]}}
    ]})");
    auto r = loadAreas(path);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const AreaLayer& l = r.value();
    ASSERT_EQ(l.featureCount(), 1u);
    EXPECT_EQ(l.source.srcCrsCode, "EPSG:4326");
    EXPECT_EQ(l.source.driver, "GeoJSON");
    // Lon/lat stayed lon/lat: the square straddles the reference point 13.0 E 55.6 N.
    EXPECT_LT(l.extent.minX, 118482.3);
    EXPECT_GT(l.extent.maxX, 118482.3);
    EXPECT_LT(l.extent.minY, 6164141.2);
    EXPECT_GT(l.extent.maxY, 6164141.2);
    EXPECT_NEAR(l.source.srcExtent.minX, 12.99, 1e-12);
    EXPECT_EQ(l.column("geso_namn")->text[0], "Ribersborg, Bellevue m fl");
}

TEST(LoadAreas, FlatGeobuf) {
    TempDir dir;
    const std::string path = dir.file("omraden.fgb");
    // No spatial index: FlatGeobuf would otherwise store features in Hilbert order.
    writeLayer(path, "FlatGeobuf", {"omraden", 3008, wkbUnknown, {"SPATIAL_INDEX=NO"}}, twoMalmoAreas());
    auto r = loadAreas(path);
    ASSERT_TRUE(r.ok()) << r.error().line();
    expectTwoMalmoAreas(r.value());
    EXPECT_EQ(r.value().source.driver, "FlatGeobuf");
}

TEST(LoadAreas, ReprojectsToTheRequestedDisplayCrs) {
    TempDir dir;
    writeLayer(dir.file("omraden.shp"), "ESRI Shapefile", {"omraden", 3008, wkbPolygon, {"ENCODING=UTF-8"}},
               twoMalmoAreas());
    LoadOptions o;
    o.displayCrs = "EPSG:3006";
    auto r = loadAreas(dir.file("omraden.shp"), o);
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_EQ(r.value().source.crsCode, "EPSG:3006");
    EXPECT_GT(r.value().extent.minX, 3.5e5);  // SWEREF 99 TM eastings around Malmö
    EXPECT_LT(r.value().extent.maxX, 4.0e5);
    EXPECT_NEAR(r.value().source.srcExtent.minX, 118000, 1e-6);  // the source extent is kept

    o.displayCrs = "EPSG:999999";
    EXPECT_FALSE(loadAreas(dir.file("omraden.shp"), o).ok());
}

TEST(LoadPoints, CsvWithLonLatColumns) {
    TempDir dir;
    const std::string path = dir.file("insatser.csv");
    writeText(path, "id,namn,lon,lat,budget\n1,Trygghetsvärdar,13.0,55.6,120000.5\n2,Läxhjälp,13.02,55.59,\n"
                    "3,Utan plats,,,\n");
    auto r = loadPoints(path);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const PointLayer& l = r.value();
    ASSERT_EQ(l.featureCount(), 2u);
    EXPECT_EQ(l.source.srcCrsCode, "EPSG:4326");
    EXPECT_NEAR(l.xy[0].x, 118482.319728734, 0.01);
    EXPECT_NEAR(l.xy[0].y, 6164141.21000837, 0.01);
    EXPECT_EQ(l.column("namn")->text[1], "Läxhjälp");
    const Column* budget = l.column("budget");
    ASSERT_NE(budget, nullptr);
    EXPECT_EQ(budget->type, FieldType::Real);
    EXPECT_TRUE(budget->isNull[1]);
    EXPECT_EQ(l.column("lon"), nullptr);  // the coordinate columns became the geometry
    // The row without coordinates is reported, not dropped silently.
    ASSERT_EQ(l.issues.size(), 1u);
    EXPECT_EQ(l.issues[0].kind, FeatureIssue::Kind::Skipped);
    EXPECT_NE(l.issues[0].label.find("Utan plats"), std::string::npos) << l.issues[0].label;
}

TEST(LoadPoints, CsvInMetresWithoutCrsIsRefusedWithAGuess) {
    TempDir dir;
    const std::string path = dir.file("punkter.csv");
    writeText(path, "namn,x,y\nA,118482.3,6164141.2\nB,119000,6165000\n");
    auto r = loadPoints(path);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().what.find("--assume-crs EPSG:3008"), std::string::npos) << r.error().what;

    LoadOptions o;
    o.assumeCrs = "EPSG:3008";
    auto ok = loadPoints(path, o);
    ASSERT_TRUE(ok.ok()) << ok.error().line();
    EXPECT_NEAR(ok.value().xy[0].x, 118482.3, 1e-6);
}

TEST(LoadPoints, MultiPointsAreSplitAndKeepTheirFid) {
    TempDir dir;
    const std::string path = dir.file("p.geojson");
    writeText(path, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":5,"properties":{"namn":"två"},"geometry":{"type":"MultiPoint","coordinates":[[13.0,55.6],[13.01,55.6]]}},
      {"type":"Feature","id":6,"properties":{"namn":"linje"},"geometry":{"type":"LineString","coordinates":[[13.0,55.6],[13.01,55.6]]}}
    ]})");
    auto r = loadPoints(path);
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_EQ(r.value().fid, (std::vector<int64_t>{5, 5}));
    EXPECT_EQ(r.value().column("namn")->text, (std::vector<std::string>{"två", "två"}));
    ASSERT_EQ(r.value().issues.size(), 1u);
    EXPECT_NE(r.value().issues[0].detail.find("not a point"), std::string::npos);
}

TEST(DescribeDataset, ListsLayersCrsFieldsAndExtent) {
    TempDir dir;
    const std::string gpkg = dir.file("malmo.gpkg");
    writeLayer(gpkg, "GPKG", {"omraden", 3008, wkbMultiPolygon, {}}, twoMalmoAreas());
    writeLayer(gpkg, "GPKG", {"insatser", 4326, wkbPoint, {}}, {{"POINT(13.0 55.6)", 1, "x"}}, true);
    auto r = describeDataset(gpkg);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const DatasetInfo& d = r.value();
    EXPECT_EQ(d.driver, "GPKG");
    ASSERT_EQ(d.layers.size(), 2u);
    const LayerInfo& a = d.layers[0].name == "omraden" ? d.layers[0] : d.layers[1];
    const LayerInfo& p = d.layers[0].name == "omraden" ? d.layers[1] : d.layers[0];
    EXPECT_EQ(a.kind, LayerKind::Areas);
    EXPECT_EQ(a.featureCount, 2);
    EXPECT_EQ(a.crsCode, "EPSG:3008");
    EXPECT_EQ(a.crsName, "SWEREF99 13 30");
    EXPECT_NEAR(a.extent.minX, 118000, 1e-6);
    EXPECT_NEAR(a.extent.maxY, 6165000, 1e-6);
    ASSERT_EQ(a.fields.size(), 2u);
    EXPECT_EQ(a.fields[0].name, "geso_kod");
    EXPECT_EQ(a.fields[0].type, FieldType::Integer);
    EXPECT_EQ(a.fields[1].gdalType, "String(80)");
    EXPECT_EQ(p.kind, LayerKind::Points);
    EXPECT_EQ(p.crsCode, "EPSG:4326");

    EXPECT_FALSE(describeDataset(gpkg, layerOpt("saknas")).ok());
}

TEST(LoadAreas, BundledGesoAreas) {
    const std::string path = std::string(GESO_SOURCE_DIR) + "/geodata/geso_omraden.shp";
    // Committed data: missing is a failure. Geometry checks (single valid
    // polygons, no gaps or overlaps, the delområden) are in tests/core_geom.
    ASSERT_TRUE(fs::exists(path)) << path << " is missing; regenerate with tools/gen_geodata.py";
    auto r = loadAreas(path);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const AreaLayer& l = r.value();
    EXPECT_EQ(l.featureCount(), 14u);
    EXPECT_EQ(l.source.srcCrsCode, "EPSG:3008");
    const Column* kod = l.column("geso_kod");
    const Column* namn = l.column("geso_namn");
    ASSERT_NE(kod, nullptr);
    ASSERT_NE(namn, nullptr);
    EXPECT_EQ(kod->type, FieldType::Integer);
    EXPECT_EQ(namn->type, FieldType::Text);
    bool found = false;
    for (const auto& n : namn->text) found = found || n == "Västra hamnen, Gamla staden m fl";
    EXPECT_TRUE(found) << "GeSO 1's name with 'ä' did not round-trip";
    for (const auto& i : l.issues) ADD_FAILURE() << "unexpected issue: " << i.label << ": " << i.detail;
    // Malmö in SWEREF 99 13 30.
    EXPECT_GT(l.extent.minX, 1.0e5);
    EXPECT_LT(l.extent.maxX, 1.5e5);
    EXPECT_GT(l.extent.minY, 6.1e6);
    EXPECT_LT(l.extent.maxY, 6.2e6);
}
