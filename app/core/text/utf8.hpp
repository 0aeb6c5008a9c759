#pragma once
// UTF-8 facts every module needs: is a byte string valid UTF-8 (the encoding
// checks of attribute values and tables), and how many characters it has
// (aligned CLI columns, QGIS's 30-character style names).
#include <cstddef>
#include <string_view>

namespace geso::core {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view s);

// Number of code points.
size_t utf8Length(std::string_view s);

}  // namespace geso::core
