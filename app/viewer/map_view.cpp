#include "viewer/map_view.hpp"

#include <glad/gl.h>

#include <cmath>
#include <vector>

#include "render/gl/framebuffer.hpp"
#include "render/gl/png_writer.hpp"
#include "render/headless/overlay_painter.hpp"
#include "render/overlay/map_overlay.hpp"

namespace geso::viewer {

core::Status MapView::init() {
    core::Status st = m_renderer.init();
    m_ready = st.ok();
    return st;
}

render::Camera MapView::overlayCamera() const {
    if (m_vp.fbScale == 1.0f) return m_camera;
    render::Camera c(static_cast<int>(std::lround(m_vp.rect.w)), static_cast<int>(std::lround(m_vp.rect.h)));
    c.setCentre(m_camera.centre());
    c.setMetresPerPx(m_camera.metresPerPx() * static_cast<double>(m_vp.fbScale));
    return c;
}

void MapView::update(MapSession& session, const ui::UiState& u, const ui::Actions& a, const MapViewport& vp,
                     const render::FontSet& fonts, float scale) {
    m_vp = vp;
    const int wPx = static_cast<int>(std::lround(vp.rect.w * vp.fbScale));
    const int hPx = static_cast<int>(std::lround(vp.rect.h * vp.fbScale));
    m_camera.setViewportSize(wPx, hPx);

    const MapSession::Dirty dirty = session.takeDirty();
    const core::Project* p = session.project();
    if (dirty.areas) {
        m_extent = p ? p->areas.extent : core::Box{};
        if (m_ready && p) {
            if (core::Status st = m_renderer.setAreas(p->areas, p->geometry); !st) session.reportError(st.error());
        }
        m_needFit = true;
    }
    if (dirty.colors && m_ready) {
        const render::FeatureFill fill = session.featureFill();
        m_renderer.setFeatureColors(fill.color, fill.noData);
    }
    if ((dirty.points || a.pointsChanged) && m_ready) {
        for (size_t layer = 0; layer < 2; ++layer) {
            m_renderer.setPoints(static_cast<int>(layer), session.styledPoints(layer, u).symbols);
            m_renderer.setPointsVisible(static_cast<int>(layer), session.pointLayerVisible(layer, u));
        }
    }
    // The overlay model holds every label: rebuilt when the map or language changes, not per frame.
    if (dirty.areas || dirty.colors || dirty.points || a.pointsChanged || a.lang) m_overlay = session.overlayModel(u);

    // Where "zoom to all" may put the map: the part the legend and title leave free.
    const render::RectPx mapPx{0, 0, static_cast<int>(std::lround(vp.rect.w)), static_cast<int>(std::lround(vp.rect.h))};
    if (fonts.regular) {
        const render::OverlayLayout layout = render::layoutOverlay(m_overlay, overlayCamera(), mapPx, fonts, scale);
        m_vp.fitRect = {static_cast<int>(std::lround(static_cast<float>(layout.fitRect.x) * vp.fbScale)),
                        static_cast<int>(std::lround(static_cast<float>(layout.fitRect.y) * vp.fbScale)),
                        static_cast<int>(std::lround(static_cast<float>(layout.fitRect.w) * vp.fbScale)),
                        static_cast<int>(std::lround(static_cast<float>(layout.fitRect.h) * vp.fbScale))};
    } else {
        m_vp.fitRect = {0, 0, wPx, hPx};
    }
    if (m_needFit) {
        fitInto(m_camera, m_extent, m_vp.fitRect, 0.0);
        m_needFit = m_extent.empty();
    }
    applyCameraActions(m_camera, a, session.state(), m_extent, m_vp);

    // Hover follows the mouse; a click selects what is under it (or clears).
    int hovered = -1;
    if (a.hoverAt) hovered = session.featureAt(m_camera.screenToWorld(toCameraPx(m_vp, a.hoverAt->first, a.hoverAt->second)));
    session.setHovered(hovered);
    if (a.pickAt) {
        const int f = session.featureAt(m_camera.screenToWorld(toCameraPx(m_vp, a.pickAt->first, a.pickAt->second)));
        ui::Actions pick;
        pick.select = f;
        session.apply(pick, u);
    }
    m_renderer.setHover(hovered);
    m_renderer.setSelected(session.state().selected);
}

void MapView::draw(int fbHeightPx, float scale) const {
    if (!m_ready) return;
    const render::RectPx topLeft{static_cast<int>(std::lround(m_vp.rect.x * m_vp.fbScale)),
                                 static_cast<int>(std::lround(m_vp.rect.y * m_vp.fbScale)), m_camera.widthPx(),
                                 m_camera.heightPx()};
    m_renderer.draw(m_camera, render::toGlViewport(topLeft, fbHeightPx), scale);
}

void MapView::drawOverlay(ImDrawList* dl, const render::FontSet& fonts, float scale) const {
    if (!fonts.regular) return;
    const render::RectPx rect{static_cast<int>(std::lround(m_vp.rect.x)), static_cast<int>(std::lround(m_vp.rect.y)),
                              static_cast<int>(std::lround(m_vp.rect.w)), static_cast<int>(std::lround(m_vp.rect.h))};
    render::drawMapOverlay(dl, m_overlay, overlayCamera(), rect, fonts, scale);
}

core::Status MapView::exportPng(const std::string& path, int widthPx, int heightPx) const {
    if (!m_ready) return core::Error{"the map renderer is not available", path};
    auto fb = render::Framebuffer::create(widthPx, heightPx);
    if (!fb) return fb.error();
    // The same view, scaled: same centre, the same ground width across the image.
    render::Camera cam(widthPx, heightPx);
    cam.setCentre(m_camera.centre());
    cam.setMetresPerPx(m_camera.metresPerPx() * m_camera.widthPx() / std::max(1, widthPx));
    const float scale = render::overlayScaleForSize(widthPx, heightPx);
    fb.value().bind();
    m_renderer.draw(cam, {0, 0, widthPx, heightPx}, scale);
    core::Status st = core::Ok{};
    {
        auto painter = render::OverlayPainter::create(widthPx, heightPx, scale);
        if (!painter) st = painter.error();
        else painter.value().draw(m_overlay, cam, {0, 0, widthPx, heightPx});
    }
    std::vector<uint8_t> rgba;
    if (st) {
        fb.value().readPixels(rgba);
        render::PngOptions o;
        o.bottomUp = true;
        st = render::writePng(path, widthPx, heightPx, rgba, o);
    }
    render::Framebuffer::bindDefault();
    return st;
}

}  // namespace geso::viewer
