// Natural breaks: exact optimal Fisher–Jenks — the k classes of the sorted values that minimise
// the sum of squared deviations from the class means (SDCM), i.e. maximise GVF. Same optimum as
// Fisher (1958) / Jenks (1977) / mapclassify.FisherJenks, for ANY n, without sampling (QGIS samples
// max(3000, n/10) values at random above 3000 values; we do not need to).
//
// Why it is fast enough: the dynamic programme runs over DISTINCT values with weights (ties can
// never be split between classes, which the "on a break -> lower class" rule would undo anyway),
// and the within-class cost of 1-D k-means satisfies the quadrangle inequality, so the optimal
// first index of the last class is monotone in its end index and each DP row is solved by divide
// and conquer in O(m log m) (Grønlund et al. 2017, "Fast exact k-means, k-medians and Bregman
// divergence clustering in 1D"; Wang & Song's Ckmeans.1d.dp). Total O(k m log m): the 100 000-value
// benchmark takes milliseconds instead of the O(k n^2) ~ 10^11 steps of the textbook matrix.
// tests/core_classify checks it against the plain O(k m^2) programme on random data.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/classify/breaks.hpp"

namespace geso::core::breaks {

namespace {

class WeightedCost {
public:
    WeightedCost(const std::vector<double>& v, const std::vector<double>& w) {
        // Shift by the mean so the prefix sums of squares do not cancel catastrophically.
        double total = 0, sum = 0;
        for (size_t i = 0; i < v.size(); ++i) { total += w[i]; sum += w[i] * v[i]; }
        const double shift = sum / total;
        m_w.assign(v.size() + 1, 0.0);
        m_s1.assign(v.size() + 1, 0.0);
        m_s2.assign(v.size() + 1, 0.0);
        for (size_t i = 0; i < v.size(); ++i) {
            const double x = v[i] - shift;
            m_w[i + 1] = m_w[i] + w[i];
            m_s1[i + 1] = m_s1[i] + w[i] * x;
            m_s2[i + 1] = m_s2[i] + w[i] * x * x;
        }
    }
    // Weighted sum of squared deviations of v[i..j] (inclusive) from their mean.
    double operator()(size_t i, size_t j) const {
        const double w = m_w[j + 1] - m_w[i];
        const double s1 = m_s1[j + 1] - m_s1[i];
        const double s2 = m_s2[j + 1] - m_s2[i];
        const double c = s2 - s1 * s1 / w;
        return c > 0.0 ? c : 0.0;
    }

private:
    std::vector<double> m_w, m_s1, m_s2;
};

struct Row {
    std::vector<double> cost;   // cost[j]: best SDCM of v[0..j] in c classes
    std::vector<size_t> start;  // start[j]: first index of the last class in that optimum
};

// Fills cur.cost[j], cur.start[j] for j in [jLo, jHi] knowing the optimal start lies in [iLo, iHi].
void solveRange(const WeightedCost& cost, const Row& prev, Row& cur, size_t c, size_t jLo,
                size_t jHi, size_t iLo, size_t iHi) {
    if (jLo > jHi) return;
    const size_t mid = jLo + (jHi - jLo) / 2;
    double best = std::numeric_limits<double>::infinity();
    size_t bestI = std::max(iLo, c);
    for (size_t i = std::max(iLo, c); i <= std::min(iHi, mid); ++i) {
        const double v = prev.cost[i - 1] + cost(i, mid);
        if (v < best) { best = v; bestI = i; }
    }
    cur.cost[mid] = best;
    cur.start[mid] = bestI;
    if (mid > jLo) solveRange(cost, prev, cur, c, jLo, mid - 1, iLo, bestI);
    solveRange(cost, prev, cur, c, mid + 1, jHi, bestI, iHi);
}

}  // namespace

Result<Bounds> naturalBounds(std::span<const double> sorted, int k) {
    std::vector<double> v, w;  // distinct values and their multiplicities
    for (double x : sorted) {
        if (!v.empty() && v.back() == x) w.back() += 1.0;
        else { v.push_back(x); w.push_back(1.0); }
    }
    const size_t m = v.size(), kk = static_cast<size_t>(k);
    const WeightedCost cost(v, w);

    std::vector<Row> rows(kk);
    for (auto& r : rows) {
        r.cost.assign(m, std::numeric_limits<double>::infinity());
        r.start.assign(m, 0);
    }
    for (size_t j = 0; j < m; ++j) rows[0].cost[j] = cost(0, j);
    // Row c (c + 1 classes) is defined for j >= c; the last class then starts in [c, j].
    for (size_t c = 1; c < kk; ++c) solveRange(cost, rows[c - 1], rows[c], c, c, m - 1, c, m - 1);

    Bounds b;
    b.lower = v.front();
    b.upper.assign(kk, 0.0);
    size_t end = m - 1;
    for (size_t c = kk; c-- > 0;) {
        b.upper[c] = v[end];
        if (c > 0) end = rows[c].start[end] - 1;
    }
    return b;
}

}  // namespace geso::core::breaks
