#include <gtest/gtest.h>

#include <random>

#include "core/geom/polygon_ops.hpp"
#include "wkt_layer.hpp"

using namespace geso::core;
using geso::test::layerFromWkt;

TEST(PolygonOps, RingAreaIsSigned) {
    const std::vector<Vec2> ccw{{0, 0}, {4, 0}, {4, 3}, {0, 3}};
    const std::vector<Vec2> cw(ccw.rbegin(), ccw.rend());
    EXPECT_DOUBLE_EQ(ringArea(ccw), 12.0);
    EXPECT_DOUBLE_EQ(ringArea(cw), -12.0);
    EXPECT_DOUBLE_EQ(ringArea(std::vector<Vec2>{{0, 0}, {1, 1}}), 0.0);
}

TEST(PolygonOps, RingAreaPreciseAtSwerefNorthings) {
    // A 1 m square at northing 6.17e6: cancellation would lose it without a local origin.
    const std::vector<Vec2> sq{{118000.25, 6170000.5}, {118001.25, 6170000.5}, {118001.25, 6170001.5}, {118000.25, 6170001.5}};
    EXPECT_DOUBLE_EQ(ringArea(sq), 1.0);
}

TEST(PolygonOps, PointInFeatureRespectsHoles) {
    const AreaLayer L = layerFromWkt({"POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 4,2 4,2 2))"});
    EXPECT_TRUE(pointInFeature(L, 0, {1, 1}));
    EXPECT_TRUE(pointInFeature(L, 0, {5, 5}));
    EXPECT_FALSE(pointInFeature(L, 0, {3, 3}));   // in the hole
    EXPECT_FALSE(pointInFeature(L, 0, {11, 5}));  // outside
    EXPECT_FALSE(pointInFeature(L, 0, {-1, -1}));
    EXPECT_FALSE(pointInFeature(L, 7, {1, 1}));   // no such feature
}

TEST(PolygonOps, PointInMultiPolygon) {
    const AreaLayer L = layerFromWkt({"MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,6 5,6 6,5 6,5 5)))"});
    EXPECT_TRUE(pointInFeature(L, 0, {0.5, 0.5}));
    EXPECT_TRUE(pointInFeature(L, 0, {5.5, 5.5}));
    EXPECT_FALSE(pointInFeature(L, 0, {3, 3}));
}

TEST(PolygonOps, FeatureOfPoints) {
    const AreaLayer L = layerFromWkt({"POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 4,2 4,2 2))",
                                      "POLYGON((2 2,4 2,4 4,2 4,2 2))", "POLYGON((10 0,20 0,20 10,10 10,10 0))"});
    const std::vector<Vec2> pts{{1, 1}, {3, 3}, {15, 5}, {25, 5}, {NAN, 1}};
    EXPECT_EQ(featureOfPoints(L, pts), (std::vector<int>{0, 1, 2, -1, -1}));
}

TEST(PolygonOps, FeatureOfPointsMatchesBruteForceOnAGrid) {
    std::vector<std::string> wkts;
    for (int j = 0; j < 12; ++j)
        for (int i = 0; i < 15; ++i) {
            const double x = i * 10.0, y = j * 10.0;
            // Triangles pointing alternately: half of each cell is covered.
            wkts.push_back("POLYGON((" + std::to_string(x) + " " + std::to_string(y) + "," + std::to_string(x + 10) +
                           " " + std::to_string(y) + "," + std::to_string(x + ((i + j) % 2 ? 10 : 0)) + " " +
                           std::to_string(y + 10) + "," + std::to_string(x) + " " + std::to_string(y) + "))");
        }
    const AreaLayer L = layerFromWkt(wkts);
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> ux(-5, 155), uy(-5, 125);
    std::vector<Vec2> pts(3000);
    for (auto& p : pts) p = {ux(rng), uy(rng)};
    const std::vector<int> got = featureOfPoints(L, pts);
    int inside = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        int expected = -1;
        for (size_t f = 0; f < L.featureCount() && expected < 0; ++f)
            if (pointInFeature(L, f, pts[i])) expected = static_cast<int>(f);
        ASSERT_EQ(got[i], expected) << i;
        inside += expected >= 0;
    }
    EXPECT_GT(inside, 1000);
    EXPECT_LT(inside, 2000);
}

TEST(PolygonOps, DistanceToBoundary) {
    const AreaLayer L = layerFromWkt({"POLYGON((0 0,10 0,10 10,0 10,0 0),(6 6,8 6,8 8,6 8,6 6))"});
    EXPECT_DOUBLE_EQ(distanceToBoundary(L, 0, {2, 3}), 2.0);
    EXPECT_DOUBLE_EQ(distanceToBoundary(L, 0, {5, 7}), 1.0);  // nearer the hole
}
