#pragma once
// The city's index: indicators → oriented (higher is better) → normalised →
// dimension indices → total index → rank, per area and year.
//
// Rules (also in docs):
// - orient: a negative indicator becomes 100 − share; positive ones are kept;
// - normalise, per indicator, over the areas of that year:
//     Malmo100  area / city × 100 on oriented values (needs the year's city row);
//     ZScore    (x − mean) / sd with the POPULATION standard deviation (divide by n):
//               the areas are the whole city, not a sample of it;
//     MinMax    (x − min) / (max − min) × 100;
//   an indicator with no variation (sd = 0, max = min) gets 0 (z-score) or 50
//   (min–max) for every area with a value, and a note;
// - dimension = weighted mean (default: equal weights) of its normalised
//   indicators; with one missing it is computed from the others and flagged; with
//   more missing it is missing (NaN). (Generally: at least max(1, n − 1) of n.)
// - total = mean (default: equal weights) of the dimensions; missing if any
//   dimension is missing (flagged);
// - rank 1 = lowest total = most challenged; equal totals (within 1e-9 relative)
//   share the rank and the next rank is skipped ("1, 2, 2, 4"); areas with a
//   missing total get rank 0 (unranked).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/index/catalogue.hpp"
#include "core/index/indicator_table.hpp"

namespace geso::core {

enum class Normalization { Malmo100, ZScore, MinMax };

std::string_view normalizationId(Normalization n);               // "malmo100", "zscore", "minmax"
std::optional<Normalization> parseNormalization(std::string_view id);  // case-insensitive; nullopt if unknown
std::string_view normalizationName(Normalization n, bool english);     // "Malmö = 100", "z-poäng", …

struct IndexOptions {
    Normalization norm = Normalization::Malmo100;
    std::vector<double> weights;           // per catalogue indicator; empty = equal (the city's)
    std::vector<double> dimensionWeights;  // per dimension; empty = equal (the city's)
};

// Parses "--weights" text: comma-separated `id=w` where id is an indicator or a
// dimension id; unnamed ones keep weight 1. Weights must be finite and >= 0,
// and pass validateWeights (a single 0 is fine and makes the weights custom).
// Fills options.weights / options.dimensionWeights (left empty when untouched);
// on error (where = "--weights") `options` is unchanged.
Status parseWeights(std::string_view spec, const Catalogue& cat, IndexOptions& options);
// Weights that would wipe out the index are refused: a dimension whose indicator
// weights are all 0 (the dimension, and so every total, would be missing), or
// all dimension weights 0. Also checks sizes and that weights are finite and
// >= 0. Error where = "weights".
Status validateWeights(const IndexOptions& options, const Catalogue& cat);
// True when the weights change the result compared with the city's equal
// weights: some dimension's indicators, or the dimensions, are not all equal,
// or they are all 0.
bool weightsAreCustom(const IndexOptions& options, const Catalogue& cat);
// "utb_forgymnasial=2, ekonomi=0.5": the weights that differ from 1 (after
// scaling so the equal case reads as 1); "" when equal.
std::string describeWeights(const IndexOptions& options, const Catalogue& cat);

struct AreaIndex {
    int code = 0;
    std::string name;
    std::vector<double> raw, oriented, normalized;  // per catalogue indicator; NaN = missing
    std::vector<double> dimensions;                 // per catalogue dimension; NaN = missing
    double total = 0;                               // NaN = missing
    int rank = 0;                                   // 1 = most challenged; 0 = unranked (missing total)
    std::vector<std::string> flags;                 // e.g. "utbildning: 2 of 3 indicators"
};

struct IndexResult {
    int year = 0;
    IndexOptions options;
    bool customWeights = false;
    std::vector<AreaIndex> areas;       // every area code of the table, ascending
    std::vector<double> cityOriented;   // per indicator (Malmo100 reference), NaN if no city row
    std::vector<std::string> notes;     // whole-year remarks (missing city values, no variation)
    int rankedCount = 0;                // areas with a total

    const AreaIndex* find(int code) const;
    // The index value that means "like the city" (100 for Malmo100, 0 for
    // z-score); NaN for min–max, which has no city reference.
    double reference() const;
};

// Errors (where = table source): unknown year, no area rows that year, Malmo100
// without a city row, weights of the wrong size or negative.
Result<IndexResult> computeIndex(const IndicatorTable& table, const Catalogue& cat, int year,
                                 const IndexOptions& options = {});

struct IndexChange {
    int code = 0;
    std::string name;
    std::vector<double> dimensionFrom, dimensionTo, dimensionDelta;  // per dimension; delta = to − from
    double totalFrom = 0, totalTo = 0, totalDelta = 0;               // NaN when missing in either year
    int rankFrom = 0, rankTo = 0;  // 0 = unranked that year
    int rankDelta = 0;             // rankTo − rankFrom (negative = more challenged); 0 if either is unranked
};

// Change per area between two years (areas of either year, ascending code),
// each year computed with the same options.
Result<std::vector<IndexChange>> computeChange(const IndicatorTable& table, const Catalogue& cat, int fromYear,
                                               int toYear, const IndexOptions& options = {});

}  // namespace geso::core
