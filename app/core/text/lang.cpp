#include "core/text/lang.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace geso::core {

namespace {

std::string normalise(std::string_view text) {
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return out;
}

// A locale-like tag: the language part is exactly `code`, followed by nothing
// or a territory/encoding separator ("sv", "sv_SE", "sv-SE.UTF-8").
bool isLocaleOf(std::string_view tag, std::string_view code) {
    if (tag.substr(0, code.size()) != code) return false;
    if (tag.size() == code.size()) return true;
    const char next = tag[code.size()];
    return next == '_' || next == '-' || next == '.' || next == '@';
}

}  // namespace

std::optional<Lang> parseLang(std::string_view text) {
    const std::string tag = normalise(text);
    if (tag == "svenska" || tag == "swedish" || isLocaleOf(tag, "sv")) return Lang::Sv;
    if (tag == "english" || tag == "engelska" || isLocaleOf(tag, "en")) return Lang::En;
    return std::nullopt;
}

std::string_view langCode(Lang lang) { return lang == Lang::Sv ? "sv" : "en"; }

}  // namespace geso::core
