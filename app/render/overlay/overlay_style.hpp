#pragma once
// Internal: sizes and colours of the overlay's panels, all derived from the
// scale so a 3840×2160 frame looks like a 1920×1080 one, twice as large.
#include <algorithm>
#include <cmath>
#include <string_view>

#include <imgui.h>

namespace geso::render::overlay {

struct Metrics {
    float scale = 1;
    float margin = 12;    // panel to map edge
    float pad = 8;        // inside panels
    float gap = 8;        // between a swatch and its text
    float rowGap = 4;     // between legend rows
    float rounding = 4;
    float swatchW = 28, swatchH = 18;
    float symbolPx = 14;
    float line = 1;       // thin lines (borders)
    float haloPx = 2.0f;  // labels stay legible over point symbols and class colours

    explicit Metrics(float s) : scale(std::max(s, 0.5f)) {
        margin *= scale; pad *= scale; gap *= scale; rowGap *= scale; rounding *= scale;
        swatchW *= scale; swatchH *= scale; symbolPx *= scale; line = std::max(1.0f, scale);
        haloPx = std::max(1.0f, haloPx * scale);
    }
};

constexpr ImU32 kPanelFill = IM_COL32(255, 255, 255, 222);
constexpr ImU32 kPanelBorder = IM_COL32(150, 150, 150, 200);
constexpr ImU32 kText = IM_COL32(25, 25, 25, 255);
constexpr ImU32 kTextMuted = IM_COL32(85, 85, 85, 255);
constexpr ImU32 kNotice = IM_COL32(165, 35, 20, 255);
constexpr ImU32 kHalo = IM_COL32(255, 255, 255, 235);

inline ImVec2 textSize(const ImFont* f, std::string_view s, float wrapPx = 0.0f) {
    return f->CalcTextSizeA(f->FontSize, 3.0e38f, wrapPx, s.data(), s.data() + s.size());
}

// Whole pixels keep FreeType's hinted glyphs crisp.
inline ImVec2 snap(ImVec2 p) { return {std::floor(p.x + 0.5f), std::floor(p.y + 0.5f)}; }

}  // namespace geso::render::overlay
