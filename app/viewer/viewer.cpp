#include "viewer/viewer.hpp"

#include <cstdio>

namespace geso::viewer {

int runViewer(int, char**, int) {
    std::fprintf(stderr, "geso-atlas: the viewer is not built yet\n");
    return 1;
}

}  // namespace geso::viewer
