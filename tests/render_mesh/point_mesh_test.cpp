#include "render/mesh/point_mesh.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace geso::render;

TEST(PointMesh, OriginAndOffsetsAndSkipsNonFinite) {
    std::vector<PointSymbol> s(4);
    s[0].xy = {118000, 6160000};
    s[1].xy = {120000, 6164000};
    s[2].xy = {NAN, 6160000};
    s[3].xy = {119000, INFINITY};
    s[1].shape = SymbolShape::Diamond;
    s[1].fill = {1, 2, 3, 4};
    s[1].sizePx = 14;
    const PointMesh m = buildPointMesh(s);
    EXPECT_EQ(m.instances.size(), 2u);
    EXPECT_EQ(m.skipped, 2u);
    EXPECT_DOUBLE_EQ(m.originX, 119000);
    EXPECT_DOUBLE_EQ(m.originY, 6162000);
    EXPECT_FLOAT_EQ(m.instances[0].x, -1000.f);
    EXPECT_FLOAT_EQ(m.instances[1].y, 2000.f);
    EXPECT_EQ(m.instances[1].shape, static_cast<uint32_t>(SymbolShape::Diamond));
    EXPECT_EQ(m.instances[1].fill, (Rgba{1, 2, 3, 4}));
    EXPECT_FLOAT_EQ(m.instances[1].sizePx, 14.f);
}

TEST(PointMesh, EmptyInput) {
    const PointMesh m = buildPointMesh({});
    EXPECT_TRUE(m.instances.empty());
    EXPECT_EQ(m.originX, 0);
}
