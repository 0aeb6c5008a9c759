#pragma once
// Small UTF-8 text helpers for matching column names and area names.
#include <string>
#include <string_view>

#include "core/text/utf8.hpp"  // isValidUtf8, utf8Length (used beside these helpers)

namespace geso::core {

// ASCII letters lowered; other bytes unchanged.
std::string asciiLower(std::string_view s);
// Strips ASCII whitespace, U+00A0, U+2009, U+202F and a UTF-8 BOM at both ends.
std::string_view trimUnicodeSpace(std::string_view s);
// Lower-case including Å Ä Ö É Ü (UTF-8), for case-insensitive name comparison.
std::string lowerSwedish(std::string_view s);
// A key for matching column names: trimmed, lower-case, å/ä → a, ö → o, é → e,
// ü → u, spaces and '-' → '_'. "År" and "ar" give the same key; so do "Område" and "omrade".
std::string foldKey(std::string_view s);

}  // namespace geso::core
