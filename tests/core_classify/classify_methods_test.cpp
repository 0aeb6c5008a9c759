// Every classification method on small hand-worked data, plus the shared contract:
// NaN = no data, k limits, ties, the "on a break -> lower class" rule, pooled breaks, GVF/GADF.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "calemp_data.hpp"
#include "core/classify/classify.hpp"

using namespace geso::core;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Classes mustClassify(const std::vector<double>& v, const ClassSpec& spec) {
    auto r = classify(v, spec);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().what);
    return r.ok() ? r.value() : Classes{};
}

ClassSpec spec(ClassMethod m, int k = 5) {
    ClassSpec s;
    s.method = m;
    s.k = k;
    return s;
}

void expectNear(const std::vector<double>& got, const std::vector<double>& want, double tol) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "bound " << i;
}

}  // namespace

TEST(ClassMethodNames, RoundTrip) {
    for (auto m : {ClassMethod::Quantile, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks,
                   ClassMethod::StdDev, ClassMethod::Pretty, ClassMethod::BoxMap, ClassMethod::Manual,
                   ClassMethod::Centred}) {
        auto parsed = parseClassMethod(methodName(m));
        ASSERT_TRUE(parsed.has_value()) << methodName(m);
        EXPECT_EQ(*parsed, m);
    }
    EXPECT_EQ(parseClassMethod("jenks"), ClassMethod::NaturalBreaks);
    EXPECT_EQ(parseClassMethod("centered"), ClassMethod::Centred);
    EXPECT_FALSE(parseClassMethod("Jenks").has_value());
    EXPECT_FALSE(parseClassMethod("").has_value());
}

// 1..9, k = 4: h = 8p -> x[2] = 3, x[4] = 5, x[6] = 7, max 9; 3, 5, 7 sit on breaks -> lower class.
TEST(Quantile, OrderStatisticsAndLowerClassRule) {
    auto c = mustClassify({1, 2, 3, 4, 5, 6, 7, 8, 9}, spec(ClassMethod::Quantile, 4));
    EXPECT_EQ(c.upper, (std::vector<double>{3, 5, 7, 9}));
    EXPECT_EQ(c.counts, (std::vector<int>{3, 2, 2, 2}));
    EXPECT_EQ(c.lower, 1);
    EXPECT_EQ(c.classOf, (std::vector<int>{0, 0, 0, 1, 1, 2, 2, 3, 3}));
}

// The QGIS / numpy rule, interpolating: {1,2,4,8,16}, k = 3: h = 4/3 -> 2 + (1/3)(4 - 2) = 8/3;
// h = 8/3 -> 4 + (2/3)(8 - 4) = 20/3; max 16.
TEST(Quantile, LinearInterpolationLikeQgis) {
    auto c = mustClassify({16, 1, 8, 2, 4}, spec(ClassMethod::Quantile, 3));
    expectNear(c.upper, {8.0 / 3.0, 20.0 / 3.0, 16}, 1e-12);
    EXPECT_EQ(c.counts, (std::vector<int>{2, 1, 2}));
}

// mapclassify Quantiles(y, k=5) on the California data: 1.464, 5.798, 13.278, 54.616, 4111.45.
TEST(Quantile, CaliforniaEmploymentDensity) {
    auto c = mustClassify(calempDensity(), spec(ClassMethod::Quantile, 5));
    expectNear(c.upper, {1.464, 5.798, 13.278, 54.616, 4111.45}, 1e-9);
    EXPECT_EQ(c.counts, (std::vector<int>{12, 11, 12, 11, 12}));
}

TEST(Quantile, TiedBreaksAreAnErrorNotFewerClasses) {
    // 7 ones: the 1/3 and 2/3 quantiles are both 1.
    auto r = classify(std::vector<double>{1, 1, 1, 1, 1, 1, 1, 2, 3}, spec(ClassMethod::Quantile, 3));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().what.find("coincide"), std::string::npos) << r.error().what;
}

TEST(EqualInterval, WidthsAndEmptyClass) {
    auto c = mustClassify({0, 1, 2, 3, 4, 10, 12}, spec(ClassMethod::EqualInterval, 3));
    EXPECT_EQ(c.upper, (std::vector<double>{4, 8, 12}));
    EXPECT_EQ(c.counts, (std::vector<int>{5, 0, 2}));  // 4 is on the first break -> class 0
    EXPECT_EQ(c.classOf[4], 0);
}

TEST(EqualInterval, CaliforniaEmploymentDensity) {
    auto c = mustClassify(calempDensity(), spec(ClassMethod::EqualInterval, 5));
    expectNear(c.upper, {822.394, 1644.658, 2466.922, 3289.186, 4111.45}, 1e-9);
    EXPECT_EQ(c.counts, (std::vector<int>{57, 0, 0, 0, 1}));
}

