// Centred (diverging) classes for indices such as Malmö = 100: k classes of equal width `step`
// laid symmetrically around the centre. Odd k: the middle class (c - step/2, c + step/2] straddles
// the centre ("about the city"); even k: the centre is a break. Derived step (step <= 0):
// niceCeil(2 r / k), r = the largest distance of a value from the centre, so every value fits and
// the legend reads in round numbers. With a given step, values beyond the symmetric range fall in
// the end classes, whose outer edge is then the data's extreme. Classes may be empty: the
// symmetry is the point (e.g. no area far above the city).
#include <algorithm>
#include <cmath>

#include "core/classify/breaks.hpp"

namespace geso::core::breaks {

Result<Bounds> centredBounds(std::span<const double> sorted, int k, double centre, double step) {
    if (!std::isfinite(centre)) return Error{"centred: the centre is not a finite number", "classify"};
    const double kd = static_cast<double>(k);
    if (!(step > 0.0)) {
        const double r = std::max(std::abs(sorted.front() - centre), std::abs(sorted.back() - centre));
        step = niceCeil(2.0 * r / kd);
    }
    if (!std::isfinite(step)) return Error{"centred: class width is not finite", "classify"};
    const double half = kd / 2.0;
    Bounds b;
    b.lower = std::min(sorted.front(), centre - half * step);
    for (int i = 1; i <= k; ++i) b.upper.push_back(centre + (static_cast<double>(i) - half) * step);
    b.upper.back() = std::max(b.upper.back(), sorted.back());
    return b;
}

}  // namespace geso::core::breaks
