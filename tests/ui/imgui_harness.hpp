#pragma once
// Headless Dear ImGui 1.86 for panel tests: a context with the default font
// atlas built, a fixed display size and the GLFW key map, and helpers that run
// one frame of ui::drawAll with given mouse/keyboard input.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

#include "ui/panels.hpp"

namespace geso::ui::test {

class ImGuiHarness {
public:
    explicit ImGuiHarness(float w = 1280, float h = 800) {
        m_ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(w, h);
        io.DeltaTime = 1.0f / 60.0f;
        io.MouseDoubleClickTime = 0.0f;  // separate clicks in quick succession stay single clicks
        unsigned char* px = nullptr;
        int tw = 0, th = 0;
        io.Fonts->AddFontDefault();
        io.Fonts->GetTexDataAsRGBA32(&px, &tw, &th);
        // As imgui_impl_glfw does: ImGui keys map to GLFW key codes.
        io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
        io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
        io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
        io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
        io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
        io.KeyMap[ImGuiKey_Home] = GLFW_KEY_HOME;
        io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
        io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
        io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
        io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
    }
    ~ImGuiHarness() { ImGui::DestroyContext(m_ctx); }
    ImGuiHarness(const ImGuiHarness&) = delete;
    ImGuiHarness& operator=(const ImGuiHarness&) = delete;

    // One frame with the current input; returns what the panels asked for.
    Actions frame(const AppState& s, UiState& u) {
        ImGui::NewFrame();
        Actions a = drawAll(s, u, &map);
        ImGui::Render();
        ImGuiIO& io = ImGui::GetIO();
        io.MouseWheel = 0;
        return a;
    }

    void mouseTo(float x, float y) { ImGui::GetIO().MousePos = ImVec2(x, y); }
    void mouseDown(bool down) { ImGui::GetIO().MouseDown[0] = down; }
    void wheel(float notches) { ImGui::GetIO().MouseWheel = notches; }
    void key(int glfwKey, bool down) { ImGui::GetIO().KeysDown[glfwKey] = down; }
    void ctrl(bool down) { ImGui::GetIO().KeyCtrl = down; }
    void shift(bool down) { ImGui::GetIO().KeyShift = down; }
    void typeChar(unsigned c) { ImGui::GetIO().AddInputCharacter(c); }

    // Press and release a key over two frames; returns the actions of the press frame.
    Actions tapKey(const AppState& s, UiState& u, int glfwKey, bool withCtrl = false) {
        ctrl(withCtrl);
        key(glfwKey, true);
        Actions a = frame(s, u);
        key(glfwKey, false);
        frame(s, u);
        ctrl(false);
        return a;
    }

    // Click at (x, y): move there, press, release. Returns the merged interesting fields.
    Actions click(const AppState& s, UiState& u, float x, float y) {
        mouseTo(x, y);
        frame(s, u);
        mouseDown(true);
        Actions a = frame(s, u);
        mouseDown(false);
        Actions b = frame(s, u);
        merge(a, b);
        return a;
    }

    static void merge(Actions& into, const Actions& b) {
        if (b.select) into.select = b.select;
        if (b.zoomTo) into.zoomTo = b.zoomTo;
        if (b.pickAt) into.pickAt = b.pickAt;
        if (b.zoomRect) into.zoomRect = b.zoomRect;
        if (b.classes) into.classes = b.classes;
        if (b.variable) into.variable = b.variable;
        if (b.exportRequest) into.exportRequest = b.exportRequest;
        if (b.load) into.load = b.load;
        if (b.lang) into.lang = b.lang;
        into.zoomAll = into.zoomAll || b.zoomAll;
        into.quit = into.quit || b.quit;
        into.pointsChanged = into.pointsChanged || b.pointsChanged;
        into.panXPx += b.panXPx;
        into.panYPx += b.panYPx;
        into.zoomFactor *= b.zoomFactor;
    }

    MapRect map;

private:
    ImGuiContext* m_ctx = nullptr;
};

// 14 areas with Malmö's GeSO names, values 10, 20, … (area 4 without a value),
// five classes, and an attribute table with name, code and value columns.
inline AppState sampleState() {
    AppState s;
    const char* names[] = {"Västra hamnen, Gamla staden m fl", "Kirsebergsstaden, Värnhem m fl",
                           "Riseberga, Jägersro m fl", "Oxie Kyrkby, Oxievång m fl",
                           "Bunkeflostrand, Tygelsjö by m fl", "Limhamns hamnområde, Elinelund m fl",
                           "Ribersborg, Bellevue m fl", "Lorensborg, Bellevuegården m fl",
                           "Möllevången, Rådmansvången m fl", "Örtagården, Herrgården m fl",
                           "Nydala, Almhög m fl", "Lindängen, Almvik m fl",
                           "Lindeborg, Borgmästaregården m fl", "Hyllievång, Kroksbäck m fl"};
    TableColumn name{"Namn", false, {}, {}, 0}, code{"Kod", true, {}, {}, 0}, value{"Värde", true, {}, {}, 1};
    for (int i = 0; i < 14; ++i) {
        s.areaName.push_back(names[i]);
        s.areaCode.push_back(i + 1);
        core::Box b;
        b.expand(1000.0 * i, 0);
        b.expand(1000.0 * i + 900, 900);
        s.areaBox.push_back(b);
        const double v = i == 3 ? NAN : 10.0 * (i + 1);
        s.classes.value.push_back(v);
        name.text.push_back(names[i]);
        code.num.push_back(i + 1);
        value.num.push_back(v);
    }
    s.table = {name, code, value};
    s.classes.lower = 10;
    s.classes.upper = {30, 60, 90, 120, 140};
    s.classes.counts = {3, 2, 3, 3, 2};
    s.classes.classColor = {{255, 255, 204, 255}, {161, 218, 180, 255}, {65, 182, 196, 255},
                            {44, 127, 184, 255}, {37, 52, 148, 255}};
    s.classes.legendLabels = {"10–30", "30–60", "60–90", "90–120", "120–140"};
    for (double v : s.classes.value) {
        if (std::isnan(v)) { s.classes.classOf.push_back(-1); continue; }
        int k = 0;
        while (v > s.classes.upper[static_cast<size_t>(k)]) ++k;
        s.classes.classOf.push_back(k);
    }
    s.classes.title = "Totalindex";
    s.classCount = 5;
    s.variables = {{VarKind::Total, "total", "Totalindex"}, {VarKind::Dimension, "utbildning", "Utbildning"}};
    s.years = {2022, 2023, 2024};
    s.year = 2024;
    s.palettes = {{"YlGnBu", true, false, {{255, 255, 204, 255}, {37, 52, 148, 255}}}, {"Spectral", false, true, {}}};
    s.palette = "YlGnBu";
    s.mapX = 380; s.mapY = 20; s.mapW = 900; s.mapH = 780;
    return s;
}

}  // namespace geso::ui::test
