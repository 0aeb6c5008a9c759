#include "render/mesh/camera.hpp"

#include <algorithm>
#include <cmath>

namespace geso::render {

void Camera::setViewportSize(int widthPx, int heightPx) {
    m_widthPx = std::max(1, widthPx);
    m_heightPx = std::max(1, heightPx);
}

void Camera::setMetresPerPx(double metresPerPx) {
    if (!std::isfinite(metresPerPx)) return;
    m_metresPerPx = std::clamp(metresPerPx, kMinMetresPerPx, kMaxMetresPerPx);
}

core::Vec2 Camera::worldToScreen(core::Vec2 w) const {
    return {(w.x - m_centre.x) / m_metresPerPx + 0.5 * m_widthPx,
            0.5 * m_heightPx - (w.y - m_centre.y) / m_metresPerPx};
}

core::Vec2 Camera::screenToWorld(core::Vec2 s) const {
    return {m_centre.x + (s.x - 0.5 * m_widthPx) * m_metresPerPx,
            m_centre.y - (s.y - 0.5 * m_heightPx) * m_metresPerPx};
}

void Camera::panByPx(double dxPx, double dyPx) {
    m_centre.x -= dxPx * m_metresPerPx;
    m_centre.y += dyPx * m_metresPerPx;
}

void Camera::zoomAt(core::Vec2 cursorPx, double factor) {
    if (!(factor > 0) || !std::isfinite(factor)) return;
    const core::Vec2 anchor = screenToWorld(cursorPx);
    setMetresPerPx(m_metresPerPx / factor);
    // Re-centre so that `anchor` maps back to cursorPx at the new scale.
    m_centre.x = anchor.x - (cursorPx.x - 0.5 * m_widthPx) * m_metresPerPx;
    m_centre.y = anchor.y + (cursorPx.y - 0.5 * m_heightPx) * m_metresPerPx;
}

void Camera::fitBox(const core::Box& box, double marginPx) {
    const double m = std::max(0.0, marginPx);
    const int w = static_cast<int>(std::max(1.0, m_widthPx - 2 * m));
    const int h = static_cast<int>(std::max(1.0, m_heightPx - 2 * m));
    fitBoxInto(box, RectPx{static_cast<int>((m_widthPx - w) / 2), static_cast<int>((m_heightPx - h) / 2), w, h});
}

void Camera::fitBoxInto(const core::Box& box, RectPx inner) {
    if (box.empty()) return;
    inner.w = std::max(1, inner.w);
    inner.h = std::max(1, inner.h);
    const double bw = box.maxX - box.minX, bh = box.maxY - box.minY;
    if (bw > 0 || bh > 0) setMetresPerPx(std::max(bw / inner.w, bh / inner.h));
    // The box centre goes to the inner rectangle's centre.
    const core::Vec2 boxCentre{0.5 * (box.minX + box.maxX), 0.5 * (box.minY + box.maxY)};
    const double innerCx = inner.x + 0.5 * inner.w, innerCy = inner.y + 0.5 * inner.h;
    m_centre.x = boxCentre.x - (innerCx - 0.5 * m_widthPx) * m_metresPerPx;
    m_centre.y = boxCentre.y + (innerCy - 0.5 * m_heightPx) * m_metresPerPx;
}

core::Box Camera::visibleBox() const {
    core::Box b;
    b.expand(screenToWorld({0, 0}).x, screenToWorld({0, 0}).y);
    const core::Vec2 br = screenToWorld({double(m_widthPx), double(m_heightPx)});
    b.expand(br.x, br.y);
    return b;
}

ClipTransform Camera::clipTransform(double originX, double originY) const {
    return {static_cast<float>(2.0 / (m_metresPerPx * m_widthPx)),
            static_cast<float>(2.0 / (m_metresPerPx * m_heightPx)),
            static_cast<float>(originX - m_centre.x), static_cast<float>(originY - m_centre.y)};
}

}  // namespace geso::render
