#pragma once
// Draws the map overlay (E1b's drawMapOverlay: title, legend, labels, scale
// bar, provenance) into the bound framebuffer with an ImGui context of its own
// (no platform backend: DisplaySize/DeltaTime set by hand, fonts at `scale`,
// ImGui's OpenGL3 backend). Works with any current GL 3.3 context — the
// headless EGL one or the viewer's (for PNG export); the caller's ImGui
// context is restored after every call.
#include <memory>

#include "core/base/result.hpp"
#include "render/mesh/camera.hpp"
#include "render/overlay/fonts.hpp"
#include "render/overlay/map_overlay.hpp"
#include "render/overlay/overlay_model.hpp"

namespace geso::render {

class OverlayPainter {
public:
    // Errors: fonts missing (where = the font file), backend init ("imgui:opengl3").
    static core::Result<OverlayPainter> create(int widthPx, int heightPx, float scale);
    // With fonts already built (buildFonts(atlas, scale)), e.g. on another thread.
    static core::Result<OverlayPainter> create(int widthPx, int heightPx, float scale,
                                               std::unique_ptr<ImFontAtlas> atlas, const FontSet& fonts);
    OverlayPainter(OverlayPainter&&) noexcept;
    OverlayPainter& operator=(OverlayPainter&&) noexcept;
    ~OverlayPainter();  // needs the GL context that created it to be current

    float scale() const;
    // Areas with a smaller radius on screen never get a label (makeOverlayModel's minLabelRadius).
    float minLabelRadiusPx() const;
    OverlayLayout layout(const OverlayModel& model, const Camera& camera, RectPx mapRect) const;
    // One ImGui frame: NewFrame, drawMapOverlay into the foreground list, Render,
    // ImGui_ImplOpenGL3_RenderDrawData into the bound framebuffer.
    OverlayResult draw(const OverlayModel& model, const Camera& camera, RectPx mapRect);

    struct State;

private:
    OverlayPainter() = default;
    std::unique_ptr<State> m_state;
};

}  // namespace geso::render
