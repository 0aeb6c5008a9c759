#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

#include "ui/panels.hpp"
#include "ui/ui_logic.hpp"
#include "ui/ui_strings.hpp"

namespace geso::ui {

void drawTableWindow(const AppState& s, UiState& u, Actions& out) {
    const Lang l = s.lang;
    const float scale = s.uiScale > 0 ? s.uiScale : 1.0f;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.30f, io.DisplaySize.y * 0.45f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(720 * scale, 360 * scale), ImGuiCond_FirstUseEver);
    const std::string title = std::string(trc(S::PanelAttributeTable, l)) + "###table";
    if (!ImGui::Begin(title.c_str(), &u.showTable)) { ImGui::End(); return; }
    keepOnScreen();
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const std::array<float, 4> tableRect{pos.x, pos.y, pos.x + size.x, pos.y + size.y};

    // ImGui tables hold at most 64 columns; the attribute table is far smaller.
    const int cols = static_cast<int>(std::min<size_t>(s.table.size(), 64));
    const size_t rows = s.areaCount();
    if (cols > 0 && ImGui::BeginTable("##attributes", cols,
                                      ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable |
                                          ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                          ImGuiTableFlags_BordersV | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupScrollFreeze(1, 1);
        for (int c = 0; c < cols; ++c) {
            ImGuiTableColumnFlags flags = c == 0 ? ImGuiTableColumnFlags_DefaultSort : ImGuiTableColumnFlags_None;
            ImGui::TableSetupColumn(s.table[static_cast<size_t>(c)].name.c_str(), flags);
        }
        ImGui::TableHeadersRow();

        if (ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs()) {
            if (spec->SpecsDirty && spec->SpecsCount > 0) {
                u.tableSortColumn = spec->Specs[0].ColumnIndex;
                u.tableSortAscending = spec->Specs[0].SortDirection != ImGuiSortDirection_Descending;
                u.tableOrder.clear();
                spec->SpecsDirty = false;
            }
        }
        if (u.tableOrder.size() != rows || u.tableOrderVersion != s.tableVersion) {
            u.tableOrderVersion = s.tableVersion;
            u.tableOrder = sortRows(s.table, u.tableSortColumn, u.tableSortAscending);
        }

        for (size_t r = 0; r < u.tableOrder.size(); ++r) {
            const int f = u.tableOrder[r];
            const size_t fs = static_cast<size_t>(f);
            ImGui::TableNextRow();
            ImGui::PushID(f);
            for (int c = 0; c < cols; ++c) {
                ImGui::TableSetColumnIndex(c);
                const TableColumn& col = s.table[static_cast<size_t>(c)];
                const std::string cell = col.numeric ? (fs < col.num.size() ? formatValue(col.num[fs], col.decimals, l) : "")
                                                     : (fs < col.text.size() ? col.text[fs] : "");
                if (c == 0) {
                    if (ImGui::Selectable(cell.c_str(), f == s.selected, ImGuiSelectableFlags_SpanAllColumns)) {
                        out.select = f;
                        out.zoomTo = f;
                        out.zoomAvoid = tableRect;  // the area should not land under this window
                    }
                } else {
                    ImGui::TextUnformatted(cell.c_str());
                }
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace geso::ui
