#pragma once
// Internal: fits area names into their inscribed circles (1–3 lines, regular
// then small font), places them without overlaps and draws them with a halo.
#include <string>
#include <vector>

#include <imgui.h>

#include "render/mesh/camera.hpp"
#include "render/overlay/fonts.hpp"
#include "render/overlay/label_placement.hpp"
#include "render/overlay/overlay_model.hpp"
#include "render/overlay/overlay_style.hpp"

namespace geso::render::overlay {

// A label may be this much wider than its inscribed circle's diameter: the
// circle underestimates an area's width, and names are long ("Limhamns
// hamnområde, Elinelund m fl").
constexpr float kLabelWidthOverflow = 1.6f;
// Where the preferred spot is taken, a label may move this fraction of its
// circle's radius up, down, left or right.
constexpr float kLabelShift = 0.4f;
// At most this many candidates are measured per frame (highest priority first).
constexpr size_t kMaxLabelCandidates = 4000;

struct LabelLines {
    const ImFont* font = nullptr;
    std::vector<std::string> lines;
    ImVec2 size{0, 0};  // text block size in px (without halo)
};

// The first layout that fits a circle of radiusPx (inf = no fit check): the
// regular font in 1, 2 then 3 lines (broken at ", ", spaces, "/" or "-",
// choosing the break that minimises the widest line), then the small font.
// Empty lines = nothing fits.
LabelLines fitLabel(const std::string& text, float radiusPx, const FontSet& fonts);
// The same with one font only, in at most maxLines lines.
LabelLines fitLabelIn(const std::string& text, float radiusPx, const ImFont* font, int maxLines = 3);

// The most compact layout ignoring the circle: the small font in 1–3 lines,
// the narrowest. For areas too narrow for their name but still visible (at
// least kCompactMinRadiusEm small-font heights): such labels are placed after
// all fitting ones, only where nothing else is, so an overview map of 14
// areas names every area while a dense 100k-polygon view stays clean.
LabelLines compactLabel(const std::string& text, const FontSet& fonts);
constexpr float kCompactMinRadiusEm = 0.75f;

// Labels of areas smaller than this (radius on screen) are never drawn.
float minLabelRadiusPx(const FontSet& fonts);

// Places and draws m.labels; returns the indices drawn.
std::vector<int> drawAreaLabels(ImDrawList* dl, const OverlayModel& m, const Camera& cam, RectPx mapRect,
                                const FontSet& fonts, const Metrics& k, const std::vector<BoxPx>& obstacles);

}  // namespace geso::render::overlay
