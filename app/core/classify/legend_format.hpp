#pragma once
// Legend text for classes, Swedish by default.
//
// Numbers: Swedish "12,3", "−4,5" (U+2212 MINUS SIGN), "12 345,6" with a no-break space (U+00A0)
// between thousands from 10 000 up (Språkrådet; 4-digit numbers are not grouped); English "12.3",
// "-4.5", "1,234.5". Halves round away from zero (2,5 -> 3); rounded zero never shows a sign.
// Ranges: "12,3–45,6" with an EN DASH (U+2013), spaced (" – ") only when the upper bound is
// negative so the dash does not run into the minus sign. Neighbouring labels share their bound
// ("12,3–45,6", "45,6–78,9"); a value exactly on a bound belongs to the LOWER class (classify.hpp),
// which legendEdgeNote() says once under the legend. A class of zero width (box map without
// outliers) reads "≤ a" (first class) or "> a" (others).
// Fonts: U+2212, U+2013, U+2264 are outside ImGui's default Latin range; the UI must add them.
#include <string>
#include <vector>

#include "core/classify/classify.hpp"

namespace geso::core {

std::string formatNumberSv(double v, int decimals);
std::string formatNumberEn(double v, int decimals);
std::string formatNumber(double v, int decimals, bool swedish);

// Sensible decimals (0..6) from the break spacing: the fewer of "every bound printed exactly"
// and "rounding within a tenth of the narrowest class", raised until neighbouring different
// bounds print differently. 20, 40, 60 -> 0; 3.1, 4.3, 10.5 -> 1; 79.45, 87.96, 97.96 -> 1.
int legendDecimals(const Classes& c);

// One label per class. decimals < 0: legendDecimals(c).
std::vector<std::string> legendLabels(const Classes& c, int decimals, bool swedish);

// Names of the 6 box-map classes, to show beside the ranges:
// "Låga extremvärden", "Under 25 %", "25–50 %", "50–75 %", "Över 75 %", "Höga extremvärden".
std::vector<std::string> boxMapClassNames(bool swedish);

// Reading an index normalised to Malmö = 100 against the city (the diverging map's question:
// below, about or above the city?). Per class (lower, upper]: Below when upper <= reference
// (a value exactly on the reference belongs to the lower class, as everywhere), Above when
// lower >= reference, About when the class straddles it. Empty when reference is NaN (min–max
// has no city reference). The renderer may show the text as a suffix or beside the swatch.
enum class CityRelation { Below, About, Above };
std::vector<CityRelation> cityRelations(const Classes& c, double reference);
std::string cityRelationText(CityRelation r, bool swedish);  // "under/kring/över Malmö", "below/about/above Malmö"
// legendLabels(c, decimals, swedish) with the relation appended: "80–95 (under Malmö)";
// the plain labels when reference is NaN.
std::vector<std::string> cityRelativeLegendLabels(const Classes& c, double reference, int decimals, bool swedish);
// One line under such a legend: "Malmö = 100 (staden som helhet); högre är bättre."
std::string cityReferenceNote(bool swedish);

std::string legendEdgeNote(bool swedish);  // "Värden på en klassgräns hör till den lägre klassen."
std::string noDataLabel(bool swedish);     // "Ingen data" / "No data"

}  // namespace geso::core
