#include "render/overlay/legend_panel.hpp"

#include <algorithm>
#include <string>

#include "core/text/strings.hpp"
#include "render/overlay/draw_primitives.hpp"

namespace geso::render::overlay {

namespace {

struct Columns {
    float titleW = 0, labelW = 0, countW = 0, noteW = 0, innerW = 0;
    bool counts = false;
};

bool hasClassRows(const OverlayModel& m) { return !m.legend.empty() || m.showNoData; }

bool hasContent(const OverlayModel& m) {
    if (!m.showLegend) return false;
    if (hasClassRows(m)) return true;
    for (const auto& g : m.pointLegends)
        if (!g.entries.empty()) return true;
    return false;
}

std::string countText(int n) { return n >= 0 ? std::to_string(n) : std::string(); }

Columns measureColumns(const OverlayModel& m, const FontSet& f, const Metrics& k, float maxTextW) {
    Columns c;
    const auto wrapped = [&](const ImFont* font, const std::string& s) {
        return s.empty() ? 0.0f : std::min(textSize(font, s).x, textSize(font, s, maxTextW).x);
    };
    c.titleW = wrapped(f.bold, m.legendTitle);
    const auto row = [&](const std::string& label, int count) {
        c.labelW = std::max(c.labelW, textSize(f.regular, label).x);
        if (count >= 0) {
            c.counts = true;
            c.countW = std::max(c.countW, textSize(f.regular, countText(count)).x);
        }
    };
    if (m.showLegend) {
        for (const auto& e : m.legend) row(e.label, e.count);
        if (m.showNoData) row(std::string(core::tr(core::StringId::NoData, m.lang)), m.noDataCount);
        for (const auto& g : m.pointLegends) {
            if (g.entries.empty()) continue;
            c.titleW = std::max(c.titleW, wrapped(f.bold, g.title));
            for (const auto& e : g.entries) row(e.label, e.count);
        }
    }
    if (c.counts) c.countW = std::max(c.countW, textSize(f.small, core::tr(core::StringId::Count, m.lang)).x);
    const float rowsW = k.swatchW + k.gap + c.labelW + (c.counts ? 1.5f * k.gap + c.countW : 0.0f);
    c.innerW = std::max(c.titleW, rowsW);
    if (!m.legendNote.empty()) {
        // The note wraps to the rows' width (at least a readable 160 px × scale).
        c.noteW = std::max(c.innerW, 160.0f * k.scale);
        c.noteW = std::min(c.noteW, std::max(maxTextW, c.innerW));
        c.innerW = std::max(c.innerW, std::min(c.noteW, textSize(f.small, m.legendNote).x));
    }
    return c;
}

// Walks the rows; draws when dl != nullptr. Returns the panel size.
ImVec2 walk(ImDrawList* dl, const OverlayModel& m, const FontSet& f, const Metrics& k, const Columns& c,
            ImVec2 topLeft, float maxTextW) {
    const float x0 = topLeft.x + k.pad;
    const float countRight = x0 + c.innerW;
    float y = topLeft.y + k.pad;

    const auto text = [&](const ImFont* font, ImVec2 p, ImU32 col, const std::string& s, float wrap) {
        if (dl) dl->AddText(font, font->FontSize, snap(p), col, s.data(), s.data() + s.size(), wrap);
    };
    const auto titleRow = [&](const std::string& s) {
        if (s.empty()) return;
        const float wrap = std::max(c.innerW, std::min(maxTextW, textSize(f.bold, s).x));
        text(f.bold, {x0, y}, kText, s, wrap);
        y += textSize(f.bold, s, wrap).y + k.rowGap;
    };
    const float rowH = std::max(k.swatchH, f.regular->FontSize);
    const auto rowText = [&](const std::string& label, int count) {
        const float ty = y + 0.5f * (rowH - f.regular->FontSize);
        text(f.regular, {x0 + k.swatchW + k.gap, ty}, kText, label, 0.0f);
        if (count >= 0) {
            const std::string n = countText(count);
            text(f.regular, {countRight - textSize(f.regular, n).x, ty}, kTextMuted, n, 0.0f);
        }
    };

    titleRow(m.legendTitle);
    if (hasClassRows(m)) {
        if (c.counts) {
            const std::string header(core::tr(core::StringId::Count, m.lang));
            text(f.small, {countRight - textSize(f.small, header).x, y}, kTextMuted, header, 0.0f);
            y += f.small->FontSize + k.rowGap;
        }
        for (const auto& e : m.legend) {
            const float sy = y + 0.5f * (rowH - k.swatchH);
            if (dl) drawSwatch(dl, snap({x0, sy}), snap({x0 + k.swatchW, sy + k.swatchH}), toImColor(e.color), k.scale);
            rowText(e.label, e.count);
            y += rowH + k.rowGap;
        }
        if (m.showNoData) {
            const float sy = y + 0.5f * (rowH - k.swatchH);
            if (dl)
                drawHatchedSwatch(dl, snap({x0, sy}), snap({x0 + k.swatchW, sy + k.swatchH}), toImColor(m.noDataColor),
                                  k.scale);
            rowText(std::string(core::tr(core::StringId::NoData, m.lang)), m.noDataCount);
            y += rowH + k.rowGap;
        }
    }
    if (!m.legendNote.empty()) {
        text(f.small, {x0, y}, kTextMuted, m.legendNote, c.noteW);
        y += textSize(f.small, m.legendNote, c.noteW).y + k.rowGap;
    }
    for (const auto& g : m.pointLegends) {
        if (g.entries.empty()) continue;
        y += k.rowGap * 2;
        titleRow(g.title);
        for (const auto& e : g.entries) {
            if (dl)
                drawSymbol(dl, {x0 + 0.5f * k.swatchW, y + 0.5f * rowH}, k.symbolPx, e.shape, toImColor(e.fill),
                           toImColor(e.stroke), k.line);
            rowText(e.label, e.count);
            y += rowH + k.rowGap;
        }
    }
    y += k.pad - k.rowGap;
    return {c.innerW + 2 * k.pad, y - topLeft.y};
}

}  // namespace

ImVec2 measureLegend(const OverlayModel& m, const FontSet& f, const Metrics& k, float maxTextWidthPx) {
    if (!hasContent(m)) return {0, 0};
    const Columns c = measureColumns(m, f, k, maxTextWidthPx);
    return walk(nullptr, m, f, k, c, {0, 0}, maxTextWidthPx);
}

void drawLegend(ImDrawList* dl, const OverlayModel& m, const FontSet& f, const Metrics& k, ImVec2 topLeft,
                float maxTextWidthPx) {
    if (!hasContent(m)) return;
    const Columns c = measureColumns(m, f, k, maxTextWidthPx);
    const ImVec2 size = walk(nullptr, m, f, k, c, topLeft, maxTextWidthPx);
    const ImVec2 br{topLeft.x + size.x, topLeft.y + size.y};
    dl->AddRectFilled(topLeft, br, kPanelFill, k.rounding);
    dl->AddRect(topLeft, br, kPanelBorder, k.rounding, 0, k.line);
    walk(dl, m, f, k, c, topLeft, maxTextWidthPx);
}

}  // namespace geso::render::overlay
