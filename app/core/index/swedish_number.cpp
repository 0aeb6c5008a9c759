#include "core/index/swedish_number.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/index/text_util.hpp"

namespace geso::core {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Length of a group-separating space at s[i] (ASCII space, U+00A0, U+2009, U+202F), else 0.
size_t spaceAt(std::string_view s, size_t i) {
    if (s[i] == ' ') return 1;
    if (s.substr(i, 2) == "\xC2\xA0") return 2;
    if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") return 3;
    return 0;
}

bool isMissingMarker(std::string_view t) {
    static constexpr std::string_view kMarkers[] = {
        "", "..", "...", "na", "n/a", "nan", "-", "\xE2\x80\x93", "\xE2\x80\x94"};
    const std::string lower = asciiLower(t);
    for (auto m : kMarkers)
        if (lower == m) return true;
    return false;
}

// Integer digits split by thousands separators: first group 1–3 digits, then
// groups of exactly 3. With no separators any length is fine.
bool validGroups(const std::vector<std::string>& groups) {
    if (groups.size() == 1) return true;
    if (groups[0].empty() || groups[0].size() > 3) return false;
    for (size_t i = 1; i < groups.size(); ++i)
        if (groups[i].size() != 3) return false;
    return true;
}

}  // namespace

ParsedNumber parseSwedishNumber(std::string_view text) {
    ParsedNumber out;
    std::string_view t = trimUnicodeSpace(text);
    if (isMissingMarker(t)) return out;  // Kind::Missing
    out.kind = ParsedNumber::Kind::Invalid;

    if (!t.empty() && t.back() == '%') t = trimUnicodeSpace(t.substr(0, t.size() - 1));
    bool negative = false;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
        negative = t[0] == '-';
        t.remove_prefix(1);
    } else if (t.substr(0, 3) == "\xE2\x88\x92") {
        negative = true;
        t.remove_prefix(3);
    }
    if (t.empty()) return out;

    // Split off an exponent.
    std::string exponent;
    if (auto e = t.find_first_of("eE"); e != std::string_view::npos) {
        std::string_view ex = t.substr(e + 1);
        t = t.substr(0, e);
        size_t k = 0;
        if (!ex.empty() && (ex[0] == '+' || ex[0] == '-')) k = 1;
        if (k >= ex.size()) return out;
        for (size_t j = k; j < ex.size(); ++j)
            if (!isDigit(ex[j])) return out;
        exponent.push_back('e');
        exponent.append(ex);
    }

    // Which punctuation is the decimal separator.
    const size_t commas = static_cast<size_t>(std::count(t.begin(), t.end(), ','));
    const size_t dots = static_cast<size_t>(std::count(t.begin(), t.end(), '.'));
    char decimal = 0, thousands = 0;
    if (commas && dots) {
        decimal = t.find_last_of(",.") == t.rfind(',') ? ',' : '.';
        thousands = decimal == ',' ? '.' : ',';
        if ((decimal == ',' ? commas : dots) != 1) return out;
    } else if (commas == 1) {
        decimal = ',';
    } else if (dots == 1) {
        decimal = '.';
    } else if (commas > 1) {
        thousands = ',';
    } else if (dots > 1) {
        thousands = '.';
    }

    std::vector<std::string> groups(1);
    std::string fraction;
    bool inFraction = false;
    for (size_t i = 0; i < t.size();) {
        const char c = t[i];
        if (isDigit(c)) {
            (inFraction ? fraction : groups.back()).push_back(c);
            ++i;
        } else if (decimal && c == decimal && !inFraction) {
            inFraction = true;
            ++i;
        } else if (size_t n = spaceAt(t, i); (n || (thousands && c == thousands)) && !inFraction) {
            if (groups.back().empty()) return out;  // leading or doubled separator
            groups.emplace_back();
            i += n ? n : 1;
        } else {
            return out;
        }
    }
    if (!validGroups(groups)) return out;
    std::string digits;
    for (const auto& g : groups) digits += g;
    if (digits.empty() && fraction.empty()) return out;
    if (inFraction && fraction.empty()) return out;  // "12,"
    if (digits.empty()) digits.push_back('0');

    const std::string number = digits + (fraction.empty() ? "" : "." + fraction) + exponent;
    double v = 0;
    auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
    if (ec != std::errc() || ptr != number.data() + number.size() || !std::isfinite(v)) return out;
    out.kind = ParsedNumber::Kind::Value;
    out.value = negative ? -v : v;
    return out;
}

std::optional<long long> parseInteger(std::string_view text) {
    const ParsedNumber p = parseSwedishNumber(text);
    if (!p.isValue() || std::trunc(p.value) != p.value || std::fabs(p.value) > 9e15) return std::nullopt;
    return static_cast<long long>(p.value);
}

std::string formatDecimalComma(double value, int decimals, std::string_view missing) {
    if (!std::isfinite(value)) return std::string(missing);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s == "-0" || s.rfind("-0.", 0) == 0) {
        // "-0,0" reads as a sign error; rounding to zero drops the sign.
        bool allZero = s.find_first_not_of("-0.") == std::string::npos;
        if (allZero) s.erase(0, 1);
    }
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

}  // namespace geso::core
