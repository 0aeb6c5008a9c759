#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"

namespace geso::cli {

int cmdRender(int, char**) {
    std::fprintf(stderr, "geso-atlas: 'render' is not built yet\n");
    return kExitFailure;
}

}  // namespace geso::cli
