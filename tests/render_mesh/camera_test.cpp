#include "render/mesh/camera.hpp"

#include <gtest/gtest.h>

#include <cmath>

using geso::core::Box;
using geso::core::Vec2;
using geso::render::Camera;

namespace {

Box box(double x0, double y0, double x1, double y1) {
    Box b;
    b.expand(x0, y0);
    b.expand(x1, y1);
    return b;
}

}  // namespace

TEST(Camera, WorldScreenRoundTripAtSwerefCoordinates) {
    Camera cam(1920, 1080);
    cam.setCentre({118000.0, 6160000.0});
    cam.setMetresPerPx(12.5);
    for (Vec2 w : {Vec2{118000.0, 6160000.0}, Vec2{110123.25, 6155555.5}, Vec2{130000.0, 6171234.75}}) {
        const Vec2 back = cam.screenToWorld(cam.worldToScreen(w));
        EXPECT_NEAR(back.x, w.x, 1e-6);
        EXPECT_NEAR(back.y, w.y, 1e-6);
    }
}

TEST(Camera, CentreIsViewportMiddleAndYGoesDown) {
    Camera cam(800, 600);
    cam.setCentre({1000, 2000});
    cam.setMetresPerPx(2);
    const Vec2 c = cam.worldToScreen({1000, 2000});
    EXPECT_DOUBLE_EQ(c.x, 400);
    EXPECT_DOUBLE_EQ(c.y, 300);
    const Vec2 north = cam.worldToScreen({1000, 2100});  // 100 m north = 50 px up
    EXPECT_DOUBLE_EQ(north.y, 250);
    const Vec2 east = cam.worldToScreen({1100, 2000});
    EXPECT_DOUBLE_EQ(east.x, 450);
}

TEST(Camera, ZoomAtCursorKeepsWorldPointUnderCursor) {
    Camera cam(1280, 720);
    cam.setCentre({120000, 6160000});
    cam.setMetresPerPx(20);
    const Vec2 cursor{1000.5, 123.25};
    const Vec2 before = cam.screenToWorld(cursor);
    for (double factor : {1.25, 2.0, 0.5, 10.0, 0.01}) {
        cam.zoomAt(cursor, factor);
        const Vec2 after = cam.screenToWorld(cursor);
        EXPECT_NEAR(after.x, before.x, 1e-6) << factor;
        EXPECT_NEAR(after.y, before.y, 1e-6) << factor;
    }
}

TEST(Camera, ZoomChangesScaleByFactorAndClamps) {
    Camera cam(100, 100);
    cam.setMetresPerPx(10);
    cam.zoomAt({50, 50}, 2.0);
    EXPECT_DOUBLE_EQ(cam.metresPerPx(), 5);
    for (int i = 0; i < 100; ++i) cam.zoomAt({50, 50}, 10.0);
    EXPECT_DOUBLE_EQ(cam.metresPerPx(), Camera::kMinMetresPerPx);
    cam.zoomAt({50, 50}, 0.0);  // ignored
    cam.zoomAt({50, 50}, NAN);  // ignored
    EXPECT_DOUBLE_EQ(cam.metresPerPx(), Camera::kMinMetresPerPx);
}

TEST(Camera, PanMovesContentWithTheDrag) {
    Camera cam(400, 400);
    cam.setCentre({0, 0});
    cam.setMetresPerPx(3);
    const Vec2 w{30, -60};
    const Vec2 s0 = cam.worldToScreen(w);
    cam.panByPx(25, -10);
    const Vec2 s1 = cam.worldToScreen(w);
    EXPECT_NEAR(s1.x - s0.x, 25, 1e-9);
    EXPECT_NEAR(s1.y - s0.y, -10, 1e-9);
}

