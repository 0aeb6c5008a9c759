#include "render/overlay/map_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/text/strings.hpp"
#include "render/overlay/area_labels.hpp"
#include "render/overlay/draw_primitives.hpp"
#include "render/overlay/legend_panel.hpp"
#include "render/overlay/overlay_style.hpp"
#include "render/overlay/scale_bar.hpp"

namespace geso::render {

namespace {

using overlay::Metrics;
using overlay::snap;
using overlay::textSize;

struct TitleBlock {
    std::string notice;
    float wrapPx = 0;
    ImVec2 titleSize{0, 0}, subtitleSize{0, 0}, noticeSize{0, 0};
};

bool empty(const BoxPx& b) { return !(b.maxX > b.minX && b.maxY > b.minY); }

ImVec2 minOf(const BoxPx& b) { return {b.minX, b.minY}; }
ImVec2 maxOf(const BoxPx& b) { return {b.maxX, b.maxY}; }

double groundMetresPerPx(const OverlayModel& m, const Camera& cam) {
    double perUnit = m.groundMetresPerUnit;
    if (!std::isfinite(perUnit) || perUnit <= 0) perUnit = groundMetresPerUnitAt(m.crsCode, cam.centre());
    return cam.metresPerPx() * perUnit;
}

ScaleBarSpec scaleBarFor(const OverlayModel& m, const Camera& cam, RectPx mapRect, const Metrics& k) {
    const double maxWidthPx = std::min(0.25 * mapRect.w, 240.0 * k.scale);
    return chooseScaleBar(groundMetresPerPx(m, cam), maxWidthPx, m.lang);
}

TitleBlock titleBlock(const OverlayModel& m, const FontSet& f, float wrapPx) {
    TitleBlock t;
    t.wrapPx = wrapPx;
    if (m.illustrativeValues) t.notice = std::string(core::tr(core::StringId::IllustrativeNotice, m.lang));
    if (!m.title.empty()) t.titleSize = textSize(f.title, m.title, wrapPx);
    if (!m.subtitle.empty()) t.subtitleSize = textSize(f.regular, m.subtitle, wrapPx);
    if (!t.notice.empty()) t.noticeSize = textSize(f.bold, t.notice, wrapPx);
    return t;
}

// Scale bar panel: tick labels above a bar of four alternating segments.
struct ScaleBarGeometry {
    float labelLeftOverhang = 0, labelRightOverhang = 0, barH = 0, panelW = 0, panelH = 0;
};

ScaleBarGeometry scaleBarGeometry(const ScaleBarSpec& spec, const FontSet& f, const Metrics& k) {
    ScaleBarGeometry g;
    g.barH = std::max(4.0f, 6.0f * k.scale);
    g.labelLeftOverhang = 0.5f * textSize(f.small, "0").x;
    // The end number is centred on the last tick; the unit follows it.
    g.labelRightOverhang = 0.5f * textSize(f.small, spec.endNumber).x + textSize(f.small, " " + spec.unit).x;
    const float padX = 0.75f * k.pad;
    g.panelW = padX + g.labelLeftOverhang + static_cast<float>(spec.widthPx) + g.labelRightOverhang + padX;
    g.panelH = 0.5f * k.pad + f.small->FontSize + 3.0f * k.scale + g.barH + 0.75f * k.pad;
    return g;
}

void drawPanel(ImDrawList* dl, const BoxPx& b, const Metrics& k) {
    dl->AddRectFilled(minOf(b), maxOf(b), overlay::kPanelFill, k.rounding);
    dl->AddRect(minOf(b), maxOf(b), overlay::kPanelBorder, k.rounding, 0, k.line);
}

void drawTitle(ImDrawList* dl, const OverlayModel& m, const FontSet& f, const Metrics& k, const TitleBlock& t,
               const BoxPx& box) {
    drawPanel(dl, box, k);
    float y = box.minY + k.pad;
    const float x = box.minX + k.pad;
    const auto line = [&](const ImFont* font, ImU32 col, const std::string& s, ImVec2 size) {
        if (s.empty()) return;
        dl->AddText(font, font->FontSize, snap({x, y}), col, s.data(), s.data() + s.size(), t.wrapPx);
        y += size.y + 0.5f * k.rowGap;
    };
    line(f.title, overlay::kText, m.title, t.titleSize);
    line(f.regular, overlay::kTextMuted, m.subtitle, t.subtitleSize);
    line(f.bold, overlay::kNotice, t.notice, t.noticeSize);
}

void drawScaleBar(ImDrawList* dl, const ScaleBarSpec& spec, const ScaleBarGeometry& g, const FontSet& f,
                  const Metrics& k, const BoxPx& box) {
    drawPanel(dl, box, k);
    const float x0 = std::round(box.minX + 0.75f * k.pad + g.labelLeftOverhang);
    const float w = static_cast<float>(spec.widthPx);
    const float labelY = box.minY + 0.5f * k.pad;
    const float barY = std::round(labelY + f.small->FontSize + 3.0f * k.scale);
    const auto centred = [&](float cx, const std::string& s) {
        const float tw = textSize(f.small, s).x;
        dl->AddText(f.small, f.small->FontSize, snap({cx - 0.5f * tw, labelY}), overlay::kText, s.data(),
                    s.data() + s.size());
    };
    centred(x0, "0");
    centred(x0 + 0.5f * w, spec.halfLabel);
    centred(x0 + w, spec.endNumber);
    const std::string unit = " " + spec.unit;
    dl->AddText(f.small, f.small->FontSize, snap({x0 + w + 0.5f * textSize(f.small, spec.endNumber).x, labelY}),
                overlay::kText, unit.data(), unit.data() + unit.size());
    for (int i = 0; i < 4; ++i) {
        const float a = x0 + w * static_cast<float>(i) / 4.0f, b = x0 + w * static_cast<float>(i + 1) / 4.0f;
        dl->AddRectFilled({a, barY}, {b, barY + g.barH}, i % 2 == 0 ? IM_COL32(30, 30, 30, 255) : IM_COL32(255, 255, 255, 255));
    }
    dl->AddRect({x0, barY}, {x0 + w, barY + g.barH}, IM_COL32(30, 30, 30, 255), 0.0f, 0, k.line);
}

void drawNorthArrow(ImDrawList* dl, const OverlayModel& m, const FontSet& f, const Metrics& k, const BoxPx& box) {
    drawPanel(dl, box, k);
    const float cx = 0.5f * (box.minX + box.maxX);
    const std::string n(core::tr(core::StringId::NorthArrow, m.lang));
    const float tw = textSize(f.bold, n).x;
    const float top = box.minY + 0.5f * k.pad;
    dl->AddText(f.bold, f.bold->FontSize, snap({cx - 0.5f * tw, top}), overlay::kText, n.data(), n.data() + n.size());
    const float apexY = top + f.bold->FontSize + 2.0f * k.scale;
    const float baseY = box.maxY - 0.5f * k.pad;
    const float half = 7.0f * k.scale;
    const ImVec2 apex{cx, apexY}, left{cx - half, baseY}, right{cx + half, baseY}, notch{cx, baseY - 5.0f * k.scale};
    dl->AddTriangleFilled(apex, left, notch, IM_COL32(30, 30, 30, 255));
    dl->AddTriangleFilled(apex, notch, right, IM_COL32(255, 255, 255, 255));
    const ImVec2 outline[4] = {apex, right, notch, left};
    dl->AddPolyline(outline, 4, IM_COL32(30, 30, 30, 255), ImDrawFlags_Closed, k.line);
}

void drawProvenance(ImDrawList* dl, const OverlayModel& m, const FontSet& f, const Metrics& k, const BoxPx& box) {
    dl->AddRectFilled(minOf(box), maxOf(box), overlay::kPanelFill);
    dl->AddLine({box.minX, box.minY}, {box.maxX, box.minY}, overlay::kPanelBorder, k.line);
    const float y = box.minY + 0.5f * (box.height() - f.small->FontSize);
    float rightStart = box.maxX - k.margin;
    if (!m.footerRight.empty()) {
        rightStart -= textSize(f.small, m.footerRight).x;
        dl->AddText(f.small, f.small->FontSize, snap({rightStart, y}), overlay::kTextMuted, m.footerRight.data(),
                    m.footerRight.data() + m.footerRight.size());
    }
    if (!m.provenance.empty()) {
        dl->PushClipRect({box.minX, box.minY}, {std::max(box.minX, rightStart - k.gap), box.maxY}, true);
        dl->AddText(f.small, f.small->FontSize, snap({box.minX + k.margin, y}), overlay::kText, m.provenance.data(),
                    m.provenance.data() + m.provenance.size());
        dl->PopClipRect();
    }
}

bool fontsReady(const FontSet& f) { return f.regular && f.bold && f.small && f.title; }

}  // namespace

OverlayLayout layoutOverlay(const OverlayModel& m, const Camera& cam, RectPx mapRect, const FontSet& f,
                            float scale) {
    OverlayLayout out;
    out.fitRect = {0, 0, mapRect.w, mapRect.h};
    if (!fontsReady(f) || mapRect.w <= 0 || mapRect.h <= 0) return out;
    const Metrics k(scale);
    const float L = static_cast<float>(mapRect.x), T = static_cast<float>(mapRect.y);
    const float R = L + static_cast<float>(mapRect.w), B = T + static_cast<float>(mapRect.h);
    const float w = R - L;

    float bottom = B;
    if (!m.provenance.empty() || !m.footerRight.empty()) {
        const float h = std::round(f.small->FontSize + 1.2f * k.pad);
        out.provenance = {L, B - h, R, B};
        bottom = out.provenance.minY;
    }
    if (m.showScaleBar) {
        const ScaleBarSpec spec = scaleBarFor(m, cam, mapRect, k);
        if (spec.lengthMetres > 0) {
            const ScaleBarGeometry g = scaleBarGeometry(spec, f, k);
            out.scaleBar = {L + k.margin, bottom - k.margin - g.panelH, L + k.margin + g.panelW, bottom - k.margin};
        }
    }
    if (m.showNorthArrow) {
        const float aw = 28.0f * k.scale, ah = f.bold->FontSize + 22.0f * k.scale + k.pad;
        out.northArrow = {R - k.margin - aw, bottom - k.margin - ah, R - k.margin, bottom - k.margin};
    }
    const float legendMaxText = std::min(320.0f * k.scale, 0.3f * w);
    const ImVec2 legendSize = overlay::measureLegend(m, f, k, legendMaxText);
    if (legendSize.x > 0) out.legend = {R - k.margin - legendSize.x, T + k.margin, R - k.margin, T + k.margin + legendSize.y};

    if (m.showTitle) {
        const float legendW = legendSize.x > 0 ? legendSize.x + k.margin : 0.0f;
        const float wrap = std::max(200.0f * k.scale, std::min(0.6f * w, w - legendW - 2 * k.margin - 2 * k.pad));
        out.titleWrapPx = wrap;
        const TitleBlock t = titleBlock(m, f, wrap);
        const float innerW = std::max({t.titleSize.x, t.subtitleSize.x, t.noticeSize.x});
        if (innerW > 0) {
            float innerH = 0;
            for (ImVec2 s : {t.titleSize, t.subtitleSize, t.noticeSize})
                if (s.y > 0) innerH += s.y + 0.5f * k.rowGap;
            out.title = {L + k.margin, T + k.margin, L + k.margin + innerW + 2 * k.pad,
                         T + k.margin + innerH - 0.5f * k.rowGap + 2 * k.pad};
        }
    }

    // The free part: below the title, left of the legend, above the bottom panels.
    float fitL = L + k.margin, fitR = R - k.margin, fitT = T + k.margin, fitB = bottom - k.margin;
    if (!empty(out.title)) fitT = out.title.maxY + k.margin;
    if (!empty(out.legend)) fitR = out.legend.minX - k.margin;
    for (const BoxPx* b : {&out.scaleBar, &out.northArrow})
        if (!empty(*b)) fitB = std::min(fitB, b->minY - k.margin);
    // Too little left (a tiny window): fit into the whole map instead.
    if (fitR - fitL < 0.4f * w || fitB - fitT < 0.4f * (B - T)) {
        fitL = L + k.margin; fitR = R - k.margin; fitT = T + k.margin; fitB = B - k.margin;
    }
    out.fitRect = {static_cast<int>(std::round(fitL - L)), static_cast<int>(std::round(fitT - T)),
                   std::max(1, static_cast<int>(std::round(fitR - fitL))),
                   std::max(1, static_cast<int>(std::round(fitB - fitT)))};
    return out;
}

OverlayResult drawMapOverlay(ImDrawList* dl, const OverlayModel& m, const Camera& cam, RectPx mapRect,
                             const FontSet& f, float scale) {
    OverlayResult result;
    if (!dl || !fontsReady(f) || mapRect.w <= 0 || mapRect.h <= 0) return result;
    const Metrics k(scale);
    result.layout = layoutOverlay(m, cam, mapRect, f, scale);
    const OverlayLayout& lay = result.layout;

    const ImVec2 clipMin{static_cast<float>(mapRect.x), static_cast<float>(mapRect.y)};
    const ImVec2 clipMax{static_cast<float>(mapRect.x + mapRect.w), static_cast<float>(mapRect.y + mapRect.h)};
    dl->PushClipRect(clipMin, clipMax, true);

    std::vector<BoxPx> obstacles;
    for (const BoxPx* b : {&lay.title, &lay.legend, &lay.scaleBar, &lay.northArrow, &lay.provenance})
        if (!empty(*b)) obstacles.push_back(*b);
    result.placedLabels = overlay::drawAreaLabels(dl, m, cam, mapRect, f, k, obstacles);

    if (!empty(lay.title)) {
        drawTitle(dl, m, f, k, titleBlock(m, f, lay.titleWrapPx), lay.title);
    }
    if (!empty(lay.legend)) {
        const float legendMaxText = std::min(320.0f * k.scale, 0.3f * static_cast<float>(mapRect.w));
        overlay::drawLegend(dl, m, f, k, minOf(lay.legend), legendMaxText);
    }
    if (!empty(lay.scaleBar)) {
        const ScaleBarSpec spec = scaleBarFor(m, cam, mapRect, k);
        drawScaleBar(dl, spec, scaleBarGeometry(spec, f, k), f, k, lay.scaleBar);
    }
    if (!empty(lay.northArrow)) drawNorthArrow(dl, m, f, k, lay.northArrow);
    if (!empty(lay.provenance)) drawProvenance(dl, m, f, k, lay.provenance);

    dl->PopClipRect();
    return result;
}

}  // namespace geso::render
