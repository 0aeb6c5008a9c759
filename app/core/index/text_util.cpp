#include "core/index/text_util.hpp"

#include <cstdint>
#include <utility>

namespace geso::core {

std::string asciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trimUnicodeSpace(std::string_view s) {
    auto frontSpace = [](std::string_view t) -> size_t {
        if (t.empty()) return 0;
        if (t[0] == ' ' || t[0] == '\t' || t[0] == '\r' || t[0] == '\n' || t[0] == '\v' || t[0] == '\f')
            return 1;
        if (t.substr(0, 2) == "\xC2\xA0") return 2;
        if (t.substr(0, 3) == "\xE2\x80\xAF" || t.substr(0, 3) == "\xE2\x80\x89" ||
            t.substr(0, 3) == "\xEF\xBB\xBF")
            return 3;
        return 0;
    };
    auto backSpace = [](std::string_view t) -> size_t {
        if (t.empty()) return 0;
        const char c = t.back();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
        if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0") return 2;
        if (t.size() >= 3) {
            auto tail = t.substr(t.size() - 3);
            if (tail == "\xE2\x80\xAF" || tail == "\xE2\x80\x89") return 3;
        }
        return 0;
    };
    while (size_t n = frontSpace(s)) s.remove_prefix(n);
    while (size_t n = backSpace(s)) s.remove_suffix(n);
    return s;
}

namespace {

// Two-byte UTF-8 upper → lower pairs for the letters Swedish names use.
constexpr std::pair<std::string_view, std::string_view> kLower[] = {
    {"\xC3\x85", "\xC3\xA5"},  // Å å
    {"\xC3\x84", "\xC3\xA4"},  // Ä ä
    {"\xC3\x96", "\xC3\xB6"},  // Ö ö
    {"\xC3\x89", "\xC3\xA9"},  // É é
    {"\xC3\x9C", "\xC3\xBC"},  // Ü ü
};

constexpr std::pair<std::string_view, char> kFold[] = {
    {"\xC3\xA5", 'a'}, {"\xC3\xA4", 'a'}, {"\xC3\xB6", 'o'}, {"\xC3\xA9", 'e'}, {"\xC3\xBC", 'u'},
};

}  // namespace

std::string lowerSwedish(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        bool replaced = false;
        for (auto [upper, lower] : kLower) {
            if (s.substr(i, 2) == upper) {
                out += lower;
                i += 2;
                replaced = true;
                break;
            }
        }
        if (replaced) continue;
        char c = s[i++];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out.push_back(c);
    }
    return out;
}

std::string foldKey(std::string_view s) {
    const std::string lower = lowerSwedish(trimUnicodeSpace(s));
    std::string out;
    for (size_t i = 0; i < lower.size();) {
        bool folded = false;
        for (auto [from, to] : kFold) {
            if (std::string_view(lower).substr(i, 2) == from) {
                out.push_back(to);
                i += 2;
                folded = true;
                break;
            }
        }
        if (folded) continue;
        char c = lower[i++];
        out.push_back(c == ' ' || c == '-' ? '_' : c);
    }
    return out;
}

}  // namespace geso::core
