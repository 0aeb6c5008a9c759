#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/project/area_names.hpp"
#include "ui/panels.hpp"
#include "ui/ui_logic.hpp"
#include "ui/ui_strings.hpp"

namespace geso::ui {
namespace {

std::string shortName(const std::string& name) { return core::shortAreaName(name, false); }

}  // namespace

void drawStripPlot(const AppState& s, UiState& u, Actions& out) {
    const Lang l = s.lang;
    const float scale = s.uiScale > 0 ? s.uiScale : 1.0f;
    const ImGuiIO& io = ImGui::GetIO();

    const MapClasses& c = s.classes;
    std::vector<int> rows;  // features with a value, highest first
    for (size_t i = 0; i < c.value.size() && i < s.areaCount(); ++i)
        if (!std::isnan(c.value[i])) rows.push_back(static_cast<int>(i));
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        return c.value[static_cast<size_t>(a)] > c.value[static_cast<size_t>(b)];
    });
    if (rows.empty() || c.upper.empty()) {
        ImGui::TextDisabled("%s", trc(S::NoData, l));
        return;
    }

    const std::vector<double>& upper = (u.dragBreak >= 0 && u.dragUpper.size() == c.upper.size()) ? u.dragUpper : c.upper;
    double vmin = c.lower, vmax = c.upper.back();
    for (int f : rows) { vmin = std::min(vmin, c.value[static_cast<size_t>(f)]); vmax = std::max(vmax, c.value[static_cast<size_t>(f)]); }
    if (!(vmax > vmin)) { vmin -= 1; vmax += 1; }
    const double pad = (vmax - vmin) * 0.04;
    vmin -= pad; vmax += pad;

    // Layout: [names | plot], a header row with counts per class, one row per area.
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float availW = std::max(ImGui::GetContentRegionAvail().x, 100.0f * scale);
    // Measuring every name each frame is fine for GeSO's 14 areas but not for a
    // layer of thousands: there the name column just takes its widest share.
    constexpr size_t kMeasuredRows = 1000;
    float nameW = availW;
    if (rows.size() <= kMeasuredRows) {
        nameW = 0;
        for (int f : rows) nameW = std::max(nameW, ImGui::CalcTextSize(shortName(s.areaName[static_cast<size_t>(f)]).c_str()).x);
    }
    nameW = std::min(nameW + 8 * scale, availW * 0.42f);
    const float x0 = p0.x + nameW, x1 = p0.x + availW - 8 * scale;
    const float yTop = p0.y + lineH, yBottom = yTop + lineH * static_cast<float>(rows.size());
    auto xOf = [&](double v) { return x0 + static_cast<float>((v - vmin) / (vmax - vmin)) * (x1 - x0); };
    auto valueAt = [&](float x) { return vmin + static_cast<double>((x - x0) / (x1 - x0)) * (vmax - vmin); };
    u.stripX0 = x0; u.stripX1 = x1; u.stripY0 = yTop; u.stripY1 = yBottom;
    u.stripMin = vmin; u.stripMax = vmax;

    ImGui::InvisibleButton("##stripcanvas", ImVec2(availW, yBottom - p0.y + lineH * 0.5f));
    const bool hovered = ImGui::IsItemHovered();
    const float grab = 6 * scale;
    int near = -1;
    for (size_t b = 0; b + 1 < upper.size(); ++b)
        if (std::fabs(io.MousePos.x - xOf(upper[b])) <= grab) near = static_cast<int>(b);
    if (ImGui::IsItemActivated() && near >= 0) { u.dragBreak = near; u.dragUpper = c.upper; }
    if (!ImGui::IsItemActive()) u.dragBreak = -1;
    if ((hovered && near >= 0) || u.dragBreak >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (u.dragBreak >= 0) {
        const size_t b = static_cast<size_t>(u.dragBreak);
        const double lo = b == 0 ? c.lower : u.dragUpper[b - 1], hi = u.dragUpper[b + 1];
        const double at = snapToStep(valueAt(io.MousePos.x), breakStep(vmax - vmin), lo, hi);
        std::vector<double> moved = moveBreak(u.dragUpper, c.lower, u.dragBreak, at);
        if (moved != u.dragUpper) {
            u.dragUpper = moved;
            out.classes = ClassRequest{Method::Manual, static_cast<int>(moved.size()), moved};
        }
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);

    // Class bands and live counts; a count that would overlap the one before
    // (narrow classes) is left out: the legend lists them all.
    const std::vector<int> counts = countClasses(c.value, upper);
    dl->AddText(ImVec2(p0.x, p0.y), faint, trc(S::Count, l));
    float labelEnd = p0.x + ImGui::CalcTextSize(trc(S::Count, l)).x;
    const float gap = ImGui::CalcTextSize(" ").x;
    for (size_t k = 0; k < upper.size(); ++k) {
        const float a = xOf(k == 0 ? vmin : upper[k - 1]), b = xOf(k + 1 == upper.size() ? vmax : upper[k]);
        const Rgba8 col = k < c.classColor.size() ? c.classColor[k] : Rgba8{128, 128, 128, 255};
        dl->AddRectFilled(ImVec2(a, yTop), ImVec2(b, yBottom), IM_COL32(col.r, col.g, col.b, 40));
        const std::string n = std::to_string(k < counts.size() ? counts[k] : 0);
        const float tw = ImGui::CalcTextSize(n.c_str()).x;
        const float at = std::min((a + b - tw) * 0.5f, x1 - tw);
        if (at < labelEnd + gap) continue;
        dl->AddText(ImVec2(at, p0.y), text, n.c_str());
        labelEnd = at + tw;
    }

    // One row per area: name, a guide line and the value as a dot in its class colour.
    // Only the rows inside the panel's visible part are drawn (a layer of
    // 100 000 areas has 100 000 rows; ImGui clips but would still build them).
    const std::vector<int>& classOf = c.classOf;
    const float clipTop = dl->GetClipRectMin().y, clipBottom = dl->GetClipRectMax().y;
    const size_t firstRow = static_cast<size_t>(std::clamp((clipTop - yTop) / lineH - 1, 0.0f, static_cast<float>(rows.size())));
    const size_t endRow = static_cast<size_t>(std::clamp((clipBottom - yTop) / lineH + 1, 0.0f, static_cast<float>(rows.size())));
    for (size_t r = firstRow; r < endRow; ++r) {
        const size_t f = static_cast<size_t>(rows[r]);
        const float y = yTop + lineH * (static_cast<float>(r) + 0.5f);
        dl->PushClipRect(ImVec2(p0.x, y - lineH), ImVec2(x0 - 4 * scale, y + lineH), true);
        dl->AddText(ImVec2(p0.x, y - ImGui::GetTextLineHeight() * 0.5f),
                    static_cast<int>(f) == s.selected ? ImGui::GetColorU32(ImGuiCol_PlotHistogram) : text,
                    shortName(s.areaName[f]).c_str());
        dl->PopClipRect();
        dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), faint, 1.0f);
        int k = f < classOf.size() ? classOf[f] : -1;
        if (u.dragBreak >= 0) {  // live colour while dragging
            k = static_cast<int>(std::lower_bound(upper.begin(), upper.end(), c.value[f]) - upper.begin());
            k = std::min(k, static_cast<int>(upper.size()) - 1);
        }
        const Rgba8 col = (k >= 0 && static_cast<size_t>(k) < c.classColor.size()) ? c.classColor[static_cast<size_t>(k)]
                                                                                   : Rgba8{160, 160, 160, 255};
        const float rad = 5 * scale;
        dl->AddCircleFilled(ImVec2(xOf(c.value[f]), y), rad, IM_COL32(col.r, col.g, col.b, 255));
        dl->AddCircle(ImVec2(xOf(c.value[f]), y), rad, IM_COL32(40, 40, 40, 255), 0, 1.0f * scale);
    }

    // Inner breaks as draggable lines.
    for (size_t b = 0; b + 1 < upper.size(); ++b) {
        const float x = xOf(upper[b]);
        const bool active = static_cast<int>(b) == u.dragBreak || (u.dragBreak < 0 && hovered && static_cast<int>(b) == near);
        const ImU32 col = active ? ImGui::GetColorU32(ImGuiCol_PlotHistogram) : ImGui::GetColorU32(ImGuiCol_Text);
        dl->AddLine(ImVec2(x, yTop), ImVec2(x, yBottom), col, (active ? 3.0f : 2.0f) * scale);
        dl->AddTriangleFilled(ImVec2(x - 5 * scale, yTop - 6 * scale), ImVec2(x + 5 * scale, yTop - 6 * scale),
                              ImVec2(x, yTop), col);
        if (active) {
            const std::string v = formatValue(upper[b], 1, l);
            dl->AddText(ImVec2(x + 4 * scale, yBottom), col, v.c_str());
        }
    }
    ImGui::TextWrapped("%s", trc(S::StripPlotHint, l));
}

}  // namespace geso::ui
