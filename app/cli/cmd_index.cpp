#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"

namespace geso::cli {

int cmdIndex(int, char**) {
    std::fprintf(stderr, "geso-atlas: 'index' is not built yet\n");
    return kExitFailure;
}

}  // namespace geso::cli
