#pragma once
// What to map and how: a variable (total index, a dimension, an indicator or any
// numeric field), classified and coloured per feature of a Project.
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/classify/classify.hpp"
#include "core/classify/palette.hpp"
#include "core/index/index_model.hpp"
#include "core/project/project.hpp"

namespace geso::core {

enum class VariableKind { Total, Dimension, Indicator, Field };

struct MapVariable {
    VariableKind kind = VariableKind::Total;
    std::string id;  // dimension id, indicator id or field name; unused for Total
    int year = 0;    // 0 = the table's latest year
    Normalization norm = Normalization::Malmo100;
    IndexOptions indexOptions() const { return IndexOptions{norm, weights, dimensionWeights}; }
    std::vector<double> weights, dimensionWeights;  // empty = the city's equal weights
};

struct MapStyle {
    ClassSpec spec;
    std::string palette;       // "" = the default for the method (colour-blind safe)
    bool reversed = false;     // flips the default orientation
    bool pooledYears = true;   // one set of breaks over every year (comparable maps)
};

// The style a planner sees first: an index with Malmö = 100 → 5 classes centred
// on 100 in a diverging scheme (below / about / above the city); everything else
// → 5 quantile classes in a sequential scheme.
MapStyle defaultStyle(const MapVariable& variable);

struct Choropleth {
    MapVariable variable;
    MapStyle style;
    std::vector<double> value;         // per feature; NaN = no data
    Classes classes;                   // classOf is per feature
    std::vector<Rgba> classColors;     // per class
    std::vector<Rgba> featureColor;    // per feature; no data → noDataColor() (drawn hatched)
    std::vector<std::string> legendLabels;
    std::string title, subtitle;       // e.g. "Utbildning (Malmö = 100)", "2024 · Kring Malmö = 100, 5 klasser"
    std::string legendTitle;           // e.g. "Index, Malmö = 100"
    std::string paletteId;
    bool higherIsBetter = true;        // false for raw fields and negative indicators
    bool customWeights = false;
    int year = 0;
    double gvf = 0;                    // goodness of variance fit of the classes on `value`
    double gadf = 0;                   // goodness of absolute deviation fit (less swayed by outliers)
    std::vector<int> poolYears;        // years the breaks were computed over (empty = this year only)
};

// Whether `paletteId`'s colours are flipped so the challenged end reads as the
// strong colour (see palette.hpp), then flipped again when the user asks.
bool paletteReversed(const std::string& paletteId, bool higherIsBetter, bool userReversed);

// Errors: no indicator table for an index variable, unknown id/field, a
// non-numeric field, a year the table lacks, a classification error (k too big…).
Result<Choropleth> buildChoropleth(const Project& project, const MapVariable& variable, const MapStyle& style,
                                   Lang lang);

// The values of `variable` per feature for one year (NaN where missing).
Result<std::vector<double>> variableValues(const Project& project, const MapVariable& variable, int year);

// "Utbildning", "Totalindex", "Valdeltagande (%)", or the field name.
std::string variableName(const Project& project, const MapVariable& variable, Lang lang);

}  // namespace geso::core
