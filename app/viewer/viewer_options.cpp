#include "viewer/viewer_options.hpp"

#include <cstdio>
#include <cstdlib>

#include "cli/args.hpp"
#include "core/text/lang.hpp"

namespace geso::viewer {

const char* const kViewerUsage =
    "usage: geso-atlas [--lang sv|en] [--areas FILE] [--indicators FILE] [--initiatives FILE]\n"
    "                  [--trygghet FILE] [--crs EPSG:N] [--size WxH] [--ui-scale S]\n"
    "                  [--screenshot FILE.png [--frames N]]\n";

std::optional<ViewerOptions> parseViewerOptions(int argc, char** argv, int first, std::string& error) {
    cli::OptionSpec spec;
    spec.withValue = {"--lang", "--areas", "--indicators", "--initiatives", "--trygghet", "--crs",
                      "--screenshot", "--frames", "--size", "--ui-scale"};
    spec.flags = {"--help"};
    spec.maxPositional = 0;
    cli::Args args(argc, argv, first, spec);
    if (!args.ok()) { error = args.error(); return std::nullopt; }
    ViewerOptions o;
    o.help = args.has("--help");
    o.lang = args.value("--lang");
    if (o.lang && !core::parseLang(*o.lang)) { error = "--lang must be sv or en, not '" + *o.lang + "'"; return std::nullopt; }
    o.areas = args.value("--areas");
    o.indicators = args.value("--indicators");
    o.initiatives = args.value("--initiatives");
    o.trygghet = args.value("--trygghet");
    o.crs = args.value("--crs");
    o.screenshot = args.valueOr("--screenshot", "");
    if (auto f = args.value("--frames")) {
        char* end = nullptr;
        const long n = std::strtol(f->c_str(), &end, 10);
        if (end == f->c_str() || *end || n < 1 || n > 100000) { error = "--frames must be 1..100000"; return std::nullopt; }
        o.frames = static_cast<int>(n);
    }
    if (auto s = args.value("--size")) {
        int w = 0, h = 0;
        char tail = 0;
        if (std::sscanf(s->c_str(), "%dx%d%c", &w, &h, &tail) != 2 || w < 64 || h < 64 || w > 16384 || h > 16384) {
            error = "--size must be WxH, e.g. 1920x1080 (64..16384)";
            return std::nullopt;
        }
        o.widthPx = w;
        o.heightPx = h;
    }
    if (auto s = args.value("--ui-scale")) {
        char* end = nullptr;
        const float x = std::strtof(s->c_str(), &end);
        if (end == s->c_str() || *end || !(x >= 0.5f && x <= 8.0f)) { error = "--ui-scale must be 0.5..8"; return std::nullopt; }
        o.uiScale = x;
    }
    return o;
}

}  // namespace geso::viewer
