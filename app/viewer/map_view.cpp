#include "viewer/map_view.hpp"

#include <glad/gl.h>

#include <cmath>
#include <vector>

#include "render/gl/framebuffer.hpp"
#include "render/gl/png_writer.hpp"
#include "render/headless/map_image.hpp"
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
        std::vector<std::array<float, 4>>& panels = session.state().mapPanels;
        panels.clear();
        for (const render::BoxPx* b : {&layout.title, &layout.legend, &layout.scaleBar, &layout.northArrow, &layout.provenance})
            if (b->maxX > b->minX && b->maxY > b->minY)
                panels.push_back({vp.rect.x + b->minX, vp.rect.y + b->minY, vp.rect.x + b->maxX, vp.rect.y + b->maxY});
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
    // What the window shows beside its legend and title (the part "zoom to all"
    // fills) goes into the same free part of the image, whatever its shape:
    // nothing seen on screen is cut off in a wider or taller export.
    core::Box shown;
    const render::RectPx& f = m_vp.fitRect;
    for (const core::Vec2 corner : {core::Vec2{double(f.x), double(f.y)}, core::Vec2{double(f.x + f.w), double(f.y + f.h)}}) {
        const core::Vec2 w = m_camera.screenToWorld(corner);
        shown.expand(w.x, w.y);
    }
    render::MapImageOptions options;
    options.marginFraction = 0;
    auto image = render::renderMapImage(fb.value(), m_renderer, &m_overlay, shown, std::nullopt, options);
    render::Framebuffer::bindDefault();
    if (!image) return core::Error{image.error().what, path};
    render::PngOptions o;
    o.bottomUp = true;
    return render::writePng(path, widthPx, heightPx, image.value().rgba, o);
}

}  // namespace geso::viewer
