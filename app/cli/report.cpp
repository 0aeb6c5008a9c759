#include "cli/report.hpp"

#include <algorithm>
#include <cstdio>

#include "cli/args.hpp"

namespace geso::cli {

std::string oneLine(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    return text;
}

int reportUsage(std::string_view command, const std::string& why) {
    const std::string cmd(command);
    std::fprintf(stderr, "geso-atlas: %s: %s (see geso-atlas %s --help)\n", cmd.c_str(), oneLine(why).c_str(),
                 cmd.c_str());
    return kExitUsage;
}

int reportFailure(const std::string& line) {
    std::fprintf(stderr, "geso-atlas: %s\n", oneLine(line).c_str());
    return kExitFailure;
}

}  // namespace geso::cli
