#pragma once
// The panels' own widget state (open windows, text being typed, filters, a
// break being dragged). Owned by the viewer, kept between frames, edited only
// by the panels; parts of it are saved with the settings.
#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace geso::ui {

struct PointFilter {                   // empty set = everything passes
    std::set<std::string> namnd, theme, status;
    bool visible = true;
};

struct UiState {
    bool showTable = false, showHelp = false, showJoinReport = false, showLoad = false;
    bool showExport = false, showStripPlot = true, showSidebar = true;
    bool focusSearch = false;
    size_t dismissedErrors = 0;        // AppState::errors before this index were closed
    int joinReportSeen = 0;            // AppState::joinReportVersion last shown

    std::string search;                // search box over area names
    std::string loadAreas, loadIndicators, loadInitiatives, loadTrygghet;  // path fields
    int loadLayout = 0;                // 0 auto, 1 wide, 2 long
    std::string loadColumns;           // column mapping text
    bool loadFieldsFilled = false;     // copied from AppState the first time the dialog opens
    std::string browseDir;             // simple file browser: current directory
    int browseTarget = -1;             // which path field the browser fills (0..3 load, 4 export), -1 = closed
    bool browseAllFiles = false;       // the browser lists every file, not just the ones the field takes
    std::string exportPath;
    int exportKind = 0;                // ExportRequest::Kind
    int exportWidthPx = 3840, exportHeightPx = 2160;
    bool exportSwedishExcel = false;

    std::vector<PointFilter> pointFilters;  // per AppState::points

    int tableSortColumn = 0;           // attribute table: column index and direction
    bool tableSortAscending = true;
    std::vector<int> tableOrder;       // row order after sorting (feature indices)
    int tableOrderVersion = -1;        // AppState::tableVersion the order was computed for

    int dragBreak = -1;                // strip plot: index of the break being dragged
    std::vector<double> dragUpper;     // the breaks while dragging
    // Last layout of the strip plot (screen pixels, value range), for hit tests.
    float stripX0 = 0, stripX1 = 0, stripY0 = 0, stripY1 = 0;
    double stripMin = 0, stripMax = 1;

    // Mouse on the map: a press that may become a drag (pan / rectangle zoom) or a click (pick).
    bool mapPressed = false, mapDragged = false, mapRectZoom = false;
    float pressX = 0, pressY = 0;
};

}  // namespace geso::ui
