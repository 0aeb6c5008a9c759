#include "render/overlay/scale_bar.hpp"

#include <cmath>
#include <cstdio>

namespace geso::render {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kWebMercatorRadius = 6378137.0;
constexpr double kMetresPerDegreeAtEquator = 111319.49079327357;  // 2πR / 360, R = 6378137

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

double floorOneTwoFive(double x) {
    if (!(x > 0) || !std::isfinite(x)) return 0;
    const double p = std::pow(10.0, std::floor(std::log10(x)));
    // Guard against log10 rounding (x = 1000 giving p = 100 or 10000): nudge by 1e-9.
    double best = p;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p <= x * (1 + 1e-9)) best = m * p;
    if (best > x * (1 + 1e-9)) best = p / 10 * 5;
    return best;
}

std::string formatDecimal(double value, int maxDecimals, core::Lang lang) {
    if (!std::isfinite(value)) return "";
    if (maxDecimals < 0) maxDecimals = 0;
    if (maxDecimals > 9) maxDecimals = 9;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", maxDecimals, std::fabs(value));
    std::string digits = buf;
    std::string fraction;
    if (const auto dot = digits.find('.'); dot != std::string::npos) {
        fraction = digits.substr(dot + 1);
        digits.resize(dot);
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    }
    const bool negative = value < 0 && (digits != "0" || !fraction.empty());
    // Thousands grouping: Swedish from five digits (10 000) with a no-break space,
    // English from four (1,000) with a comma.
    const bool sv = lang == core::Lang::Sv;
    const std::string groupSep = sv ? "\xC2\xA0" : ",";
    const std::size_t groupFrom = sv ? 5 : 4;
    std::string grouped;
    if (digits.size() >= groupFrom) {
        const std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
        grouped = digits.substr(0, lead);
        for (std::size_t i = lead; i < digits.size(); i += 3) grouped += groupSep + digits.substr(i, 3);
    } else {
        grouped = digits;
    }
    std::string out = negative ? "\xE2\x88\x92" : "";  // U+2212 minus sign
    out += grouped;
    if (!fraction.empty()) out += (sv ? "," : ".") + fraction;
    return out;
}

std::string formatLength(double metres, core::Lang lang) {
    if (!std::isfinite(metres)) return "";
    if (std::fabs(metres) >= 1000) return formatDecimal(metres / 1000, 3, lang) + "\xC2\xA0km";
    return formatDecimal(metres, 3, lang) + "\xC2\xA0m";
}

ScaleBarSpec chooseScaleBar(double groundMetresPerPx, double maxWidthPx, core::Lang lang) {
    ScaleBarSpec spec;
    if (!(groundMetresPerPx > 0) || !std::isfinite(groundMetresPerPx) || !(maxWidthPx > 0) ||
        !std::isfinite(maxWidthPx))
        return spec;
    const double length = floorOneTwoFive(groundMetresPerPx * maxWidthPx);
    if (!(length > 0)) return spec;
    spec.lengthMetres = length;
    spec.widthPx = length / groundMetresPerPx;
    spec.label = formatLength(length, lang);
    const double divisor = length >= 1000 ? 1000.0 : 1.0;
    spec.unit = length >= 1000 ? "km" : "m";
    spec.endNumber = formatDecimal(length / divisor, 3, lang);
    spec.halfLabel = formatDecimal(length / 2 / divisor, 3, lang);
    return spec;
}

double groundMetresPerUnitAt(std::string_view crsCode, core::Vec2 at) {
    const bool mercator = endsWith(crsCode, ":3857") || endsWith(crsCode, ":900913") ||
                          endsWith(crsCode, ":102100") || endsWith(crsCode, ":3785");
    if (mercator) {
        const double latRad = std::atan(std::sinh(at.y / kWebMercatorRadius));
        return std::cos(latRad);
    }
    const bool degrees = endsWith(crsCode, ":4326") || endsWith(crsCode, ":4258") ||
                         endsWith(crsCode, ":4619") || endsWith(crsCode, "CRS84");
    if (degrees) return kMetresPerDegreeAtEquator * std::cos(at.y * kPi / 180.0);
    return 1.0;
}

}  // namespace geso::render
