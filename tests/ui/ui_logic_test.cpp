#include <gtest/gtest.h>

#include <cmath>

#include "imgui_harness.hpp"
#include "ui/ui_logic.hpp"

using namespace geso::ui;

TEST(UiLogic, SortRowsNumericPutsNoDataLastBothWays) {
    std::vector<TableColumn> t{{"v", true, {3, NAN, 1, 2}, {}, 1}};
    EXPECT_EQ(sortRows(t, 0, true), (std::vector<int>{2, 3, 0, 1}));
    EXPECT_EQ(sortRows(t, 0, false), (std::vector<int>{0, 3, 2, 1}));
    EXPECT_EQ(sortRows(t, 5, true), (std::vector<int>{0, 1, 2, 3}));  // unknown column: feature order
}

TEST(UiLogic, SortRowsTextIsSwedishAlphabetical) {
    std::vector<TableColumn> t{{"n", false, {}, {"Örtagården", "Ängen", "Åby", "zeta", "Alfa"}, 0}};
    // a … z, then å, ä, ö (plain UTF-8 byte order would put Ä before Å).
    EXPECT_EQ(sortRows(t, 0, true), (std::vector<int>{4, 3, 2, 1, 0}));
}

TEST(UiLogic, SearchFoldsSwedishCapitalsAndMatchesCodes) {
    const AppState s = test::sampleState();
    EXPECT_EQ(searchAreas(s, "VÄSTRA"), (std::vector<int>{0}));
    EXPECT_EQ(searchAreas(s, "örtagården"), (std::vector<int>{9}));
    EXPECT_EQ(searchAreas(s, " 9 "), (std::vector<int>{8}));
    EXPECT_EQ(searchAreas(s, "lind").size(), 2u);  // Lindängen, Lindeborg
    EXPECT_TRUE(searchAreas(s, "").empty());
    EXPECT_TRUE(searchAreas(s, "Stockholm").empty());
}

TEST(UiLogic, PointFiltersAndCountsPerArea) {
    PointLayerView p;
    p.loaded = true;
    p.namndValue = {"Fritidsnämnden", "Grundskolenämnden", "Fritidsnämnden", "Fritidsnämnden"};
    p.themeValue = {"fritid", "skola", "fritid", "trygghet"};
    p.statusValue = {"pågår", "pågår", "planerad", "pågår"};
    p.areaOf = {0, 0, 2, -1};
    PointFilter all;
    int outside = 0;
    EXPECT_EQ(countPerArea(p, all, 3, &outside), (std::vector<int>{2, 0, 1}));
    EXPECT_EQ(outside, 1);
    PointFilter f;
    f.namnd = {"Fritidsnämnden"};
    f.status = {"pågår"};
    EXPECT_TRUE(pointPasses(p, f, 0));
    EXPECT_FALSE(pointPasses(p, f, 1));  // other nämnd
    EXPECT_FALSE(pointPasses(p, f, 2));  // planned, not ongoing
    EXPECT_EQ(countPerArea(p, f, 3, &outside), (std::vector<int>{1, 0, 0}));
    EXPECT_EQ(outside, 1);
}

TEST(UiLogic, CountClassesUsesUpperBoundsInclusive) {
    // class 0 = [lower, 30], class 1 = (30, 60], …; above the last bound → last class.
    EXPECT_EQ(countClasses({10, 30, 31, 60, 61, 200, NAN}, {30, 60, 90}), (std::vector<int>{2, 2, 2}));
}

TEST(UiLogic, MoveBreakStaysBetweenItsNeighbours) {
    const std::vector<double> up{30, 60, 90};
    EXPECT_DOUBLE_EQ(moveBreak(up, 10, 0, 45)[0], 45);
    EXPECT_GT(moveBreak(up, 10, 0, 75)[0], 10);   // clamped below 60
    EXPECT_LT(moveBreak(up, 10, 0, 75)[0], 60);
    EXPECT_GT(moveBreak(up, 10, 0, -5)[0], 10);   // clamped above the minimum
    EXPECT_EQ(moveBreak(up, 10, 2, 50), up);      // the last bound is the maximum: not movable
    EXPECT_EQ(moveBreak(up, 10, 0, NAN), up);
    const auto m = moveBreak(up, 10, 1, 1e9);
    EXPECT_LT(m[1], m[2]);
}

TEST(UiLogic, FormatValueUsesDecimalCommaAndUnicodeMinusInSwedish) {
    EXPECT_EQ(formatValue(-1.5, 1, Lang::Sv), "−1,5");
    EXPECT_EQ(formatValue(-1.5, 1, Lang::En), "−1.5");
    EXPECT_EQ(formatValue(102.04, 1, Lang::Sv), "102,0");
    EXPECT_EQ(formatValue(-0.01, 1, Lang::Sv), "0,0");  // no "−0,0"
    EXPECT_EQ(formatValue(NAN, 1, Lang::Sv), "–");
}


TEST(UiLogic, DraggedBreaksSnapToTheLegendsPrecision) {
    EXPECT_DOUBLE_EQ(breakStep(50), 0.1);    // index values 75–125
    EXPECT_DOUBLE_EQ(breakStep(5), 0.01);
    EXPECT_DOUBLE_EQ(breakStep(9000), 10);
    EXPECT_EQ(breakStep(0), 0);
    EXPECT_NEAR(snapToStep(85.33334, 0.1, 80, 90), 85.3, 1e-12);
    EXPECT_NEAR(snapToStep(80.01, 0.1, 80, 90), 80.1, 1e-12);   // not onto the neighbour
    EXPECT_NEAR(snapToStep(89.98, 0.1, 80, 90), 89.9, 1e-12);
    EXPECT_DOUBLE_EQ(snapToStep(80.05, 0.1, 80.0, 80.1), 80.05);  // no step fits between: as dragged
}
