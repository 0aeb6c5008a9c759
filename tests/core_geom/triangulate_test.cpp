#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/geom/polygon_ops.hpp"
#include "core/geom/triangulate.hpp"
#include "core/geom/triangulate_geos.hpp"
#include "core/geom/validate.hpp"
#include "geom_checks.hpp"
#include "wkt_layer.hpp"

using namespace geso::core;
using geso::test::layerFromWkt;
using geso::test::sumTriangleAreas;
using geso::test::triangleCount;

namespace {

AreaGeometry build(const AreaLayer& L, GeometryOptions opts = {}) {
    auto r = buildAreaGeometry(L, opts);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().line());
    return r.ok() ? std::move(r).value() : AreaGeometry{};
}

// Every triangle of f indexes f's own vertices and is not clockwise.
void expectOwnVerticesCcw(const AreaLayer& L, const AreaGeometry& g, size_t f) {
    const uint32_t v0 = L.vertexStart[L.ringStart[L.partStart[f]]];
    const uint32_t v1 = L.vertexStart[L.ringStart[L.partStart[f + 1]]];
    for (uint32_t t = g.triStart[f]; t < g.triStart[f + 1]; t += 3) {
        for (int k = 0; k < 3; ++k) {
            ASSERT_GE(g.triangles[t + k], v0);
            ASSERT_LT(g.triangles[t + k], v1);
        }
        EXPECT_GE(geso::test::triangleArea(L.xy[g.triangles[t]], L.xy[g.triangles[t + 1]], L.xy[g.triangles[t + 2]]),
                  -1e-9);
    }
}

}  // namespace

TEST(Triangulate, SquareWithHoleKeepsAreaAndCount) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 4,2 4,2 2))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    const AreaGeometry g = build(L);
    EXPECT_NEAR(sumTriangleAreas(L, g, 0), 96.0, 1e-9);
    EXPECT_EQ(triangleCount(g, 0), 8u);  // n - 2 + 2 * holes
    EXPECT_NEAR(g.areaM2[0], 96.0, 1e-9);
    expectOwnVerticesCcw(L, g, 0);
}

TEST(Triangulate, LShape) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,20 0,20 10,10 10,10 30,0 30,0 0))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    const AreaGeometry g = build(L);
    EXPECT_EQ(triangleCount(g, 0), 4u);
    EXPECT_NEAR(sumTriangleAreas(L, g, 0), 400.0, 1e-9);
    expectOwnVerticesCcw(L, g, 0);
}

