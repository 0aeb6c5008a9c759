#include <gtest/gtest.h>

#include <cmath>

#include "render/overlay/scale_bar.hpp"

using namespace geso::render;
using geso::core::Lang;

namespace {
const std::string kNbsp = "\xC2\xA0";
const std::string kMinus = "\xE2\x88\x92";
}  // namespace

TEST(ScaleBar, FloorOneTwoFive) {
    EXPECT_DOUBLE_EQ(floorOneTwoFive(1), 1);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(1.99), 1);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(2), 2);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(4.99), 2);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(5), 5);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(9.999), 5);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(1000), 1000);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(4632), 2000);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(0.07), 0.05);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(0), 0);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(-3), 0);
    EXPECT_DOUBLE_EQ(floorOneTwoFive(NAN), 0);
    for (double x = 0.013; x < 1e7; x *= 1.37) {  // invariant: ≤ x and > x / 2.5
        const double f = floorOneTwoFive(x);
        EXPECT_LE(f, x * (1 + 1e-12)) << x;
        EXPECT_GT(f, x / 2.5 * (1 - 1e-12)) << x;
    }
}

TEST(ScaleBar, PicksTheLongestRoundLengthThatFits) {
    // Malmö at 1920×1080: ≈ 19.3 m/px, bar at most 240 px → 4632 m → 2 km, 103.6 px.
    const ScaleBarSpec s = chooseScaleBar(19.3, 240, Lang::Sv);
    EXPECT_DOUBLE_EQ(s.lengthMetres, 2000);
    EXPECT_NEAR(s.widthPx, 2000 / 19.3, 1e-9);
    EXPECT_EQ(s.label, "2" + kNbsp + "km");
    EXPECT_EQ(s.halfLabel, "1");
    EXPECT_EQ(s.endNumber, "2");
    EXPECT_EQ(s.unit, "km");
    const ScaleBarSpec m = chooseScaleBar(2.0, 240, Lang::Sv);  // 480 m → 200 m
    EXPECT_DOUBLE_EQ(m.lengthMetres, 200);
    EXPECT_EQ(m.label, "200" + kNbsp + "m");
    EXPECT_EQ(m.halfLabel, "100");
    EXPECT_EQ(m.endNumber, "200");
    EXPECT_EQ(m.unit, "m");
}

TEST(ScaleBar, SwedishDecimalCommaInHalfTicks) {
    const ScaleBarSpec s = chooseScaleBar(5.0, 240, Lang::Sv);  // 1200 m → 1 km, half 0,5
    EXPECT_DOUBLE_EQ(s.lengthMetres, 1000);
    EXPECT_EQ(s.label, "1" + kNbsp + "km");
    EXPECT_EQ(s.halfLabel, "0,5");
    EXPECT_EQ(chooseScaleBar(5.0, 240, Lang::En).halfLabel, "0.5");
    const ScaleBarSpec five = chooseScaleBar(0.025, 240, Lang::Sv);  // 6 m → 5 m, half 2,5
    EXPECT_EQ(five.label, "5" + kNbsp + "m");
    EXPECT_EQ(five.halfLabel, "2,5");
}

TEST(ScaleBar, BadInputGivesNoBar) {
    EXPECT_EQ(chooseScaleBar(0, 240, Lang::Sv).lengthMetres, 0);
    EXPECT_EQ(chooseScaleBar(-1, 240, Lang::Sv).lengthMetres, 0);
    EXPECT_EQ(chooseScaleBar(NAN, 240, Lang::Sv).lengthMetres, 0);
    EXPECT_EQ(chooseScaleBar(INFINITY, 240, Lang::Sv).lengthMetres, 0);
    EXPECT_EQ(chooseScaleBar(10, 0, Lang::Sv).lengthMetres, 0);
    EXPECT_TRUE(chooseScaleBar(10, 0, Lang::Sv).label.empty());
}

TEST(NumberFormat, SwedishAndEnglishConventions) {
    EXPECT_EQ(formatLength(500, Lang::Sv), "500" + kNbsp + "m");
    EXPECT_EQ(formatLength(2500, Lang::Sv), "2,5" + kNbsp + "km");
    EXPECT_EQ(formatLength(2500, Lang::En), "2.5" + kNbsp + "km");
    EXPECT_EQ(formatLength(0.5, Lang::Sv), "0,5" + kNbsp + "m");
    EXPECT_EQ(formatLength(1e7, Lang::Sv), "10" + kNbsp + "000" + kNbsp + "km");
    EXPECT_EQ(formatLength(1e7, Lang::En), "10,000" + kNbsp + "km");
    EXPECT_EQ(formatLength(5e6, Lang::Sv), "5000" + kNbsp + "km");  // Swedish groups from five digits
    EXPECT_EQ(formatLength(5e6, Lang::En), "5,000" + kNbsp + "km");
    EXPECT_EQ(formatDecimal(-1.5, 1, Lang::Sv), kMinus + "1,5");
    EXPECT_EQ(formatDecimal(-0.0001, 2, Lang::Sv), "0");  // no "−0"
    EXPECT_EQ(formatDecimal(12.3456, 2, Lang::Sv), "12,35");
    EXPECT_EQ(formatDecimal(12.3, 3, Lang::Sv), "12,3");
    EXPECT_EQ(formatDecimal(1234567.25, 2, Lang::Sv), "1" + kNbsp + "234" + kNbsp + "567,25");
    EXPECT_EQ(formatDecimal(NAN, 2, Lang::Sv), "");
}

TEST(GroundScale, WebMercatorIsCorrectedToGroundMetres) {
    // Malmö ≈ 55.6° N → Web Mercator y = R ln tan(45° + φ/2).
    const double lat = 55.6 * 3.14159265358979323846 / 180;
    const double y = 6378137.0 * std::log(std::tan(3.14159265358979323846 / 4 + lat / 2));
    const double k = groundMetresPerUnitAt("EPSG:3857", {1.45e6, y});
    EXPECT_NEAR(k, std::cos(lat), 1e-9);
    EXPECT_NEAR(1 / k, 1.77, 0.01);  // the distortion the bar must undo
    EXPECT_DOUBLE_EQ(groundMetresPerUnitAt("EPSG:3008", {120000, 6160000}), 1.0);
    EXPECT_DOUBLE_EQ(groundMetresPerUnitAt("EPSG:3006", {370000, 6160000}), 1.0);
    EXPECT_DOUBLE_EQ(groundMetresPerUnitAt("", {0, 0}), 1.0);
    EXPECT_NEAR(groundMetresPerUnitAt("EPSG:4326", {13.0, 55.6}), 111319.49 * std::cos(lat), 0.01);
    // A 3857 map at 10 units/px: 2 km on the ground is ≈ 354 units wide, not 200.
    const ScaleBarSpec s = chooseScaleBar(10 * k, 240, Lang::Sv);
    EXPECT_DOUBLE_EQ(s.lengthMetres, 1000);
    EXPECT_NEAR(s.widthPx, 1000 / (10 * k), 1e-9);
}
