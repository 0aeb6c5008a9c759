// The CRS a layer is read in: what the file declares, what --assume-crs says,
// and the warnings when the coordinates do not fit either.
#include <gtest/gtest.h>

#include "core/crs/crs.hpp"
#include "core/io/vector_reader.hpp"
#include "fixtures.hpp"

using namespace geso::core;
using namespace geso::test;

namespace {

std::vector<std::string> warnings(const AreaLayer& l) {
    std::vector<std::string> out;
    for (const auto& i : l.issues)
        if (i.kind == FeatureIssue::Kind::Warning) out.push_back(i.detail);
    return out;
}

bool anyContains(const std::vector<std::string>& texts, const std::string& fragment) {
    for (const auto& t : texts)
        if (t.find(fragment) != std::string::npos) return true;
    return false;
}

LoadOptions assume(const std::string& crs) {
    LoadOptions o;
    o.assumeCrs = crs;
    return o;
}

// twoMalmoAreas() (SWEREF 99 13 30 numbers) written with the given CRS label.
std::string malmoShapefile(const TempDir& dir, const std::string& stem, int epsg) {
    const std::string path = dir.file(stem + ".shp");
    writeLayer(path, "ESRI Shapefile", {stem, epsg, wkbPolygon, {"ENCODING=UTF-8"}}, twoMalmoAreas());
    return path;
}

// A triangle around (lon, lat), written in EPSG:`epsg`.
std::string triangleAt(const TempDir& dir, const std::string& stem, int epsg, double lon, double lat) {
    std::vector<Vec2> p{{lon, lat}, {lon + 0.01, lat}, {lon, lat + 0.01}};
    EXPECT_TRUE(transformPoints(p, "EPSG:4326", "EPSG:" + std::to_string(epsg)).ok());
    char wkt[256];
    std::snprintf(wkt, sizeof wkt, "POLYGON((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))", p[0].x, p[0].y, p[1].x, p[1].y,
                  p[2].x, p[2].y, p[0].x, p[0].y);
    const std::string path = dir.file(stem + ".shp");
    writeLayer(path, "ESRI Shapefile", {stem, epsg, wkbPolygon, {"ENCODING=UTF-8"}}, {{wkt, 1, "a"}});
    return path;
}

}  // namespace

TEST(SourceCrs, Sweref1330NumbersLabelledSwerefTmGetAMixUpWarning) {
    TempDir dir;
    const std::string wrong = malmoShapefile(dir, "fel", 3006);
    auto r = loadAreas(wrong);
    ASSERT_TRUE(r.ok()) << r.error().line();
    ASSERT_EQ(warnings(r.value()).size(), 1u);
    EXPECT_NE(warnings(r.value())[0].find("look like EPSG:3008 (SWEREF 99 13 30), not EPSG:3006"), std::string::npos)
        << warnings(r.value())[0];

    // The same mix-up through --assume-crs on a file without .prj.
    const std::string bare = malmoShapefile(dir, "utan", 0);
    auto a = loadAreas(bare, assume("EPSG:3006"));
    ASSERT_TRUE(a.ok()) << a.error().line();
    EXPECT_TRUE(anyContains(warnings(a.value()), "look like EPSG:3008")) << a.value().issues.size();

    // And the reverse, and degrees labelled Web Mercator.
    auto b = loadAreas(malmoShapefile(dir, "tm", 0), assume("EPSG:3008"));
    ASSERT_TRUE(b.ok());
    EXPECT_TRUE(warnings(b.value()).empty());
    const std::string deg = dir.file("grader.shp");
    writeLayer(deg, "ESRI Shapefile", {"grader", 3857, wkbPolygon, {}},
               {{"POLYGON((13 55.6,13.01 55.6,13.01 55.61,13 55.6))", 1, "a"}});
    auto c = loadAreas(deg);
    ASSERT_TRUE(c.ok()) << c.error().line();
    EXPECT_TRUE(anyContains(warnings(c.value()), "look like EPSG:4326")) << (warnings(c.value()).empty() ? "" : warnings(c.value())[0]);
}

TEST(SourceCrs, AreaOfUseCheckIsTight) {
    TempDir dir;
    // ETRS89 / UTM 33N is for 12°–18° E; a degree west of it used to pass the
    // old 25 % slack (1.5°) silently.
    auto outside = loadAreas(triangleAt(dir, "vast", 25833, 11.0, 56.0));
    ASSERT_TRUE(outside.ok()) << outside.error().line();
    EXPECT_TRUE(anyContains(warnings(outside.value()), "the area of use of EPSG:25833"));
    // Just over the border (0.3°) is fine.
    auto near = loadAreas(triangleAt(dir, "nara", 25833, 11.7, 56.0));
    ASSERT_TRUE(near.ok()) << near.error().line();
    EXPECT_TRUE(warnings(near.value()).empty()) << warnings(near.value())[0];
}

