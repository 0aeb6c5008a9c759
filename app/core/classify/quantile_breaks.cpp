// Quantile classes: upper[i] = the (i+1)/k quantile by linear interpolation between order
// statistics (h = (n - 1) p; numpy's default, QGIS' QgsClassificationQuantile), so our breaks
// equal QGIS' on the same data. The last bound is the maximum.
#include <cmath>
#include <cstdio>
#include <string>

#include "core/classify/breaks.hpp"

namespace geso::core::breaks {

double quantileLinear(std::span<const double> sorted, double p) {
    const size_t n = sorted.size();
    if (n == 0) return std::nan("");
    if (n == 1 || p <= 0.0) return sorted.front();
    if (p >= 1.0) return sorted.back();
    const double h = static_cast<double>(n - 1) * p;
    const double lowPos = std::floor(h);
    const size_t lo = static_cast<size_t>(lowPos);
    const double frac = h - lowPos;
    if (lo + 1 >= n) return sorted.back();
    const double a = sorted[lo], b = sorted[lo + 1];
    return frac == 0.0 ? a : a + frac * (b - a);
}

Result<Bounds> quantileBounds(std::span<const double> sorted, int k) {
    Bounds b;
    b.lower = sorted.front();
    for (int i = 1; i <= k; ++i) {
        const double q = i == k ? sorted.back()
                                : quantileLinear(sorted, static_cast<double>(i) / static_cast<double>(k));
        if (!b.upper.empty() && q <= b.upper.back()) {
            char buf[160];
            std::snprintf(buf, sizeof buf,
                          "quantile: breaks %d and %d coincide at %.10g because of tied values; "
                          "choose fewer classes or another method",
                          i - 1, i, q);
            return Error{buf, "classify"};
        }
        b.upper.push_back(q);
    }
    return b;
}

}  // namespace geso::core::breaks
