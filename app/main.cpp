// geso-atlas: the map viewer (no arguments) and its command-line tools.
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "viewer/viewer.hpp"

namespace {

constexpr const char* kUsage =
    "geso-atlas " GESO_VERSION " — Malmö stads geografiska statistikområden (GeSO) på karta\n"
    "\n"
    "usage:\n"
    "  geso-atlas [--lang sv|en] [--areas FILE] [--indicators FILE] [--initiatives FILE]\n"
    "             [--trygghet FILE] [--crs EPSG:N] [--size WxH] [--ui-scale S]   open the map viewer\n"
    "  geso-atlas info PATH [--layer NAME] [--crs EPSG:N] [--assume-crs EPSG:N]\n"
    "  geso-atlas index [--indicators FILE] [--year Y] [--normalize malmo100|zscore|minmax]\n"
    "                   [--weights W] [--format table|csv|json]\n"
    "  geso-atlas classify (--dimension D | --indicator ID | --total) --method M --classes K\n"
    "  geso-atlas render --out FILE.png [--size WxH] [map options]\n"
    "  geso-atlas export --out FILE.gpkg [--year Y] [--crs EPSG:N] [map options]\n"
    "  geso-atlas --help | --version\n"
    "\n"
    "Each command takes --help. Exit codes: 0 ok, 1 bad input or failure, 2 usage error.\n"
    "Bundled data: schematic boundaries and illustrative values, not official statistics.\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace geso::cli;
    if (argc >= 2) {
        const std::string cmd = argv[1];
        if (cmd == "--help" || cmd == "-h" || cmd == "help") { std::fputs(kUsage, stdout); return kExitOk; }
        if (cmd == "--version") { std::printf("geso-atlas %s\n", GESO_VERSION); return kExitOk; }
        if (cmd == "info") return cmdInfo(argc - 1, argv + 1);
        if (cmd == "index") return cmdIndex(argc - 1, argv + 1);
        if (cmd == "classify") return cmdClassify(argc - 1, argv + 1);
        if (cmd == "render") return cmdRender(argc - 1, argv + 1);
        if (cmd == "export") return cmdExport(argc - 1, argv + 1);
        if (cmd.rfind("-", 0) != 0) {
            std::fprintf(stderr, "geso-atlas: unknown command '%s' (see geso-atlas --help)\n", cmd.c_str());
            return kExitUsage;
        }
    }
    return geso::viewer::runViewer(argc, argv, 1);
}