TEST(SourceCrs, DataOutsideTheDisplayCrsAreaOfUseGetAWarning) {
    TempDir dir;
    const std::string json = dir.file("australien.geojson");
    writeText(json, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"geso_namn":"Outback"},
      "geometry":{"type":"Polygon","coordinates":[[[143.0,-25.6],[143.1,-25.6],[143.1,-25.5],[143.0,-25.6]]]}}]})");
    auto r = loadAreas(json);  // into EPSG:3008
    ASSERT_TRUE(r.ok()) << r.error().line();
    ASSERT_EQ(warnings(r.value()).size(), 1u);
    EXPECT_NE(warnings(r.value())[0].find("outside the area of use of the display CRS EPSG:3008"), std::string::npos)
        << warnings(r.value())[0];
    LoadOptions world;
    world.displayCrs = "EPSG:3857";
    auto w = loadAreas(json, world);
    ASSERT_TRUE(w.ok());
    EXPECT_TRUE(warnings(w.value()).empty());
}

TEST(SourceCrs, UnreadablePrjIsNamedAndAssumeCrsOverridesIt) {
    TempDir dir;
    const std::string shp = malmoShapefile(dir, "omr", 3008);
    writeText(dir.file("omr.prj"), "this is not wkt\n");
    auto r = loadAreas(shp);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().line(), shp + ": its .prj could not be read as a CRS; it looks like EPSG:3008 (SWEREF 99 13 30)"
                                      " — rerun with --assume-crs EPSG:3008");
    auto a = loadAreas(shp, assume("EPSG:3008"));
    ASSERT_TRUE(a.ok()) << a.error().line();
    EXPECT_EQ(a.value().source.srcCrsCode, "EPSG:3008");
    EXPECT_EQ(warnings(a.value()),
              (std::vector<std::string>{"its .prj could not be read as a CRS; using EPSG:3008 (SWEREF99 13 30) as "
                                        "--assume-crs says"}));
}

TEST(SourceCrs, LocalCsPrjFailsInOneShortLineAndAssumeCrsOverridesIt) {
    TempDir dir;
    const std::string shp = malmoShapefile(dir, "lokal", 3008);
    writeText(dir.file("lokal.prj"), R"(LOCAL_CS["arbitrary",UNIT["metre",1]])");
    auto r = loadAreas(shp);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, shp);
    EXPECT_NE(r.error().what.find("local (engineering) CRS 'arbitrary'"), std::string::npos) << r.error().what;
    EXPECT_NE(r.error().what.find("--assume-crs EPSG:3008"), std::string::npos) << r.error().what;
    EXPECT_EQ(r.error().what.find("ENGCRS"), std::string::npos) << "no WKT dump: " << r.error().what;
    EXPECT_LT(r.error().what.size(), 200u);

    auto a = loadAreas(shp, assume("EPSG:3008"));
    ASSERT_TRUE(a.ok()) << a.error().line();
    EXPECT_EQ(a.value().source.srcCrsCode, "EPSG:3008");
    EXPECT_NEAR(a.value().extent.minX, 118000, 1e-6);
    ASSERT_EQ(warnings(a.value()).size(), 1u);
    EXPECT_NE(warnings(a.value())[0].find("the file declares a local (engineering) CRS 'arbitrary'"), std::string::npos);
}

TEST(SourceCrs, AssumeCrsOverridesAUsableDeclaredCrsWithAWarning) {
    TempDir dir;
    const std::string shp = malmoShapefile(dir, "omr", 3008);
    auto same = loadAreas(shp, assume("EPSG:3008"));
    ASSERT_TRUE(same.ok());
    EXPECT_TRUE(same.value().issues.empty());

    // Degrees in a file labelled SWEREF 99 13 30: the user knows better.
    const std::string deg = dir.file("grader.shp");
    writeLayer(deg, "ESRI Shapefile", {"grader", 3008, wkbPolygon, {}},
               {{"POLYGON((13 55.6,13.01 55.6,13.01 55.61,13 55.6))", 1, "a"}});
    auto r = loadAreas(deg, assume("EPSG:4326"));
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_EQ(r.value().source.srcCrsCode, "EPSG:4326");
    EXPECT_NEAR(r.value().extent.minX, 118482.3, 1.0);  // 13.0 E 55.6 N in EPSG:3008
    EXPECT_EQ(warnings(r.value()),
              (std::vector<std::string>{"the file declares EPSG:3008 (SWEREF99 13 30); using EPSG:4326 (WGS 84) as "
                                        "--assume-crs says"}));
}
