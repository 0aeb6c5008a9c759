#pragma once
// Internal: one function per classification method. Each receives the valid (non-NaN, finite)
// values sorted ascending — at least 2 distinct values — and returns only the class bounds;
// classify.cpp validates k, assigns classes and counts. Not part of the public API.
#include <span>
#include <vector>

#include "core/base/result.hpp"

namespace geso::core::breaks {

struct Bounds {
    double lower = 0;           // lowest edge (normally sorted.front())
    std::vector<double> upper;  // ascending upper bounds, upper.back() >= sorted.back()
};

// The p-quantile (0 <= p <= 1) by linear interpolation between order statistics at
// h = (n - 1) p — numpy's default and QGIS' QgsClassificationQuantile rule.
double quantileLinear(std::span<const double> sorted, double p);

Result<Bounds> quantileBounds(std::span<const double> sorted, int k);
Result<Bounds> equalIntervalBounds(std::span<const double> sorted, int k);
Result<Bounds> naturalBounds(std::span<const double> sorted, int k);
Result<Bounds> stdDevBounds(std::span<const double> sorted);
Result<Bounds> prettyBounds(std::span<const double> sorted, int k);
Result<Bounds> boxMapBounds(std::span<const double> sorted);
Result<Bounds> manualBounds(std::span<const double> sorted, const std::vector<double>& upper);
Result<Bounds> centredBounds(std::span<const double> sorted, int k, double centre, double step);

// The smallest "nice" number m × 10^e (m in 1, 2, 2.5, 5) >= x > 0.
double niceCeil(double x);
// n × step where step = mantissa × 10^exponent, computed so that decimal steps stay exact
// (3 × 0.1 -> 0.3, not 0.30000000000000004).
double multipleOfStep(double n, double mantissa, int exponent);

}  // namespace geso::core::breaks
