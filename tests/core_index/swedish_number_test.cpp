#include <gtest/gtest.h>

#include <cmath>

#include "core/index/swedish_number.hpp"

using geso::core::ParsedNumber;
using geso::core::parseInteger;
using geso::core::parseSwedishNumber;
using Kind = ParsedNumber::Kind;

namespace {

double valueOf(const char* s) {
    const ParsedNumber p = parseSwedishNumber(s);
    EXPECT_EQ(p.kind, Kind::Value) << "'" << s << "'";
    return p.value;
}

Kind kindOf(const char* s) { return parseSwedishNumber(s).kind; }

}  // namespace

TEST(SwedishNumber, DecimalCommaAndPoint) {
    EXPECT_DOUBLE_EQ(valueOf("12,5"), 12.5);
    EXPECT_DOUBLE_EQ(valueOf("12.5"), 12.5);
    EXPECT_DOUBLE_EQ(valueOf("0,05"), 0.05);
    EXPECT_DOUBLE_EQ(valueOf(",5"), 0.5);
    EXPECT_DOUBLE_EQ(valueOf("100"), 100.0);
    EXPECT_DOUBLE_EQ(valueOf("1,234"), 1.234);  // a single comma is always decimal
}

TEST(SwedishNumber, ThousandsSeparators) {
    EXPECT_DOUBLE_EQ(valueOf("1 234,5"), 1234.5);
    EXPECT_DOUBLE_EQ(valueOf("1\xC2\xA0" "234,5"), 1234.5);        // no-break space
    EXPECT_DOUBLE_EQ(valueOf("1\xE2\x80\xAF" "234\xE2\x80\xAF" "567"), 1234567.0);  // narrow no-break space
    EXPECT_DOUBLE_EQ(valueOf("1.234,5"), 1234.5);
    EXPECT_DOUBLE_EQ(valueOf("1,234.5"), 1234.5);
    EXPECT_EQ(kindOf("12 34"), Kind::Invalid);    // groups after the first must have 3 digits
    EXPECT_EQ(kindOf("1 2345,0"), Kind::Invalid);
    EXPECT_EQ(kindOf("1.23.4"), Kind::Invalid);
}

TEST(SwedishNumber, PercentSignsAndWhitespace) {
    EXPECT_DOUBLE_EQ(valueOf("12,5 %"), 12.5);
    EXPECT_DOUBLE_EQ(valueOf("12,5%"), 12.5);
    EXPECT_DOUBLE_EQ(valueOf("  7\xC2\xA0%\t"), 7.0);
    EXPECT_DOUBLE_EQ(valueOf("\xEF\xBB\xBF" "3"), 3.0);  // BOM stuck to the first cell
}

TEST(SwedishNumber, Signs) {
    EXPECT_DOUBLE_EQ(valueOf("-1,5"), -1.5);
    EXPECT_DOUBLE_EQ(valueOf("\xE2\x88\x92" "1,5"), -1.5);  // U+2212 minus sign
    EXPECT_DOUBLE_EQ(valueOf("+2"), 2.0);
    EXPECT_DOUBLE_EQ(valueOf("1,5e2"), 150.0);
}

TEST(SwedishNumber, MissingMarkersAreMissingNotZero) {
    for (const char* s : {"", "  ", "..", "...", "NA", "na", "N/A", "NaN", "-", "\xE2\x80\x93", "\xE2\x80\x94", " .. "}) {
        const ParsedNumber p = parseSwedishNumber(s);
        EXPECT_EQ(p.kind, Kind::Missing) << "'" << s << "'";
        EXPECT_FALSE(p.isValue());
    }
}

TEST(SwedishNumber, GarbageIsInvalid) {
    for (const char* s : {"abc", "12,5,5", "12,", "1 234,5 kr", "%", "--1", "1e", "inf", "12..5", "1_000"})
        EXPECT_EQ(kindOf(s), Kind::Invalid) << "'" << s << "'";
}

TEST(SwedishNumber, Integers) {
    EXPECT_EQ(parseInteger("01"), 1);
    EXPECT_EQ(parseInteger(" 14 "), 14);
    EXPECT_EQ(parseInteger("2024"), 2024);
    EXPECT_EQ(parseInteger("3,0"), 3);
    EXPECT_FALSE(parseInteger("3,5").has_value());
    EXPECT_FALSE(parseInteger("..").has_value());
    EXPECT_FALSE(parseInteger("x1").has_value());
}

TEST(SwedishNumber, FormatsWithDecimalComma) {
    EXPECT_EQ(geso::core::formatDecimalComma(12.345, 1), "12,3");
    EXPECT_EQ(geso::core::formatDecimalComma(-0.04, 1), "0,0");
    EXPECT_EQ(geso::core::formatDecimalComma(-1.25, 2), "-1,25");
    EXPECT_EQ(geso::core::formatDecimalComma(std::nan(""), 1), "..");
}
