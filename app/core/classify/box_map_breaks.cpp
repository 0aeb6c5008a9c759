// Box map (Anselin's GeoDa, mapclassify BoxPlot): 6 fixed classes
//   0 lower outliers  <= Q1 - 1.5 IQR        3 median–Q3 (50–75 %)
//   1 fence–Q1  (< 25 %)                     4 Q3–upper fence (> 75 %)
//   2 Q1–median (25–50 %)                    5 upper outliers  > Q3 + 1.5 IQR
// Quartiles by the same linear rule as quantile classes. Classes without values stay (count 0);
// when no value exceeds the upper fence the last class is empty (upper[5] == upper[4]).
#include <algorithm>

#include "core/classify/breaks.hpp"

namespace geso::core::breaks {

Result<Bounds> boxMapBounds(std::span<const double> sorted) {
    const double q1 = quantileLinear(sorted, 0.25);
    const double q2 = quantileLinear(sorted, 0.50);
    const double q3 = quantileLinear(sorted, 0.75);
    const double iqr = q3 - q1;
    const double lowFence = q1 - 1.5 * iqr, highFence = q3 + 1.5 * iqr;
    Bounds b;
    b.lower = std::min(sorted.front(), lowFence);
    b.upper = {lowFence, q1, q2, q3, highFence, std::max(sorted.back(), highFence)};
    return b;
}

}  // namespace geso::core::breaks
