#pragma once
// The viewer's ImGui panels. Each reads AppState, edits only its UiState and
// appends what the user asked for to `out`. No GDAL, no gl* here: the viewer
// applies the Actions after the UI pass. Call between ImGui::NewFrame() and
// ImGui::Render(); drawAll() lays everything out for a display of io.DisplaySize.
#include "ui/actions.hpp"
#include "ui/app_state.hpp"
#include "ui/ui_state.hpp"

namespace geso::ui {

// Everything for one frame: menu bar, side panel, floating windows, map input,
// hover tooltip. Also stores the map rectangle it left free in `mapRect`.
struct MapRect { float x = 0, y = 0, w = 0, h = 0; };
Actions drawAll(const AppState& s, UiState& u, MapRect* mapRect = nullptr);

void drawMenuBar(const AppState& s, UiState& u, Actions& out);
void drawMapPanel(const AppState& s, UiState& u, Actions& out);       // variable, year, method, classes, palette
void drawPointsPanel(const AppState& s, UiState& u, Actions& out);    // visibility, filters, counts per area
void drawSearchBox(const AppState& s, UiState& u, Actions& out);
void drawIdentifyPanel(const AppState& s, UiState& u, Actions& out);  // the selected area's values
void drawTableWindow(const AppState& s, UiState& u, Actions& out);    // sortable, row click = select + zoom
void drawStripPlot(const AppState& s, UiState& u, Actions& out);      // values as dots, draggable breaks
void drawHelpWindow(const AppState& s, UiState& u);
void drawLoadDialog(const AppState& s, UiState& u, Actions& out);     // path fields + a small file browser
void drawExportDialog(const AppState& s, UiState& u, Actions& out);
void drawMessages(const AppState& s, UiState& u, Actions& out);       // errors, warnings, join report
// Call right after ImGui::Begin of a floating window: moves it back inside the
// display when it hangs off an edge (a smaller window, a position from a bigger screen).
void keepOnScreen();
// Mouse and keys over the map (pan, zoom, pick, hover) and global shortcuts.
// Only acts when ImGui does not want the mouse/keyboard (the ImGui FAQ rule).
void handleMapInput(const AppState& s, UiState& u, const MapRect& map, Actions& out);
void handleShortcuts(const AppState& s, UiState& u, Actions& out);
void drawHoverTooltip(const AppState& s, const UiState& u);

}  // namespace geso::ui
