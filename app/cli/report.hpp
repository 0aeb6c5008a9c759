#pragma once
// How every subcommand reports a failure: one line on stderr, the exit code
// returned. Line breaks inside a message (a GDAL or PROJ text) become spaces,
// so the report stays one line.
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace geso::cli {

// "A\nB" → "A B".
std::string oneLine(std::string text);

// "geso-atlas: <command>: <why> (see geso-atlas <command> --help)"; returns kExitUsage.
int reportUsage(std::string_view command, const std::string& why);

// "geso-atlas: <line>" (an Error's line names the file); returns kExitFailure.
int reportFailure(const std::string& line);
inline int reportFailure(const core::Error& e) { return reportFailure(e.line()); }

}  // namespace geso::cli
