#include "core/export/number_text.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace geso::core {

std::string formatShortest(double value) {
    if (std::isnan(value)) return {};
    std::array<char, 64> buf{};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    return std::string(buf.data(), res.ptr);
}

std::string formatShortestDecimalComma(double value) {
    std::string s = formatShortest(value);
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

}  // namespace geso::core
