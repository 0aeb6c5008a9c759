#pragma once
// Numbers as text for files other programs read back (QML, SLD, CSV): the
// shortest decimal form that parses back to the same double (std::to_chars),
// never locale-dependent.
#include <string>

namespace geso::core {

// "62.5", "3", "-0.25", "1e+20"; NaN → "" (the caller decides how to write missing).
std::string formatShortest(double value);

// Same with ',' as the decimal separator (Swedish Excel).
std::string formatShortestDecimalComma(double value);

}  // namespace geso::core
