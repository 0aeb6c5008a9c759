#include <algorithm>

#include <imgui.h>

#include "ui/panels.hpp"
#include "ui/ui_strings.hpp"

namespace geso::ui {

Actions drawAll(const AppState& s, UiState& u, MapRect* mapRect) {
    Actions out;
    const ImGuiIO& io = ImGui::GetIO();
    const float scale = s.uiScale > 0 ? s.uiScale : 1.0f;

    drawMenuBar(s, u, out);
    const float menuH = ImGui::GetFrameHeight();

    MapRect map{0, menuH, io.DisplaySize.x, io.DisplaySize.y - menuH};
    if (u.showSidebar) {
        // At most 30 % of the window, so a large UI scale on a small screen still leaves a map.
        const float sideW = std::min(380.0f * scale, io.DisplaySize.x * 0.30f);
        ImGui::SetNextWindowPos(ImVec2(0, menuH), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(sideW, io.DisplaySize.y - menuH), ImGuiCond_Always);
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                       ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
        if (ImGui::Begin("##sidebar", nullptr, flags)) {
            drawSearchBox(s, u, out);
            if (ImGui::CollapsingHeader(trc(S::PanelMap, s.lang), ImGuiTreeNodeFlags_DefaultOpen))
                drawMapPanel(s, u, out);
            // The values and their class breaks, next to the method and classes they come from.
            if (u.showStripPlot &&
                ImGui::CollapsingHeader(trc(S::PanelStripPlot, s.lang), ImGuiTreeNodeFlags_DefaultOpen))
                drawStripPlot(s, u, out);
            if (ImGui::CollapsingHeader(trc(S::PanelIdentify, s.lang), ImGuiTreeNodeFlags_DefaultOpen))
                drawIdentifyPanel(s, u, out);
            if (ImGui::CollapsingHeader(trc(S::PanelLayers, s.lang), ImGuiTreeNodeFlags_DefaultOpen))
                drawPointsPanel(s, u, out);
        }
        ImGui::End();
        map.x = sideW;
        map.w = io.DisplaySize.x - sideW;
    }
    if (map.w < 1) map.w = 1;
    if (map.h < 1) map.h = 1;
    if (mapRect) *mapRect = map;

    if (u.showTable) drawTableWindow(s, u, out);
    if (u.showHelp) drawHelpWindow(s, u);
    if (u.showLoad) drawLoadDialog(s, u, out);
    if (u.showExport) drawExportDialog(s, u, out);
    drawMessages(s, u, out);

    handleShortcuts(s, u, out);
    handleMapInput(s, u, map, out);
    drawHoverTooltip(s, u);
    return out;
}

void drawMenuBar(const AppState& s, UiState& u, Actions& out) {
    if (!ImGui::BeginMainMenuBar()) return;
    const Lang l = s.lang;
    if (ImGui::BeginMenu(trc(S::MenuFile, l))) {
        if (ImGui::MenuItem(trc(S::MenuOpenData, l), "Ctrl+O")) u.showLoad = true;
        ImGui::Separator();
        if (ImGui::MenuItem(trc(S::MenuExportGpkg, l), "Ctrl+E")) { u.showExport = true; u.exportKind = 0; }
        if (ImGui::MenuItem(trc(S::MenuExportPng, l))) { u.showExport = true; u.exportKind = 1; }
        if (ImGui::MenuItem(trc(S::MenuExportCsv, l))) { u.showExport = true; u.exportKind = 2; }
        ImGui::Separator();
        if (ImGui::MenuItem(trc(S::MenuQuit, l), "Ctrl+Q")) out.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(trc(S::MenuView, l))) {
        ImGui::MenuItem(trc(S::PanelAttributeTable, l), "T", &u.showTable);
        ImGui::MenuItem(trc(S::MenuSidebar, l), nullptr, &u.showSidebar);
        ImGui::MenuItem(trc(S::PanelStripPlot, l), nullptr, &u.showStripPlot);
        ImGui::Separator();
        if (ImGui::MenuItem(trc(S::MenuZoomIn, l), "+")) out.zoomFactor *= 1.5f;
        if (ImGui::MenuItem(trc(S::MenuZoomOut, l), "−")) out.zoomFactor /= 1.5f;
        if (ImGui::MenuItem(trc(S::MenuZoomAll, l), "Home")) out.zoomAll = true;
        if (ImGui::MenuItem(trc(S::MenuZoomSelected, l), "Z", false, s.selected >= 0)) out.zoomTo = s.selected;
        ImGui::Separator();
        if (ImGui::BeginMenu(trc(S::MenuLanguage, l))) {
            if (ImGui::MenuItem(trc(S::LangMenuSv, l), nullptr, l == Lang::Sv) && l != Lang::Sv) out.lang = Lang::Sv;
            if (ImGui::MenuItem(trc(S::LangMenuEn, l), nullptr, l == Lang::En) && l != Lang::En) out.lang = Lang::En;
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(trc(S::MenuHelp, l))) {
        ImGui::MenuItem(trc(S::MenuShortcuts, l), "F1", &u.showHelp);
        ImGui::MenuItem(trc(S::PanelJoinReport, l), nullptr, &u.showJoinReport);
        ImGui::EndMenu();
    }
    if (!s.provenance.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", s.provenance.c_str());
    }
    if (!s.status.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted(s.status.c_str());
    }
    ImGui::EndMainMenuBar();
}

}  // namespace geso::ui
