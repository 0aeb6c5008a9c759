#include "core/index/index_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/index/swedish_number.hpp"
#include "core/index/text_util.hpp"

namespace geso::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool allEqual(const std::vector<double>& w, const std::vector<int>& idx) {
    for (int i : idx)
        if (w[static_cast<size_t>(i)] != w[static_cast<size_t>(idx.front())]) return false;
    return true;
}

std::vector<int> iota(size_t n) {
    std::vector<int> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<int>(i);
    return v;
}

std::string yearRange(const IndicatorTable& t) {
    if (t.years.empty()) return "none";
    return std::to_string(t.years.front()) + "–" + std::to_string(t.years.back());
}

std::string plainNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

Status checkWeights(const std::vector<double>& w, size_t n, const char* what, const std::string& where) {
    if (w.empty()) return Ok{};
    if (w.size() != n)
        return Error{std::string(what) + " weights: " + std::to_string(w.size()) + " given, " + std::to_string(n) +
                         " expected",
                     where};
    for (double x : w)
        if (!std::isfinite(x) || x < 0) return Error{std::string(what) + " weights must be finite and >= 0", where};
    return Ok{};
}

// Per-indicator normalisation over the areas with a value.
struct Normalizer {
    std::vector<double> center, scale;  // x' = (x − center) / scale × factor
    double factor = 1;
    double flat = kNaN;  // value used when scale is 0 (no variation)
};

// Competition ranking on totals: 1 = lowest; ties share a rank.
void assignRanks(std::vector<AreaIndex>& areas) {
    for (auto& a : areas) {
        a.rank = 0;
        if (!std::isfinite(a.total)) continue;
        const double eps = 1e-9 * std::max(1.0, std::fabs(a.total));
        int lower = 0;
        for (const auto& b : areas)
            if (std::isfinite(b.total) && b.total < a.total - eps) ++lower;
        a.rank = lower + 1;
    }
}

}  // namespace

std::string_view normalizationId(Normalization n) {
    switch (n) {
        case Normalization::Malmo100: return "malmo100";
        case Normalization::ZScore: return "zscore";
        case Normalization::MinMax: return "minmax";
    }
    return "malmo100";
}

std::optional<Normalization> parseNormalization(std::string_view id) {
    const std::string k = foldKey(id);
    if (k == "malmo100" || k == "malmo=100" || k == "malmo_100") return Normalization::Malmo100;
    if (k == "zscore" || k == "z_score" || k == "z") return Normalization::ZScore;
    if (k == "minmax" || k == "min_max") return Normalization::MinMax;
    return std::nullopt;
}

std::string_view normalizationName(Normalization n, bool english) {
    switch (n) {
        case Normalization::Malmo100: return english ? "Malmö = 100" : "Malmö = 100";
        case Normalization::ZScore: return english ? "z-score" : "z-poäng";
        case Normalization::MinMax: return english ? "min–max 0–100" : "min–max 0–100";
    }
    return "";
}

Status parseWeights(std::string_view spec, const Catalogue& cat, IndexOptions& options) {
    std::vector<double> ind(cat.indicators.size(), 1.0), dim(cat.dimensions.size(), 1.0);
    bool anyInd = false, anyDim = false;
    size_t pos = 0;
    const std::string where = "--weights";
    while (pos <= spec.size()) {
        size_t end = spec.find(',', pos);
        if (end == std::string_view::npos) end = spec.size();
        const std::string_view item = trimUnicodeSpace(spec.substr(pos, end - pos));
        pos = end + 1;
        if (item.empty()) {
            if (end == spec.size()) break;
            continue;
        }
        const size_t eq = item.find('=');
        if (eq == std::string_view::npos) {
            std::string msg(item);
            msg.append(" is not id=weight");
            return Error{msg, where};
        }
        const std::string id(trimUnicodeSpace(item.substr(0, eq)));
        // The weight itself uses '.' (a ',' separates items); parseSwedishNumber accepts it.
        const ParsedNumber w = parseSwedishNumber(item.substr(eq + 1));
        if (!w.isValue() || w.value < 0)
            return Error{"weight of '" + id + "' must be a number >= 0", where};
        if (int i = cat.indicatorIndex(id); i >= 0) {
            ind[static_cast<size_t>(i)] = w.value;
            anyInd = true;
        } else if (int d = cat.dimensionIndex(id); d >= 0) {
            dim[static_cast<size_t>(d)] = w.value;
            anyDim = true;
        } else {
            return Error{"unknown indicator or dimension '" + id + "'", where};
        }
        if (end == spec.size()) break;
    }
    IndexOptions parsed = options;
    parsed.weights = anyInd ? ind : std::vector<double>{};
    parsed.dimensionWeights = anyDim ? dim : std::vector<double>{};
    if (auto st = validateWeights(parsed, cat); !st.ok()) return Error{st.error().what, where};
    options = std::move(parsed);
    return Ok{};
}