TEST(Camera, FitBoxShowsWholeBoxCentredAndTight) {
    Camera cam(1000, 500);
    const Box b = box(110000, 6150000, 135000, 6175000);  // square box in a wide viewport
    cam.fitBox(b, 10);
    const Vec2 tl = cam.worldToScreen({b.minX, b.maxY});
    const Vec2 br = cam.worldToScreen({b.maxX, b.minY});
    EXPECT_NEAR(tl.y, 10, 1e-6);  // height is the limiting side: touches the margins
    EXPECT_NEAR(br.y, 490, 1e-6);
    EXPECT_NEAR(0.5 * (tl.x + br.x), 500, 1e-6);  // centred horizontally
    EXPECT_GE(tl.x, 10);
    EXPECT_LE(br.x, 990);
    EXPECT_NEAR(cam.metresPerPx(), 25000.0 / 480.0, 1e-9);
}

TEST(Camera, FitBoxIntoPlacesBoxInsideInnerRect) {
    Camera cam(1920, 1080);
    const Box b = box(0, 0, 100, 50);
    cam.fitBoxInto(b, {400, 100, 1000, 800});
    const Vec2 tl = cam.worldToScreen({0, 50});
    const Vec2 br = cam.worldToScreen({100, 0});
    EXPECT_NEAR(tl.x, 400, 1e-6);
    EXPECT_NEAR(br.x, 1400, 1e-6);
    EXPECT_NEAR(0.5 * (tl.y + br.y), 500, 1e-6);
}

TEST(Camera, FitEmptyBoxLeavesCameraAndPointKeepsScale) {
    Camera cam(100, 100);
    cam.setCentre({5, 5});
    cam.setMetresPerPx(7);
    cam.fitBox(Box{});
    EXPECT_DOUBLE_EQ(cam.centre().x, 5);
    EXPECT_DOUBLE_EQ(cam.metresPerPx(), 7);
    cam.fitBox(box(42, 43, 42, 43));
    EXPECT_DOUBLE_EQ(cam.metresPerPx(), 7);
    EXPECT_DOUBLE_EQ(cam.centre().x, 42);
    EXPECT_DOUBLE_EQ(cam.centre().y, 43);
}

TEST(Camera, VisibleBoxMatchesViewport) {
    Camera cam(200, 100);
    cam.setCentre({1000, 500});
    cam.setMetresPerPx(0.5);
    const Box v = cam.visibleBox();
    EXPECT_DOUBLE_EQ(v.minX, 950);
    EXPECT_DOUBLE_EQ(v.maxX, 1050);
    EXPECT_DOUBLE_EQ(v.minY, 475);
    EXPECT_DOUBLE_EQ(v.maxY, 525);
}

// The shader computes clip = (float(local) + offset) * scale in float32; with
// the origin offset this stays within a hundredth of a pixel at SWEREF99 northings
// even zoomed in to 1 cm per pixel, where plain float32 world coordinates
// (0.5 m step at 6.16e6) would be off by tens of pixels.
TEST(Camera, ClipTransformWithOriginKeepsPrecisionAtSwerefNorthings) {
    Camera cam(1920, 1080);
    cam.setCentre({123456.789, 6161234.567});
    cam.setMetresPerPx(0.01);
    const double originX = 122500.0, originY = 6162500.0;  // a layer extent's centre, ~1.3 km away
    const auto t = cam.clipTransform(originX, originY);
    const Vec2 world{123457.123, 6161234.891};
    const float lx = static_cast<float>(world.x - originX), ly = static_cast<float>(world.y - originY);
    const float clipX = (lx + t.offsetX) * t.scaleX, clipY = (ly + t.offsetY) * t.scaleY;
    const Vec2 s = cam.worldToScreen(world);
    const double pxX = (clipX + 1.0) * 0.5 * 1920, pxY = (1.0 - clipY) * 0.5 * 1080;
    EXPECT_NEAR(pxX, s.x, 0.05);
    EXPECT_NEAR(pxY, s.y, 0.05);
    // Without the origin, float32 world coordinates are off by many pixels here.
    const float naiveDy = static_cast<float>(world.y) - static_cast<float>(cam.centre().y);
    const double naivePxY = 540.0 - double(naiveDy) / 0.01;
    EXPECT_GT(std::fabs(naivePxY - s.y), 5.0);
}
