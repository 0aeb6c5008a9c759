#pragma once
// The map furniture drawn over the GL map with ImGui draw lists: title (+ the
// "illustrativa värden" notice), legend, area labels, scale bar, north arrow
// and the provenance strip. The viewer and the headless render call the same
// function, so the PNG shows what the window shows. No gl*, no GLFW.
//
// Coordinates: mapRect is in framebuffer pixels, top-left origin (the draw
// list's space); the camera's viewport is mapRect's size and its screen
// coordinates are relative to mapRect's top-left corner.
// Everything is sized by `scale` (= the FontSet's scale): 1 at 1920×1080,
// 2 at 3840×2160 (overlayScaleForSize) or the monitor's content scale.
#include <vector>

#include <imgui.h>

#include "render/mesh/camera.hpp"
#include "render/overlay/fonts.hpp"
#include "render/overlay/label_placement.hpp"
#include "render/overlay/overlay_model.hpp"

namespace geso::render {

struct OverlayLayout {
    // Panels in framebuffer pixels; a panel not shown has a zero-size box.
    BoxPx title, legend, scaleBar, northArrow, provenance;
    // Where the map should go so no panel covers it, relative to mapRect's
    // top-left corner: pass to Camera::fitBoxInto() for "zoom to all".
    RectPx fitRect;
    float titleWrapPx = 0;  // the title's wrap width (layout detail, kept so drawing wraps identically)
};

struct OverlayResult {
    OverlayLayout layout;
    std::vector<int> placedLabels;  // indices into OverlayModel::labels, in drawing order
};

// Where each panel goes for this model, map rectangle and scale (no drawing).
OverlayLayout layoutOverlay(const OverlayModel& m, const Camera& cam, RectPx mapRect, const FontSet& fonts,
                            float scale);

// Draws everything into `dl` (e.g. ImGui::GetForegroundDrawList() or a
// window's draw list), clipped to mapRect. Fonts must come from buildFonts()
// on the current context's atlas.
OverlayResult drawMapOverlay(ImDrawList* dl, const OverlayModel& m, const Camera& cam, RectPx mapRect,
                             const FontSet& fonts, float scale);

}  // namespace geso::render
