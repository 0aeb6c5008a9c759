#include <gtest/gtest.h>

#include <cmath>

#include "core/index/index_model.hpp"
#include "test_support.hpp"

using namespace geso::core;
using geso::test::kNaN;

namespace {

// Hand-worked example on the mini catalogue (a1, a2 negative, a3 | b1, b2, b3), 2020:
//            a1  a2  a3   b1  b2  b3
//   city     50  20  40   60  30  10
//   area 1   40  30  40   60  45   5
//   area 2   60  10  20   30  15  20
//   area 3   50  20  60   90  30  ..
IndicatorTable handTable() {
    IndicatorTable t;
    t.indicatorCount = 6;
    t.codes = {1, 2, 3};
    t.years = {2020};
    t.names = {{1, "Ett"}, {2, "Två"}, {3, "Tre"}};
    t.city[2020] = {50, 20, 40, 60, 30, 10};
    t.rows[{1, 2020}] = {40, 30, 40, 60, 45, 5};
    t.rows[{2, 2020}] = {60, 10, 20, 30, 15, 20};
    t.rows[{3, 2020}] = {50, 20, 60, 90, 30, kNaN};
    t.sourcePath = "hand.csv";
    return t;
}

const AreaIndex& area(const IndexResult& r, int code) {
    const AreaIndex* a = r.find(code);
    EXPECT_NE(a, nullptr) << code;
    return *a;
}

bool hasFlag(const AreaIndex& a, const std::string& text) {
    for (const auto& f : a.flags)
        if (f == text) return true;
    return false;
}

constexpr double kTol = 1e-9;

}  // namespace

TEST(IndexModel, Malmo100ByHand) {
    const auto cat = geso::test::miniCatalogue();
    auto r = computeIndex(handTable(), cat, 2020);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const IndexResult& res = r.value();
    EXPECT_EQ(res.year, 2020);
    EXPECT_FALSE(res.customWeights);
    EXPECT_DOUBLE_EQ(res.reference(), 100.0);

    const AreaIndex& a1 = area(res, 1);
    // a1: 40/50 = 80; a2 is negative: (100-30)/(100-20) = 70/80 = 87.5 (not 30/20 = 150); a3: 100.
    EXPECT_NEAR(a1.oriented[1], 70.0, kTol);
    EXPECT_NEAR(a1.normalized[0], 80.0, kTol);
    EXPECT_NEAR(a1.normalized[1], 87.5, kTol);
    EXPECT_NEAR(a1.normalized[2], 100.0, kTol);
    EXPECT_NEAR(a1.dimensions[0], (80.0 + 87.5 + 100.0) / 3, kTol);
    EXPECT_NEAR(a1.dimensions[1], (100.0 + 150.0 + 50.0) / 3, kTol);
    EXPECT_NEAR(a1.total, ((80.0 + 87.5 + 100.0) / 3 + 100.0) / 2, kTol);
    EXPECT_TRUE(a1.flags.empty());

    const AreaIndex& a2 = area(res, 2);
    EXPECT_NEAR(a2.normalized[1], 90.0 / 80.0 * 100.0, kTol);  // 112.5
    EXPECT_NEAR(a2.dimensions[0], (120.0 + 112.5 + 50.0) / 3, kTol);
    EXPECT_NEAR(a2.dimensions[1], (50.0 + 50.0 + 200.0) / 3, kTol);

    // Area 3 misses b3: b is computed from 2 of 3 and flagged.
    const AreaIndex& a3 = area(res, 3);
    EXPECT_TRUE(std::isnan(a3.normalized[5]));
    EXPECT_NEAR(a3.dimensions[1], (150.0 + 100.0) / 2, kTol);
    EXPECT_TRUE(hasFlag(a3, "b: 2 of 3 indicators"));
    EXPECT_NEAR(a3.total, ((100.0 + 100.0 + 150.0) / 3 + 125.0) / 2, kTol);

    // Rank 1 = lowest total = most challenged.
    EXPECT_EQ(a1.rank, 1);
    EXPECT_EQ(a2.rank, 2);
    EXPECT_EQ(a3.rank, 3);
    EXPECT_EQ(res.rankedCount, 3);
}

