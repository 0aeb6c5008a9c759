// Pretty classes: exactly k classes with a round step (1, 2 or 5 × 10^n, as R's pretty()) whose
// bounds are multiples of the step: the SMALLEST such step for which k classes starting at the
// multiple at or below the minimum reach the maximum. lower is that round start, so the legend
// reads in round numbers; the top class may extend past the maximum (and may then be empty).
#include <cmath>

#include "core/classify/breaks.hpp"

namespace geso::core::breaks {

Result<Bounds> prettyBounds(std::span<const double> sorted, int k) {
    const double lo = sorted.front(), hi = sorted.back();
    const double kd = static_cast<double>(k);
    int e = static_cast<int>(std::floor(std::log10((hi - lo) / kd))) - 1;
    constexpr double kMantissas[] = {1.0, 2.0, 5.0};
    for (int guard = 0; guard < 40; ++guard, ++e) {
        for (double m : kMantissas) {
            const double step = multipleOfStep(1.0, m, e);
            const double first = std::floor(lo / step);
            // The start multiple must not exceed lo after exact decimal evaluation.
            double n0 = first;
            if (multipleOfStep(n0, m, e) > lo) n0 -= 1.0;
            if (multipleOfStep(n0 + 1.0, m, e) <= lo) n0 += 1.0;
            if (multipleOfStep(n0 + kd, m, e) < hi) continue;
            Bounds b;
            b.lower = multipleOfStep(n0, m, e);
            for (int i = 1; i <= k; ++i) b.upper.push_back(multipleOfStep(n0 + i, m, e));
            return b;
        }
    }
    return Error{"pretty: no round step found", "classify"};
}

}  // namespace geso::core::breaks