TEST(NaturalBreaks, ThreeObviousGroups) {
    auto c = mustClassify({22, 1, 12, 2, 21, 3, 10, 11, 20}, spec(ClassMethod::NaturalBreaks, 3));
    EXPECT_EQ(c.upper, (std::vector<double>{3, 12, 22}));
    EXPECT_EQ(c.counts, (std::vector<int>{3, 3, 3}));
}

// Ties are never split: distinct 1, 2, 9, 10 with weights 3, 2, 3, 1. {1}{2}{9,10} has SDCM
// 3(0.25^2) + 0.75^2 = 0.75 < {1,2}{9}{10} with 3(0.4^2) + 2(0.6^2) = 1.2.
TEST(NaturalBreaks, TiesStayTogether) {
    auto c = mustClassify({1, 1, 1, 2, 2, 9, 9, 9, 10}, spec(ClassMethod::NaturalBreaks, 3));
    EXPECT_EQ(c.upper, (std::vector<double>{1, 2, 10}));
    EXPECT_EQ(c.counts, (std::vector<int>{3, 2, 4}));
}

// Published example: mapclassify README, FisherJenks(y, k=5) on the California data.
TEST(NaturalBreaks, PublishedCaliforniaExample) {
    auto c = mustClassify(calempDensity(), spec(ClassMethod::NaturalBreaks, 5));
    EXPECT_EQ(c.upper, (std::vector<double>{75.29, 192.05, 370.5, 722.85, 4111.45}));
    EXPECT_EQ(c.counts, (std::vector<int>{49, 3, 4, 1, 1}));
    EXPECT_NEAR(goodnessOfVarianceFit(calempDensity(), c), 0.99843509, 1e-7);
}

// {2,4,4,4,5,5,7,9}: mean 5, population sd 2 -> breaks 3, 5, 7 inside (2, 9), then max 9.
TEST(StdDev, WholeDeviationsAroundTheMean) {
    auto c = mustClassify({2, 4, 4, 4, 5, 5, 7, 9}, spec(ClassMethod::StdDev));
    EXPECT_EQ(c.upper, (std::vector<double>{3, 5, 7, 9}));
    EXPECT_EQ(c.counts, (std::vector<int>{1, 5, 1, 1}));
    EXPECT_EQ(c.method, ClassMethod::StdDev);
}

TEST(Pretty, RoundStepCoversTheData) {
    // range 93 / 5 classes: steps 1, 2, 5, 10 fall short from the round start 0 (10 x 5 = 50 < 96);
    // 20 reaches 100.
    auto c = mustClassify({3, 17, 48, 61, 96}, spec(ClassMethod::Pretty, 5));
    EXPECT_EQ(c.lower, 0);
    EXPECT_EQ(c.upper, (std::vector<double>{20, 40, 60, 80, 100}));
    EXPECT_EQ(c.counts, (std::vector<int>{2, 0, 1, 1, 1}));
}

TEST(Pretty, DecimalStepsAreExact) {
    auto c = mustClassify({0.1, 0.25, 0.38}, spec(ClassMethod::Pretty, 3));
    EXPECT_EQ(c.lower, 0.1);
    EXPECT_EQ(c.upper, (std::vector<double>{0.2, 0.3, 0.4}));  // 0.3, not 0.30000000000000004
    EXPECT_EQ(c.counts, (std::vector<int>{1, 1, 1}));
}

// mapclassify BoxPlot on the California data: fences -52.87625 and 94.97375.
TEST(BoxMap, QuartilesAndFences) {
    auto c = mustClassify(calempDensity(), spec(ClassMethod::BoxMap));
    expectNear(c.upper, {-52.87625, 2.5675, 9.365, 39.53, 94.97375, 4111.45}, 1e-9);
    EXPECT_EQ(c.counts, (std::vector<int>{0, 15, 14, 14, 6, 9}));
    EXPECT_EQ(c.lower, c.upper[0]);  // no lower outliers: class 0 is the empty "<= fence"
}

TEST(BoxMap, NoUpperOutliersKeepsSixClasses) {
    // 1..9: Q1 3, Q3 7, fences -3 and 13 -> class 5 empty.
    auto c = mustClassify({1, 2, 3, 4, 5, 6, 7, 8, 9}, spec(ClassMethod::BoxMap, 4));
    EXPECT_EQ(c.upper, (std::vector<double>{-3, 3, 5, 7, 13, 13}));
    EXPECT_EQ(c.counts, (std::vector<int>{0, 3, 2, 2, 2, 0}));
}

