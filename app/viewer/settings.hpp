#pragma once
// What the viewer remembers between runs: window size, language, last files,
// the mapped variable and its style, which windows were open. Stored as
// key=value lines in $XDG_CONFIG_HOME/geso-atlas/settings.ini (fallback
// ~/.config/geso-atlas/), beside ImGui's own imgui.ini. Reading a missing or
// broken file gives the defaults; writing never fails loudly (a read-only home
// just means nothing is remembered).
#include <filesystem>
#include <string>

namespace geso::viewer {

struct Settings {
    int windowWidth = 1600, windowHeight = 1000;
    std::string lang;                    // "" = not set (Swedish)
    std::string areas, indicators, initiatives, trygghet;  // "" = bundled
    std::string tableLayout, tableColumns;                 // how the indicator table is read ("" = detected)
    std::string variableKind, variableId;                  // "total", "dimension", "indicator", "field"
    int year = 0;
    std::string method;                  // core method name ("jenks"…); "" = the variable's default
    int classes = 0;
    std::string palette;
    bool reversed = false;
    bool showTable = false, showStripPlot = true, showSidebar = true;
};

// $XDG_CONFIG_HOME/geso-atlas, else $HOME/.config/geso-atlas; empty if neither is set.
std::filesystem::path configDir();

Settings loadSettings(const std::filesystem::path& file);
// Creates the directory if needed; returns false (quietly) when it cannot write.
bool saveSettings(const std::filesystem::path& file, const Settings& s);

}  // namespace geso::viewer
