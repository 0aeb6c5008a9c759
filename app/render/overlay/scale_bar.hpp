#pragma once
// The scale bar's length and label: pure functions, no ImGui.
//
// The bar is true ON THE GROUND: camera units per pixel × groundMetresPerUnit.
// SWEREF 99 (EPSG:3006/3008) has a scale factor ≈ 1 over Malmö, so 1 unit = 1 m;
// Web Mercator (EPSG:3857) stretches by 1/cos(latitude) ≈ 1.77 at Malmö, so one
// unit there is only ≈ 0.565 m on the ground.
#include <string>
#include <string_view>

#include "core/model/layer.hpp"
#include "core/text/lang.hpp"

namespace geso::render {

struct ScaleBarSpec {
    double lengthMetres = 0;  // a 1-2-5 × 10^n length; 0 = no valid bar (bad input)
    double widthPx = 0;       // lengthMetres on screen
    std::string label;        // "500 m", "2 km", "0,5 m" (no-break space before the unit)
    std::string halfLabel;    // the middle tick's number: "250", "1", "2,5"
    std::string endNumber;    // the end tick's number: "500", "2", "0,5"
    std::string unit;         // "m" or "km", drawn after endNumber
};

// The longest 1-2-5 × 10^n metre length whose bar is at most maxWidthPx wide.
// groundMetresPerPx ≤ 0, NaN or inf, or maxWidthPx ≤ 0 → lengthMetres 0.
ScaleBarSpec chooseScaleBar(double groundMetresPerPx, double maxWidthPx, core::Lang lang);

// The largest 1, 2 or 5 × 10^n not above x (x > 0); 0 for x ≤ 0 / NaN.
double floorOneTwoFive(double x);

// "500 m", "1 km", "2,5 km", "10 000 km" (Sv: decimal comma, no-break space
// between thousands from 10 000); En: "2.5 km", "10,000 km". Metres below
// 1000 are shown in m, from 1000 in km.
std::string formatLength(double metres, core::Lang lang);

// A number with at most `maxDecimals` decimals, trailing zeros dropped,
// in the language's convention (see formatLength). "−" (U+2212) for negatives.
std::string formatDecimal(double value, int maxDecimals, core::Lang lang);

// Ground metres per display-CRS unit along the x axis at world point `at`:
// EPSG:3857 (and its aliases 900913/102100) → cos(latitude of at.y);
// geographic EPSG:4326/4258/4619 (degrees) → 111 319.49 × cos(at.y°);
// anything else (projected metres, unknown) → 1.
double groundMetresPerUnitAt(std::string_view crsCode, core::Vec2 at);

}  // namespace geso::render
