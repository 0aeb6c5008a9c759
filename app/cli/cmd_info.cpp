#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"

namespace geso::cli {

int cmdInfo(int, char**) {
    std::fprintf(stderr, "geso-atlas: 'info' is not built yet\n");
    return kExitFailure;
}

}  // namespace geso::cli
