#pragma once
// Numbers as Swedish tables write them: decimal comma ("12,5"), a trailing
// percent sign ("12,5 %"), spaces, no-break spaces (U+00A0) or narrow no-break
// spaces (U+202F) between groups of three digits ("1 234,5"). A dot decimal
// ("12.5") is accepted too, since spreadsheets and GDAL write numbers that way.
// Missing-value markers ('', "..", "NA", "-", "–", …) are Missing, never zero.
#include <optional>
#include <string>
#include <string_view>

namespace geso::core {

struct ParsedNumber {
    enum class Kind { Value, Missing, Invalid };
    Kind kind = Kind::Missing;
    double value = 0;  // only meaningful for Kind::Value

    bool isValue() const { return kind == Kind::Value; }
};

// Parses one cell (UTF-8). Rules:
// - surrounding whitespace (incl. U+00A0, U+2009, U+202F) is ignored;
// - missing: "", "..", "...", "NA", "N/A", "NaN", "-", "–" (U+2013), "—" (U+2014), case-insensitive;
// - optional leading sign '+', '-' or '−' (U+2212); optional trailing '%';
// - one decimal separator: ',' or '.'; when both occur, the last one is the decimal
//   separator and the other a thousands separator ("1.234,5" and "1,234.5" are 1234.5);
//   a single ',' is always a decimal comma ("1,234" is 1.234);
// - thousands separators (space, U+00A0, U+2009, U+202F, or the other punctuation)
//   must split the integer part into groups of exactly three digits after the first;
// - an exponent ("1,5e3") is accepted;
// anything else is Invalid.
ParsedNumber parseSwedishNumber(std::string_view text);

// An integer cell ("01" → 1, "2024", "3,0" → 3); nullopt for missing, invalid or
// non-integral values.
std::optional<long long> parseInteger(std::string_view text);

// "12,5" for (12.5, 1); NaN as `missing`. Plain ASCII '-' for negatives so that
// columns align in terminals.
std::string formatDecimalComma(double value, int decimals, std::string_view missing = "..");

}  // namespace geso::core