TEST(IndexModel, MinMaxByHand) {
    const auto cat = geso::test::miniCatalogue();
    IndexOptions o;
    o.norm = Normalization::MinMax;
    auto r = computeIndex(handTable(), cat, 2020, o);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const IndexResult& res = r.value();
    EXPECT_TRUE(std::isnan(res.reference()));
    // Oriented a2 = 70, 90, 80 -> 0, 100, 50; a3 = 40, 20, 60 -> 50, 0, 100.
    EXPECT_NEAR(area(res, 1).normalized[1], 0.0, kTol);
    EXPECT_NEAR(area(res, 2).normalized[1], 100.0, kTol);
    EXPECT_NEAR(area(res, 1).normalized[2], 50.0, kTol);
    EXPECT_NEAR(area(res, 1).dimensions[0], 50.0 / 3, kTol);
    EXPECT_NEAR(area(res, 2).dimensions[0], 200.0 / 3, kTol);
    // b3 has only two values (5, 20) -> 0, 100.
    EXPECT_NEAR(area(res, 2).normalized[5], 100.0, kTol);
    EXPECT_NEAR(area(res, 1).dimensions[1], 50.0, kTol);
    EXPECT_NEAR(area(res, 3).dimensions[1], 75.0, kTol);
    EXPECT_NEAR(area(res, 1).total, (50.0 / 3 + 50.0) / 2, kTol);
    EXPECT_NEAR(area(res, 2).total, (200.0 / 3 + 100.0 / 3) / 2, kTol);
    EXPECT_NEAR(area(res, 3).total, (200.0 / 3 + 75.0) / 2, kTol);
    EXPECT_EQ(area(res, 1).rank, 1);
    EXPECT_EQ(area(res, 3).rank, 3);
}

TEST(IndexModel, ZScoreUsesPopulationStandardDeviation) {
    const auto cat = geso::test::miniCatalogue();
    IndexOptions o;
    o.norm = Normalization::ZScore;
    auto r = computeIndex(handTable(), cat, 2020, o);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const IndexResult& res = r.value();
    EXPECT_DOUBLE_EQ(res.reference(), 0.0);
    // a1 = 40, 60, 50: mean 50, population sd sqrt(200/3) -> z = -k, k, 0 with k = sqrt(1.5)
    // (a sample sd of 10 would give -1, 1, 0).
    const double k = std::sqrt(1.5);
    EXPECT_NEAR(area(res, 1).normalized[0], -k, kTol);
    EXPECT_NEAR(area(res, 2).normalized[0], k, kTol);
    EXPECT_NEAR(area(res, 3).normalized[0], 0.0, kTol);
    // The negative a2 (30, 10, 20) is oriented first: area 1 (most with at most compulsory school) is lowest.
    EXPECT_NEAR(area(res, 1).normalized[1], -k, kTol);
    // b3 = 5, 20: mean 12.5, sd 7.5 -> -1, 1.
    EXPECT_NEAR(area(res, 1).normalized[5], -1.0, kTol);
    const double a1 = (-k - k + 0) / 3, b1 = (0 + k - 1) / 3;
    const double a2 = (k + k - k) / 3, b2 = (-k - k + 1) / 3;
    const double a3 = (0 + 0 + k) / 3, b3 = (k + 0) / 2;
    EXPECT_NEAR(area(res, 1).total, (a1 + b1) / 2, kTol);
    EXPECT_NEAR(area(res, 2).total, (a2 + b2) / 2, kTol);
    EXPECT_NEAR(area(res, 3).total, (a3 + b3) / 2, kTol);
    // Areas 2 and 3 tie on dimension a but not on the total.
    EXPECT_NEAR(area(res, 2).dimensions[0], area(res, 3).dimensions[0], kTol);
    EXPECT_EQ(area(res, 1).rank, 1);
    EXPECT_EQ(area(res, 2).rank, 2);
    EXPECT_EQ(area(res, 3).rank, 3);
}

