#pragma once
// Classification of values into choropleth classes (QGIS / PySAL mapclassify style).
//
// Contract shared by every method:
//  - NaN is "missing": never used for the breaks, never counted as zero; such values get class -1
//    (the no-data class, drawn with noDataColor()) and are counted in Classes::noDataCount.
//  - Breaks are UPPER bounds, ascending. Class 0 = [lower, upper[0]], class i = (upper[i-1], upper[i]]:
//    a value exactly on a break belongs to the LOWER class. legendEdgeNote() states it in the legend.
//  - The number of classes is never changed silently: k outside 3..9, k > the number of distinct
//    values, or breaks that coincide (quantiles on heavily tied data) are Errors.
//    Exceptions, fixed by the method: BoxMap always has 6 classes; StdDev derives its count (2..8)
//    from the data; Manual takes its count from the breaks (3..9).
//  - ±infinity is an Error (bad input, not a missing value).
// Each method lives in its own .cpp (quantile_breaks.cpp, ...) and computes only the bounds;
// classify.cpp assigns the classes and counts.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace geso::core {

enum class ClassMethod {
    Quantile,       // "quantile": linear interpolation on the sorted values (QGIS, numpy default)
    EqualInterval,  // "equal":    k classes of equal width from min to max
    NaturalBreaks,  // "jenks":    exact optimal Fisher–Jenks (minimum within-class squared deviation)
    StdDev,         // "stddev":   breaks at the mean and at whole standard deviations from it
    Pretty,         // "pretty":   k classes with a round 1–2–5 × 10^n step
    BoxMap,         // "boxmap":   quartiles and 1.5 × IQR fences, 6 fixed classes
    Manual,         // "manual":   the user's upper bounds
    Centred,        // "centred":  diverging, symmetric around ClassSpec::centre (Malmö = 100)
};

std::optional<ClassMethod> parseClassMethod(std::string_view name);  // names above; "centered" too
std::string_view methodName(ClassMethod method);                    // the CLI name, e.g. "jenks"

constexpr int kMinClasses = 3;
constexpr int kMaxClasses = 9;

struct ClassSpec {
    ClassMethod method = ClassMethod::Quantile;
    int k = 5;                        // ignored by BoxMap, StdDev and Manual (see above)
    std::vector<double> manualUpper;  // Manual: ascending upper bounds; the last must be >= max value
    double centre = 100.0;            // Centred: the value the scale diverges from
    double centredStep = 0.0;         // Centred: class width; 0 = derived from the data (rounded up
                                      // to a 1–2–2.5–5 × 10^n number so the data fit symmetrically)
};

struct Classes {
    double lower = 0;           // lowest bound: min valid value (Pretty/Centred/BoxMap: their own edge)
    std::vector<double> upper;  // ascending upper bounds, one per class; upper.back() >= max value
    std::vector<int> classOf;   // per input value: class index, -1 = no data (NaN)
    std::vector<int> counts;    // per class: number of input values in it
    int noDataCount = 0;        // number of NaN input values
    ClassMethod method = ClassMethod::Quantile;

    int classCount() const { return static_cast<int>(upper.size()); }
};

// Breaks from `values` (NaN skipped), classes for the same values.
Result<Classes> classify(std::span<const double> values, const ClassSpec& spec);

// Breaks from `pool` (e.g. all years, optionally all four dimensions concatenated), classes and
// counts for `values` — the default when comparing years, so the maps share one legend.
// Values outside the pool's range are clamped to the end classes.
Result<Classes> classifyPooled(std::span<const double> pool, std::span<const double> values,
                               const ClassSpec& spec);

// Diverging classes symmetric around `centre`: with odd k the middle class straddles the centre
// ("about the city"), with even k the centre is a break. stepWidth 0 = derived (see ClassSpec).
Result<Classes> centredBreaks(std::span<const double> values, double centre, int k,
                              double stepWidth = 0.0);

// The class of v under c's bounds: values below lower / above upper.back() clamp to the end
// classes; NaN (or no classes) -> -1.
int findClass(const Classes& c, double v);

// Goodness of variance fit: 1 - SDCM / SDAM (sum of squared deviations from the class means /
// from the overall mean), classes by findClass; NaN skipped. 1 = perfect. All values equal -> 1.
double goodnessOfVarianceFit(std::span<const double> values, const Classes& c);
// Goodness of absolute deviation fit: 1 - sum|x - class median| / sum|x - overall median|.
double goodnessOfAbsoluteDeviationFit(std::span<const double> values, const Classes& c);

}  // namespace geso::core
