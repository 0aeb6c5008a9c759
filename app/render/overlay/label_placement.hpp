#pragma once
// Greedy label placement without overlaps: pure geometry, no ImGui, so it is
// tested on its own. The overlay measures the text and draws what is placed.
#include <vector>

namespace geso::render {

// An axis-aligned box in screen pixels (y down).
struct BoxPx {
    float minX = 0, minY = 0, maxX = 0, maxY = 0;
    float width() const { return maxX - minX; }
    float height() const { return maxY - minY; }
    bool overlaps(const BoxPx& o) const {
        return minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY;
    }
    bool contains(const BoxPx& o) const {
        return o.minX >= minX && o.maxX <= maxX && o.minY >= minY && o.maxY <= maxY;
    }
};

struct LabelCandidate {
    BoxPx box;              // where the text would go (already padded by the caller if wanted)
    float priority = 0;     // higher is placed first (within a tier)
    float tieBreak = 0;     // equal priority: higher first (e.g. the area on screen)
    int group = -1;         // candidates with the same group ≥ 0 are alternative positions
                            // of one label: at most one of them is placed
    int rank = 0;           // within a group: lower is tried first (0 = the preferred spot)
    int tier = 0;           // lower tiers are placed before higher ones, whatever their priority
};

// Returns the indices of the candidates placed, in placement order: candidates
// are taken by tier ascending, (priority, tieBreak) descending, then by group
// and rank — stable for equal keys — and a candidate is placed when its box lies
// inside `bounds`, overlaps no box placed before it and no box in `obstacles`
// (legend, title, scale bar …), and no other candidate of its group is placed.
// Give alternatives of one label the same tier, priority and tieBreak.
// Then one repair pass: a label left out whose candidate is blocked by a single
// placed label of a group gets in when that label can move to another of its
// candidates (nothing placed is ever dropped for it).
// Near-linear: placed boxes are kept in a uniform grid.
std::vector<int> placeLabels(const std::vector<LabelCandidate>& candidates, const BoxPx& bounds,
                             const std::vector<BoxPx>& obstacles);

}  // namespace geso::render
