#include "core/classify/legend_format.hpp"

#include "core/text/strings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace geso::core {

namespace {
// The legend's words live in the one string table (core/text).
Lang lang(bool swedish) { return swedish ? Lang::Sv : Lang::En; }
}  // namespace

namespace {

constexpr const char* kMinusSign = "\u2212";
constexpr const char* kNoBreakSpace = "\u00a0";
constexpr const char* kEnDash = "\u2013";
constexpr const char* kLessOrEqual = "\u2264";

std::string format(double v, int decimals, bool swedish) {
    if (std::isnan(v)) return std::string(tr(StringId::ValueMissing, lang(swedish)));
    if (decimals < 0) decimals = 0;
    if (decimals > 12) decimals = 12;
    // Halves round away from zero (2,5 -> 3), as people round; printf alone rounds the binary
    // value half-to-even (20.25 -> "20.2").
    double magnitude = std::abs(v);
    const double scale = std::pow(10.0, decimals);
    if (magnitude * scale < 1e15) magnitude = std::round(magnitude * scale) / scale;
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, magnitude);
    std::string digits = buf;
    // A negative value that rounds to zero prints without a sign.
    bool negative = v < 0;
    if (negative && digits.find_first_not_of("0.") == std::string::npos) negative = false;

    const size_t dot = digits.find('.');
    std::string intPart = digits.substr(0, dot);
    const std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
    const size_t groupFrom = swedish ? 5 : 4;  // 10 000 / 1,000
    if (intPart.size() >= groupFrom) {
        std::string grouped;
        const char* sep = swedish ? kNoBreakSpace : ",";
        for (size_t i = 0; i < intPart.size(); ++i) {
            if (i > 0 && (intPart.size() - i) % 3 == 0) grouped += sep;
            grouped += intPart[i];
        }
        intPart = grouped;
    }
    std::string out = negative ? (swedish ? kMinusSign : "-") : "";
    out += intPart;
    if (!frac.empty()) out += (swedish ? "," : ".") + frac;
    return out;
}

}  // namespace

std::string formatNumberSv(double v, int decimals) { return format(v, decimals, true); }
std::string formatNumberEn(double v, int decimals) { return format(v, decimals, false); }
std::string formatNumber(double v, int decimals, bool swedish) { return format(v, decimals, swedish); }

int legendDecimals(const Classes& c) {
    constexpr int kMaxDecimals = 6;
    std::vector<double> bounds{c.lower};
    bounds.insert(bounds.end(), c.upper.begin(), c.upper.end());
    // Fewest decimals that show every bound exactly (20, 40 -> 0; 4.3, 10.5 -> 1) ...
    int exact = kMaxDecimals;
    for (int d = 0; d < kMaxDecimals; ++d) {
        const double scale = std::pow(10.0, d);
        bool all = true;
        for (double b : bounds)
            if (std::abs(std::round(b * scale) / scale - b) > 1e-9 * std::max(1.0, std::abs(b))) all = false;
        if (all) { exact = d; break; }
    }
    // ... but no more than keep the rounding within a tenth of the narrowest class ...
    double narrowest = 0;
    for (size_t i = 1; i < bounds.size(); ++i) {
        const double w = bounds[i] - bounds[i - 1];
        if (w > 0 && (narrowest == 0 || w < narrowest)) narrowest = w;
    }
    int spacing = 0;
    if (narrowest > 0)
        spacing = std::clamp(static_cast<int>(std::ceil(-std::log10(narrowest / 10.0))), 0, kMaxDecimals);
    int d = std::min(exact, spacing);
    // ... and never so few that two different neighbouring bounds print alike.
    for (; d < kMaxDecimals; ++d) {
        bool distinct = true;
        for (size_t i = 1; i < bounds.size() && distinct; ++i)
            if (bounds[i] != bounds[i - 1] &&
                formatNumberEn(bounds[i], d) == formatNumberEn(bounds[i - 1], d))
                distinct = false;
        if (distinct) break;
    }
    return d;
}

std::vector<std::string> legendLabels(const Classes& c, int decimals, bool swedish) {
    if (decimals < 0) decimals = legendDecimals(c);
    std::vector<std::string> out;
    for (size_t i = 0; i < c.upper.size(); ++i) {
        const double lo = i == 0 ? c.lower : c.upper[i - 1];
        const double hi = c.upper[i];
        const std::string a = format(lo, decimals, swedish), b = format(hi, decimals, swedish);
        if (lo == hi) {
            out.push_back(i == 0 ? std::string(kLessOrEqual) + " " + b : "> " + a);
        } else {
            const std::string dash = hi < 0 ? std::string(" ") + kEnDash + " " : std::string(kEnDash);
            out.push_back(a + dash + b);
        }
    }
    return out;
}

std::vector<std::string> boxMapClassNames(bool swedish) {
    std::vector<std::string> out;
    for (StringId id : {StringId::BoxLowOutliers, StringId::BoxQuartile1, StringId::BoxQuartile2,
                        StringId::BoxQuartile3, StringId::BoxQuartile4, StringId::BoxHighOutliers})
        out.emplace_back(tr(id, lang(swedish)));
    return out;
}

std::vector<CityRelation> cityRelations(const Classes& c, double reference) {
    std::vector<CityRelation> out;
    if (std::isnan(reference)) return out;
    for (size_t i = 0; i < c.upper.size(); ++i) {
        const double lo = i == 0 ? c.lower : c.upper[i - 1];
        const double hi = c.upper[i];
        out.push_back(hi <= reference ? CityRelation::Below
                      : lo >= reference ? CityRelation::Above
                                        : CityRelation::About);
    }
    return out;
}

std::string cityRelationText(CityRelation r, bool swedish) {
    switch (r) {
        case CityRelation::Below: return std::string(tr(StringId::CityBelow, lang(swedish)));
        case CityRelation::About: return std::string(tr(StringId::CityAbout, lang(swedish)));
        case CityRelation::Above: return std::string(tr(StringId::CityAbove, lang(swedish)));
    }
    return {};
}

std::vector<std::string> cityRelativeLegendLabels(const Classes& c, double reference, int decimals, bool swedish) {
    std::vector<std::string> labels = legendLabels(c, decimals, swedish);
    const std::vector<CityRelation> rel = cityRelations(c, reference);
    for (size_t i = 0; i < rel.size() && i < labels.size(); ++i)
        labels[i] += " (" + cityRelationText(rel[i], swedish) + ")";
    return labels;
}

std::string cityReferenceNote(bool swedish) { return std::string(tr(StringId::CityReferenceNote, lang(swedish))); }

std::string legendEdgeNote(bool swedish) { return std::string(tr(StringId::BreakEdgeNote, lang(swedish))); }

std::string noDataLabel(bool swedish) { return std::string(tr(StringId::NoData, lang(swedish))); }

}  // namespace geso::core
