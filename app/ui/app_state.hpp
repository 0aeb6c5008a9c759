#pragma once
// What the panels show: plain data, filled by the viewer from the core (Project,
// Choropleth, point layers). Panels read it and never change it; they return
// Actions (actions.hpp) and keep their own widget state in UiState (ui_state.hpp).
// Per-feature vectors are indexed by area feature index (0..areaCount()-1).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/layer.hpp"
#include "ui/lang.hpp"

namespace geso::ui {

struct Rgba8 {
    uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba8&) const = default;
};

enum class VarKind { Total, Dimension, Indicator, Field };
// The core's class methods (core/classify ClassMethod), in the order the UI lists them.
enum class Method { Quantile, EqualInterval, NaturalBreaks, StdDev, Pretty, BoxMap, Centred, Manual };

// One entry of the "what to map" list: the total, a dimension, an indicator or a numeric field.
struct VariableChoice {
    VarKind kind = VarKind::Total;
    std::string id;     // catalogue id or field name
    std::string label;  // in the current language
};

// One column of the attribute table (also the rows of "identify").
struct TableColumn {
    std::string name;
    bool numeric = true;
    std::vector<double> num;          // numeric: per feature, NaN = no data
    std::vector<std::string> text;    // text: per feature
    int decimals = 1;
    bool inIdentify = true;           // false: already shown at the top of identify (value, class, rank…)
    bool isMapped = false;            // the variable on the map (identify shows it first, not twice)
};

// The current choropleth, as the legend and the strip plot need it.
struct MapClasses {
    std::string title, subtitle;
    std::vector<double> value;        // per feature, NaN = no data
    std::vector<int> classOf;         // per feature, -1 = no data
    double lower = 0;                 // min valid value; class i = (upper[i-1], upper[i]]
    std::vector<double> upper;        // ascending class upper bounds
    std::vector<int> counts;          // per class
    std::vector<Rgba8> classColor;    // per class
    std::vector<std::string> legendLabels;
    int noData = 0;                   // features without a value
    double gvf = NAN, gadf = NAN;
};

// One weight the user can change: a dimension, or an indicator within it.
struct WeightItem {
    std::string label;
    double weight = 1;
    std::vector<WeightItem> indicators;  // a dimension's, in catalogue order
};

// A colour scheme the user can pick, with its colours at the current class count.
struct PaletteChoice {
    std::string id;                   // ColorBrewer name, e.g. "RdBu"
    bool colorBlindSafe = false;
    bool diverging = false;
    std::vector<Rgba8> colors;        // as they would be mapped now (orientation applied)
};

// A point layer (pågående insatser, trygghetsområden) with its filterable categories.
struct PointLayerView {
    std::string name;                         // translated layer title
    bool loaded = false;
    bool visible = true;
    std::vector<std::string> labels;          // per point: its name
    std::vector<std::string> namndValue, themeValue, statusValue;  // per point, "" if absent
    std::vector<std::string> namndOptions, themeOptions, statusOptions;  // distinct values, sorted
    std::vector<int> areaOf;                  // per point: feature index containing it, -1 outside
};

struct AppState {
    Lang lang = Lang::Sv;

    // Areas.
    std::vector<std::string> areaName;        // per feature
    std::vector<int> areaCode;                // per feature, -1 if none
    std::vector<core::Box> areaBox;           // per feature, display CRS
    size_t areaCount() const { return areaName.size(); }

    // What is mapped, and how.
    std::vector<VariableChoice> variables;
    int variable = 0;                         // index into variables
    std::vector<int> years;                   // ascending; empty for a plain field
    int year = 0;
    Method method = Method::Quantile;
    int classCount = 5;
    int minClasses = 3, maxClasses = 9;
    // The index: normalisation (0 Malmö = 100, 1 z-score, 2 min–max) and what-if weights.
    int normalization = 0;
    std::vector<WeightItem> dimensionWeights; // per dimension, with its indicators
    bool customWeights = false;               // not the city's equal weights: the panel says so
    std::vector<PaletteChoice> palettes;      // colour-blind-safe ones first
    std::string palette;
    bool reversed = false;
    MapClasses classes;

    // Attribute table: columns[0] is the name column; identify shows one row of it.
    std::vector<TableColumn> table;
    int tableVersion = 0;                     // bumped whenever `table` changes (re-sorts the view)
    std::vector<double> rank;                 // per feature, 1 = highest value of the mapped variable; NaN
    std::vector<double> change;               // per feature, change since the previous year; NaN

    std::vector<PointLayerView> points;       // [0] initiatives, [1] trygghet (when loaded)

    // Selection from the map or the table.
    int selected = -1, hovered = -1;

    // Messages.
    std::vector<std::string> joinReport;      // lines; empty when nothing to report
    std::string joinSummary;                  // "Indikatortabellen x.csv: 0 fel, 2 varningar"
    bool joinFailed = false;                  // the table had errors and was not loaded
    int joinReportVersion = 0;                // bumped when a table was read: the report opens
    std::vector<std::string> warnings;        // load warnings
    std::vector<std::string> errors;          // last errors (load, export), newest last
    std::string provenance;                   // "Schematiska gränser · illustrativa värden"
    std::string status;                       // last finished action, e.g. "Exporterade …"

    // Files in use (for the load dialog).
    std::string areasPath, indicatorsPath, initiativesPath, trygghetPath;
    std::string tableLayout, tableColumns;    // how the indicator table was read

    // Layout: the map area in framebuffer-independent ImGui coordinates.
    float mapX = 0, mapY = 0, mapW = 0, mapH = 0;
    // The map's own panels (title, legend, scale bar, north arrow, provenance) as
    // x0, y0, x1, y1 in the same coordinates: the mouse over them is not on the map.
    std::vector<std::array<float, 4>> mapPanels;
    float uiScale = 1.0f;
};

}  // namespace geso::ui
