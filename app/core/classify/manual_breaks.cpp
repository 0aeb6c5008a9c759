// Manual classes: the user's upper bounds, validated — finite, strictly ascending, and the last
// one must cover the largest value (otherwise values would fall outside every class).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/classify/breaks.hpp"

namespace geso::core::breaks {

Result<Bounds> manualBounds(std::span<const double> sorted, const std::vector<double>& upper) {
    char buf[200];
    for (size_t i = 0; i < upper.size(); ++i) {
        if (!std::isfinite(upper[i]))
            return Error{"manual: break " + std::to_string(i + 1) + " is not a finite number", "classify"};
        if (i > 0 && upper[i] <= upper[i - 1]) {
            std::snprintf(buf, sizeof buf,
                          "manual: breaks must be strictly ascending (break %zu = %.10g <= %.10g)", i + 1,
                          upper[i], upper[i - 1]);
            return Error{buf, "classify"};
        }
    }
    if (upper.back() < sorted.back()) {
        std::snprintf(buf, sizeof buf,
                      "manual: the last break %.10g is below the largest value %.10g; "
                      "breaks are upper bounds and must cover the data",
                      upper.back(), sorted.back());
        return Error{buf, "classify"};
    }
    Bounds b;
    b.lower = std::min(sorted.front(), upper.front());
    b.upper = upper;
    return b;
}

}  // namespace geso::core::breaks
