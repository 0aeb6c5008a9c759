#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"

namespace geso::cli {

int cmdExport(int, char**) {
    std::fprintf(stderr, "geso-atlas: 'export' is not built yet\n");
    return kExitFailure;
}

}  // namespace geso::cli
