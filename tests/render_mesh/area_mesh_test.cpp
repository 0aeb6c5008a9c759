#include "render/mesh/area_mesh.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "render_mesh/test_layers.hpp"

using geso::render::AreaMesh;
using geso::render::buildAreaMesh;
using geso::render::kRingBreak;
using geso::test::makeSquares;

TEST(AreaMesh, CountsForTwoSquaresAndOneWithHole) {
    auto t = makeSquares({{0, 0, 10}, {20, 0, 10}, {40, 0, 10, 4}});
    auto r = buildAreaMesh(t.layer, t.geometry);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const AreaMesh& m = r.value();
    EXPECT_EQ(m.vertexCount(), 16u);            // 4 + 4 + (4 outer + 4 hole)
    EXPECT_EQ(m.xy.size(), 32u);
    EXPECT_EQ(m.triangleCount, 2u + 2u + 8u);   // n - 2 + 2 * holes per polygon
    // 4 rings: each ring's n vertices + closing vertex + break.
    EXPECT_EQ(m.outline.size(), 4u * (4 + 1 + 1));
    ASSERT_EQ(m.outlineStart.size(), 4u);
    EXPECT_EQ(m.outlineStart[0], 0u);
    EXPECT_EQ(m.outlineStart[1], 6u);
    EXPECT_EQ(m.outlineStart[2], 12u);
    EXPECT_EQ(m.outlineStart[3], 24u);
    // Drawable segments (pairs without a break) = number of ring edges = 16.
    size_t drawable = 0;
    for (size_t i = 0; i + 1 < m.outline.size(); ++i)
        if (m.outline[i] != kRingBreak && m.outline[i + 1] != kRingBreak) ++drawable;
    EXPECT_EQ(drawable, 16u);
    EXPECT_EQ(m.segmentCount(), m.outline.size() - 1);
    for (size_t v = 0; v < 4; ++v) EXPECT_EQ(m.featureOf[v], 0u);
    for (size_t v = 8; v < 16; ++v) EXPECT_EQ(m.featureOf[v], 2u);
    // Rings are closed: the element before each break repeats the ring's first vertex.
    EXPECT_EQ(m.outline[4], m.outline[0]);
    EXPECT_EQ(m.outline[5], kRingBreak);
}

TEST(AreaMesh, OriginOffsetKeepsMillimetresAtSwerefNorthings) {
    // Two 1 m squares 25 km apart around Malmö's northings.
    auto t = makeSquares({{110000.123, 6150000.456, 1.0}, {135000.789, 6175000.321, 1.0}});
    auto r = buildAreaMesh(t.layer, t.geometry);
    ASSERT_TRUE(r.ok());
    const AreaMesh& m = r.value();
    EXPECT_NEAR(m.originX, 0.5 * (110000.123 + 135001.789), 1e-9);
    EXPECT_NEAR(m.originY, 0.5 * (6150000.456 + 6175001.321), 1e-9);
    for (size_t i = 0; i < t.layer.xy.size(); ++i) {
        EXPECT_NEAR(m.originX + m.xy[2 * i], t.layer.xy[i].x, 1e-3);
        EXPECT_NEAR(m.originY + m.xy[2 * i + 1], t.layer.xy[i].y, 1e-3);
    }
    // A square's 1 m side survives exactly to the millimetre.
    EXPECT_NEAR(m.xy[2 * 1] - m.xy[0], 1.0, 1e-3);
    EXPECT_NEAR(m.xy[2 * 3 + 1] - m.xy[1], 1.0, 1e-3);
}

TEST(AreaMesh, RejectsTriangulationThatDoesNotMatch) {
    auto t = makeSquares({{0, 0, 10}});
    auto bad = t.geometry;
    bad.triangles[2] = 99;  // out of range
    auto r = buildAreaMesh(t.layer, bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, "render:mesh");
    auto bad2 = t.geometry;
    bad2.triStart = {0};  // wrong size
    EXPECT_FALSE(buildAreaMesh(t.layer, bad2).ok());
    auto badLayer = t.layer;
    badLayer.vertexStart.back() = 3;  // does not cover all vertices
    EXPECT_FALSE(buildAreaMesh(badLayer, t.geometry).ok());
}

TEST(AreaMesh, EmptyLayerGivesEmptyMesh) {
    geso::core::AreaLayer layer;
    geso::core::AreaGeometry geometry;
    auto r = buildAreaMesh(layer, geometry);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().vertexCount(), 0u);
    EXPECT_EQ(r.value().segmentCount(), 0u);
    EXPECT_EQ(r.value().outlineStart.size(), 1u);
}
