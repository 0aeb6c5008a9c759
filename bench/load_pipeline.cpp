// geso-bench-load: the load pipeline of geso-atlas on one file, timed phase by
// phase, in the app's order (loadProject): read (GDAL) → validate (GEOS, source
// CRS) → reproject (PROJ) → triangulate + labels. "load+reproject" is the read
// and the reprojection, without the validation inside it.
// Prints one "phase NAME SECONDS cpu SECONDS" line per phase (wall, then CPU
// of all threads; "total" CPU includes start-up; resident set after the
// phase), then counts and
// the peak resident set. Whole-process timing is done from outside
// (bench/run_load_bench.sh: hyperfine, /usr/bin/time).
//
//   geso-bench-load FILE [--crs EPSG:3857] [--layer NAME] [--threads N]
//                   [--no-labels] [--triangulator earclip|geos]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "cli/args.hpp"
#include "core/geom/triangulate.hpp"
#include "core/geom/triangulate_geos.hpp"
#include "core/geom/validate.hpp"
#include "core/io/vector_reader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// CPU seconds of the whole process (all threads): on a shared machine this
// says more than wall time about the work done.
double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

int fail(const std::string& line) {
    std::fprintf(stderr, "geso-bench-load: %s\n", line.c_str());
    return geso::cli::kExitFailure;
}

// Current resident set (VmRSS) in KB, 0 if unknown.
long rssKb() {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    long kb = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1) break;
    std::fclose(f);
    return kb;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace geso;
    const cli::OptionSpec spec{{"--crs", "--layer", "--threads", "--triangulator"}, {"--no-labels", "--help"}, 1};
    const cli::Args args(argc, argv, 1, spec);
    if (!args.ok() || args.has("--help") || args.positional().size() != 1) {
        std::fprintf(stderr, "usage: geso-bench-load FILE [--crs EPSG:NNNN] [--layer NAME] [--threads N] "
                             "[--no-labels] [--triangulator earclip|geos]\n");
        if (!args.ok()) std::fprintf(stderr, "geso-bench-load: %s\n", args.error().c_str());
        return args.has("--help") && args.ok() ? cli::kExitOk : cli::kExitUsage;
    }
    const std::string path = args.positional()[0];
    const std::string triangulator = args.valueOr("--triangulator", "earclip");
    if (triangulator != "earclip" && triangulator != "geos") {
        std::fprintf(stderr, "geso-bench-load: --triangulator must be earclip or geos\n");
        return cli::kExitUsage;
    }
    core::GeometryOptions geomOpts;
    geomOpts.labelPoints = !args.has("--no-labels");
    try {
        geomOpts.threads = std::stoi(args.valueOr("--threads", "0"));
    } catch (...) {
        std::fprintf(stderr, "geso-bench-load: --threads needs a number\n");
        return cli::kExitUsage;
    }
    core::LoadOptions loadOpts;
    loadOpts.layerName = args.valueOr("--layer", "");
    loadOpts.displayCrs = args.valueOr("--crs", "EPSG:3008");

    const auto start = Clock::now();
    double validate = 0, validateCpu = 0;
    long validateRss = 0;
    size_t loadIssues = 0;
    loadOpts.beforeReprojection = [&](core::AreaLayer& l, const std::string&) -> core::Result<double> {
        loadIssues = l.issues.size();
        const auto v0 = Clock::now();
        const double c0 = cpuSeconds();
        core::Status s = core::validateAndRepair(l);
        validate = secondsSince(v0);
        validateCpu = cpuSeconds() - c0;
        validateRss = rssKb();
        if (!s) return s.error();
        return 0.0;  // the viewer's load: every vertex through PROJ
    };
    auto t = Clock::now();
    double c = cpuSeconds();
    auto loaded = core::loadAreas(path, loadOpts);
    if (!loaded.ok()) return fail(loaded.error().line());
    core::AreaLayer layer = std::move(loaded).value();
    const double load = secondsSince(t) - validate, loadCpu = cpuSeconds() - c - validateCpu;
    const long loadRss = rssKb();

    t = Clock::now();
    c = cpuSeconds();
    auto geom = triangulator == "geos" ? core::detail::buildAreaGeometryGeosCdt(layer, geomOpts)
                                       : core::buildAreaGeometry(layer, geomOpts);
    if (!geom.ok()) return fail(geom.error().line());
    const double triangulate = secondsSince(t), triangulateCpu = cpuSeconds() - c;
    const double total = secondsSince(start), totalCpu = cpuSeconds();
    const long triangulateRss = rssKb();

    size_t repaired = 0, skipped = 0, warnings = 0;
    for (const auto& issue : layer.issues) {
        repaired += issue.kind == core::FeatureIssue::Kind::Repaired;
        skipped += issue.kind == core::FeatureIssue::Kind::Skipped;
        warnings += issue.kind == core::FeatureIssue::Kind::Warning;
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("file %s\ncrs %s\n", path.c_str(), layer.source.crsCode.c_str());
    std::printf("phase load+reproject %.3f cpu %.3f rss_kb %ld\n", load, loadCpu, loadRss);
    std::printf("phase validate %.3f cpu %.3f rss_kb %ld\n", validate, validateCpu, validateRss);
    std::printf("phase triangulate+labels %.3f cpu %.3f rss_kb %ld\n", triangulate, triangulateCpu, triangulateRss);
    std::printf("phase total %.3f cpu %.3f\n", total, totalCpu);
    std::printf("features %zu\nvertices %zu\ntriangles %zu\n", layer.featureCount(), layer.xy.size(),
                geom.value().triangles.size() / 3);
    std::printf("issues load %zu, repaired %zu, skipped %zu, warnings %zu\n", loadIssues, repaired, skipped,
                warnings);
    std::printf("triangulator %s, labels %s\n", triangulator.c_str(), geomOpts.labelPoints ? "on" : "off");
    std::printf("peak_rss_kb %ld\n", ru.ru_maxrss);
    return cli::kExitOk;
}
