#pragma once
// How a point layer is drawn: which columns hold a point's name, category,
// responsible nämnd/bolag and status, and the symbol (shape, colours, size) of
// each category. The one place for this, so the viewer, `geso-atlas render` and
// the QGIS styles of the GeoPackage export draw the same symbols.
#include <cstdint>
#include <string>
#include <vector>

#include "core/classify/palette.hpp"
#include "core/model/layer.hpp"

namespace geso::core {

enum class PointLayerKind { Initiatives, Trygghet };

// Marker shapes; the numbers are the ids shaders/point.frag.glsl draws.
enum class MarkerShape : uint8_t { Circle = 0, Square, Triangle, Diamond, Hexagon, Pentagon };
constexpr int kMarkerShapeCount = 6;

// Columns found by their usual names (case-insensitive, å/ä/ö folded); "" = none.
// Initiatives: namn, tema, ansvarig, status, malgrupp, startar. Trygghet: namn, typ, ar.
struct PointFields {
    std::string name, category, responsible, status, targetGroup, year;
};
PointFields detectPointFields(const PointLayer& layer, PointLayerKind kind);

struct PointCategory {
    std::string value;  // the category's text; "" = points without one
    MarkerShape shape = MarkerShape::Circle;
    Rgba fill, stroke;
    int count = 0;      // points in the layer with this category
};

struct PointSymbology {
    PointLayerKind kind = PointLayerKind::Initiatives;
    PointFields fields;
    // Sorted by value (stable symbols for the same data, whatever the row order);
    // points without a category come last, with value "".
    std::vector<PointCategory> categories;
    std::vector<int> categoryOf;  // per feature: index into categories
    // Symbol diameter and outline width in pixels at 1920×1080 / UI scale 1
    // (QGIS: millimetres at 96 dpi, mmPerPx).
    float sizePx = 11, strokePx = 1;
    static constexpr double mmPerPx = 25.4 / 96.0;
};

// Initiatives: a colour-blind-safe colour (Okabe & Ito) and a shape per theme,
// filled, dark outline. Trygghet areas: hollow shapes with a thick wine-red
// outline per type, so the two layers never read as one another.
PointSymbology symbolizePoints(const PointLayer& layer, PointLayerKind kind);

// A cell as text: numbers without a trailing ".0", NULL and NaN as "".
std::string cellText(const Column& column, size_t row);

}  // namespace geso::core
