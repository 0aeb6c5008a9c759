// Panels driven through Dear ImGui 1.86 with no window and no GL: input goes in
// through ImGuiIO, the test asserts on the Actions the panels return.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "imgui_harness.hpp"

using namespace geso::ui;
using geso::ui::test::ImGuiHarness;

namespace {

// A point on the map, clear of the side panel and the strip-plot window.
constexpr float kMapX = 600, kMapY = 200;

}  // namespace

TEST(Panels, DrawAllLeavesTheMapRightOfTheSidebar) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    h.frame(s, u);
    EXPECT_GT(h.map.x, 100.0f);
    EXPECT_NEAR(h.map.x + h.map.w, 1280.0f, 0.5f);
    EXPECT_GT(h.map.y, 0.0f);
    u.showSidebar = false;
    h.frame(s, u);
    EXPECT_EQ(h.map.x, 0.0f);
}

TEST(Panels, EmptyStateDrawsWithoutCrashing) {
    ImGuiHarness h;
    AppState s;                 // nothing loaded
    s.selected = 7;             // out of range on purpose
    s.hovered = 3;
    s.points.resize(2);
    UiState u;
    u.showTable = u.showHelp = u.showJoinReport = u.showLoad = u.showExport = true;
    for (int i = 0; i < 3; ++i) EXPECT_FALSE(h.frame(s, u).select.has_value());
}

TEST(Panels, WheelOverMapZoomsAroundTheCursor) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    h.mouseTo(kMapX, kMapY);
    h.frame(s, u);
    h.wheel(2);
    Actions a = h.frame(s, u);
    EXPECT_NEAR(a.zoomFactor, 1.44f, 1e-4);
    EXPECT_FALSE(a.zoomAtCentre);
    EXPECT_EQ(a.zoomAtX, kMapX);
    EXPECT_EQ(a.zoomAtY, kMapY);
    ASSERT_TRUE(a.hoverAt.has_value());
    EXPECT_EQ(a.hoverAt->first, kMapX);
}

TEST(Panels, WheelOverTheSidebarDoesNotZoomTheMap) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    h.mouseTo(50, 300);
    h.frame(s, u);
    h.wheel(1);
    Actions a = h.frame(s, u);
    EXPECT_EQ(a.zoomFactor, 1.0f);
    EXPECT_FALSE(a.hoverAt.has_value());
}

TEST(Panels, TheMapsLegendAndTitleAreNotTheMap) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    s.mapPanels = {{kMapX - 10, kMapY - 10, kMapX + 200, kMapY + 150}};  // e.g. the legend
    UiState u;
    h.mouseTo(kMapX, kMapY);
    h.frame(s, u);
    h.wheel(1);
    Actions a = h.frame(s, u);
    EXPECT_FALSE(a.hoverAt.has_value());  // no tooltip of the area under the legend
    EXPECT_EQ(a.zoomFactor, 1.0f);
    EXPECT_FALSE(h.click(s, u, kMapX, kMapY).pickAt.has_value());  // no pick through it
    EXPECT_TRUE(h.click(s, u, kMapX + 300, kMapY + 300).pickAt.has_value());
}

TEST(Panels, DragPansByTheMouseMovementAndClickPicks) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    h.mouseTo(kMapX, kMapY);
    h.frame(s, u);
    h.mouseDown(true);
    Actions total = h.frame(s, u);
    for (int i = 1; i <= 10; ++i) {
        h.mouseTo(kMapX + 10.0f * static_cast<float>(i), kMapY + 5.0f * static_cast<float>(i));
        ImGuiHarness::merge(total, h.frame(s, u));
    }
    h.mouseDown(false);
    ImGuiHarness::merge(total, h.frame(s, u));
    // Everything after the drag threshold is panned; the pan follows the mouse.
    EXPECT_GT(total.panXPx, 80.0f);
    EXPECT_LE(total.panXPx, 100.0f);
    EXPECT_GT(total.panYPx, 40.0f);
    EXPECT_FALSE(total.pickAt.has_value());  // a drag is not a click

    Actions c = h.click(s, u, kMapX + 20, kMapY + 20);
    ASSERT_TRUE(c.pickAt.has_value());
    EXPECT_EQ(c.pickAt->first, kMapX + 20);
    EXPECT_EQ(c.pickAt->second, kMapY + 20);
    EXPECT_EQ(c.panXPx, 0.0f);
}

TEST(Panels, ShiftDragZoomsToTheRectangle) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    h.mouseTo(kMapX, kMapY);
    h.frame(s, u);
    h.shift(true);
    h.mouseDown(true);
    Actions total = h.frame(s, u);
    h.mouseTo(kMapX + 100, kMapY + 60);
    ImGuiHarness::merge(total, h.frame(s, u));
    h.mouseDown(false);
    ImGuiHarness::merge(total, h.frame(s, u));
    h.shift(false);
    ASSERT_TRUE(total.zoomRect.has_value());
    EXPECT_EQ((*total.zoomRect)[0], kMapX);
    EXPECT_EQ((*total.zoomRect)[1], kMapY);
    EXPECT_EQ((*total.zoomRect)[2], kMapX + 100);
    EXPECT_EQ((*total.zoomRect)[3], kMapY + 60);
    EXPECT_EQ(total.panXPx, 0.0f);  // a rectangle zoom does not pan
}