Status validateWeights(const IndexOptions& options, const Catalogue& cat) {
    const std::string where = "weights";
    if (auto st = checkWeights(options.weights, cat.indicators.size(), "indicator", where); !st.ok()) return st;
    if (auto st = checkWeights(options.dimensionWeights, cat.dimensions.size(), "dimension", where); !st.ok())
        return st;
    if (!options.weights.empty())
        for (size_t d = 0; d < cat.dimensions.size(); ++d) {
            const auto idx = cat.indicatorsOf(static_cast<int>(d));
            std::string ids;
            bool allZero = !idx.empty();
            for (int i : idx) {
                allZero = allZero && options.weights[static_cast<size_t>(i)] == 0;
                ids += (ids.empty() ? "" : ", ") + cat.indicators[static_cast<size_t>(i)].id;
            }
            if (!allZero) continue;
            const std::string& dim = cat.dimensions[d].id;
            return Error{"all indicator weights of " + dim + " are 0 (" + ids + "): " + dim +
                             ", and so the total, would be missing for every area; to leave " + dim +
                             " out of the total, weight the dimension 0 instead (" + dim + "=0)",
                         where};
        }
    if (!options.dimensionWeights.empty() &&
        std::all_of(options.dimensionWeights.begin(), options.dimensionWeights.end(), [](double w) { return w == 0; }))
        return Error{"all dimension weights are 0: the total would be missing for every area; give at least one "
                     "dimension a weight above 0",
                     where};
    return Ok{};
}

bool weightsAreCustom(const IndexOptions& options, const Catalogue& cat) {
    auto allZero = [](const std::vector<double>& w, const std::vector<int>& idx) {
        return !idx.empty() && std::all_of(idx.begin(), idx.end(), [&](int i) { return w[static_cast<size_t>(i)] == 0; });
    };
    // Equal but all 0 is not the city's equal weighting: it wipes the dimension out.
    if (!options.weights.empty() && options.weights.size() == cat.indicators.size())
        for (size_t d = 0; d < cat.dimensions.size(); ++d) {
            const auto idx = cat.indicatorsOf(static_cast<int>(d));
            if (!allEqual(options.weights, idx) || allZero(options.weights, idx)) return true;
        }
    if (!options.dimensionWeights.empty() && options.dimensionWeights.size() == cat.dimensions.size()) {
        const auto all = iota(cat.dimensions.size());
        return !allEqual(options.dimensionWeights, all) || allZero(options.dimensionWeights, all);
    }
    return false;
}

std::string describeWeights(const IndexOptions& options, const Catalogue& cat) {
    std::string out;
    auto add = [&](const std::string& id, double w) { out += (out.empty() ? "" : ", ") + id + "=" + plainNumber(w); };
    if (options.weights.size() == cat.indicators.size())
        for (size_t d = 0; d < cat.dimensions.size(); ++d) {
            const auto idx = cat.indicatorsOf(static_cast<int>(d));
            if (allEqual(options.weights, idx)) continue;
            for (int i : idx) add(cat.indicators[static_cast<size_t>(i)].id, options.weights[static_cast<size_t>(i)]);
        }
    if (options.dimensionWeights.size() == cat.dimensions.size() &&
        !allEqual(options.dimensionWeights, iota(cat.dimensions.size())))
        for (size_t d = 0; d < cat.dimensions.size(); ++d) add(cat.dimensions[d].id, options.dimensionWeights[d]);
    return out;
}

const AreaIndex* IndexResult::find(int code) const {
    auto it = std::lower_bound(areas.begin(), areas.end(), code,
                               [](const AreaIndex& a, int c) { return a.code < c; });
    return it != areas.end() && it->code == code ? &*it : nullptr;
}