TEST(Manual, UpperBoundsValidated) {
    ClassSpec s = spec(ClassMethod::Manual);
    s.manualUpper = {10, 20, 30};
    auto c = mustClassify({5, 10, 15, 20, 30}, s);
    EXPECT_EQ(c.counts, (std::vector<int>{2, 2, 1}));
    EXPECT_EQ(c.classOf, (std::vector<int>{0, 0, 1, 1, 2}));

    s.manualUpper = {10, 30, 20};
    auto notAscending = classify(std::vector<double>{5, 10, 15, 20, 30}, s);
    ASSERT_FALSE(notAscending.ok());
    EXPECT_NE(notAscending.error().what.find("ascending"), std::string::npos);

    s.manualUpper = {10, 20, 25};
    auto short_ = classify(std::vector<double>{5, 10, 15, 20, 30}, s);
    ASSERT_FALSE(short_.ok());
    EXPECT_NE(short_.error().what.find("cover"), std::string::npos);

    s.manualUpper = {10, 20};
    EXPECT_FALSE(classify(std::vector<double>{5, 10, 15, 20}, s).ok());  // 2 classes < 3
}

// Malmö = 100: r = 20, 2r/5 = 8 -> step 10: bounds 75..125 symmetric, 100 mid-class.
TEST(Centred, OddKStraddlesTheCentreSymmetrically) {
    auto r = centredBreaks(std::vector<double>{80, 95, 100, 104, 118}, 100.0, 5);
    ASSERT_TRUE(r.ok()) << r.error().what;
    const Classes& c = r.value();
    EXPECT_EQ(c.lower, 75);
    EXPECT_EQ(c.upper, (std::vector<double>{85, 95, 105, 115, 125}));
    std::vector<double> bounds{c.lower};
    bounds.insert(bounds.end(), c.upper.begin(), c.upper.end());
    for (size_t i = 0; i < bounds.size(); ++i)
        EXPECT_DOUBLE_EQ(bounds[i] - 100.0, 100.0 - bounds[bounds.size() - 1 - i]);
    EXPECT_EQ(findClass(c, 100.0), 2);
    EXPECT_EQ(findClass(c, 95.0), 1);  // on a break -> lower class
    EXPECT_EQ(c.counts, (std::vector<int>{1, 1, 2, 0, 1}));
}

TEST(Centred, EvenKHasTheCentreAsABreak) {
    auto r = centredBreaks(std::vector<double>{80, 95, 100, 104, 118}, 100.0, 4);
    ASSERT_TRUE(r.ok()) << r.error().what;
    EXPECT_EQ(r.value().upper, (std::vector<double>{90, 100, 110, 120}));
    EXPECT_EQ(r.value().lower, 80);
    EXPECT_EQ(findClass(r.value(), 100.0), 1);
}

TEST(Centred, GivenStepOpensTheEndClasses) {
    ClassSpec s = spec(ClassMethod::Centred, 3);
    s.centredStep = 10;
    auto c = mustClassify({60, 100, 130}, s);
    EXPECT_EQ(c.upper, (std::vector<double>{95, 105, 130}));
    EXPECT_EQ(c.lower, 60);
    EXPECT_EQ(c.counts, (std::vector<int>{1, 1, 1}));
}

TEST(Missing, NaNIsNoDataNeverZero) {
    auto c = mustClassify({1, kNaN, 2, 3, kNaN, 4}, spec(ClassMethod::Quantile, 3));
    EXPECT_EQ(c.upper, (std::vector<double>{2, 3, 4}));  // breaks from 1, 2, 3, 4 only
    EXPECT_EQ(c.lower, 1);
    EXPECT_EQ(c.classOf, (std::vector<int>{0, -1, 0, 1, -1, 2}));
    EXPECT_EQ(c.counts, (std::vector<int>{2, 1, 1}));
    EXPECT_EQ(c.noDataCount, 2);
}

TEST(Missing, AllMissingIsAnError) {
    auto r = classify(std::vector<double>{kNaN, kNaN, kNaN}, spec(ClassMethod::Quantile, 3));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().what.find("missing"), std::string::npos);
}

TEST(Limits, KOutsideThreeToNine) {
    const std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    EXPECT_FALSE(classify(v, spec(ClassMethod::Quantile, 2)).ok());
    EXPECT_FALSE(classify(v, spec(ClassMethod::EqualInterval, 10)).ok());
    EXPECT_TRUE(classify(v, spec(ClassMethod::NaturalBreaks, 9)).ok());
    EXPECT_TRUE(classify(v, spec(ClassMethod::BoxMap, 42)).ok());  // fixed 6 classes
}