TEST(Triangulate, MultiPolygonTriangulatesEveryPart) {
    AreaLayer L = layerFromWkt({"MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((20 0,30 0,25 8,20 0)))",
                                "POLYGON((40 0,41 0,41 1,40 1,40 0))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    const AreaGeometry g = build(L);
    ASSERT_EQ(g.triStart.size(), 3u);
    EXPECT_EQ(triangleCount(g, 0), 3u);
    EXPECT_NEAR(sumTriangleAreas(L, g, 0), 140.0, 1e-9);
    EXPECT_NEAR(g.areaM2[0], 140.0, 1e-9);
    EXPECT_EQ(triangleCount(g, 1), 2u);
    expectOwnVerticesCcw(L, g, 0);
    expectOwnVerticesCcw(L, g, 1);
}

TEST(Triangulate, ManyHolesAndAHoleTouchingTheShell) {
    AreaLayer L = layerFromWkt({
        "POLYGON((0 0,100 0,100 100,0 100,0 0),(10 10,20 10,20 20,10 20,10 10),(30 10,40 10,40 20,30 20,30 10),"
        "(10 30,20 30,20 40,10 40,10 30),(50 50,60 50,55 60,50 50),(90 45,100 50,90 55,90 45))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_TRUE(L.issues.empty());  // a hole touching the shell in one point is valid
    const AreaGeometry g = build(L);
    const double expected = 10000 - 100 - 100 - 100 - 50 - 50;
    EXPECT_NEAR(sumTriangleAreas(L, g, 0), expected, 1e-9);
    EXPECT_EQ(triangleCount(g, 0), 4u + 4 + 4 + 4 + 3 + 3 - 2 + 2 * 5);
    expectOwnVerticesCcw(L, g, 0);
}

TEST(Triangulate, CollinearVerticesAndSpikesFree) {
    // Collinear points along the edges must not break the clipper.
    AreaLayer L = layerFromWkt({"POLYGON((0 0,5 0,10 0,10 5,10 10,5 10,0 10,0 5,0 0))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    const AreaGeometry g = build(L);
    EXPECT_EQ(triangleCount(g, 0), 6u);
    EXPECT_NEAR(sumTriangleAreas(L, g, 0), 100.0, 1e-9);
    expectOwnVerticesCcw(L, g, 0);
}

TEST(Triangulate, LargeStarWithHolesUsesTheGridPath) {
    // 4000-vertex star (deeply concave) with 20 small square holes in its core.
    std::string wkt = "POLYGON((";
    const int n = 4000;
    for (int i = 0; i <= n; ++i) {
        const double a = 2 * std::numbers::pi * (i % n) / n;
        const double r = (i % 2 == 0) ? 1000.0 : 400.0 + 100.0 * std::sin(i * 0.37);
        wkt += std::to_string(r * std::cos(a)) + " " + std::to_string(r * std::sin(a)) + (i < n ? "," : ")");
    }
    double holes = 0;
    for (int k = 0; k < 20; ++k) {
        const double x = -200 + 20.0 * k, y = (k % 3) * 40.0 - 40.0;
        wkt += ",(" + std::to_string(x) + " " + std::to_string(y) + "," + std::to_string(x) + " " +
               std::to_string(y + 10) + "," + std::to_string(x + 10) + " " + std::to_string(y + 10) + "," +
               std::to_string(x + 10) + " " + std::to_string(y) + "," + std::to_string(x) + " " +
               std::to_string(y) + ")";
        holes += 100;
    }
    wkt += ")";
    AreaLayer L = layerFromWkt({wkt});
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_TRUE(L.issues.empty()) << L.issues[0].detail;
    const AreaGeometry g = build(L);
    EXPECT_EQ(triangleCount(g, 0), size_t{n} + 80 - 2 + 2 * 20);
    EXPECT_NEAR(sumTriangleAreas(L, g, 0) / featureArea(L, 0), 1.0, 1e-9);
    expectOwnVerticesCcw(L, g, 0);
}

TEST(Triangulate, LabelOfUShapeIsInsideAndNotTheCentroid) {
    // The centroid (15, 13.57) lies in the notch, outside the polygon.
    AreaLayer L = layerFromWkt({"POLYGON((0 0,30 0,30 30,20 30,20 10,10 10,10 30,0 30,0 0))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_FALSE(pointInFeature(L, 0, {15.0, 13.57}));
    const AreaGeometry g = build(L);
    const Vec2 p = g.labelPoint[0];
    EXPECT_TRUE(pointInFeature(L, 0, p)) << p.x << " " << p.y;
    EXPECT_GT(std::hypot(p.x - 15.0, p.y - 13.57), 3.0);
    // The largest circle sits where an arm meets the bar: r = 10 / (1 + 1/sqrt 2).
    EXPECT_NEAR(g.labelRadius[0], 10.0 / (1.0 + 1.0 / std::sqrt(2.0)), 0.3);
    EXPECT_NEAR(distanceToBoundary(L, 0, p), g.labelRadius[0], 0.5);
}

TEST(Triangulate, LabelOfSquareIsItsCentre) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,10 0,10 10,0 10,0 0))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    const AreaGeometry g = build(L);
    EXPECT_NEAR(g.labelPoint[0].x, 5.0, 0.2);
    EXPECT_NEAR(g.labelPoint[0].y, 5.0, 0.2);
    EXPECT_NEAR(g.labelRadius[0], 5.0, 0.2);
}

TEST(Triangulate, LabelsOffGivesBoxCentre) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,30 0,30 30,20 30,20 10,10 10,10 30,0 30,0 0))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    const AreaGeometry g = build(L, GeometryOptions{false, 1});
    EXPECT_DOUBLE_EQ(g.labelPoint[0].x, 15.0);
    EXPECT_DOUBLE_EQ(g.labelPoint[0].y, 15.0);
    EXPECT_EQ(triangleCount(g, 0), 6u);
}

TEST(Triangulate, GeosConstrainedDelaunayAgrees) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 4,2 4,2 2))",
                                "POLYGON((0 0,20 0,20 10,10 10,10 30,0 30,0 0))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    auto r = detail::buildAreaGeometryGeosCdt(L);
    ASSERT_TRUE(r.ok());
    const AreaGeometry& g = r.value();
    EXPECT_EQ(triangleCount(g, 0), 8u);
    EXPECT_NEAR(sumTriangleAreas(L, g, 0), 96.0, 1e-9);
    EXPECT_NEAR(sumTriangleAreas(L, g, 1), 400.0, 1e-9);
    expectOwnVerticesCcw(L, g, 0);
    expectOwnVerticesCcw(L, g, 1);
}

TEST(Triangulate, EmptyLayerAndInconsistentLayer) {
    AreaLayer empty;
    auto r = buildAreaGeometry(empty);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().triStart, std::vector<uint32_t>{0});
    AreaLayer bad = layerFromWkt({"POLYGON((0 0,1 0,1 1,0 0))"});
    bad.vertexStart.back() = 99;
    auto e = buildAreaGeometry(bad);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().where, "geos:triangulate");
}

TEST(Triangulate, InvalidInputStillTerminatesWithValidIndices) {
    // Others triangulate decimated (possibly invalid) copies without validating:
    // no hang, no crash, indices inside each feature, the promised triangle count.
    AreaLayer L = layerFromWkt({"POLYGON((0 0,10 10,10 0,0 10,0 0))",                       // bow-tie
                                "POLYGON((0 0,10 0,10 10,0 10,0 0),(20 20,21 20,21 21,20 20))",  // hole outside
                                "POLYGON((0 0,0 0,0 0,0 0))",                                  // one point
                                "POLYGON((0 0,5 0,10 0,0 0))",                                 // flat
                                "POLYGON((0 0,10 0,10 10,5 10,5 20,5 10,0 10,0 0))",           // spike
                                "POLYGON((0 0,10 0,10 10,0 10,0 0),(1 1,9 1,9 9,1 9,1 1),(2 2,8 2,8 8,2 8,2 2))"});
    const AreaGeometry g = build(L);
    ASSERT_EQ(g.triStart.size(), L.featureCount() + 1);
    for (size_t f = 0; f < L.featureCount(); ++f) {
        const uint32_t v0 = L.vertexStart[L.ringStart[L.partStart[f]]];
        const uint32_t v1 = L.vertexStart[L.ringStart[L.partStart[f + 1]]];
        for (uint32_t t = g.triStart[f]; t < g.triStart[f + 1]; ++t) {
            ASSERT_GE(g.triangles[t], v0) << f;
            ASSERT_LT(g.triangles[t], v1) << f;
        }
    }
    EXPECT_EQ(triangleCount(g, 0), 2u);
    EXPECT_EQ(triangleCount(g, 2), 1u);  // three equal vertices: one flat triangle
    EXPECT_DOUBLE_EQ(geso::test::sumTriangleAreas(L, g, 2), 0.0);
    EXPECT_EQ(triangleCount(g, 5), 4u - 2 + 4 + 2 + 4 + 2);
}
