// The fast exact Fisher–Jenks (divide and conquer over distinct values) against the plain
// O(k n^2) dynamic programme, on seeded random data with and without ties.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <vector>

#include "core/classify/classify.hpp"

using namespace geso::core;

namespace {

// Sum of squared deviations from the class means for the classes of c.
double sdcm(const std::vector<double>& v, const Classes& c) {
    std::vector<double> sum(c.upper.size(), 0.0), sumSq(c.upper.size(), 0.0), n(c.upper.size(), 0.0);
    for (double x : v) {
        const size_t k = static_cast<size_t>(findClass(c, x));
        sum[k] += x;
        sumSq[k] += x * x;
        n[k] += 1;
    }
    double total = 0;
    for (size_t k = 0; k < n.size(); ++k)
        if (n[k] > 0) total += sumSq[k] - sum[k] * sum[k] / n[k];
    return total;
}

// Textbook DP over sorted values, classes split only between different values.
double bruteForceSdcm(std::vector<double> v, int k) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    auto cost = [&](size_t i, size_t j) {  // v[i..j]
        double s = 0, s2 = 0;
        for (size_t t = i; t <= j; ++t) { s += v[t]; s2 += v[t] * v[t]; }
        const double m = static_cast<double>(j - i + 1);
        return s2 - s * s / m;
    };
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> d(static_cast<size_t>(k), std::vector<double>(n, inf));
    for (size_t j = 0; j < n; ++j)
        if (j + 1 == n || v[j + 1] != v[j]) d[0][j] = cost(0, j);
    for (size_t c = 1; c < static_cast<size_t>(k); ++c)
        for (size_t j = c; j < n; ++j) {
            if (j + 1 < n && v[j + 1] == v[j]) continue;  // a class must end at a value's last copy
            for (size_t i = c; i <= j; ++i)
                if (v[i] != v[i - 1] && d[c - 1][i - 1] < inf)
                    d[c][j] = std::min(d[c][j], d[c - 1][i - 1] + cost(i, j));
        }
    return d[static_cast<size_t>(k) - 1][n - 1];
}

}  // namespace

TEST(NaturalBreaksExactness, MatchesTextbookProgrammeOnRandomData) {
    std::mt19937 rng(20240611);
    int compared = 0;
    for (int trial = 0; trial < 40; ++trial) {
        std::vector<double> v;
        const int n = 20 + trial * 5;
        std::lognormal_distribution<double> dist(3.0, 0.8);
        for (int i = 0; i < n; ++i) {
            double x = dist(rng);
            if (trial % 2) x = std::round(x / 5.0) * 5.0;  // odd trials: many ties
            v.push_back(x);
        }
        const int k = 3 + trial % 7;
        auto r = classify(v, ClassSpec{ClassMethod::NaturalBreaks, k, {}});
        if (!r.ok()) continue;  // too few distinct values for k after rounding
        ++compared;
        const double fast = sdcm(v, r.value());
        const double exact = bruteForceSdcm(v, k);
        EXPECT_NEAR(fast, exact, 1e-9 * std::max(1.0, exact)) << "trial " << trial << " k " << k;
        for (int cnt : r.value().counts) EXPECT_GT(cnt, 0);
    }
    EXPECT_GE(compared, 35);
}

TEST(NaturalBreaksExactness, LargeInputIsExactWithoutSampling) {
    // 100 000 values in 5 well separated clusters: the optimum puts each cluster in its own class.
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    std::vector<double> v;
    for (int i = 0; i < 100000; ++i) v.push_back(100.0 * (i % 5) + jitter(rng));
    auto r = classify(v, ClassSpec{ClassMethod::NaturalBreaks, 5, {}});
    ASSERT_TRUE(r.ok()) << r.error().what;
    EXPECT_EQ(r.value().counts, (std::vector<int>{20000, 20000, 20000, 20000, 20000}));
    for (size_t c = 0; c < 5; ++c) {
        EXPECT_GT(r.value().upper[c], 100.0 * static_cast<double>(c));
        EXPECT_LT(r.value().upper[c], 100.0 * static_cast<double>(c) + 1.0);
    }
}
