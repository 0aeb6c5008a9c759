#pragma once
// ColorBrewer colour schemes for choropleth classes.
//
// Colours: Cynthia A. Brewer, Mark Harrower and The Pennsylvania State University, ColorBrewer 2.0
// (colorbrewer2.org), Apache-2.0-style licence: "This product includes color specifications and
// designs developed by Cynthia Brewer (http://colorbrewer.org/)". The published 3..9-class values
// are in palette_data.cpp; colour-blind flags are ColorBrewer's own (all sequential schemes; the
// diverging ones except RdGy, RdYlGn and Spectral).
//
// Orientation: colours are returned light -> dark for sequential schemes and, for diverging ones,
// in ColorBrewer's published order (e.g. RdBu: red ... white ... blue), one per class from class 0
// (lowest values) upwards. The index convention is "higher is better" and the CHALLENGED end must
// read as the strong colour, so the map layer decides `reversed`:
//   bool strongEndIsLow = indexIsHigherBetter;              // true for dimension/total indices
//   sequential: reversed = strongEndIsLow;                  // dark = low = challenged
//   diverging (RdBu etc.): reversed = !strongEndIsLow;      // red (strong warm) = below the city
// For a raw "negative" indicator (higher share is worse) strongEndIsLow is false.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace geso::core {

struct Rgba {
    uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Rgba&, const Rgba&) = default;
};

enum class PaletteKind { Sequential, Diverging };

struct PaletteInfo {
    std::string id;       // ColorBrewer name, e.g. "YlOrRd"
    PaletteKind kind;
    bool colorBlindSafe;  // ColorBrewer's flag
    int minK, maxK;       // class counts available (3..9)
};

const std::vector<PaletteInfo>& listPalettes();
// The scheme named `id` (case-insensitive); nullptr if there is none.
const PaletteInfo* findPalette(std::string_view id);
// A label for pickers and reports that says whether the scheme is colour-blind safe:
// "RdBu (färgblindsäker)" / "RdBu (colour-blind safe)", "Spectral (inte färgblindsäker)" /
// "Spectral (not colour-blind safe)". The id is written as ColorBrewer spells it; an
// unknown id is returned unchanged.
std::string paletteDisplayLabel(std::string_view id, bool swedish);
// Colours for k classes (class 0 first); id matched case-insensitively. Unknown id or k outside
// minK..maxK -> Error.
Result<std::vector<Rgba>> paletteColors(std::string_view id, int k, bool reversed = false);
Rgba noDataColor();                          // neutral grey, distinct from every scheme's lightest
std::string defaultPalette(bool diverging);  // colour-blind safe: "YlOrRd" / "RdBu"
std::string toHex(Rgba c);                   // "#rrggbb" (alpha omitted)

}  // namespace geso::core
