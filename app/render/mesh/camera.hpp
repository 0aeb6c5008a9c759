#pragma once
// The 2-D map camera: world (display CRS, metres, y north) ↔ screen pixels of a
// viewport (origin top-left, y down — ImGui's convention). GL-free.
//
// All screen quantities are FRAMEBUFFER pixels: on HiDPI screens the viewer
// multiplies mouse coordinates by the framebuffer/window ratio before calling.
// Pan and zoom only change the numbers here; meshes are never rebuilt.
#include "core/model/layer.hpp"

namespace geso::render {

// A rectangle in framebuffer pixels. Its meaning of (x, y) is stated where it is
// used: Camera and the overlay take the top-left corner (y down); MapRenderer::draw
// takes glViewport's bottom-left corner — see toGlViewport().
struct RectPx {
    int x = 0, y = 0, w = 0, h = 0;
};

// Top-left rectangle in a framebuffer of height fbHeightPx → glViewport rectangle.
inline RectPx toGlViewport(RectPx topLeft, int fbHeightPx) {
    return {topLeft.x, fbHeightPx - topLeft.y - topLeft.h, topLeft.w, topLeft.h};
}

// clip = (local + offset) * scale, where local = world - mesh origin (float32).
// The offset (origin - centre) is formed in double, so metres survive at
// SWEREF99 northings (~6.16e6) where float32 alone has a 0.5 m step.
struct ClipTransform {
    float scaleX = 1, scaleY = 1, offsetX = 0, offsetY = 0;
};

class Camera {
public:
    static constexpr double kMinMetresPerPx = 1e-4;
    static constexpr double kMaxMetresPerPx = 1e7;

    Camera() = default;
    Camera(int widthPx, int heightPx) { setViewportSize(widthPx, heightPx); }

    // A viewport smaller than 1×1 is treated as 1×1 (a minimised window).
    void setViewportSize(int widthPx, int heightPx);
    int widthPx() const { return m_widthPx; }
    int heightPx() const { return m_heightPx; }

    core::Vec2 centre() const { return m_centre; }
    double metresPerPx() const { return m_metresPerPx; }
    void setCentre(core::Vec2 worldXy) { m_centre = worldXy; }
    // Clamped to [kMinMetresPerPx, kMaxMetresPerPx]; NaN/inf are ignored.
    void setMetresPerPx(double metresPerPx);

    // Screen px are relative to the viewport's top-left corner, y down; a pixel's
    // centre is at (i + 0.5, j + 0.5).
    core::Vec2 worldToScreen(core::Vec2 worldXy) const;
    core::Vec2 screenToWorld(core::Vec2 screenPx) const;

    // Moves the content by (dx, dy) pixels: a drag to the right moves the map right.
    void panByPx(double dxPx, double dyPx);
    // factor > 1 zooms in. The world point under cursorPx stays under it
    // (exactly, unless the scale limit clamps the factor).
    void zoomAt(core::Vec2 cursorPx, double factor);
    // Centres `box` and picks the scale so that it fits inside the viewport minus
    // marginPx on every side. An empty box leaves the camera unchanged; a
    // degenerate one (a point) keeps the current scale.
    void fitBox(const core::Box& box, double marginPx = 0);
    // Like fitBox, but fits into `innerPx` (top-left rectangle inside the
    // viewport), e.g. the part not covered by the legend.
    void fitBoxInto(const core::Box& box, RectPx innerPx);

    // The world rectangle the viewport shows.
    core::Box visibleBox() const;

    // Uniforms for a mesh whose float coordinates are relative to (originX, originY).
    ClipTransform clipTransform(double originX, double originY) const;

private:
    int m_widthPx = 1, m_heightPx = 1;
    core::Vec2 m_centre{0, 0};
    double m_metresPerPx = 1;
};

}  // namespace geso::render
