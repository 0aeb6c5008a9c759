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

LabelLines fitLabel(const std::string& text, float radiusPx, const FontSet& fonts) {
    const std::string s = trimmed(text);
    if (s.empty() || std::isnan(radiusPx) || radiusPx <= 0) return {};
    const std::vector<Break> breaks = breakOpportunities(s);
    const float maxW = 2.0f * radiusPx * kLabelWidthOverflow;
    const float maxH = 2.0f * radiusPx;
    for (const ImFont* f : {static_cast<const ImFont*>(fonts.regular), static_cast<const ImFont*>(fonts.small)}) {
        if (!f) continue;
        for (int n = 1; n <= 3; ++n) {
            if (n > 1 && breaks.size() < static_cast<size_t>(n - 1)) break;
            LabelLines l = bestLayout(s, f, n, breaks);
            if (l.lines.empty()) continue;
            if (l.size.y > maxH) break;  // more lines only get taller
            if (l.size.x <= maxW) return l;
        }
    }
    return {};
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

std::vector<int> drawAreaLabels(ImDrawList* dl, const OverlayModel& m, const Camera& cam, RectPx mapRect,
                                const FontSet& fonts, const Metrics& k, const std::vector<BoxPx>& obstacles) {
    if (!m.showLabels || m.labels.empty() || !fonts.regular) return {};
    const BoxPx bounds{static_cast<float>(mapRect.x), static_cast<float>(mapRect.y),
                       static_cast<float>(mapRect.x + mapRect.w), static_cast<float>(mapRect.y + mapRect.h)};
    const float minRadiusPx = 0.5f * (fonts.small ? fonts.small->FontSize : fonts.regular->FontSize);

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
        const std::string& text = m.labels[static_cast<size_t>(v.index)].text;
        LabelLines l = fitLabel(text, v.radiusPx, fonts);
        const bool compact = l.lines.empty();
        if (compact) {
            if (v.radiusPx < compactMinRadiusPx) continue;
            l = compactLabel(text, fonts);
            if (l.lines.empty()) continue;
        }
        fitted.push_back({v.index, std::move(l), v.centre, v.radiusPx, v.priority, compact});
    }

    // A label sits at its point or, where that is taken, shifted up, down, left
    // or right by kLabelShift of its circle's radius (still well inside the area).
    struct Slot {
        size_t fitted;
        ImVec2 centre;
    };
    std::vector<Slot> slots;
    const float padPx = k.haloPx + 1.0f * k.scale;
    const auto candidatesOf = [&](bool compact, std::vector<LabelCandidate>& out, std::vector<size_t>& slotOf) {
        for (size_t i = 0; i < fitted.size(); ++i) {
            const Fitted& f = fitted[i];
            if (f.compact != compact) continue;
            const float shift = std::isfinite(f.radiusPx) ? kLabelShift * f.radiusPx : 0.0f;
            const ImVec2 offsets[5] = {{0, 0}, {0, -shift}, {0, shift}, {-shift, 0}, {shift, 0}};
            const int count = shift >= 1.0f ? 5 : 1;
            const float hw = 0.5f * f.text.size.x + padPx, hh = 0.5f * f.text.size.y + padPx;
            for (int r = 0; r < count; ++r) {
                const ImVec2 c{f.point.x + offsets[r].x, f.point.y + offsets[r].y};
                LabelCandidate cand;
                cand.box = {c.x - hw, c.y - hh, c.x + hw, c.y + hh};
                cand.priority = f.priority;
                cand.tieBreak = f.radiusPx;
                cand.group = static_cast<int>(i);
                cand.rank = r;
                out.push_back(cand);
                slotOf.push_back(slots.size());
                slots.push_back({i, c});
            }
        }
    };

    // Fitting labels first; compact ones only in the space left.
    std::vector<size_t> placedSlots;
    std::vector<BoxPx> blocked = obstacles;
    for (bool compact : {false, true}) {
        std::vector<LabelCandidate> cands;
        std::vector<size_t> slotOf;
        candidatesOf(compact, cands, slotOf);
        for (int p : placeLabels(cands, bounds, blocked)) {
            placedSlots.push_back(slotOf[static_cast<size_t>(p)]);
            if (!compact) blocked.push_back(cands[static_cast<size_t>(p)].box);
        }
    }

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
