// Equal-interval classes: k classes of width (max - min) / k; the last bound is exactly max.
#include "core/classify/breaks.hpp"

namespace geso::core::breaks {

Result<Bounds> equalIntervalBounds(std::span<const double> sorted, int k) {
    Bounds b;
    const double lo = sorted.front(), hi = sorted.back();
    b.lower = lo;
    for (int i = 1; i < k; ++i)
        b.upper.push_back(lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(k));
    b.upper.push_back(hi);
    return b;
}

}  // namespace geso::core::breaks
