#pragma once
// The viewer's command line:
//   geso-atlas [--lang sv|en] [--areas FILE] [--indicators FILE] [--initiatives FILE]
//              [--trygghet FILE] [--crs EPSG:N] [--screenshot FILE.png] [--frames N]
//              [--size WxH] [--ui-scale S]
// --screenshot renders N frames (default 5), saves the window content and exits
// (for tests and docs); --ui-scale overrides the monitor's content scale.
#include <optional>
#include <string>

namespace geso::viewer {

struct ViewerOptions {
    std::optional<std::string> lang, areas, indicators, initiatives, trygghet, crs;
    std::string screenshot;
    int frames = 5;
    int widthPx = 0, heightPx = 0;   // 0 = remembered size
    float uiScale = 0;               // 0 = the monitor's content scale
    bool help = false;
};

// Parses argv[first..argc). On a usage error returns nullopt and sets `error`.
std::optional<ViewerOptions> parseViewerOptions(int argc, char** argv, int first, std::string& error);

extern const char* const kViewerUsage;

}  // namespace geso::viewer
