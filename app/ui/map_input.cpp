#include <imgui.h>
// Key codes only (GLFW's backend fills io.KeysDown[] by GLFW key code); no GLFW calls here.
#include <GLFW/glfw3.h>

#include <cmath>

#include "ui/panels.hpp"

namespace geso::ui {
namespace {

constexpr float kWheelStep = 1.2f;      // zoom per wheel notch
constexpr float kKeyZoomStep = 1.5f;    // zoom per + / − press
constexpr float kArrowPanShare = 0.1f;  // share of the map width/height per arrow press

bool pressed(int key) { return ImGui::IsKeyPressed(key, true); }

}  // namespace

void handleShortcuts(const AppState& s, UiState& u, Actions& out) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // typing in a field: keys belong to it
    const bool ctrl = io.KeyCtrl;
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) u.showHelp = !u.showHelp;
    if (ctrl) {
        if (ImGui::IsKeyPressed(GLFW_KEY_F, false)) { u.showSidebar = true; u.focusSearch = true; }
        if (ImGui::IsKeyPressed(GLFW_KEY_O, false)) u.showLoad = true;
        if (ImGui::IsKeyPressed(GLFW_KEY_E, false)) { u.showExport = true; u.exportKind = 0; }
        if (ImGui::IsKeyPressed(GLFW_KEY_L, false)) out.lang = s.lang == Lang::Sv ? Lang::En : Lang::Sv;
        if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) out.quit = true;
        return;
    }
    if (io.WantCaptureKeyboard) return;  // a widget has focus (ImGui FAQ routing rule)
    if (ImGui::IsKeyPressed(GLFW_KEY_T, false)) u.showTable = !u.showTable;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) out.select = -1;
    if (ImGui::IsKeyPressed(GLFW_KEY_Z, false) && s.selected >= 0) out.zoomTo = s.selected;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false) || ImGui::IsKeyPressed(GLFW_KEY_0, false) ||
        ImGui::IsKeyPressed(GLFW_KEY_KP_0, false))
        out.zoomAll = true;

    // Pan: the arrow moves the view, so the map content moves the other way.
    const float stepX = s.mapW * kArrowPanShare, stepY = s.mapH * kArrowPanShare;
    if (pressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) out.panXPx += stepX;
    if (pressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) out.panXPx -= stepX;
    if (pressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) out.panYPx += stepY;
    if (pressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) out.panYPx -= stepY;

    // Zoom: typed '+'/'-' whatever the keyboard layout, plus the keypad keys.
    int steps = 0;
    for (ImWchar c : io.InputQueueCharacters) {
        if (c == '+') ++steps;
        if (c == '-' || c == 0x2212) --steps;
    }
    if (pressed(GLFW_KEY_KP_ADD)) ++steps;
    if (pressed(GLFW_KEY_KP_SUBTRACT)) --steps;
    if (steps != 0) {
        out.zoomFactor *= std::pow(kKeyZoomStep, static_cast<float>(steps));
        out.zoomAtCentre = true;
    }
}

void handleMapInput(const AppState& s, UiState& u, const MapRect& map, Actions& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 m = io.MousePos;
    bool overPanel = false;  // the legend, title … drawn on the map are not the map
    for (const auto& b : s.mapPanels) overPanel = overPanel || (m.x >= b[0] && m.x < b[2] && m.y >= b[1] && m.y < b[3]);
    const bool overMap = m.x >= map.x && m.y >= map.y && m.x < map.x + map.w && m.y < map.y + map.h &&
                         !io.WantCaptureMouse && !overPanel;
    if (overMap) out.hoverAt = std::make_pair(m.x, m.y);

    if (overMap && io.MouseWheel != 0) {
        out.zoomFactor *= std::pow(kWheelStep, io.MouseWheel);
        out.zoomAtCentre = false;
        out.zoomAtX = m.x;
        out.zoomAtY = m.y;
    }
    if (overMap && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        u.mapPressed = true;
        u.mapDragged = false;
        u.mapRectZoom = io.KeyShift;
        u.pressX = m.x;
        u.pressY = m.y;
    }
    if (!u.mapPressed) return;
    const float threshold = io.MouseDragThreshold * (s.uiScale > 0 ? s.uiScale : 1.0f);
    if (!u.mapDragged && (std::fabs(m.x - u.pressX) > threshold || std::fabs(m.y - u.pressY) > threshold))
        u.mapDragged = true;
    if (u.mapDragged && !u.mapRectZoom && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        out.panXPx += io.MouseDelta.x;
        out.panYPx += io.MouseDelta.y;
    }
    if (u.mapDragged && u.mapRectZoom) {
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        const ImVec2 a(u.pressX, u.pressY);
        dl->AddRectFilled(a, m, IM_COL32(40, 110, 200, 50));
        dl->AddRect(a, m, IM_COL32(40, 110, 200, 255), 0, 0, 1.5f * (s.uiScale > 0 ? s.uiScale : 1.0f));
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (!u.mapDragged) {
            out.pickAt = std::make_pair(u.pressX, u.pressY);
        } else if (u.mapRectZoom) {
            out.zoomRect = std::array<float, 4>{std::fmin(u.pressX, m.x), std::fmin(u.pressY, m.y),
                                                std::fmax(u.pressX, m.x), std::fmax(u.pressY, m.y)};
        }
        u.mapPressed = false;
        u.mapDragged = false;
        u.mapRectZoom = false;
    }
}

}  // namespace geso::ui
