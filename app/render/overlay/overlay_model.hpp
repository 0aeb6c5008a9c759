#pragma once
// What the map overlay shows: plain data, GL-free and ImGui-free. The viewer
// and the headless render fill the same model, so both draw the same map
// furniture (title, legend, labels, scale bar, provenance, notices).
// Texts arrive translated (core/text strings) and formatted (legend labels from
// core/classify, decimal comma, en dash).
#include <cmath>
#include <string>
#include <vector>

#include "core/model/layer.hpp"
#include "core/text/lang.hpp"
#include "render/mesh/point_mesh.hpp"
#include "render/mesh/rgba.hpp"

namespace geso::render {

// One choropleth class: swatch colour, its range ("12,3–45,6") and how many
// areas fall in it (count < 0: no count shown).
struct LegendEntry {
    Rgba color;
    std::string label;
    int count = -1;
};

// One symbol category of a point layer (e.g. the theme "skola").
struct PointLegendEntry {
    SymbolShape shape = SymbolShape::Circle;
    Rgba fill{30, 100, 200, 255};
    Rgba stroke{255, 255, 255, 255};
    std::string label;
    int count = -1;
};

struct PointLegendGroup {
    std::string title;  // e.g. tr(LayerInitiatives)
    std::vector<PointLegendEntry> entries;
};

// An area label. xy and radius are in the display CRS (the camera's units):
// xy = AreaGeometry::labelPoint, radius = AreaGeometry::labelRadius (the
// inscribed circle the text should fit in; ≤ 0 or NaN = no fit check).
struct MapLabel {
    core::Vec2 xy;
    std::string text;    // may contain ", " or spaces where it may wrap
    float priority = 0;  // higher first; equal priority: larger radius first
    double radius = 0;
    std::string shortText;  // tried when `text` does not fit ("Lindeborg m fl"); "" = none
};

struct OverlayModel {
    core::Lang lang = core::kDefaultLang;

    std::string title;     // e.g. "Utbildning (Malmö = 100), 2024"
    std::string subtitle;  // e.g. "Naturliga brytpunkter, 5 klasser"

    std::string legendTitle;  // "" = no title row
    std::vector<LegendEntry> legend;
    bool showNoData = true;                 // the "Ingen data" row with the grey hatch
    Rgba noDataColor{200, 200, 200, 255};   // the swatch under the hatch (match the map's)
    int noDataCount = 0;
    std::string legendNote;                 // small text under the classes, "" = none
    std::vector<PointLegendGroup> pointLegends;

    std::vector<MapLabel> labels;

    std::string provenance;            // ALWAYS drawn at the bottom: "Schematiska gränser · illustrativa värden"
    std::string footerRight;           // optional, right end of the provenance strip (e.g. date, CRS)
    bool illustrativeValues = false;   // draws tr(IllustrativeNotice) under the title

    // The scale bar is true on the ground: ground metres per px =
    // camera metresPerPx × groundMetresPerUnit. NaN = groundMetresPerUnitAt(crsCode, camera centre).
    std::string crsCode;               // e.g. "EPSG:3008"
    double groundMetresPerUnit = NAN;

    bool showTitle = true, showLegend = true, showLabels = true;
    bool showScaleBar = true, showNorthArrow = true;
};

}  // namespace geso::render
