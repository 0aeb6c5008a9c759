#include "render/gl/map_renderer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "render_gl/gl_test_support.hpp"
#include "render_mesh/test_layers.hpp"

using namespace geso::render;
using geso::test::channelDiff;
using geso::test::makeSquares;
using geso::test::Pixels;
using geso::test::readBack;

namespace {

constexpr Rgba kRed{220, 30, 40, 255}, kBlue{30, 60, 200, 255}, kWhite{255, 255, 255, 255};

// Two 10 m squares side by side, 10 m apart, framed with 2 m around.
struct Scene {
    geso::test::TestAreas areas = makeSquares({{0, 0, 10}, {20, 0, 10}});
    Camera camera;
    MapRenderer renderer;

    geso::core::Status init(int w, int h, RenderStyle style = {}) {
        camera.setViewportSize(w, h);
        geso::core::Box b;
        b.expand(-2, -2);
        b.expand(32, 12);
        camera.fitBox(b);
        if (auto s = renderer.init(); !s) return s;
        renderer.setStyle(style);
        return renderer.setAreas(areas.layer, areas.geometry);
    }
    void draw(float uiScale = 1) { renderer.draw(camera, {0, 0, camera.widthPx(), camera.heightPx()}, uiScale); }
    geso::core::Vec2 px(double x, double y) const { return camera.worldToScreen({x, y}); }
};

RenderStyle noOutline() {
    RenderStyle s;
    s.outline.a = 0;
    return s;
}

// Pixels along a row whose colour is within `tol` of `c`.
int countRow(const Pixels& p, int y, int x0, int x1, Rgba c, int tol) {
    int n = 0;
    for (int x = x0; x < x1; ++x) n += channelDiff(p.at(x, y), c) <= tol;
    return n;
}

}  // namespace

TEST(MapRendererGl, TwoSquaresHaveTheirColoursAtTheirCentres) {
    GESO_REQUIRE_CONTEXT(ctx, 340, 140);
    Scene s;
    ASSERT_TRUE(s.init(340, 140, noOutline()).ok());
    const Rgba colors[] = {kRed, kBlue};
    s.renderer.setFeatureColors(colors);
    s.draw();
    const Pixels p = readBack(ctx);
    const auto c0 = s.px(5, 5), c1 = s.px(25, 5), gap = s.px(15, 5);
    EXPECT_EQ(p.at(int(c0.x), int(c0.y)), kRed);
    EXPECT_EQ(p.at(int(c1.x), int(c1.y)), kBlue);
    EXPECT_EQ(p.at(int(gap.x), int(gap.y)), kWhite);  // background between them
    EXPECT_EQ(p.at(2, 2).a, 255);
}

TEST(MapRendererGl, ColourChangeUpdatesFillsWithoutNewGeometry) {
    GESO_REQUIRE_CONTEXT(ctx, 340, 140);
    Scene s;
    ASSERT_TRUE(s.init(340, 140, noOutline()).ok());
    const Rgba first[] = {kRed, kBlue};
    s.renderer.setFeatureColors(first);
    s.draw();
    const Rgba second[] = {kBlue, kRed};
    s.renderer.setFeatureColors(second);
    s.draw();
    const Pixels p = readBack(ctx);
    const auto c0 = s.px(5, 5), c1 = s.px(25, 5);
    EXPECT_EQ(p.at(int(c0.x), int(c0.y)), kBlue);
    EXPECT_EQ(p.at(int(c1.x), int(c1.y)), kRed);
}

TEST(MapRendererGl, PanMovesTheMapWithoutRebuilding) {
    GESO_REQUIRE_CONTEXT(ctx, 340, 140);
    Scene s;
    ASSERT_TRUE(s.init(340, 140, noOutline()).ok());
    const Rgba colors[] = {kRed, kBlue};
    s.renderer.setFeatureColors(colors);
    const auto gapBefore = s.px(15, 5);
    s.camera.panByPx(100, 0);  // 10 m per 100 px here: the red square moves under the old gap
    s.draw();
    const Pixels p = readBack(ctx);
    EXPECT_EQ(p.at(int(gapBefore.x), int(gapBefore.y)), kRed);
}