TEST(IndexModel, OneOfThreeMakesTheDimensionAndTotalMissing) {
    const auto cat = geso::test::miniCatalogue();
    IndicatorTable t = handTable();
    t.rows[{2, 2020}] = {60, 10, 20, 30, kNaN, kNaN};
    auto r = computeIndex(t, cat, 2020);
    ASSERT_TRUE(r.ok());
    const AreaIndex& a2 = area(r.value(), 2);
    EXPECT_FALSE(std::isnan(a2.dimensions[0]));
    EXPECT_TRUE(std::isnan(a2.dimensions[1]));
    EXPECT_TRUE(std::isnan(a2.total));
    EXPECT_EQ(a2.rank, 0);
    EXPECT_TRUE(hasFlag(a2, "b: missing (1 of 3 indicators)"));
    EXPECT_TRUE(hasFlag(a2, "total: missing (b)"));
    // The others rank among themselves.
    EXPECT_EQ(area(r.value(), 1).rank, 1);
    EXPECT_EQ(area(r.value(), 3).rank, 2);
    EXPECT_EQ(r.value().rankedCount, 2);
}

TEST(IndexModel, TiesShareTheRank) {
    const auto cat = geso::test::miniCatalogue();
    IndicatorTable t;
    t.indicatorCount = 6;
    t.codes = {1, 2, 3, 4};
    t.years = {2021};
    t.city[2021] = {50, 50, 50, 50, 50, 50};
    t.rows[{1, 2021}] = {40, 50, 50, 50, 50, 50};
    t.rows[{2, 2021}] = {50, 50, 40, 50, 50, 50};  // same total as area 1, other indicator
    t.rows[{3, 2021}] = {60, 50, 50, 50, 50, 50};
    t.rows[{4, 2021}] = {30, 50, 50, 50, 50, 50};
    auto r = computeIndex(t, cat, 2021);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(area(r.value(), 4).rank, 1);
    EXPECT_EQ(area(r.value(), 1).rank, 2);
    EXPECT_EQ(area(r.value(), 2).rank, 2);
    EXPECT_EQ(area(r.value(), 3).rank, 4);  // competition ranking: 1, 2, 2, 4
}

TEST(IndexModel, Malmo100WithoutCityRowIsAnError) {
    const auto cat = geso::test::miniCatalogue();
    IndicatorTable t = handTable();
    t.city.clear();
    auto r = computeIndex(t, cat, 2020);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().what.find("no city row"), std::string::npos);
    EXPECT_EQ(r.error().where, "hand.csv");
    IndexOptions z;
    z.norm = Normalization::ZScore;
    EXPECT_TRUE(computeIndex(t, cat, 2020, z).ok());  // z-score does not need the city
}

TEST(IndexModel, MissingCityValueLeavesTheIndicatorOut) {
    const auto cat = geso::test::miniCatalogue();
    IndicatorTable t = handTable();
    t.city[2020][0] = kNaN;
    auto r = computeIndex(t, cat, 2020);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.value().notes.size(), 1u);
    EXPECT_NE(r.value().notes[0].find("a1: city value missing"), std::string::npos);
    const AreaIndex& a1 = area(r.value(), 1);
    EXPECT_NEAR(a1.dimensions[0], (87.5 + 100.0) / 2, kTol);
    EXPECT_TRUE(hasFlag(a1, "a: 2 of 3 indicators"));
}

TEST(IndexModel, NoVariationGivesTheMiddle) {
    const auto cat = geso::test::miniCatalogue();
    IndicatorTable t = handTable();
    for (auto& [key, v] : t.rows) v[3] = 70;
    IndexOptions o;
    o.norm = Normalization::MinMax;
    auto r = computeIndex(t, cat, 2020, o);
    ASSERT_TRUE(r.ok());
    EXPECT_NEAR(area(r.value(), 2).normalized[3], 50.0, kTol);
    o.norm = Normalization::ZScore;
    r = computeIndex(t, cat, 2020, o);
    ASSERT_TRUE(r.ok());
    EXPECT_NEAR(area(r.value(), 2).normalized[3], 0.0, kTol);
    EXPECT_EQ(r.value().notes.size(), 1u);
}

