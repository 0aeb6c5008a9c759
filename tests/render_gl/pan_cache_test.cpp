#include <gtest/gtest.h>

#include "render/gl/map_renderer.hpp"
#include "render_gl/gl_test_support.hpp"
#include "render_mesh/test_layers.hpp"

using namespace geso::render;

namespace {

// 250 × 250 squares of 8 m on a 10 m grid, each in a colour of its own.
struct DenseLayer {
    std::vector<geso::test::TestSquare> squares;
    geso::test::TestAreas areas;
    std::vector<Rgba> colors;
};

DenseLayer denseLayer() {
    DenseLayer d;
    const int n = 250;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) d.squares.push_back({i * 10.0, 6160000.0 + j * 10.0, 8.0});
    d.areas = geso::test::makeSquares(d.squares);
    d.colors.resize(d.squares.size());
    for (size_t k = 0; k < d.colors.size(); ++k)
        d.colors[k] = {static_cast<uint8_t>(k * 37), static_cast<uint8_t>(k * 91), static_cast<uint8_t>(k * 13), 255};
    return d;
}

}  // namespace

// A dense layer (above kCacheMinSegments) pans from the cached image; the
// result must match drawing the geometry directly at the panned camera.
TEST(MapRendererGl, PanCacheMatchesDirectDrawing) {
    GESO_REQUIRE_CONTEXT(ctx, 400, 300);
    const DenseLayer dense = denseLayer();
    const auto& squares = dense.squares;
    const auto& areas = dense.areas;
    const auto& colors = dense.colors;

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

// A one-shot render waits for each batch (bounded llvmpipe memory); the
// pixels must be those of the flushed, overlapping batches.
TEST(MapRendererGl, WaitingBetweenBatchesDrawsTheSamePixels) {
    GESO_REQUIRE_CONTEXT(ctx, 400, 300);
    const DenseLayer dense = denseLayer();
    ASSERT_GT(dense.areas.geometry.triangles.size() / 3, size_t{65536});  // more than one fill batch
    Camera cam(400, 300);
    cam.setCentre({1250, 6161250});
    cam.setMetresPerPx(2.0);
    const RectPx vp{0, 0, 400, 300};
    std::vector<geso::test::Pixels> images;
    for (bool wait : {false, true}) {
        MapRenderer r;
        ASSERT_TRUE(r.init().ok());
        ASSERT_TRUE(r.setAreas(dense.areas.layer, dense.areas.geometry, false).ok());
        r.setFeatureColors(dense.colors);
        r.setPanCache(false);
        r.setWaitBetweenBatches(wait);
        r.draw(cam, vp, 1);
        images.push_back(geso::test::readBack(ctx));
    }
    EXPECT_EQ(images[0].rgba, images[1].rgba);
    // …and they are the layer, not an empty image: square (125, 125) has its colour.
    const auto s = cam.worldToScreen({1254, 6161254});
    EXPECT_EQ(images[1].at(int(s.x), int(s.y)), dense.colors[125 * 250 + 125]);
}
