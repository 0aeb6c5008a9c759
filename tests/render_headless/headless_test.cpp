#include "render/headless/headless_context.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "render/gl/map_renderer.hpp"
#include "render/gl/png_writer.hpp"
#include "render/headless/map_image.hpp"
#include "render/headless/overlay_painter.hpp"
#include "render_gl/gl_test_support.hpp"
#include "render_mesh/test_layers.hpp"

using namespace geso::render;

TEST(HeadlessContext, CreatesAContextWithARenderer) {
    GESO_REQUIRE_CONTEXT(ctx, 64, 32);
    EXPECT_EQ(ctx.widthPx(), 64);
    EXPECT_EQ(ctx.heightPx(), 32);
    EXPECT_FALSE(ctx.rendererName().empty());
}

TEST(HeadlessContext, RejectsSizesBeyondTheDriverLimit) {
    auto probe = HeadlessContext::create(8, 8);
    if (!probe) GTEST_SKIP() << probe.error().line();
    const int maxPx = maxFramebufferSizePx();
    probe = HeadlessContext::create(8, 8);  // a second context while one is alive is fine
    ASSERT_TRUE(probe.ok());
    auto tooBig = Framebuffer::create(maxPx + 1, 8);
    ASSERT_FALSE(tooBig.ok());
    EXPECT_EQ(tooBig.error().where, "gl:framebuffer");
    EXPECT_FALSE(Framebuffer::create(0, 8).ok());
}

TEST(HeadlessContext, ImageMadeOnAnotherThreadIsDrawnInto) {
    GESO_REQUIRE_CONTEXT(ctx, 16, 16);
    const HeadlessContext::ImageMaker maker = ctx.imageMaker();
    geso::core::Result<HeadlessContext::SharedImage> made = geso::core::Error{"not run", "test"};
    // The context stays current here while another thread makes the buffer, as in geso-atlas render.
    std::thread([&] { made = maker.make(300, 200); }).join();
    ASSERT_TRUE(made.ok()) << made.error().line();
    ASSERT_TRUE(ctx.adoptImage(made.value()).ok());
    EXPECT_EQ(ctx.widthPx(), 300);
    EXPECT_EQ(ctx.heightPx(), 200);
    glClearColor(0.0f, 1.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    std::vector<uint8_t> px;
    ctx.readPixels(px);
    ASSERT_EQ(px.size(), 300u * 200u * 4u);
    EXPECT_EQ(px[0], 0);
    EXPECT_EQ(px[1], 255);
    EXPECT_EQ(px[px.size() - 3], 255);  // the last pixel is green too: the whole buffer is the image

    const int tooWide = maxFramebufferSizePx() + 1;  // asked here: the other thread has no context yet
    std::thread([&] { made = maker.make(tooWide, 8); }).join();
    ASSERT_FALSE(made.ok());
    EXPECT_EQ(made.error().where, "gl:framebuffer");
}

TEST(HeadlessContext, Renders3840x2160AndWritesPng) {
    GESO_REQUIRE_CONTEXT(ctx, 3840, 2160);
    auto areas = geso::test::makeSquares({{0, 0, 10}, {20, 0, 10, 4}});
    MapRenderer r;
    ASSERT_TRUE(r.init().ok());
    ASSERT_TRUE(r.setAreas(areas.layer, areas.geometry).ok());
    const Rgba colors[] = {{250, 0, 0, 255}, {0, 0, 250, 255}};
    r.setFeatureColors(colors);
    auto image = renderMapImage(ctx.framebuffer(), r, nullptr, areas.layer.extent, std::nullopt);
    ASSERT_TRUE(image.ok()) << image.error().line();
    const MapImage& im = image.value();
    ASSERT_EQ(im.rgba.size(), size_t(3840) * 2160 * 4);
    auto pixel = [&](geso::core::Vec2 world) {
        const auto s = im.camera.worldToScreen(world);
        const size_t row = size_t(2160 - 1 - int(s.y)), i = (row * 3840 + size_t(s.x)) * 4;
        return Rgba{im.rgba[i], im.rgba[i + 1], im.rgba[i + 2], im.rgba[i + 3]};
    };
    EXPECT_EQ(pixel({5, 5}), (Rgba{250, 0, 0, 255}));
    EXPECT_EQ(pixel({21, 5}), (Rgba{0, 0, 250, 255}));
    EXPECT_EQ(pixel({25, 5}), (Rgba{255, 255, 255, 255}));  // the hole
    const auto path = std::filesystem::temp_directory_path() / "geso_e1a_4k.png";
    PngOptions o;
    o.bottomUp = true;
    ASSERT_TRUE(writePng(path, 3840, 2160, im.rgba, o).ok());
    auto back = readPng(path);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value().widthPx, 3840);
    EXPECT_EQ(back.value().heightPx, 2160);
    const auto s = im.camera.worldToScreen({5, 5});
    const size_t i = (size_t(int(s.y)) * 3840 + size_t(s.x)) * 4;  // top-down in the file
    EXPECT_EQ(back.value().rgba[i], 250);
    std::filesystem::remove(path);
}

TEST(OverlayPainter, DrawsLegendAndRestoresCallerContext) {
    GESO_REQUIRE_CONTEXT(ctx, 800, 600);
    ImGuiContext* mine = ImGui::CreateContext();
    ImGui::SetCurrentContext(mine);
    auto painter = OverlayPainter::create(800, 600, 1.0f);
    if (!painter) GTEST_SKIP() << "fonts: " << painter.error().line();
    EXPECT_EQ(ImGui::GetCurrentContext(), mine);
    OverlayModel m;
    m.title = "Testkarta åäö";
    m.legendTitle = "Klasser";
    m.legend = {{{200, 30, 30, 255}, "1–2", 3}, {{30, 30, 200, 255}, "2–3", 4}};
    m.provenance = "Schematiska gränser · illustrativa värden";
    Camera cam(800, 600);
    cam.setCentre({118000, 6160000});
    cam.setMetresPerPx(20);
    glViewport(0, 0, 800, 600);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    painter.value().draw(m, cam, {0, 0, 800, 600});
    EXPECT_EQ(ImGui::GetCurrentContext(), mine);
    const auto p = geso::test::readBack(ctx);
    int red = 0, blue = 0, dark = 0;
    for (int y = 0; y < 600; ++y)
        for (int x = 0; x < 800; ++x) {
            const Rgba c = p.at(x, y);
            red += c == Rgba{200, 30, 30, 255};
            blue += c == Rgba{30, 30, 200, 255};
            dark += c.r < 80 && c.g < 80 && c.b < 80;
        }
    EXPECT_GT(red, 20);   // legend swatches
    EXPECT_GT(blue, 20);
    EXPECT_GT(dark, 100);  // text
    painter = geso::core::Error{"released", ""};
    EXPECT_EQ(ImGui::GetCurrentContext(), mine);
    ImGui::DestroyContext(mine);
}