double IndexResult::reference() const {
    switch (options.norm) {
        case Normalization::Malmo100: return 100.0;
        case Normalization::ZScore: return 0.0;
        case Normalization::MinMax: return kNaN;
    }
    return kNaN;
}

Result<IndexResult> computeIndex(const IndicatorTable& table, const Catalogue& cat, int year,
                                 const IndexOptions& options) {
    const std::string& where = table.sourcePath;
    const size_t nInd = cat.indicators.size(), nDim = cat.dimensions.size();
    if (table.indicatorCount != nInd)
        return Error{"the table was read with a different catalogue", where};
    if (!std::binary_search(table.years.begin(), table.years.end(), year))
        return Error{"no data for " + std::to_string(year) + " (years in the table: " + yearRange(table) + ")", where};
    if (auto st = checkWeights(options.weights, nInd, "indicator", where); !st.ok()) return st.error();
    if (auto st = checkWeights(options.dimensionWeights, nDim, "dimension", where); !st.ok()) return st.error();

    IndexResult res;
    res.year = year;
    res.options = options;
    res.customWeights = weightsAreCustom(options, cat);
    const std::vector<double> w = options.weights.empty() ? std::vector<double>(nInd, 1.0) : options.weights;
    const std::vector<double> dw =
        options.dimensionWeights.empty() ? std::vector<double>(nDim, 1.0) : options.dimensionWeights;

    // Raw and oriented values.
    bool anyRow = false;
    for (int code : table.codes) {
        AreaIndex a;
        a.code = code;
        if (auto n = table.names.find(code); n != table.names.end()) a.name = n->second;
        a.raw.resize(nInd);
        a.oriented.resize(nInd);
        const bool hasRow = table.hasRow(code, year);
        anyRow = anyRow || hasRow;
        if (!hasRow) a.flags.push_back("no data for " + std::to_string(year));
        for (size_t i = 0; i < nInd; ++i) {
            a.raw[i] = table.value(code, year, static_cast<int>(i));
            a.oriented[i] = cat.indicators[i].negative ? 100.0 - a.raw[i] : a.raw[i];
        }
        res.areas.push_back(std::move(a));
    }
    if (!anyRow) return Error{"no area rows for " + std::to_string(year), where};

    res.cityOriented.assign(nInd, kNaN);
    if (table.hasCity(year))
        for (size_t i = 0; i < nInd; ++i) {
            const double c = table.cityValue(year, static_cast<int>(i));
            res.cityOriented[i] = cat.indicators[i].negative ? 100.0 - c : c;
        }

    // Normalisation parameters per indicator.
    Normalizer nz{std::vector<double>(nInd, kNaN), std::vector<double>(nInd, kNaN)};
    const std::string yearText = std::to_string(year);
    if (options.norm == Normalization::Malmo100) {
        if (!table.hasCity(year))
            return Error{"no city row (code 0 or 'Malmö') for " + yearText +
                             ": Malmö = 100 needs the city's values (or use --normalize zscore|minmax)",
                         where};
        nz.factor = 100.0;
        for (size_t i = 0; i < nInd; ++i) {
            const double c = res.cityOriented[i];
            if (!std::isfinite(c) || c <= 0) {
                res.notes.push_back(cat.indicators[i].id + ": city value " +
                                    (std::isfinite(c) ? "is 0" : std::string("missing")) + " for " + yearText +
                                    "; the indicator is left out of Malmö = 100");
                continue;
            }
            nz.center[i] = 0;
            nz.scale[i] = c;
        }
    } else {
        nz.factor = options.norm == Normalization::MinMax ? 100.0 : 1.0;
        nz.flat = options.norm == Normalization::MinMax ? 50.0 : 0.0;
        for (size_t i = 0; i < nInd; ++i) {
            std::vector<double> xs;
            for (const auto& a : res.areas)
                if (std::isfinite(a.oriented[i])) xs.push_back(a.oriented[i]);
            if (xs.empty()) {
                res.notes.push_back(cat.indicators[i].id + ": no values for " + yearText);
                continue;
            }
            double lo = xs[0], hi = xs[0], sum = 0;
            for (double x : xs) { lo = std::min(lo, x); hi = std::max(hi, x); sum += x; }
            if (options.norm == Normalization::ZScore) {
                const double mean = sum / static_cast<double>(xs.size());
                double ss = 0;
                for (double x : xs) ss += (x - mean) * (x - mean);
                nz.center[i] = mean;
                nz.scale[i] = std::sqrt(ss / static_cast<double>(xs.size()));  // population sd
            } else {
                nz.center[i] = lo;
                nz.scale[i] = hi - lo;
            }
            if (!(nz.scale[i] > 0))
                res.notes.push_back(cat.indicators[i].id + ": no variation across areas in " + yearText +
                                    "; every area gets " + plainNumber(nz.flat));
        }
    }

    // Normalised values, dimensions, total.
    for (auto& a : res.areas) {
        a.normalized.assign(nInd, kNaN);
        for (size_t i = 0; i < nInd; ++i) {
            const double x = a.oriented[i];
            if (!std::isfinite(x) || std::isnan(nz.scale[i])) continue;
            a.normalized[i] = nz.scale[i] > 0 ? (x - nz.center[i]) / nz.scale[i] * nz.factor : nz.flat;
        }
        a.dimensions.assign(nDim, kNaN);
        std::string missingDims;
        for (size_t d = 0; d < nDim; ++d) {
            const auto idx = cat.indicatorsOf(static_cast<int>(d));
            const std::string& dimId = cat.dimensions[d].id;
            double sum = 0, wsum = 0;
            size_t have = 0;
            for (int i : idx) {
                const double v = a.normalized[static_cast<size_t>(i)];
                if (!std::isfinite(v)) continue;
                ++have;
                sum += w[static_cast<size_t>(i)] * v;
                wsum += w[static_cast<size_t>(i)];
            }
            const size_t need = std::max<size_t>(1, idx.size() - 1);
            const std::string counts = std::to_string(have) + " of " + std::to_string(idx.size()) + " indicators";
            if (have < need) {
                if (table.hasRow(a.code, year))
                    a.flags.push_back(dimId + ": missing (" + counts + ")");
            } else if (!(wsum > 0)) {
                a.flags.push_back(dimId + ": missing (weights of its indicators are 0)");
            } else {
                a.dimensions[d] = sum / wsum;
                if (have < idx.size()) a.flags.push_back(dimId + ": " + counts);
            }
            if (std::isnan(a.dimensions[d])) missingDims += (missingDims.empty() ? "" : ", ") + dimId;
        }
        double tsum = 0, twsum = 0;
        for (size_t d = 0; d < nDim; ++d) {
            tsum += dw[d] * a.dimensions[d];
            twsum += dw[d];
        }
        if (!missingDims.empty()) {
            a.total = kNaN;
            if (table.hasRow(a.code, year)) a.flags.push_back("total: missing (" + missingDims + ")");
        } else if (!(twsum > 0)) {
            a.total = kNaN;
            a.flags.push_back("total: missing (all dimension weights are 0)");
        } else {
            a.total = tsum / twsum;
        }
    }
    assignRanks(res.areas);
    for (const auto& a : res.areas) res.rankedCount += a.rank > 0 ? 1 : 0;
    return res;
}

