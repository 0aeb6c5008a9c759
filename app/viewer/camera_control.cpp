#include "viewer/camera_control.hpp"

#include <algorithm>
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

render::RectPx freeRectBeside(const render::RectPx& fit, const render::RectPx& covered) {
    const int fx1 = fit.x + fit.w, fy1 = fit.y + fit.h;
    const int cx0 = std::clamp(covered.x, fit.x, fx1), cx1 = std::clamp(covered.x + covered.w, fit.x, fx1);
    const int cy0 = std::clamp(covered.y, fit.y, fy1), cy1 = std::clamp(covered.y + covered.h, fit.y, fy1);
    if (cx0 >= cx1 || cy0 >= cy1) return fit;  // not over the free part at all
    const render::RectPx sides[] = {{fit.x, fit.y, cx0 - fit.x, fit.h},   // left of it
                                    {cx1, fit.y, fx1 - cx1, fit.h},       // right
                                    {fit.x, fit.y, fit.w, cy0 - fit.y},   // above
                                    {fit.x, cy1, fit.w, fy1 - cy1}};      // below
    render::RectPx best{0, 0, 0, 0};
    for (const render::RectPx& r : sides)
        if (static_cast<long>(r.w) * r.h > static_cast<long>(best.w) * best.h) best = r;
    // A sliver is no place for a map: then the window is simply in the way.
    return static_cast<long>(best.w) * best.h * 5 >= static_cast<long>(fit.w) * fit.h ? best : fit;
}

bool applyCameraActions(render::Camera& cam, const ui::Actions& a, const ui::AppState& s, const core::Box& extent,
                        const MapViewport& vp) {
    bool moved = false;
    if (a.zoomAll) { fitInto(cam, extent, vp.fitRect, 0.0); moved = true; }
    if (a.zoomTo && *a.zoomTo >= 0 && static_cast<size_t>(*a.zoomTo) < s.areaBox.size()) {
        render::RectPx into = vp.fitRect;
        if (a.zoomAvoid) {
            const core::Vec2 p0 = toCameraPx(vp, (*a.zoomAvoid)[0], (*a.zoomAvoid)[1]);
            const core::Vec2 p1 = toCameraPx(vp, (*a.zoomAvoid)[2], (*a.zoomAvoid)[3]);
            into = freeRectBeside(vp.fitRect, {static_cast<int>(p0.x), static_cast<int>(p0.y),
                                               static_cast<int>(p1.x - p0.x), static_cast<int>(p1.y - p0.y)});
        }
        fitInto(cam, s.areaBox[static_cast<size_t>(*a.zoomTo)], into, 0.15);
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
