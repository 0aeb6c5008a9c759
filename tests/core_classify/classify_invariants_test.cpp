// Invariants every method must keep, on seeded random data with ties, NaN and negatives
// (mapclassify-style property checks next to the golden values of classify_methods_test.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/classify/classify.hpp"
#include "core/classify/legend_format.hpp"

using namespace geso::core;

namespace {

const ClassMethod kAll[] = {ClassMethod::Quantile, ClassMethod::EqualInterval,
                            ClassMethod::NaturalBreaks, ClassMethod::StdDev, ClassMethod::Pretty,
                            ClassMethod::BoxMap, ClassMethod::Centred};

std::vector<double> randomValues(std::mt19937& rng, int n) {
    std::normal_distribution<double> dist(100.0, 15.0);
    std::uniform_int_distribution<int> pick(0, 9);
    std::vector<double> v;
    for (int i = 0; i < n; ++i) {
        const int p = pick(rng);
        if (p == 0) v.push_back(std::numeric_limits<double>::quiet_NaN());
        else if (p == 1 && !v.empty() && !std::isnan(v.back())) v.push_back(v.back());  // a tie
        else v.push_back(std::round(dist(rng) * 10.0) / 10.0);
    }
    return v;
}

}  // namespace

TEST(ClassifyInvariants, EveryMethodOnRandomData) {
    std::mt19937 rng(4242);
    int checked = 0;
    for (int trial = 0; trial < 60; ++trial) {
        const std::vector<double> v = randomValues(rng, 14 + trial * 3);
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        int missing = 0;
        for (double x : v) {
            if (std::isnan(x)) { ++missing; continue; }
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
        for (ClassMethod m : kAll) {
            ClassSpec spec;
            spec.method = m;
            spec.k = 3 + trial % 7;
            auto r = classify(v, spec);
            ASSERT_TRUE(r.ok()) << methodName(m) << " trial " << trial << ": " << r.error().what;
            const Classes& c = r.value();
            ++checked;
            SCOPED_TRACE(std::string(methodName(m)) + " trial " + std::to_string(trial));
            ASSERT_FALSE(c.upper.empty());
            EXPECT_TRUE(std::is_sorted(c.upper.begin(), c.upper.end()));
            EXPECT_LE(c.lower, lo);
            EXPECT_LE(c.lower, c.upper.front());
            EXPECT_GE(c.upper.back(), hi);
            if (m == ClassMethod::BoxMap) {
                EXPECT_EQ(c.classCount(), 6);
            } else if (m == ClassMethod::StdDev) {
                EXPECT_GE(c.classCount(), 2);
                EXPECT_LE(c.classCount(), 8);
            } else {
                EXPECT_EQ(c.classCount(), spec.k);
            }
            if (m == ClassMethod::Quantile || m == ClassMethod::NaturalBreaks) {  // never empty classes
                for (int n : c.counts) EXPECT_GT(n, 0);
            }
            ASSERT_EQ(c.classOf.size(), v.size());
            std::vector<int> recount(c.upper.size(), 0);
            for (size_t i = 0; i < v.size(); ++i) {
                EXPECT_EQ(c.classOf[i], findClass(c, v[i]));
                if (c.classOf[i] >= 0) {
                    ++recount[static_cast<size_t>(c.classOf[i])];
                } else {
                    EXPECT_TRUE(std::isnan(v[i]));
                }
            }
            EXPECT_EQ(recount, c.counts);
            EXPECT_EQ(c.noDataCount, missing);
            const double gvf = goodnessOfVarianceFit(v, c);
            EXPECT_GE(gvf, 0.0);
            EXPECT_LE(gvf, 1.0);
            EXPECT_EQ(legendLabels(c, -1, true).size(), c.upper.size());
        }
    }
    EXPECT_EQ(checked, 60 * 7);
}

// Jenks maximises GVF: no other method with the same k does better.
TEST(ClassifyInvariants, JenksHasTheBestGvfForItsK) {
    std::mt19937 rng(99);
    for (int trial = 0; trial < 30; ++trial) {
        const std::vector<double> v = randomValues(rng, 30 + trial);
        ClassSpec jenks{ClassMethod::NaturalBreaks, 3 + trial % 7, {}};
        const double best = goodnessOfVarianceFit(v, classify(v, jenks).value());
        for (ClassMethod m : {ClassMethod::Quantile, ClassMethod::EqualInterval, ClassMethod::Pretty}) {
            ClassSpec other{m, jenks.k, {}};
            EXPECT_GE(best + 1e-12, goodnessOfVarianceFit(v, classify(v, other).value()))
                << methodName(m) << " trial " << trial;
        }
    }
}

TEST(ClassifyInvariants, PrettyWithNegativeValues) {
    // range 15 / 3: steps up to 5 fall short from their round starts; 10 from -10 reaches 20.
    auto r = classify(std::vector<double>{-7, -3, 2, 8}, ClassSpec{ClassMethod::Pretty, 3, {}});
    ASSERT_TRUE(r.ok()) << r.error().what;
    EXPECT_EQ(r.value().lower, -10);
    EXPECT_EQ(r.value().upper, (std::vector<double>{0, 10, 20}));
    EXPECT_EQ(r.value().counts, (std::vector<int>{2, 2, 0}));
}

TEST(ClassifyInvariants, StdDevWithAnOutlierStaysWithinEightClasses) {
    std::vector<double> v;
    for (int i = 0; i < 50; ++i) v.push_back(100.0 + (i % 10));
    v.push_back(1000.0);  // far beyond 3 sd
    v.push_back(-1000.0);
    auto r = classify(v, ClassSpec{ClassMethod::StdDev, 5, {}});
    ASSERT_TRUE(r.ok()) << r.error().what;
    EXPECT_EQ(r.value().classCount(), 8);  // breaks at mean + (-3..3) sd, then the maximum
    EXPECT_EQ(r.value().counts.front(), 1);
    EXPECT_EQ(r.value().counts.back(), 1);
}