TEST(MapRendererGl, OutlineHasConstantPixelWidth) {
    GESO_REQUIRE_CONTEXT(ctx, 400, 200);
    Scene s;
    RenderStyle style;
    style.outline = {0, 0, 0, 255};
    style.outlinePx = 3;
    ASSERT_TRUE(s.init(400, 200, style).ok());
    const Rgba colors[] = {kWhite, kWhite};
    s.renderer.setFeatureColors(colors);
    for (float scale : {1.0f, 2.0f}) {
        for (double zoom : {1.0, 0.5}) {  // width must not depend on the zoom
            Scene z;
            ASSERT_TRUE(z.init(400, 200, style).ok());
            z.renderer.setFeatureColors(colors);
            z.camera.zoomAt(z.px(5, 5), zoom);
            z.draw(scale);
            const Pixels p = readBack(ctx);
            const auto mid = z.px(5, 5);
            const int y = int(mid.y);
            // Scan across the left edge of square 0 (x = 0): dark pixels ≈ the width.
            const int xEdge = int(z.px(0, 5).x);
            int dark = 0;
            double coverage = 0;
            for (int x = std::max(0, xEdge - 10); x < xEdge + 10; ++x) {
                const Rgba c = p.at(x, y);
                dark += c.r < 128;
                coverage += (255 - c.r) / 255.0;
            }
            EXPECT_NEAR(coverage, 3.0 * scale, 0.6) << "scale " << scale << " zoom " << zoom;
            EXPECT_GE(dark, int(3 * scale) - 1);
            EXPECT_LE(dark, int(3 * scale) + 1);
        }
    }
}

TEST(MapRendererGl, OutlineIsAntiAliased) {
    GESO_REQUIRE_CONTEXT(ctx, 200, 200);
    // A diagonal edge: its outline has intermediate grey levels, not just black/white.
    geso::test::TestAreas t;
    t.layer.fid = {0};
    t.layer.xy = {{0, 0}, {100, 30}, {40, 100}};
    t.layer.partStart = {0, 1};
    t.layer.ringStart = {0, 1};
    t.layer.vertexStart = {0, 3};
    t.layer.bbox.resize(1);
    t.layer.extent.expand(0, 0);
    t.layer.extent.expand(100, 100);
    t.geometry.triangles = {0, 1, 2};
    t.geometry.triStart = {0, 3};
    MapRenderer r;
    ASSERT_TRUE(r.init().ok());
    RenderStyle style;
    style.outline = {0, 0, 0, 255};
    style.outlinePx = 1.5f;
    r.setStyle(style);
    ASSERT_TRUE(r.setAreas(t.layer, t.geometry).ok());
    const Rgba white[] = {kWhite};
    r.setFeatureColors(white);
    Camera cam(200, 200);
    cam.fitBox(t.layer.extent, 10);
    r.draw(cam, {0, 0, 200, 200}, 1);
    const Pixels p = readBack(ctx);
    std::set<int> levels;
    for (int y = 0; y < 200; ++y)
        for (int x = 0; x < 200; ++x) levels.insert(p.at(x, y).r / 16);
    EXPECT_GE(levels.size(), 8u);  // many intermediate levels along the slanted edges
}

TEST(MapRendererGl, NoDataIsHatchedWithTwoGreys) {
    GESO_REQUIRE_CONTEXT(ctx, 340, 140);
    Scene s;
    ASSERT_TRUE(s.init(340, 140, noOutline()).ok());
    const Rgba grey{170, 170, 170, 255};
    const Rgba colors[] = {grey, kBlue};
    const uint8_t noData[] = {1, 0};
    s.renderer.setFeatureColors(colors, noData);
    s.draw();
    const Pixels p = readBack(ctx);
    const auto a = s.px(1, 9), b = s.px(9, 1);
    int dark = 0, light = 0, other = 0;
    for (int y = int(a.y); y < int(b.y); ++y)
        for (int x = int(a.x); x < int(b.x); ++x) {
            const Rgba c = p.at(x, y);
            EXPECT_EQ(c.r, c.g);  // grey
            if (c == grey) ++dark;
            else if (c.r > grey.r + 20) ++light;
            else ++other;
        }
    EXPECT_GT(dark, 100);
    EXPECT_GT(light, 100);
    EXPECT_EQ(other, 0);
    const auto c1 = s.px(25, 5);  // the other square is plain
    EXPECT_EQ(p.at(int(c1.x), int(c1.y)), kBlue);
}