TEST(Limits, MoreClassesThanDistinctValuesIsAnError) {
    for (auto m : {ClassMethod::Quantile, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks,
                   ClassMethod::Pretty}) {
        auto r = classify(std::vector<double>{1, 1, 2, 2, kNaN}, spec(m, 3));
        ASSERT_FALSE(r.ok()) << methodName(m);
        EXPECT_NE(r.error().what.find("distinct"), std::string::npos) << r.error().what;
    }
}

TEST(Limits, InfinityIsBadInput) {
    auto r = classify(std::vector<double>{1, 2, std::numeric_limits<double>::infinity(), 4},
                      spec(ClassMethod::Quantile, 3));
    EXPECT_FALSE(r.ok());
}

TEST(FindClass, ClampsAndNaN) {
    Classes c;
    c.lower = 0;
    c.upper = {10, 20, 30};
    EXPECT_EQ(findClass(c, -5), 0);
    EXPECT_EQ(findClass(c, 0), 0);
    EXPECT_EQ(findClass(c, 10), 0);
    EXPECT_EQ(findClass(c, 10.000001), 1);
    EXPECT_EQ(findClass(c, 30), 2);
    EXPECT_EQ(findClass(c, 99), 2);
    EXPECT_EQ(findClass(c, kNaN), -1);
    EXPECT_EQ(findClass(Classes{}, 1.0), -1);
}

// Breaks from two years together; classes and counts for one of them.
TEST(Pooled, BreaksFromThePoolClassesForTheValues) {
    const std::vector<double> y2018{10, 20, 30, 40};
    const std::vector<double> y2024{50, 60, 70, 80, kNaN};
    std::vector<double> pool = y2018;
    pool.insert(pool.end(), y2024.begin(), y2024.end());
    auto r = classifyPooled(pool, y2024, spec(ClassMethod::EqualInterval, 7));
    ASSERT_TRUE(r.ok()) << r.error().what;
    EXPECT_EQ(r.value().upper, (std::vector<double>{20, 30, 40, 50, 60, 70, 80}));
    EXPECT_EQ(r.value().classOf, (std::vector<int>{3, 4, 5, 6, -1}));
    EXPECT_EQ(r.value().counts, (std::vector<int>{0, 0, 0, 1, 1, 1, 1}));
    EXPECT_EQ(r.value().noDataCount, 1);
    // The same breaks as classifying the pool alone.
    EXPECT_EQ(classify(pool, spec(ClassMethod::EqualInterval, 7)).value().upper, r.value().upper);
}

// {1,2,3 | 10,11,12 | 20,21,22}: SDCM = 3 x 2 = 6, SDAM = 1704 - 102^2/9 = 548;
// class medians 2, 11, 21: sum |dev| = 6; overall median 11: sum |dev| = 59.
TEST(GoodnessOfFit, HandWorkedGvfAndGadf) {
    const std::vector<double> v{1, 2, 3, 10, 11, 12, 20, 21, 22, kNaN};
    auto c = mustClassify(v, spec(ClassMethod::NaturalBreaks, 3));
    EXPECT_NEAR(goodnessOfVarianceFit(v, c), 1.0 - 6.0 / 548.0, 1e-12);
    EXPECT_NEAR(goodnessOfAbsoluteDeviationFit(v, c), 1.0 - 6.0 / 59.0, 1e-12);
}

TEST(GoodnessOfFit, JenksBeatsOtherMethodsOnGvf) {
    const auto& v = calempDensity();
    const double jenks = goodnessOfVarianceFit(v, mustClassify(v, spec(ClassMethod::NaturalBreaks)));
    for (auto m : {ClassMethod::Quantile, ClassMethod::EqualInterval, ClassMethod::Pretty})
        EXPECT_GE(jenks, goodnessOfVarianceFit(v, mustClassify(v, spec(m)))) << methodName(m);
}

TEST(Limits, BadManualAndCentredParameters) {
    const std::vector<double> v{1, 2, 3, 4, 5};
    ClassSpec manual = spec(ClassMethod::Manual);
    manual.manualUpper = {2, kNaN, 5};
    EXPECT_FALSE(classify(v, manual).ok());
    ClassSpec centred = spec(ClassMethod::Centred, 3);
    centred.centre = std::numeric_limits<double>::infinity();
    EXPECT_FALSE(classify(v, centred).ok());
    EXPECT_FALSE(classify(std::vector<double>{}, spec(ClassMethod::Quantile, 3)).ok());
    EXPECT_FALSE(classify(std::vector<double>{7, 7, 7, 7}, spec(ClassMethod::BoxMap)).ok());  // nothing to class
}
