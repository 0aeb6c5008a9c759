#include "viewer/settings_bridge.hpp"

namespace geso::viewer {
namespace {

constexpr const char* kKinds[] = {"total", "dimension", "indicator", "field"};

}  // namespace

MapChoice choiceFromSettings(const Settings& s) {
    MapChoice c;
    for (int k = 0; k < 4; ++k)
        if (s.variableKind == kKinds[k]) c.kind = static_cast<core::VariableKind>(k);
    c.id = s.variableId;
    c.year = s.year;
    if (auto m = core::parseClassMethod(s.method)) {
        core::ClassSpec spec;
        spec.method = *m;
        if (s.classes >= core::kMinClasses && s.classes <= core::kMaxClasses) spec.k = s.classes;
        // Manual breaks belong to one variable's values: not restored.
        if (*m != core::ClassMethod::Manual) c.spec = spec;
    }
    c.palette = s.palette;
    c.reversed = s.reversed;
    return c;
}

void storeChoice(const MapChoice& c, Settings& s) {
    s.variableKind = kKinds[static_cast<int>(c.kind)];
    s.variableId = c.id;
    s.year = c.year;
    s.method = c.spec ? std::string(core::methodName(c.spec->method)) : std::string();
    s.classes = c.spec ? c.spec->k : 0;
    s.palette = c.palette;
    s.reversed = c.reversed;
}

void uiFromSettings(const Settings& s, ui::UiState& u) {
    u.showTable = s.showTable;
    u.showStripPlot = s.showStripPlot;
    u.showSidebar = s.showSidebar;
}

void storeUi(const ui::UiState& u, Settings& s) {
    s.showTable = u.showTable;
    s.showStripPlot = u.showStripPlot;
    s.showSidebar = u.showSidebar;
}

}  // namespace geso::viewer
