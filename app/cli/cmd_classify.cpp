#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"

namespace geso::cli {

int cmdClassify(int, char**) {
    std::fprintf(stderr, "geso-atlas: 'classify' is not built yet\n");
    return kExitFailure;
}

}  // namespace geso::cli