TEST(Panels, KeyboardShortcuts) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    h.mouseTo(kMapX, kMapY);
    h.frame(s, u);
    EXPECT_TRUE(h.tapKey(s, u, GLFW_KEY_HOME).zoomAll);
    EXPECT_TRUE(h.tapKey(s, u, GLFW_KEY_0).zoomAll);
    EXPECT_GT(h.tapKey(s, u, GLFW_KEY_LEFT).panXPx, 0.0f);   // view moves left: content moves right
    EXPECT_LT(h.tapKey(s, u, GLFW_KEY_DOWN).panYPx, 0.0f);
    EXPECT_EQ(h.tapKey(s, u, GLFW_KEY_ESCAPE).select, -1);
    s.selected = 5;
    EXPECT_EQ(h.tapKey(s, u, GLFW_KEY_Z).zoomTo, 5);
    EXPECT_FALSE(u.showHelp);
    h.tapKey(s, u, GLFW_KEY_F1);
    EXPECT_TRUE(u.showHelp);
    h.tapKey(s, u, GLFW_KEY_T);
    EXPECT_TRUE(u.showTable);
    EXPECT_EQ(h.tapKey(s, u, GLFW_KEY_L, true).lang, Lang::En);
    EXPECT_TRUE(h.tapKey(s, u, GLFW_KEY_Q, true).quit);
    h.tapKey(s, u, GLFW_KEY_E, true);
    EXPECT_TRUE(u.showExport);

    h.typeChar('+');
    EXPECT_NEAR(h.frame(s, u).zoomFactor, 1.5f, 1e-5);
    h.typeChar('-');
    EXPECT_NEAR(h.frame(s, u).zoomFactor, 1.0f / 1.5f, 1e-5);
}

TEST(Panels, TableRowClickSelectsAndZooms) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    u.showTable = true;
    u.showStripPlot = false;
    h.frame(s, u);
    h.frame(s, u);
    ImGuiWindow* w = ImGui::FindWindowByName("###table");
    ASSERT_NE(w, nullptr);
    // Default sort: the name column, ascending (Swedish order) → Bunkeflostrand first.
    ASSERT_EQ(u.tableOrder.size(), 14u);
    EXPECT_EQ(u.tableOrder.front(), 4);
    // Walk down from the header until a row click selects something: it must be the first row.
    std::optional<int> selected, zoomed;
    for (float y = w->Pos.y + w->TitleBarHeight() + 1; y < w->Pos.y + w->Size.y && !selected; y += 3) {
        Actions a = h.click(s, u, w->Pos.x + 30, y);
        selected = a.select;
        zoomed = a.zoomTo;

        EXPECT_FALSE(a.pickAt.has_value());  // a click on a window never reaches the map
    }
    ASSERT_TRUE(selected.has_value());
    // The scan clicks the name header first, which flips the sort to descending:
    // the first row is then Örtagården (feature 9), last in Swedish order.
    EXPECT_FALSE(u.tableSortAscending);
    EXPECT_EQ(u.tableOrder.front(), 9);
    EXPECT_EQ(*selected, 9);
    EXPECT_EQ(zoomed, 9);
}

TEST(Panels, TableOrderFollowsNewData) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    u.showTable = true;
    u.tableSortColumn = 2;        // value column
    u.tableSortAscending = false; // highest first
    h.frame(s, u);
    // ImGui's default sort spec (column 0) is applied on the first frame; set ours after it.
    u.tableSortColumn = 2;
    u.tableSortAscending = false;
    u.tableOrder.clear();
    h.frame(s, u);
    EXPECT_EQ(u.tableOrder.front(), 13);
    EXPECT_EQ(u.tableOrder.back(), 3);  // no data last
    s.table[2].num[0] = 1000;
    ++s.tableVersion;
    h.frame(s, u);
    EXPECT_EQ(u.tableOrder.front(), 0);
}

