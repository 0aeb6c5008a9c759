#include "render/headless/overlay_painter.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "render/overlay/area_labels.hpp"

namespace geso::render {

struct OverlayPainter::State {
    std::unique_ptr<ImFontAtlas> atlas;  // shared with `context`; outlives it (declared first)
    ImGuiContext* context = nullptr;
    FontSet fonts;
    float scale = 1;
    int widthPx = 0, heightPx = 0;
    bool backend = false;

    ~State() {
        if (!context) return;
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context);
        if (backend) ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext(context);
        ImGui::SetCurrentContext(previous == context ? nullptr : previous);
    }
};

namespace {

// Makes `ctx` current for a scope and puts the caller's context back.
class ContextScope {
public:
    explicit ContextScope(ImGuiContext* ctx) : m_previous(ImGui::GetCurrentContext()) { ImGui::SetCurrentContext(ctx); }
    ~ContextScope() { ImGui::SetCurrentContext(m_previous); }
    ContextScope(const ContextScope&) = delete;
    ContextScope& operator=(const ContextScope&) = delete;

private:
    ImGuiContext* m_previous;
};

}  // namespace

core::Result<OverlayPainter> OverlayPainter::create(int widthPx, int heightPx, float scale) {
    const float s = scale > 0 ? scale : overlayScaleForSize(widthPx, heightPx);
    auto atlas = std::make_unique<ImFontAtlas>();
    auto fonts = buildFonts(*atlas, s);
    if (!fonts) return fonts.error();
    return create(widthPx, heightPx, s, std::move(atlas), fonts.value());
}

core::Result<OverlayPainter> OverlayPainter::create(int widthPx, int heightPx, float scale,
                                                    std::unique_ptr<ImFontAtlas> atlas, const FontSet& fonts) {
    auto state = std::make_unique<State>();
    state->widthPx = widthPx;
    state->heightPx = heightPx;
    state->scale = scale > 0 ? scale : overlayScaleForSize(widthPx, heightPx);
    state->atlas = std::move(atlas);
    state->context = ImGui::CreateContext(state->atlas.get());
    ContextScope scope(state->context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(widthPx), static_cast<float>(heightPx));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = 1.0f / 60.0f;
    io.FontDefault = fonts.regular;
    state->fonts = fonts;
    if (!ImGui_ImplOpenGL3_Init("#version 330 core"))
        return core::Error{"cannot initialise ImGui's OpenGL3 backend", "imgui:opengl3"};
    state->backend = true;
    OverlayPainter p;
    p.m_state = std::move(state);
    return p;
}

OverlayPainter::OverlayPainter(OverlayPainter&&) noexcept = default;
OverlayPainter& OverlayPainter::operator=(OverlayPainter&&) noexcept = default;
OverlayPainter::~OverlayPainter() = default;

float OverlayPainter::scale() const { return m_state->scale; }

float OverlayPainter::minLabelRadiusPx() const { return overlay::minLabelRadiusPx(m_state->fonts); }

OverlayLayout OverlayPainter::layout(const OverlayModel& model, const Camera& camera, RectPx mapRect) const {
    ContextScope scope(m_state->context);
    return layoutOverlay(model, camera, mapRect, m_state->fonts, m_state->scale);
}

OverlayResult OverlayPainter::draw(const OverlayModel& model, const Camera& camera, RectPx mapRect) {
    ContextScope scope(m_state->context);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    OverlayResult r = drawMapOverlay(ImGui::GetForegroundDrawList(), model, camera, mapRect, m_state->fonts,
                                     m_state->scale);
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    // The first frame uploaded the glyph texture; its CPU copies (alpha and
    // RGBA, 5 MB at 3840×2160) are never read again.
    m_state->atlas->ClearTexData();
    return r;
}

}  // namespace geso::render
