// Goodness of fit of a classification (Jenks & Caspall 1971; mapclassify gadf):
//   GVF  = 1 - SDCM / SDAM, squared deviations from class means / from the overall mean;
//   GADF = 1 - sum |x - class median| / sum |x - overall median|.
// Classes are looked up with findClass so the same Classes can score pooled or other values.
#include <algorithm>
#include <cmath>
#include <vector>

#include "core/classify/classify.hpp"

namespace geso::core {

namespace {

// Valid values grouped by class (index = class), plus all valid values.
struct Grouped {
    std::vector<std::vector<double>> byClass;
    std::vector<double> all;
};

Grouped groupValues(std::span<const double> values, const Classes& c) {
    Grouped g;
    g.byClass.resize(c.upper.size());
    for (double v : values) {
        const int cls = findClass(c, v);
        if (cls < 0 || !std::isfinite(v)) continue;
        g.byClass[static_cast<size_t>(cls)].push_back(v);
        g.all.push_back(v);
    }
    return g;
}

double mean(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s / static_cast<double>(v.size());
}

double sumSquares(const std::vector<double>& v) {
    if (v.empty()) return 0.0;
    const double m = mean(v);
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return s;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double sumAbsFromMedian(const std::vector<double>& v) {
    if (v.empty()) return 0.0;
    const double m = median(v);
    double s = 0;
    for (double x : v) s += std::abs(x - m);
    return s;
}

double oneMinusRatio(double within, double total) {
    if (!(total > 0.0)) return 1.0;  // all values equal: any classing fits perfectly
    return 1.0 - within / total;
}

}  // namespace

double goodnessOfVarianceFit(std::span<const double> values, const Classes& c) {
    const Grouped g = groupValues(values, c);
    if (g.all.empty()) return std::nan("");
    double within = 0;
    for (const auto& cls : g.byClass) within += sumSquares(cls);
    return oneMinusRatio(within, sumSquares(g.all));
}

double goodnessOfAbsoluteDeviationFit(std::span<const double> values, const Classes& c) {
    const Grouped g = groupValues(values, c);
    if (g.all.empty()) return std::nan("");
    double within = 0;
    for (const auto& cls : g.byClass) within += sumAbsFromMedian(cls);
    return oneMinusRatio(within, sumAbsFromMedian(g.all));
}

}  // namespace geso::core
