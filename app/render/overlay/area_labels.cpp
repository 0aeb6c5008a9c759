#include "render/overlay/area_labels.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include "render/overlay/draw_primitives.hpp"

namespace geso::render::overlay {

namespace {

// A place to break a line: line 1 ends at `end`, line 2 starts at `next`.
struct Break {
    size_t end, next;
};

std::vector<Break> breakOpportunities(std::string_view s) {
    std::vector<Break> out;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] == ' ') {
            if (s[i - 1] == ' ') continue;
            out.push_back({i, i + 1});
        } else if ((s[i] == '/' || s[i] == '-') && s[i - 1] != ' ' && s[i + 1] != ' ') {
            out.push_back({i + 1, i + 1});
        }
    }
    return out;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

float widthOf(const ImFont* f, std::string_view s) { return textSize(f, s).x; }

LabelLines bestLayout(std::string_view s, const ImFont* f, int lineCount, const std::vector<Break>& breaks) {
    LabelLines best;
    float bestW = std::numeric_limits<float>::infinity();
    const auto consider = [&](std::vector<std::string> lines) {
        float w = 0;
        for (const auto& l : lines) {
            if (l.empty()) return;
            w = std::max(w, widthOf(f, l));
        }
        if (w < bestW) {
            bestW = w;
            best.lines = std::move(lines);
        }
    };
    if (lineCount == 1) {
        consider({trimmed(s)});
    } else if (lineCount == 2) {
        for (const Break& b : breaks) consider({trimmed(s.substr(0, b.end)), trimmed(s.substr(b.next))});
    } else {
        for (size_t i = 0; i < breaks.size(); ++i)
            for (size_t j = i + 1; j < breaks.size(); ++j) {
                if (breaks[j].end <= breaks[i].next) continue;
                consider({trimmed(s.substr(0, breaks[i].end)),
                          trimmed(s.substr(breaks[i].next, breaks[j].end - breaks[i].next)),
                          trimmed(s.substr(breaks[j].next))});
            }
    }
    if (!best.lines.empty()) {
        best.font = f;
        const float lineH = f->FontSize;
        best.size = {bestW, lineH * static_cast<float>(best.lines.size())};
    }
    return best;
}

}  // namespace

LabelLines fitLabelIn(const std::string& text, float radiusPx, const ImFont* font, int maxLines) {
    const std::string s = trimmed(text);
    if (!font || s.empty() || std::isnan(radiusPx) || radiusPx <= 0) return {};
    const std::vector<Break> breaks = breakOpportunities(s);
    const float maxW = 2.0f * radiusPx * kLabelWidthOverflow;
    const float maxH = 2.0f * radiusPx;
    for (int n = 1; n <= std::min(maxLines, 3); ++n) {
        if (n > 1 && breaks.size() < static_cast<size_t>(n - 1)) break;
        LabelLines l = bestLayout(s, font, n, breaks);
        if (l.lines.empty()) continue;
        if (l.size.y > maxH) break;  // more lines only get taller
        if (l.size.x <= maxW) return l;
    }
    return {};
}

LabelLines fitLabel(const std::string& text, float radiusPx, const FontSet& fonts) {
    LabelLines l = fitLabelIn(text, radiusPx, fonts.regular);
    return l.lines.empty() ? fitLabelIn(text, radiusPx, fonts.small) : l;
}

LabelLines compactLabel(const std::string& text, const FontSet& fonts) {
    const std::string s = trimmed(text);
    const ImFont* f = fonts.small ? fonts.small : fonts.regular;
    if (s.empty() || !f) return {};
    const std::vector<Break> breaks = breakOpportunities(s);
    LabelLines best;
    for (int n = 1; n <= 3; ++n) {
        if (n > 1 && breaks.size() < static_cast<size_t>(n - 1)) break;
        LabelLines l = bestLayout(s, f, n, breaks);
        if (!l.lines.empty() && (best.lines.empty() || l.size.x < best.size.x)) best = std::move(l);
    }
    return best;
}

float minLabelRadiusPx(const FontSet& fonts) {
    const ImFont* f = fonts.small ? fonts.small : fonts.regular;
    return f ? 0.5f * f->FontSize : 0.0f;
}

