#pragma once
// A layer's map style as plain data, and its two encodings for the QGIS
// `layer_styles` table: QML (what QGIS loads as the layer style) and SLD 1.1.0
// (what other clients read). Graduated (ranges), categorized (values) or a
// single symbol, for fills (polygons) or markers (points).
//
// Ranges follow the app's classification convention, which is also QGIS's:
// the first range is [lower, upper], every later one (lower, upper].
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/text/utf8.hpp"  // utf8Length: style names are counted in characters

namespace geso::core {

struct StyleColor {
    uint8_t r = 0, g = 0, b = 0, a = 255;
};

enum class SymbolKind { Fill, Marker };

struct StyleRange {
    double lower = 0, upper = 0;
    StyleColor color;
    std::string label;  // legend text, UTF-8
};

struct StyleCategory {
    std::string value;  // attribute value as text
    StyleColor color;
    std::string label;
    std::string marker;                 // QGIS simple-marker name ("square", "hexagon"…); "" = circle
    std::optional<StyleColor> outline;  // nullopt = the layer's outline
};

struct LayerStyle {
    std::string name;         // styleName in layer_styles: at most 30 characters (kMaxStyleNameChars)
    std::string description;  // one line
    bool isDefault = false;   // useAsDefault
    SymbolKind symbol = SymbolKind::Fill;
    std::string field;        // attribute the renderer reads; "" for a single symbol
    std::vector<StyleRange> ranges;         // non-empty: graduated
    std::vector<StyleCategory> categories;  // non-empty (and no ranges): categorized
    StyleColor singleColor{128, 128, 128, 255};  // neither: single symbol
    StyleColor outline{60, 60, 60, 255};
    double outlineWidthMm = 0.26;
    double markerSizeMm = 3.0;
};

constexpr size_t kMaxStyleNameChars = 30;

// QGIS 3.22 QML document (`<qgis version="3.22.0-Białowieża" styleCategories="AllStyleCategories">`).
std::string styleQml(const LayerStyle& style);
// SLD 1.1.0 (se: Symbology Encoding) with one Rule per range or category.
std::string styleSld(const LayerStyle& style, const std::string& layerName);

}  // namespace geso::core
