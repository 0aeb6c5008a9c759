#include "core/classify/classify.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/classify/breaks.hpp"

namespace geso::core {

namespace {

constexpr const char* kWhere = "classify";

struct NamedMethod {
    std::string_view name;
    ClassMethod method;
};
constexpr NamedMethod kMethods[] = {
    {"quantile", ClassMethod::Quantile}, {"equal", ClassMethod::EqualInterval},
    {"jenks", ClassMethod::NaturalBreaks}, {"stddev", ClassMethod::StdDev},
    {"pretty", ClassMethod::Pretty},     {"boxmap", ClassMethod::BoxMap},
    {"manual", ClassMethod::Manual},     {"centred", ClassMethod::Centred},
};

std::string numberText(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// The valid values sorted ascending, or an Error for ±infinity.
Result<std::vector<double>> sortedValid(std::span<const double> values, const char* what) {
    std::vector<double> out;
    out.reserve(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
        const double v = values[i];
        if (std::isnan(v)) continue;
        if (!std::isfinite(v))
            return Error{std::string(what) + " value " + std::to_string(i) + " is infinite", kWhere};
        out.push_back(v);
    }
    std::sort(out.begin(), out.end());
    return out;
}

int countDistinct(const std::vector<double>& sorted) {
    if (sorted.empty()) return 0;
    int n = 1;
    for (size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i] != sorted[i - 1]) ++n;
    return n;
}

bool usesK(ClassMethod m) {
    return m == ClassMethod::Quantile || m == ClassMethod::EqualInterval ||
           m == ClassMethod::NaturalBreaks || m == ClassMethod::Pretty || m == ClassMethod::Centred;
}

Result<breaks::Bounds> computeBounds(const std::vector<double>& sorted, const ClassSpec& spec) {
    const std::string name(methodName(spec.method));
    if (sorted.empty()) return Error{"no values to classify (all missing)", kWhere};
    const int distinct = countDistinct(sorted);
    if (distinct < 2)
        return Error{"all " + std::to_string(sorted.size()) + " values are equal (" +
                         numberText(sorted.front()) + "); nothing to classify",
                     kWhere};
    int k = spec.k;
    if (spec.method == ClassMethod::Manual) k = static_cast<int>(spec.manualUpper.size());
    if (usesK(spec.method) || spec.method == ClassMethod::Manual) {
        if (k < kMinClasses || k > kMaxClasses)
            return Error{name + ": number of classes must be " + std::to_string(kMinClasses) + ".." +
                             std::to_string(kMaxClasses) + " (got " + std::to_string(k) + ")",
                         kWhere};
        if (k > distinct)
            return Error{name + ": " + std::to_string(k) + " classes but only " +
                             std::to_string(distinct) + " distinct values; choose fewer classes",
                         kWhere};
    }
    switch (spec.method) {
        case ClassMethod::Quantile: return breaks::quantileBounds(sorted, k);
        case ClassMethod::EqualInterval: return breaks::equalIntervalBounds(sorted, k);
        case ClassMethod::NaturalBreaks: return breaks::naturalBounds(sorted, k);
        case ClassMethod::StdDev: return breaks::stdDevBounds(sorted);
        case ClassMethod::Pretty: return breaks::prettyBounds(sorted, k);
        case ClassMethod::BoxMap: return breaks::boxMapBounds(sorted);
        case ClassMethod::Manual: return breaks::manualBounds(sorted, spec.manualUpper);
        case ClassMethod::Centred:
            return breaks::centredBounds(sorted, k, spec.centre, spec.centredStep);
    }
    return Error{"unknown classification method", kWhere};
}

}  // namespace

std::optional<ClassMethod> parseClassMethod(std::string_view name) {
    for (const auto& m : kMethods)
        if (m.name == name) return m.method;
    if (name == "centered") return ClassMethod::Centred;
    return std::nullopt;
}

std::string_view methodName(ClassMethod method) {
    for (const auto& m : kMethods)
        if (m.method == method) return m.name;
    return "?";
}

int findClass(const Classes& c, double v) {
    if (std::isnan(v) || c.upper.empty()) return -1;
    // First bound >= v: a value on a break stays in the lower class; above the last -> last class.
    auto it = std::lower_bound(c.upper.begin(), c.upper.end(), v);
    if (it == c.upper.end()) return c.classCount() - 1;
    return static_cast<int>(it - c.upper.begin());
}

Result<Classes> classifyPooled(std::span<const double> pool, std::span<const double> values,
                               const ClassSpec& spec) {
    auto sorted = sortedValid(pool, "pool");
    if (!sorted) return sorted.error();
    auto bounds = computeBounds(sorted.value(), spec);
    if (!bounds) return bounds.error();

    Classes c;
    c.method = spec.method;
    c.lower = bounds.value().lower;
    c.upper = std::move(bounds.value().upper);
    c.counts.assign(c.upper.size(), 0);
    c.classOf.reserve(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
        const double v = values[i];
        if (!std::isnan(v) && !std::isfinite(v))
            return Error{"value " + std::to_string(i) + " is infinite", kWhere};
        const int cls = findClass(c, v);
        c.classOf.push_back(cls);
        if (cls < 0) ++c.noDataCount;
        else ++c.counts[static_cast<size_t>(cls)];
    }
    return c;
}

Result<Classes> classify(std::span<const double> values, const ClassSpec& spec) {
    return classifyPooled(values, values, spec);
}

Result<Classes> centredBreaks(std::span<const double> values, double centre, int k,
                              double stepWidth) {
    ClassSpec spec;
    spec.method = ClassMethod::Centred;
    spec.k = k;
    spec.centre = centre;
    spec.centredStep = stepWidth;
    return classify(values, spec);
}

}  // namespace geso::core
