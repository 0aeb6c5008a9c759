// Round ("nice") numbers for class steps: 1, 2, 2.5 and 5 times a power of ten.
#include <cmath>

#include "core/classify/breaks.hpp"

namespace geso::core::breaks {

double multipleOfStep(double n, double mantissa, int exponent) {
    // Divide by an exact power of ten instead of multiplying by an inexact 10^-e.
    if (exponent >= 0) return n * mantissa * std::pow(10.0, exponent);
    return n * mantissa / std::pow(10.0, -exponent);
}

double niceCeil(double x) {
    if (!(x > 0.0) || !std::isfinite(x)) return x;
    int e = static_cast<int>(std::floor(std::log10(x)));
    constexpr double kMantissas[] = {1.0, 2.0, 2.5, 5.0, 10.0};
    for (;;) {
        for (double m : kMantissas) {
            const double candidate = multipleOfStep(1.0, m, e);
            if (candidate >= x * (1.0 - 1e-12)) return candidate;
        }
        ++e;
    }
}

}  // namespace geso::core::breaks
