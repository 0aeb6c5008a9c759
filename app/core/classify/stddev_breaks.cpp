// Standard-deviation classes: breaks at the mean and at whole (population) standard deviations
// from it, mean ± 1, 2, 3 sd, keeping those strictly inside (min, max); the end classes run to
// the minimum and maximum. The class count is derived (2..8), ClassSpec::k is ignored. Reads as
// "below / above average by n sd" (mapclassify StdMean, QGIS "Standard Deviation" with 1 sd).
#include <cmath>

#include "core/classify/breaks.hpp"

namespace geso::core::breaks {

Result<Bounds> stdDevBounds(std::span<const double> sorted) {
    const double n = static_cast<double>(sorted.size());
    double sum = 0;
    for (double v : sorted) sum += v;
    const double mean = sum / n;
    double ss = 0;
    for (double v : sorted) ss += (v - mean) * (v - mean);
    const double sd = std::sqrt(ss / n);
    if (!(sd > 0.0)) return Error{"stddev: the standard deviation is 0", "classify"};

    Bounds b;
    b.lower = sorted.front();
    for (int j = -3; j <= 3; ++j) {
        const double br = mean + static_cast<double>(j) * sd;
        if (br > sorted.front() && br < sorted.back()) b.upper.push_back(br);
    }
    b.upper.push_back(sorted.back());
    return b;
}

}  // namespace geso::core::breaks