TEST(MapRendererGl, SelectedOutlineIsThickerAndContrasting) {
    GESO_REQUIRE_CONTEXT(ctx, 340, 140);
    Scene s;
    RenderStyle style;
    style.outline = {128, 128, 128, 255};
    style.outlinePx = 1;
    style.selected = {0, 0, 0, 255};
    style.selectedPx = 4;
    ASSERT_TRUE(s.init(340, 140, style).ok());
    const Rgba colors[] = {kWhite, kWhite};
    s.renderer.setFeatureColors(colors);
    s.renderer.setSelected(1);
    s.draw();
    const Pixels p = readBack(ctx);
    const int y = int(s.px(5, 5).y);
    const int e0 = int(s.px(0, 5).x), e1 = int(s.px(20, 5).x);
    const int blackUnselected = countRow(p, y, e0 - 8, e0 + 8, {0, 0, 0, 255}, 40);
    const int blackSelected = countRow(p, y, e1 - 8, e1 + 8, {0, 0, 0, 255}, 40);
    EXPECT_EQ(blackUnselected, 0);
    EXPECT_GE(blackSelected, 3);
    s.renderer.setSelected(-1);
    s.draw();
    const Pixels q = readBack(ctx);
    EXPECT_EQ(countRow(q, y, e1 - 8, e1 + 8, {0, 0, 0, 255}, 40), 0);
}

TEST(MapRendererGl, HoverLightensTheFill) {
    GESO_REQUIRE_CONTEXT(ctx, 340, 140);
    Scene s;
    ASSERT_TRUE(s.init(340, 140, noOutline()).ok());
    const Rgba colors[] = {kRed, kBlue};
    s.renderer.setFeatureColors(colors);
    s.renderer.setHover(0);
    s.draw();
    const Pixels p = readBack(ctx);
    const auto c0 = s.px(5, 5), c1 = s.px(25, 5);
    const Rgba hovered = p.at(int(c0.x), int(c0.y));
    EXPECT_GT(hovered.g, kRed.g + 30);
    EXPECT_EQ(p.at(int(c1.x), int(c1.y)), kBlue);
}

TEST(MapRendererGl, PointSymbolsHaveShapeSizeAndOutline) {
    GESO_REQUIRE_CONTEXT(ctx, 200, 100);
    MapRenderer r;
    ASSERT_TRUE(r.init().ok());
    Camera cam(200, 100);
    cam.setCentre({1000, 6160000});
    cam.setMetresPerPx(1);
    PointSymbol circle, square;
    circle.xy = {950, 6160000};  // 50 px left of the centre
    circle.shape = SymbolShape::Circle;
    circle.fill = kRed;
    circle.stroke = {0, 0, 0, 255};
    circle.sizePx = 20;
    circle.strokePx = 2;
    square = circle;
    square.xy = {1050, 6160000};
    square.shape = SymbolShape::Square;
    const PointSymbol symbols[] = {circle, square};
    r.setPoints(7, symbols);
    r.draw(cam, {0, 0, 200, 100}, 1.0f);
    const Pixels p = readBack(ctx);
    EXPECT_EQ(p.at(50, 50), kRed);    // circle centre
    EXPECT_EQ(p.at(150, 50), kRed);   // square centre
    // The outline ring: 10 px from the circle's centre is dark.
    EXPECT_LT(p.at(60, 50).r, 100);
    // Diagonal corner 8.5 px off both axes: outside the circle (12 px), inside the square.
    EXPECT_EQ(p.at(50 + 8, 50 - 9), kWhite);
    EXPECT_NE(p.at(150 + 8, 50 - 9), kWhite);
    EXPECT_EQ(p.at(100, 50), kWhite);
    // UI scale doubles the symbol: 15 px out is now inside the circle.
    r.draw(cam, {0, 0, 200, 100}, 2.0f);
    const Pixels q = readBack(ctx);
    EXPECT_EQ(q.at(50 + 12, 50), kRed);
    // Hidden layers are not drawn.
    r.setPointsVisible(7, false);
    r.draw(cam, {0, 0, 200, 100}, 1.0f);
    EXPECT_EQ(readBack(ctx).at(50, 50), kWhite);
}

