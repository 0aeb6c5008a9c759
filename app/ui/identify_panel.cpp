#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <string>

#include "ui/panels.hpp"
#include "ui/ui_logic.hpp"
#include "ui/ui_strings.hpp"

namespace geso::ui {

void drawSearchBox(const AppState& s, UiState& u, Actions& out) {
    const Lang l = s.lang;
    ImGui::PushItemWidth(-1);
    if (u.focusSearch) {
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
        u.focusSearch = false;
    }
    const bool enter = ImGui::InputTextWithHint("##search", trc(S::SearchHint, l), &u.search,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopItemWidth();
    if (u.search.empty()) return;
    const std::vector<int> hits = searchAreas(s, u.search);
    if (hits.empty()) { ImGui::TextDisabled("%s", trc(S::NoMatches, l)); return; }
    if (enter) { out.select = hits.front(); out.zoomTo = hits.front(); }
    constexpr size_t kMaxShown = 8;
    for (size_t i = 0; i < hits.size() && i < kMaxShown; ++i) {
        const int f = hits[i];
        ImGui::PushID(f);
        if (ImGui::Selectable(s.areaName[static_cast<size_t>(f)].c_str(), f == s.selected)) {
            out.select = f;
            out.zoomTo = f;
        }
        ImGui::PopID();
    }
    ImGui::Separator();
}

void drawIdentifyPanel(const AppState& s, UiState&, Actions& out) {
    const Lang l = s.lang;
    if (s.selected < 0 || static_cast<size_t>(s.selected) >= s.areaCount()) {
        ImGui::TextWrapped("%s", trc(S::ClickToIdentify, l));
        return;
    }
    const size_t f = static_cast<size_t>(s.selected);
    ImGui::TextWrapped("%s", s.areaName[f].c_str());
    if (ImGui::SmallButton(trc(S::ZoomHere, l))) out.zoomTo = s.selected;
    ImGui::SameLine();
    if (ImGui::SmallButton(trc(S::ActionDeselect, l))) out.select = -1;

    // The mapped variable first: value, class, rank, change.
    const bool hasValue = f < s.classes.value.size() && !std::isnan(s.classes.value[f]);
    if (ImGui::BeginTable("##identify", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthStretch, 0.62f);
        ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch, 0.38f);
        auto row = [](const char* key, const std::string& value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn(); ImGui::TextWrapped("%s", key);
            ImGui::TableNextColumn(); ImGui::TextWrapped("%s", value.c_str());
        };
        const std::string title = s.classes.title.empty() ? trc(S::Value, l) : s.classes.title;
        row(title.c_str(), hasValue ? formatValue(s.classes.value[f], 1, l) : std::string(trc(S::NoData, l)));
        if (hasValue && f < s.classes.classOf.size() && s.classes.classOf[f] >= 0) {
            const size_t c = static_cast<size_t>(s.classes.classOf[f]);
            std::string cls = std::to_string(c + 1);
            if (c < s.classes.legendLabels.size()) cls += "  (" + s.classes.legendLabels[c] + ")";
            row(trc(S::Class, l), cls);
        }
        if (f < s.rank.size() && !std::isnan(s.rank[f])) {
            int ranked = 0;
            for (double r : s.rank) ranked += std::isnan(r) ? 0 : 1;
            const std::string rank = trFormat(S::RankOf, l, {std::to_string(static_cast<int>(s.rank[f])),
                                                               std::to_string(ranked)});
            const std::string label = std::string(trc(S::RankInTotal, l)) + " (" + trc(S::RankHint, l) + ")";
            row(label.c_str(), rank);
        }
        if (f < s.change.size() && !std::isnan(s.change[f])) {
            std::string change = formatValue(s.change[f], 1, l);
            if (s.change[f] > 0) change.insert(0, 1, '+');
            row(trc(S::ChangeSincePrevYear, l), change);
        }
        // Every column of the attribute table: the 12 indicators, 4 dimensions, total, …
        for (size_t c = 1; c < s.table.size(); ++c) {
            const TableColumn& col = s.table[c];
            if (!col.inIdentify || col.isMapped) continue;  // the mapped variable is the first row
            if (col.numeric && f < col.num.size()) row(col.name.c_str(), formatValue(col.num[f], col.decimals, l));
            else if (!col.numeric && f < col.text.size()) row(col.name.c_str(), col.text[f]);
        }
        ImGui::EndTable();
    }

    // Point layers inside the area (all points, whatever the filters show).
    const S titles[] = {S::InitiativesInArea, S::TrygghetInArea};
    for (size_t li = 0; li < s.points.size() && li < 2; ++li) {
        const PointLayerView& p = s.points[li];
        if (!p.loaded) continue;
        std::vector<size_t> inside;
        for (size_t i = 0; i < p.areaOf.size(); ++i)
            if (p.areaOf[i] == s.selected) inside.push_back(i);
        ImGui::Text("%s: %d", trc(titles[li], l), static_cast<int>(inside.size()));
        for (size_t i : inside) {
            const std::string& name = i < p.labels.size() ? p.labels[i] : std::string();
            const std::string& theme = i < p.themeValue.size() ? p.themeValue[i] : std::string();
            const std::string& status = i < p.statusValue.size() ? p.statusValue[i] : std::string();
            std::string line = name;
            for (const std::string* part : {&theme, &status})
                if (!part->empty()) { line += " · "; line += *part; }
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line.c_str());
        }
    }
}

void drawHoverTooltip(const AppState& s, const UiState&) {
    if (s.hovered < 0 || static_cast<size_t>(s.hovered) >= s.areaCount()) return;
    if (ImGui::GetIO().WantCaptureMouse) return;
    const size_t f = static_cast<size_t>(s.hovered);
    const Lang l = s.lang;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(s.areaName[f].c_str());
    const double v = f < s.classes.value.size() ? s.classes.value[f] : NAN;
    if (std::isnan(v)) {
        ImGui::TextDisabled("%s", trc(S::NoData, l));
    } else {
        ImGui::Text("%s: %s", trc(S::Value, l), formatValue(v, 1, l).c_str());
        const int c = f < s.classes.classOf.size() ? s.classes.classOf[f] : -1;
        if (c >= 0) {
            const size_t cs = static_cast<size_t>(c);
            const std::string lab = cs < s.classes.legendLabels.size() ? s.classes.legendLabels[cs] : "";
            ImGui::Text("%s: %d  %s", trc(S::Class, l), c + 1, lab.c_str());
        }
    }
    ImGui::EndTooltip();
}

}  // namespace geso::ui