TEST(IndexModel, CustomWeights) {
    const auto cat = geso::test::miniCatalogue();
    IndexOptions o;
    ASSERT_TRUE(parseWeights("a1=2", cat, o).ok());
    EXPECT_TRUE(weightsAreCustom(o, cat));
    EXPECT_EQ(describeWeights(o, cat), "a1=2, a2=1, a3=1");
    auto r = computeIndex(handTable(), cat, 2020, o);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.value().customWeights);
    EXPECT_NEAR(area(r.value(), 1).dimensions[0], (2 * 80.0 + 87.5 + 100.0) / 4, kTol);

    IndexOptions d;
    ASSERT_TRUE(parseWeights(" b = 3 ", cat, d).ok());
    EXPECT_TRUE(d.weights.empty());
    r = computeIndex(handTable(), cat, 2020, d);
    ASSERT_TRUE(r.ok());
    EXPECT_NEAR(area(r.value(), 1).total, ((80.0 + 87.5 + 100.0) / 3 + 3 * 100.0) / 4, kTol);

    // Equal weights within every dimension change nothing: not custom.
    IndexOptions same;
    ASSERT_TRUE(parseWeights("b1=2,b2=2,b3=2", cat, same).ok());
    EXPECT_FALSE(weightsAreCustom(same, cat));
    EXPECT_EQ(describeWeights(same, cat), "");

    IndexOptions bad;
    EXPECT_FALSE(parseWeights("zz=1", cat, bad).ok());
    EXPECT_FALSE(parseWeights("a1=-1", cat, bad).ok());
    EXPECT_FALSE(parseWeights("a1", cat, bad).ok());
    EXPECT_FALSE(parseWeights("a1=x", cat, bad).ok());
    IndexOptions wrongSize;
    wrongSize.weights = {1, 2};
    EXPECT_FALSE(computeIndex(handTable(), cat, 2020, wrongSize).ok());
}

TEST(IndexModel, WeightsThatWipeOutTheIndexAreRefused) {
    const auto cat = geso::test::miniCatalogue();
    IndexOptions o;
    o.weights = {1, 1, 1, 1, 1, 1};  // must stay as it was after an error
    auto st = parseWeights("a1=0,a2=0,a3=0", cat, o);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().line(),
              "--weights: all indicator weights of a are 0 (a1, a2, a3): a, and so the total, would be missing for "
              "every area; to leave a out of the total, weight the dimension 0 instead (a=0)");
    EXPECT_EQ(o.weights, (std::vector<double>{1, 1, 1, 1, 1, 1}));
    st = parseWeights("a=0,b=0", cat, o);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().line(), "--weights: all dimension weights are 0: the total would be missing for every "
                                 "area; give at least one dimension a weight above 0");

    // One 0 is a what-if, announced as custom: a2=0 leaves the dimension to a1 and a3.
    IndexOptions one;
    ASSERT_TRUE(parseWeights("a2=0", cat, one).ok());
    EXPECT_TRUE(weightsAreCustom(one, cat));
    EXPECT_EQ(describeWeights(one, cat), "a1=1, a2=0, a3=1");
    auto r = computeIndex(handTable(), cat, 2020, one);
    ASSERT_TRUE(r.ok());
    EXPECT_NEAR(area(r.value(), 1).dimensions[0], (80.0 + 100.0) / 2, kTol);
    // A dimension weighted 0 drops out of the total: area 1's total is its b = 100.
    IndexOptions dim;
    ASSERT_TRUE(parseWeights("a=0", cat, dim).ok());
    EXPECT_TRUE(weightsAreCustom(dim, cat));
    r = computeIndex(handTable(), cat, 2020, dim);
    ASSERT_TRUE(r.ok());
    EXPECT_NEAR(area(r.value(), 1).total, 100.0, kTol);

    // Set directly (not parsed): all zero is not "the city's equal weights".
    IndexOptions direct;
    direct.dimensionWeights = {0, 0};
    EXPECT_TRUE(weightsAreCustom(direct, cat));
    EXPECT_FALSE(validateWeights(direct, cat).ok());
    direct.dimensionWeights = {};
    direct.weights = {1, 1, 1, 0, 0, 0};
    EXPECT_TRUE(weightsAreCustom(direct, cat));
    EXPECT_EQ(validateWeights(direct, cat).error().what.rfind("all indicator weights of b are 0", 0), 0u);
    EXPECT_TRUE(validateWeights(IndexOptions{}, cat).ok());
}

TEST(IndexModel, UnknownYearAndAreaWithoutRow) {
    const auto cat = geso::test::miniCatalogue();
    IndicatorTable t = handTable();
    auto r = computeIndex(t, cat, 1999);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().what.find("no data for 1999"), std::string::npos);

    t.years = {2020, 2021};
    t.rows[{1, 2021}] = {40, 30, 40, 60, 45, 5};
    t.city[2021] = {50, 20, 40, 60, 30, 10};
    auto r21 = computeIndex(t, cat, 2021);
    ASSERT_TRUE(r21.ok());
    EXPECT_EQ(r21.value().areas.size(), 3u);  // areas without a 2021 row are listed, not dropped
    EXPECT_TRUE(hasFlag(area(r21.value(), 2), "no data for 2021"));
    EXPECT_EQ(area(r21.value(), 2).rank, 0);
    EXPECT_EQ(area(r21.value(), 1).rank, 1);
}

