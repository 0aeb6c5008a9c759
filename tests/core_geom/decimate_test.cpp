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
