#include <gtest/gtest.h>

#include "render/gl/map_renderer.hpp"
#include "render_gl/gl_test_support.hpp"
#include "render_mesh/test_layers.hpp"

using namespace geso::render;

// A dense layer (above kCacheMinSegments) pans from the cached image; the
// result must match drawing the geometry directly at the panned camera.
TEST(MapRendererGl, PanCacheMatchesDirectDrawing) {
    GESO_REQUIRE_CONTEXT(ctx, 400, 300);
    std::vector<geso::test::TestSquare> squares;
    const int n = 250;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) squares.push_back({i * 10.0, 6160000.0 + j * 10.0, 8.0});
    auto areas = geso::test::makeSquares(squares);
    std::vector<Rgba> colors(squares.size());
    for (size_t k = 0; k < colors.size(); ++k)
        colors[k] = {static_cast<uint8_t>(k * 37), static_cast<uint8_t>(k * 91), static_cast<uint8_t>(k * 13), 255};

    MapRenderer cached, direct;
    for (MapRenderer* r : {&cached, &direct}) {
        ASSERT_TRUE(r->init().ok());
        ASSERT_TRUE(r->setAreas(areas.layer, areas.geometry, false).ok());
        r->setFeatureColors(colors);
    }
    ASSERT_GT(squares.size() * 6, MapRenderer::kCacheMinSegments);  // 6 outline entries per square
    direct.setPanCache(false);

    Camera cam(400, 300);
    cam.setCentre({1250, 6161250});
    cam.setMetresPerPx(2.0);
    const RectPx vp{0, 0, 400, 300};
    cached.draw(cam, vp, 1);  // fills the cache
    cam.panByPx(37, -23);
    cached.draw(cam, vp, 1);  // from the cache, shifted
    EXPECT_TRUE(cached.lastDrawUsedCache());
    const auto a = geso::test::readBack(ctx);
    direct.draw(cam, vp, 1);
    EXPECT_FALSE(direct.lastDrawUsedCache());
    const auto b = geso::test::readBack(ctx);
    int same = 0;
    for (int y = 0; y < 300; ++y)
        for (int x = 0; x < 400; ++x) same += geso::test::channelDiff(a.at(x, y), b.at(x, y)) <= 8;
    EXPECT_GE(same, 400 * 300 * 99 / 100);

    // A colour change invalidates the cache.
    std::vector<Rgba> red(squares.size(), Rgba{255, 0, 0, 255});
    cached.setFeatureColors(red);
    cached.draw(cam, vp, 1);
    const auto c = geso::test::readBack(ctx);
    const auto s = cam.worldToScreen({1254, 6161254});  // inside a square
    EXPECT_EQ(c.at(int(s.x), int(s.y)), (Rgba{255, 0, 0, 255}));
}