TEST(Panels, DraggingAClassBreakGivesManualBreaksWithTheSameCount) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    h.frame(s, u);
    h.frame(s, u);
    ASSERT_GT(u.stripX1, u.stripX0);
    auto xOf = [&](double v) {
        return u.stripX0 + static_cast<float>((v - u.stripMin) / (u.stripMax - u.stripMin)) * (u.stripX1 - u.stripX0);
    };
    const float y = (u.stripY0 + u.stripY1) * 0.5f;
    h.mouseTo(xOf(60), y);             // on the second break
    h.frame(s, u);
    h.mouseDown(true);
    h.frame(s, u);
    EXPECT_EQ(u.dragBreak, 1);
    h.mouseTo(xOf(75), y);
    Actions a = h.frame(s, u);
    h.mouseDown(false);
    h.frame(s, u);
    EXPECT_EQ(u.dragBreak, -1);
    ASSERT_TRUE(a.classes.has_value());
    EXPECT_EQ(a.classes->method, Method::Manual);
    EXPECT_EQ(a.classes->k, 5);
    ASSERT_EQ(a.classes->manualUpper.size(), 5u);
    EXPECT_NEAR(a.classes->manualUpper[1], 75.0, 1.0);
    EXPECT_DOUBLE_EQ(a.classes->manualUpper[0], 30.0);
    EXPECT_DOUBLE_EQ(a.classes->manualUpper[4], 140.0);
    EXPECT_FALSE(a.pickAt.has_value());
}

TEST(Panels, ErrorsShowInAWindowUntilDismissed) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    s.errors.push_back("/nope.gpkg: cannot open");
    UiState u;
    h.frame(s, u);
    ImGuiWindow* w = ImGui::FindWindowByName("###errors");
    ASSERT_NE(w, nullptr);
    EXPECT_TRUE(w->Active);
    u.dismissedErrors = 1;
    h.frame(s, u);
    EXPECT_FALSE(w->Active);
    s.errors.push_back("second");
    h.frame(s, u);
    EXPECT_TRUE(w->Active);
}

TEST(Panels, SearchEnterSelectsAndZoomsToTheFirstMatch) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    u.search = "möllev";
    h.frame(s, u);
    h.click(s, u, 100, ImGui::GetFrameHeight() + 14);  // into the search field at the top of the side panel
    EXPECT_TRUE(ImGui::GetIO().WantTextInput);  // the search field has the keyboard
    h.key(GLFW_KEY_ENTER, true);
    Actions a = h.frame(s, u);
    h.key(GLFW_KEY_ENTER, false);
    h.frame(s, u);
    EXPECT_EQ(a.select, 8);
    EXPECT_EQ(a.zoomTo, 8);
}

TEST(Panels, IdentifyAndPointPanelsDrawASelectedArea) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    s.selected = 2;
    s.hovered = 2;
    s.rank = std::vector<double>(14, NAN);
    s.rank[2] = 3;
    s.change = std::vector<double>(14, 1.5);
    PointLayerView p;
    p.name = "Pågående insatser";
    p.loaded = true;
    p.labels = {"Läxhjälp", "Fritidsgård"};
    p.namndValue = {"Grundskolenämnden", "Fritidsnämnden"};
    p.themeValue = {"skola", "fritid"};
    p.statusValue = {"pågående", "planerad"};
    p.namndOptions = {"Fritidsnämnden", "Grundskolenämnden"};
    p.themeOptions = {"fritid", "skola"};
    p.statusOptions = {"planerad", "pågående"};
    p.areaOf = {2, 5};
    s.points = {p};
    UiState u;
    h.mouseTo(kMapX, kMapY);
    for (int i = 0; i < 3; ++i) h.frame(s, u);
    EXPECT_EQ(u.pointFilters.size(), 1u);   // one filter per point layer, everything passes
    EXPECT_TRUE(u.pointFilters[0].visible);
    EXPECT_TRUE(u.pointFilters[0].theme.empty());
}

TEST(Panels, FileBrowserFillsThePathField) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("geso_e2_browse_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "omraden.gpkg") << "x";
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    u.showLoad = true;
    u.showStripPlot = false;
    u.browseTarget = 0;                 // "Bläddra…" of the area file was pressed
    u.browseDir = dir.string();
    h.frame(s, u);
    h.frame(s, u);
    ImGuiWindow* w = nullptr;  // the browser's file list (a child window of the dialog)
    for (ImGuiWindow* c : ImGui::GetCurrentContext()->Windows)
        if (std::string(c->Name).find("##browser") != std::string::npos) w = c;
    ASSERT_NE(w, nullptr);
    // Scan the list for the one file entry; a click on it fills the field and closes the browser.
    for (float y = w->Pos.y + 1; y < w->Pos.y + w->Size.y && u.browseTarget == 0; y += 4)
        h.click(s, u, w->Pos.x + 40, y);
    EXPECT_EQ(u.browseTarget, -1);
    EXPECT_EQ(u.loadAreas, (dir / "omraden.gpkg").string());
    fs::remove_all(dir);
}

TEST(Panels, CtrlFPutsTheKeyboardInTheSearchField) {
    ImGuiHarness h;
    AppState s = test::sampleState();
    UiState u;
    h.mouseTo(kMapX, kMapY);
    h.frame(s, u);
    h.tapKey(s, u, GLFW_KEY_F, true);
    for (int i = 0; i < 3; ++i) h.frame(s, u);
    EXPECT_TRUE(ImGui::GetIO().WantTextInput);
    h.typeChar('N');
    h.typeChar('y');
    h.frame(s, u);
    h.frame(s, u);
    EXPECT_EQ(u.search, "Ny");
}
