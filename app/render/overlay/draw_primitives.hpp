#pragma once
// Small ImGui draw-list pieces shared by the overlay and the viewer's panels
// (legend swatches, point symbols, text with a halo). Draw lists only: no gl*.
#include <string_view>

#include <imgui.h>

#include "render/mesh/point_mesh.hpp"
#include "render/mesh/rgba.hpp"

namespace geso::render {

inline ImU32 toImColor(Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

// A filled swatch with a thin dark border.
void drawSwatch(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 fill, float scale);

// The no-data swatch: `fill` with dark diagonal hatch lines (spacing 5 px × scale),
// clipped to the swatch — the legend twin of the map's grey hatch.
void drawHatchedSwatch(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 fill, float scale);

// A point symbol of diameter sizePx centred on `centre`, the same shape and
// proportions as the map's instanced symbols (shaders/point.frag.glsl).
void drawSymbol(ImDrawList* dl, ImVec2 centre, float sizePx, SymbolShape shape, ImU32 fill, ImU32 stroke,
                float strokePx);

// Text whose top-left corner is `pos`, drawn over a halo (the text repeated in
// `halo` around it at haloPx) so it reads on any fill colour.
void drawHaloText(ImDrawList* dl, const ImFont* font, float sizePx, ImVec2 pos, ImU32 text, ImU32 halo,
                  float haloPx, std::string_view s);

}  // namespace geso::render
