#pragma once
// The map on screen: camera, GPU layers (MapRenderer) and the overlay model,
// kept in step with a MapSession. Needs the viewer's GL context current.
// Pan and zoom only move the camera; geometry is uploaded when the areas
// change, colours when the classes change, symbols when filters change.
#include <optional>
#include <string>

#include "render/gl/map_renderer.hpp"
#include "render/mesh/camera.hpp"
#include "render/overlay/fonts.hpp"
#include "render/overlay/overlay_model.hpp"
#include "viewer/camera_control.hpp"
#include "viewer/map_session.hpp"

namespace geso::viewer {

class MapView {
public:
    core::Status init();  // shader programs; the error is shown, the UI still runs

    // One frame: uploads what changed, lays out the overlay, applies camera
    // actions, resolves hover and picking. `fonts`/`scale` are the UI's.
    void update(MapSession& session, const ui::UiState& u, const ui::Actions& a, const MapViewport& vp,
                const render::FontSet& fonts, float scale);
    // GL map into the window's framebuffer (fbHeightPx tall), then the overlay into `dl`.
    void draw(int fbHeightPx, float scale) const;
    void drawOverlay(ImDrawList* dl, const render::FontSet& fonts, float scale) const;

    // Renders the current view at widthPx × heightPx offscreen and writes a PNG.
    core::Status exportPng(const std::string& path, int widthPx, int heightPx) const;

    const render::Camera& camera() const { return m_camera; }

private:
    render::Camera overlayCamera() const;  // the camera in ImGui pixels (differs on fbScale != 1)

    bool m_ready = false;
    render::MapRenderer m_renderer;
    render::Camera m_camera;
    MapViewport m_vp;
    core::Box m_extent;
    render::OverlayModel m_overlay;
    bool m_needFit = true;
};

}  // namespace geso::viewer