// 100k points go to the GPU in batches; every batch is drawn, the last one too,
// waiting for each or not.
TEST(MapRendererGl, ManyPointsAreAllDrawnInBatches) {
    GESO_REQUIRE_CONTEXT(ctx, 400, 250);
    Camera cam(400, 250);
    cam.setCentre({200, 125});
    cam.setMetresPerPx(1);
    std::vector<PointSymbol> symbols(100000);
    for (size_t i = 0; i < symbols.size(); ++i) {
        symbols[i].xy = {static_cast<double>(i % 400) + 0.5, static_cast<double>(i / 400) + 0.5};
        symbols[i].shape = SymbolShape::Square;
        symbols[i].fill = i + 1 == symbols.size() ? kRed : Rgba{0, 0, 255, 255};
        symbols[i].stroke = symbols[i].fill;
        symbols[i].sizePx = 1;
        symbols[i].strokePx = 0;
    }
    for (bool wait : {false, true}) {
        MapRenderer r;
        ASSERT_TRUE(r.init().ok());
        r.setWaitBetweenBatches(wait);
        r.setPoints(1, symbols);
        r.draw(cam, {0, 0, 400, 250}, 1.0f);
        const Pixels p = readBack(ctx);
        // 1 px symbols blend with their neighbours: reddish at the last, bluish at the first.
        const auto last = cam.worldToScreen(symbols.back().xy);
        const Rgba l = p.at(int(last.x), int(last.y));
        EXPECT_TRUE(l.r > 150 && l.b < 100) << "wait " << wait << ": " << int(l.r) << "," << int(l.b);
        const auto first = cam.worldToScreen(symbols.front().xy);
        const Rgba f = p.at(int(first.x), int(first.y));
        EXPECT_TRUE(f.b > 200 && f.r < 60) << "wait " << wait << ": " << int(f.r) << "," << int(f.b);
    }
}

TEST(MapRendererGl, BrokenShaderKeepsLastGoodProgram) {
    GESO_REQUIRE_CONTEXT(ctx, 340, 140);
    Scene s;
    ASSERT_TRUE(s.init(340, 140, noOutline()).ok());
    const auto dir = std::filesystem::temp_directory_path() / "geso_e1a_bad_shaders";
    std::filesystem::create_directories(dir);
    for (const char* name : {"fill.vert", "fill.frag", "line.vert", "line.frag", "point.vert", "point.frag"}) {
        std::ofstream(dir / (std::string(name) + ".glsl")) << "#version 330 core\nvoid main() { this is not glsl; }\n";
    }
    auto st = s.renderer.reloadShaders(dir);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().where.find("gl:shader fill"), std::string::npos);
    EXPECT_FALSE(st.error().what.empty());
    const Rgba colors[] = {kRed, kBlue};
    s.renderer.setFeatureColors(colors);
    s.draw();
    const auto c0 = s.px(5, 5);
    EXPECT_EQ(readBack(ctx).at(int(c0.x), int(c0.y)), kRed);
    auto missing = s.renderer.reloadShaders(dir / "nope");
    EXPECT_FALSE(missing.ok());
    std::filesystem::remove_all(dir);
    // The real sources reload fine.
    EXPECT_TRUE(s.renderer.reloadShaders(GESO_SOURCE_DIR "/shaders").ok());
}

TEST(MapRendererGl, ViewportOffsetDrawsOnlyInsideIt) {
    GESO_REQUIRE_CONTEXT(ctx, 300, 200);
    Scene s;
    ASSERT_TRUE(s.init(150, 200, noOutline()).ok());
    RenderStyle st = noOutline();
    st.background = {10, 200, 10, 255};
    s.renderer.setStyle(st);
    const Rgba colors[] = {kRed, kBlue};
    s.renderer.setFeatureColors(colors);
    // Clear everything white first, then draw into the right half only.
    glViewport(0, 0, 300, 200);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    s.renderer.draw(s.camera, toGlViewport({150, 0, 150, 200}, 200), 1);
    const Pixels p = readBack(ctx);
    EXPECT_EQ(p.at(10, 10), kWhite);                      // left half untouched
    EXPECT_EQ(p.at(160, 2), (Rgba{10, 200, 10, 255}));    // background of the map viewport
    const auto c0 = s.px(5, 5);
    EXPECT_EQ(p.at(150 + int(c0.x), int(c0.y)), kRed);
}
