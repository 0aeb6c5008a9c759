#include "viewer/camera_control.hpp"

#include <cmath>

namespace geso::viewer {

core::Vec2 toCameraPx(const MapViewport& vp, float x, float y) {
    return {static_cast<double>((x - vp.rect.x) * vp.fbScale), static_cast<double>((y - vp.rect.y) * vp.fbScale)};
}

void fitInto(render::Camera& cam, const core::Box& box, const render::RectPx& fitRect, double marginShare) {
    if (box.empty()) return;
    core::Box b = box;
    const double mx = (b.maxX - b.minX) * marginShare, my = (b.maxY - b.minY) * marginShare;
    b.minX -= mx; b.maxX += mx; b.minY -= my; b.maxY += my;
    if (fitRect.w > 8 && fitRect.h > 8) cam.fitBoxInto(b, fitRect);
    else cam.fitBox(b);
}

bool applyCameraActions(render::Camera& cam, const ui::Actions& a, const ui::AppState& s, const core::Box& extent,
                        const MapViewport& vp) {
    bool moved = false;
    if (a.zoomAll) { fitInto(cam, extent, vp.fitRect, 0.0); moved = true; }
    if (a.zoomTo && *a.zoomTo >= 0 && static_cast<size_t>(*a.zoomTo) < s.areaBox.size()) {
        fitInto(cam, s.areaBox[static_cast<size_t>(*a.zoomTo)], vp.fitRect, 0.15);
        moved = true;
    }
    if (a.zoomRect) {
        const auto& r = *a.zoomRect;
        // A tiny rectangle is a slip of the hand, not a request to zoom to 1 m.
        if (std::fabs(r[2] - r[0]) >= 4 && std::fabs(r[3] - r[1]) >= 4) {
            const core::Vec2 p0 = cam.screenToWorld(toCameraPx(vp, r[0], r[1]));
            const core::Vec2 p1 = cam.screenToWorld(toCameraPx(vp, r[2], r[3]));
            core::Box b;
            b.expand(p0.x, p0.y);
            b.expand(p1.x, p1.y);
            cam.fitBox(b);
            moved = true;
        }
    }
    if (a.panXPx != 0 || a.panYPx != 0) {
        cam.panByPx(static_cast<double>(a.panXPx * vp.fbScale), static_cast<double>(a.panYPx * vp.fbScale));
        moved = true;
    }
    if (a.zoomFactor != 1.0f && std::isfinite(a.zoomFactor) && a.zoomFactor > 0) {
        const core::Vec2 at = a.zoomAtCentre
                                  ? core::Vec2{cam.widthPx() * 0.5, cam.heightPx() * 0.5}
                                  : toCameraPx(vp, a.zoomAtX, a.zoomAtY);
        cam.zoomAt(at, static_cast<double>(a.zoomFactor));
        moved = true;
    }
    return moved;
}

}  // namespace geso::viewer
