#pragma once
// The user-interface language. Swedish is the default everywhere (Malmö stad's
// planners); English with `--lang en`.
#include <optional>
#include <string_view>

namespace geso::core {

enum class Lang { Sv, En };

constexpr Lang kDefaultLang = Lang::Sv;

// "sv", "sv_SE", "sv-SE", "sv_SE.UTF-8", "svenska", "swedish" → Sv;
// "en", "en_GB", "en-US.UTF-8", "english" → En. Case-insensitive, surrounding
// spaces ignored. Anything else (including "") → nullopt.
std::optional<Lang> parseLang(std::string_view text);

// "sv" / "en": the code parseLang accepts and --lang prints.
std::string_view langCode(Lang lang);

}  // namespace geso::core
