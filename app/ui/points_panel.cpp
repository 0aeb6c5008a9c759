#include <imgui.h>

#include <string>

#include "ui/panels.hpp"
#include "ui/ui_logic.hpp"
#include "ui/ui_strings.hpp"

namespace geso::ui {
namespace {

// A combo of checkboxes; nothing ticked = all pass. Returns true on change.
bool filterCombo(const char* label, const std::vector<std::string>& options, std::set<std::string>& allowed,
                 Lang l) {
    if (options.empty()) return false;
    bool changed = false;
    std::string preview = allowed.empty() ? trc(S::FilterAll, l) : std::string();
    for (const std::string& a : allowed) preview += (preview.empty() ? "" : ", ") + a;
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    ImGui::PushItemWidth(-1);
    if (ImGui::BeginCombo("##f", preview.c_str())) {
        if (ImGui::Selectable(trc(S::FilterAll, l), allowed.empty(), ImGuiSelectableFlags_DontClosePopups) &&
            !allowed.empty()) {
            allowed.clear();
            changed = true;
        }
        for (const std::string& o : options) {
            bool on = allowed.count(o) > 0;
            if (ImGui::Checkbox(o.c_str(), &on)) {
                if (on) allowed.insert(o); else allowed.erase(o);
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::PopItemWidth();
    ImGui::PopID();
    return changed;
}

}  // namespace

void drawPointsPanel(const AppState& s, UiState& u, Actions& out) {
    const Lang l = s.lang;
    if (u.pointFilters.size() != s.points.size()) u.pointFilters.resize(s.points.size());
    if (s.points.empty()) { ImGui::TextDisabled("%s", trc(S::NotLoaded, l)); return; }
    for (size_t li = 0; li < s.points.size(); ++li) {
        const PointLayerView& p = s.points[li];
        PointFilter& f = u.pointFilters[li];
        ImGui::PushID(static_cast<int>(li));
        if (!ImGui::TreeNodeEx(p.name.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) { ImGui::PopID(); continue; }
        if (!p.loaded) {
            ImGui::TextDisabled("%s", trc(S::NotLoaded, l));
            ImGui::TreePop();
            ImGui::PopID();
            continue;
        }
        if (ImGui::Checkbox(trc(S::LayerVisible, l), &f.visible)) out.pointsChanged = true;
        if (filterCombo(trc(S::FilterNamnd, l), p.namndOptions, f.namnd, l)) out.pointsChanged = true;
        // The symbol's category: the theme of an initiative, the type of a trygghet area.
        if (filterCombo(trc(li == 0 ? S::FilterTheme : S::FilterType, l), p.themeOptions, f.theme, l))
            out.pointsChanged = true;
        if (filterCombo(trc(S::FilterStatus, l), p.statusOptions, f.status, l)) out.pointsChanged = true;

        int outside = 0;
        const std::vector<int> counts = countPerArea(p, f, s.areaCount(), &outside);
        int shown = outside;
        for (int c : counts) shown += c;
        ImGui::TextUnformatted(
            trFormat(S::ShownOf, l, {std::to_string(shown), std::to_string(p.areaOf.size())}).c_str());
        if (ImGui::TreeNode(trc(S::CountPerArea, l))) {
            if (ImGui::BeginTable("##counts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
                for (size_t a = 0; a < counts.size(); ++a) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::PushID(static_cast<int>(a));
                    if (ImGui::Selectable(s.areaName[a].c_str(), static_cast<int>(a) == s.selected,
                                          ImGuiSelectableFlags_SpanAllColumns))
                        out.select = static_cast<int>(a);
                    ImGui::PopID();
                    ImGui::TableNextColumn();
                    ImGui::Text("%d", counts[a]);
                }
                if (outside > 0) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn(); ImGui::TextDisabled("%s", trc(S::OutsideAreas, l));
                    ImGui::TableNextColumn(); ImGui::Text("%d", outside);
                }
                ImGui::EndTable();
            }
            ImGui::TreePop();
        }
        ImGui::TreePop();
        ImGui::PopID();
    }
}

}  // namespace geso::ui
