#include "core/geom/decimate.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "wkt_layer.hpp"

using geso::core::AreaLayer;
using geso::core::Vec2;
using geso::core::decimateForScale;

namespace {

// One feature whose exterior is a 100 m square densified to a vertex every `step` metres.
AreaLayer denseSquare(double step) {
    AreaLayer l;
    l.fid = {0};
    const int per = static_cast<int>(std::lround(100 / step));
    for (int side = 0; side < 4; ++side)
        for (int k = 0; k < per; ++k) {
            const double t = k * step;
            const Vec2 p = side == 0 ? Vec2{t, 0} : side == 1 ? Vec2{100, t} : side == 2 ? Vec2{100 - t, 100} : Vec2{0, 100 - t};
            l.xy.push_back(p);
        }
    l.partStart = {0, 1};
    l.ringStart = {0, 1};
    l.vertexStart = {0, static_cast<uint32_t>(l.xy.size())};
    l.extent.expand(0, 0);
    l.extent.expand(100, 100);
    l.bbox = {l.extent};
    return l;
}

}  // namespace

TEST(Decimate, DropsVerticesCloserThanTolerance) {
    const AreaLayer l = denseSquare(1.0);  // 400 vertices, 1 m apart
    const AreaLayer d = decimateForScale(l, 5.0);
    EXPECT_EQ(d.xy.size(), 80u);  // every 5th vertex
    EXPECT_EQ(d.vertexStart, (std::vector<uint32_t>{0, 80}));
    EXPECT_EQ(d.featureCount(), 1u);
    EXPECT_EQ(d.xy.front().x, 0);  // the first vertex is kept
    for (size_t i = 1; i < d.xy.size(); ++i)
        EXPECT_GE(std::hypot(d.xy[i].x - d.xy[i - 1].x, d.xy[i].y - d.xy[i - 1].y), 5.0 - 1e-9);
    EXPECT_EQ(d.extent.maxX, 100);
}

TEST(Decimate, ToleranceZeroKeepsEverythingAndTinyRingsKeepThree) {
    const AreaLayer l = denseSquare(1.0);
    EXPECT_EQ(decimateForScale(l, 0.0).xy.size(), l.xy.size());
    const AreaLayer d = decimateForScale(l, 1000.0);  // the whole square is below a pixel
    EXPECT_EQ(d.xy.size(), 3u);
}

TEST(Decimate, KeepsFeatureStructureOfSeveralRings) {
    const AreaLayer l = geso::test::layerFromWkt(
        {"POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((20 0,30 0,30 10,20 10,20 0),(23 3,23 7,27 7,27 3,23 3))"});
    const AreaLayer d = decimateForScale(l, 0.5);
    EXPECT_EQ(d.xy.size(), l.xy.size());  // 4 m+ edges survive 0.5 m
    EXPECT_EQ(d.partStart, l.partStart);
    EXPECT_EQ(d.ringStart, l.ringStart);
    EXPECT_EQ(d.vertexStart, l.vertexStart);
    EXPECT_EQ(d.fid, l.fid);
}

TEST(StraightenRings, CollinearVerticesGoCornersAndBumpsStay) {
    AreaLayer l = denseSquare(1.0);  // 400 vertices on four straight edges
    l.xy[50].y = -0.3;               // a 0.3 m bump on the bottom edge
    geso::core::straightenRings(l, 0.1);
    std::vector<std::pair<double, double>> kept;
    for (const Vec2& p : l.xy) kept.push_back({p.x, p.y});
    // The bump and its neighbours (0.29 m off the lines to the bump's tip) stay.
    EXPECT_EQ(kept, (std::vector<std::pair<double, double>>{
                        {0, 0}, {49, 0}, {50, -0.3}, {51, 0}, {100, 0}, {100, 100}, {0, 100}}));
    EXPECT_EQ(l.vertexStart, (std::vector<uint32_t>{0, 7}));

    AreaLayer flat = denseSquare(1.0);
    flat.xy[50].y = -0.3;
    geso::core::straightenRings(flat, 0.5);  // the bump is within the tolerance now
    EXPECT_EQ(flat.xy.size(), 4u);
}

TEST(StraightenRings, EveryRingKeepsThreeVerticesAndItsPlace) {
    AreaLayer l = geso::test::layerFromWkt(
        {"POLYGON((0 0,5 0,10 0,10 10,0 10,0 0))",
         "POLYGON((20 0,30 0,30 10,20 10,20 0),(23 3,23 5,23 7,27 7,27 3,23 3))",
         "POLYGON((40 0,40.001 0,40.002 0.001,40 0))"});  // a sliver far below the tolerance
    const std::vector<uint32_t> partStart = l.partStart, ringStart = l.ringStart;
    geso::core::straightenRings(l, 0.01);
    EXPECT_EQ(l.partStart, partStart);
    EXPECT_EQ(l.ringStart, ringStart);
    // 5 → 4 (the midpoint of the bottom edge), 4 → 4, hole 5 → 4 (23 5), sliver 3 → 3.
    EXPECT_EQ(l.vertexStart, (std::vector<uint32_t>{0, 4, 8, 12, 15}));
    EXPECT_EQ(l.xy.size(), 15u);
    EXPECT_EQ(l.xy[12].x, 40);
}