std::vector<int> drawAreaLabels(ImDrawList* dl, const OverlayModel& m, const Camera& cam, RectPx mapRect,
                                const FontSet& fonts, const Metrics& k, const std::vector<BoxPx>& obstacles) {
    if (!m.showLabels || m.labels.empty() || !fonts.regular) return {};
    const BoxPx bounds{static_cast<float>(mapRect.x), static_cast<float>(mapRect.y),
                       static_cast<float>(mapRect.x + mapRect.w), static_cast<float>(mapRect.y + mapRect.h)};
    const float minRadiusPx = minLabelRadiusPx(fonts);

    // Cheap culling first (on screen, big enough), then the best kMaxLabelCandidates.
    struct Visible {
        int index;
        ImVec2 centre;
        float radiusPx;
        float priority;  // NaN → -inf, so sorting stays a strict weak ordering
    };
    std::vector<Visible> visible;
    for (size_t i = 0; i < m.labels.size(); ++i) {
        const MapLabel& l = m.labels[i];
        if (l.text.empty() || !std::isfinite(l.xy.x) || !std::isfinite(l.xy.y)) continue;
        const core::Vec2 s = cam.worldToScreen(l.xy);
        const ImVec2 c{static_cast<float>(s.x) + static_cast<float>(mapRect.x),
                       static_cast<float>(s.y) + static_cast<float>(mapRect.y)};
        if (!(c.x >= bounds.minX && c.x <= bounds.maxX && c.y >= bounds.minY && c.y <= bounds.maxY)) continue;
        float r = std::numeric_limits<float>::infinity();
        if (std::isfinite(l.radius) && l.radius > 0) r = static_cast<float>(l.radius / cam.metresPerPx());
        if (r < minRadiusPx) continue;
        const float priority = std::isnan(l.priority) ? -std::numeric_limits<float>::infinity() : l.priority;
        visible.push_back({static_cast<int>(i), c, r, priority});
    }
    const auto before = [&](const Visible& a, const Visible& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        return a.radiusPx > b.radiusPx;
    };
    if (visible.size() > kMaxLabelCandidates) {
        std::nth_element(visible.begin(), visible.begin() + static_cast<std::ptrdiff_t>(kMaxLabelCandidates),
                         visible.end(), before);
        visible.resize(kMaxLabelCandidates);
    }

    struct Fitted {
        int label;
        LabelLines text;
        ImVec2 point;
        float radiusPx, priority;
        bool compact;  // did not fit its circle: placed after all fitting labels
    };
    std::vector<Fitted> fitted;
    const float compactMinRadiusPx = kCompactMinRadiusEm * (fonts.small ? fonts.small : fonts.regular)->FontSize;
    for (const Visible& v : visible) {
        const MapLabel& label = m.labels[static_cast<size_t>(v.index)];
        // In the circle: the full name in one or two lines, else its short form,
        // then three lines, then the same in the small font (a short name reads
        // better than a small or a three-line one from the back of a room); else
        // squeezed over the area's edges, the short form when there is one.
        LabelLines l;
        for (const ImFont* font : {static_cast<const ImFont*>(fonts.regular), static_cast<const ImFont*>(fonts.small)})
            for (int lines : {2, 3})
                for (const std::string* t : {&label.text, &label.shortText})
                    if (l.lines.empty() && !t->empty()) l = fitLabelIn(*t, v.radiusPx, font, lines);
        const bool compact = l.lines.empty();
        if (compact) {
            if (v.radiusPx < compactMinRadiusPx) continue;
            l = compactLabel(label.shortText.empty() ? label.text : label.shortText, fonts);
            if (l.lines.empty()) continue;
        }
        fitted.push_back({v.index, std::move(l), v.centre, v.radiusPx, v.priority, compact});
    }

    // A label sits at its point or, where that is taken, shifted by kLabelShift
    // of its circle's radius up, down, left or right (still well inside the
    // area). A squeezed label, wider than its area anyway, may also go further
    // out along the eight compass directions.
    struct Slot {
        size_t fitted;
        ImVec2 centre;
    };
    std::vector<Slot> slots;
    std::vector<LabelCandidate> cands;
    const float padPx = k.haloPx + 1.0f * k.scale;
    for (size_t i = 0; i < fitted.size(); ++i) {
        const Fitted& f = fitted[i];
        const float r = std::isfinite(f.radiusPx) ? f.radiusPx : 0.0f;
        std::vector<ImVec2> offsets{{0, 0}};
        const auto ring = [&](float d, bool diagonals) {
            if (d < 1.0f) return;
            for (const ImVec2 o : {ImVec2{0, -d}, ImVec2{0, d}, ImVec2{-d, 0}, ImVec2{d, 0}}) offsets.push_back(o);
            if (!diagonals) return;
            const float e = 0.7071f * d;
            for (const ImVec2 o : {ImVec2{-e, -e}, ImVec2{e, -e}, ImVec2{-e, e}, ImVec2{e, e}}) offsets.push_back(o);
        };
        ring(kLabelShift * r, f.compact);
        if (f.compact) ring(0.9f * r, true);
        const float hw = 0.5f * f.text.size.x + padPx, hh = 0.5f * f.text.size.y + padPx;
        for (size_t rank = 0; rank < offsets.size(); ++rank) {
            const ImVec2 c{f.point.x + offsets[rank].x, f.point.y + offsets[rank].y};
            LabelCandidate cand;
            cand.box = {c.x - hw, c.y - hh, c.x + hw, c.y + hh};
            cand.priority = f.priority;
            cand.tieBreak = f.radiusPx;
            cand.group = static_cast<int>(i);
            cand.rank = static_cast<int>(rank);
            cand.tier = f.compact ? 1 : 0;  // fitting labels first; squeezed ones in the space left
            cands.push_back(cand);
            slots.push_back({i, c});
        }
    }
    std::vector<size_t> placedSlots;
    for (int p : placeLabels(cands, bounds, obstacles)) placedSlots.push_back(static_cast<size_t>(p));

    std::vector<int> drawn;
    drawn.reserve(placedSlots.size());
    for (size_t si : placedSlots) {
        const Slot& slot = slots[si];
        const LabelLines& l = fitted[slot.fitted].text;
        float y = slot.centre.y - 0.5f * l.size.y;
        for (const std::string& line : l.lines) {
            const float w = widthOf(l.font, line);
            drawHaloText(dl, l.font, l.font->FontSize, snap({slot.centre.x - 0.5f * w, y}), kText, kHalo, k.haloPx,
                         line);
            y += l.font->FontSize;
        }
        drawn.push_back(fitted[slot.fitted].label);
    }
    return drawn;
}

}  // namespace geso::render::overlay
