#include <gtest/gtest.h>

#include <cmath>

#include "core/classify/legend_format.hpp"

using namespace geso::core;

TEST(FormatNumber, SwedishDecimalCommaMinusAndThousands) {
    EXPECT_EQ(formatNumberSv(12.345, 1), "12,3");
    EXPECT_EQ(formatNumberSv(-4.5, 1), "\u22124,5");
    EXPECT_EQ(formatNumberSv(1234.5, 1), "1234,5");             // 4 digits: not grouped
    EXPECT_EQ(formatNumberSv(12345.6, 1), "12\u00a0345,6");     // no-break space
    EXPECT_EQ(formatNumberSv(-1234567, 0), "\u22121\u00a0234\u00a0567");
    EXPECT_EQ(formatNumberSv(-0.04, 1), "0,0");                 // no signed zero
    EXPECT_EQ(formatNumberSv(100, 0), "100");
    EXPECT_EQ(formatNumberSv(2.5, 0), "3");                     // half away from zero, not to even
    EXPECT_EQ(formatNumberSv(-2.25, 1), "\u22122,3");
}

TEST(FormatNumber, English) {
    EXPECT_EQ(formatNumberEn(12.345, 1), "12.3");
    EXPECT_EQ(formatNumberEn(-4.5, 2), "-4.50");
    EXPECT_EQ(formatNumberEn(1234.5, 1), "1,234.5");
}

TEST(LegendLabels, SwedishRangesWithEnDash) {
    Classes c;
    c.lower = 12.3;
    c.upper = {45.6, 78.9};
    EXPECT_EQ(legendLabels(c, 1, true), (std::vector<std::string>{"12,3\u201345,6", "45,6\u201378,9"}));
    EXPECT_EQ(legendLabels(c, 1, false), (std::vector<std::string>{"12.3\u201345.6", "45.6\u201378.9"}));
}

TEST(LegendLabels, NegativeUpperBoundGetsSpacedDash) {
    Classes c;
    c.lower = -10;
    c.upper = {-5, 0, 5};
    EXPECT_EQ(legendLabels(c, 0, true),
              (std::vector<std::string>{"\u221210 \u2013 \u22125", "\u22125\u20130", "0\u20135"}));
}

TEST(LegendLabels, ZeroWidthClassesOfABoxMap) {
    Classes c;
    c.lower = -3;
    c.upper = {-3, 3, 5, 7, 13, 13};
    auto labels = legendLabels(c, 0, true);
    EXPECT_EQ(labels.front(), "\u2264 \u22123");
    EXPECT_EQ(labels.back(), "> 13");
}

TEST(LegendDecimals, FromBreakSpacing) {
    Classes c;
    c.lower = 0.5;
    c.upper = {0.6, 0.7, 0.8, 0.9};
    EXPECT_EQ(legendDecimals(c), 1);
    c.lower = 10;
    c.upper = {20, 30, 40};
    EXPECT_EQ(legendDecimals(c), 0);
    c.upper = {20, 20.25, 40};
    EXPECT_EQ(legendDecimals(c), 2);  // a 0.25-wide class needs hundredths
    EXPECT_EQ(legendLabels(c, -1, true)[1], "20,00\u201320,25");
    c.lower = 3.1;  // shares with one decimal keep it: a break 10.5 must not read "11"
    c.upper = {4.3, 10.5, 14, 21.1};
    EXPECT_EQ(legendDecimals(c), 1);
    c.lower = 79.449958;  // index values: tenths are enough for classes ~4 wide
    c.upper = {87.958829, 97.955305, 101.971145, 109.596134, 115.019701};
    EXPECT_EQ(legendDecimals(c), 1);
    EXPECT_EQ(legendLabels(c, -1, true)[0], "79,4\u201388,0");
}

TEST(LegendNotes, StateTheEdgeRuleAndNoData) {
    EXPECT_NE(legendEdgeNote(true).find("lägre"), std::string::npos);
    EXPECT_NE(legendEdgeNote(false).find("lower"), std::string::npos);
    EXPECT_EQ(noDataLabel(true), "Ingen data");  // the word the map legend and the viewer use
}

TEST(LegendLabels, BoxMapClassNames) {
    const auto sv = boxMapClassNames(true);
    ASSERT_EQ(sv.size(), 6u);
    EXPECT_EQ(sv[0], "Låga extremvärden");
    EXPECT_EQ(sv[2], "25\u201350\u00a0%");
    EXPECT_EQ(boxMapClassNames(false)[5], "Upper outliers");
}

// Malmö = 100: a planner reads each class as below, about or above the city.
TEST(CityRelation, OddCentredClassesStraddleTheCity) {
    Classes c;
    c.lower = 80;
    c.upper = {95, 105, 120};
    EXPECT_EQ(cityRelations(c, 100),
              (std::vector<CityRelation>{CityRelation::Below, CityRelation::About, CityRelation::Above}));
    EXPECT_EQ(cityRelativeLegendLabels(c, 100, 0, true),
              (std::vector<std::string>{"80\u201395 (under Malmö)", "95\u2013105 (kring Malmö)",
                                        "105\u2013120 (över Malmö)"}));
    EXPECT_EQ(cityRelativeLegendLabels(c, 100, 0, false),
              (std::vector<std::string>{"80\u201395 (below Malmö)", "95\u2013105 (about Malmö)",
                                        "105\u2013120 (above Malmö)"}));
    // The plain labels are unchanged.
    EXPECT_EQ(legendLabels(c, 0, true), (std::vector<std::string>{"80\u201395", "95\u2013105", "105\u2013120"}));
}

TEST(CityRelation, EvenClassesMeetAtTheCityAndNaNHasNoReading) {
    Classes c;
    c.lower = 80;
    c.upper = {90, 100, 110, 120};  // 100 is a break: (90, 100] holds 100 itself, the lower class
    EXPECT_EQ(cityRelations(c, 100), (std::vector<CityRelation>{CityRelation::Below, CityRelation::Below,
                                                                CityRelation::Above, CityRelation::Above}));
    // Everything above the city (a quantile map of well-off areas).
    Classes high;
    high.lower = 100;
    high.upper = {110, 130, 150};
    EXPECT_EQ(cityRelations(high, 100), (std::vector<CityRelation>(3, CityRelation::Above)));
    EXPECT_TRUE(cityRelations(c, std::nan("")).empty());
    EXPECT_EQ(cityRelativeLegendLabels(c, std::nan(""), 0, true), legendLabels(c, 0, true));
    EXPECT_EQ(cityRelationText(CityRelation::About, true), "kring Malmö");
    EXPECT_EQ(cityRelationText(CityRelation::Below, false), "below Malmö");
    EXPECT_EQ(cityReferenceNote(true), "Malmö = 100 (staden som helhet); högre är bättre.");
}