Result<std::vector<IndexChange>> computeChange(const IndicatorTable& table, const Catalogue& cat, int fromYear,
                                               int toYear, const IndexOptions& options) {
    auto from = computeIndex(table, cat, fromYear, options);
    if (!from.ok()) return from.error();
    auto to = computeIndex(table, cat, toYear, options);
    if (!to.ok()) return to.error();
    std::vector<IndexChange> out;
    const size_t nDim = cat.dimensions.size();
    for (const auto& b : to.value().areas) {
        const AreaIndex* a = from.value().find(b.code);
        IndexChange c;
        c.code = b.code;
        c.name = b.name;
        c.dimensionTo = b.dimensions;
        c.dimensionFrom = a ? a->dimensions : std::vector<double>(nDim, kNaN);
        c.dimensionDelta.resize(nDim);
        for (size_t d = 0; d < nDim; ++d) c.dimensionDelta[d] = c.dimensionTo[d] - c.dimensionFrom[d];
        c.totalTo = b.total;
        c.totalFrom = a ? a->total : kNaN;
        c.totalDelta = c.totalTo - c.totalFrom;
        c.rankTo = b.rank;
        c.rankFrom = a ? a->rank : 0;
        c.rankDelta = c.rankFrom > 0 && c.rankTo > 0 ? c.rankTo - c.rankFrom : 0;
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace geso::core