TEST(IndexModel, ChangeBetweenYears) {
    const auto cat = geso::test::miniCatalogue();
    IndicatorTable t = handTable();
    t.years = {2020, 2021};
    t.city[2021] = t.city[2020];
    t.rows[{1, 2021}] = {50, 20, 40, 60, 30, 10};  // area 1 reaches the city level
    t.rows[{2, 2021}] = t.rows[{2, 2020}];
    t.rows[{3, 2021}] = t.rows[{3, 2020}];
    auto c = computeChange(t, cat, 2020, 2021);
    ASSERT_TRUE(c.ok()) << c.error().line();
    ASSERT_EQ(c.value().size(), 3u);
    const IndexChange& a1 = c.value()[0];
    EXPECT_EQ(a1.code, 1);
    EXPECT_NEAR(a1.totalTo, 100.0, kTol);
    EXPECT_NEAR(a1.totalDelta, 100.0 - ((80.0 + 87.5 + 100.0) / 3 + 100.0) / 2, kTol);
    EXPECT_NEAR(a1.dimensionDelta[1], 0.0, kTol);
    EXPECT_EQ(a1.rankFrom, 1);
    EXPECT_EQ(a1.rankTo, 2);  // area 2 (97.1) is now the most challenged
    EXPECT_EQ(a1.rankDelta, 1);
    EXPECT_EQ(c.value()[1].rankTo, 1);
    EXPECT_NEAR(c.value()[2].totalDelta, 0.0, kTol);
    EXPECT_FALSE(computeChange(t, cat, 2020, 2030).ok());
}

TEST(IndexModel, NormalizationIds) {
    EXPECT_EQ(parseNormalization("malmo100"), Normalization::Malmo100);
    EXPECT_EQ(parseNormalization("Malmö100"), Normalization::Malmo100);
    EXPECT_EQ(parseNormalization("ZSCORE"), Normalization::ZScore);
    EXPECT_EQ(parseNormalization("minmax"), Normalization::MinMax);
    EXPECT_FALSE(parseNormalization("rank").has_value());
    for (auto n : {Normalization::Malmo100, Normalization::ZScore, Normalization::MinMax})
        EXPECT_EQ(parseNormalization(normalizationId(n)), n);
}

TEST(IndexModel, BundledDataGivesPlausibleIllustrativeRanks) {
    const auto cat = geso::test::bundledCatalogue();
    auto t = loadIndicatorTable(std::string(GESO_SOURCE_DIR) + "/geodata/indikatorer.csv", cat);
    ASSERT_TRUE(t.ok()) << t.error().line();
    for (int year = 2018; year <= 2024; ++year) {
        auto r = computeIndex(t.value(), cat, year);
        ASSERT_TRUE(r.ok()) << r.error().line();
        EXPECT_EQ(r.value().areas.size(), 14u);
        EXPECT_EQ(r.value().rankedCount, 14);
    }
    auto r = computeIndex(t.value(), cat, 2024);
    ASSERT_TRUE(r.ok());
    // Illustrative geography: Rosengård's area is the most challenged, Limhamn/Bunkeflo/Ribersborg the least.
    EXPECT_EQ(r.value().find(10)->rank, 1);
    EXPECT_GE(r.value().find(6)->rank, 12);
    EXPECT_GE(r.value().find(5)->rank, 12);
    EXPECT_LT(r.value().find(10)->total, 100.0);
    EXPECT_GT(r.value().find(6)->total, 100.0);
    // The deliberate gap (area 4, svarsfrekvens 2020) shows as "2 of 3".
    auto r20 = computeIndex(t.value(), cat, 2020);
    ASSERT_TRUE(r20.ok());
    ASSERT_FALSE(r20.value().find(4)->flags.empty());
    EXPECT_EQ(r20.value().find(4)->flags[0], "delaktighet: 2 of 3 indicators");
}
