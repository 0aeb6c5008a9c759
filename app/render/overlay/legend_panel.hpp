#pragma once
// Internal: the legend box (classes with counts, no-data row, note, point
// layer symbols). Measure first (for the layout), then draw at a position.
#include <imgui.h>

#include "render/overlay/fonts.hpp"
#include "render/overlay/overlay_model.hpp"
#include "render/overlay/overlay_style.hpp"

namespace geso::render::overlay {

// Size of the whole panel (including padding); {0, 0} when there is nothing to show.
ImVec2 measureLegend(const OverlayModel& m, const FontSet& f, const Metrics& k, float maxTextWidthPx);

// Draws the panel with its top-left corner at `topLeft`.
void drawLegend(ImDrawList* dl, const OverlayModel& m, const FontSet& f, const Metrics& k, ImVec2 topLeft,
                float maxTextWidthPx);

}  // namespace geso::render::overlay
