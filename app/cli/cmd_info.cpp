// geso-atlas info PATH: what a vector file holds, how it loads, and whether
// its polygons are valid — the check a GIS colleague runs before using a file.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

#include "cli/args.hpp"
#include "cli/report.hpp"
#include "cli/commands.hpp"
#include "core/crs/crs.hpp"
#include "core/geom/validate.hpp"
#include "core/io/vector_reader.hpp"

namespace geso::cli {
namespace {

constexpr const char* kInfoUsage =
    "usage: geso-atlas info PATH [--layer NAME] [--crs EPSG:N] [--assume-crs EPSG:N]\n"
    "\n"
    "Describes a vector file (Shapefile, zipped Shapefile, GeoPackage, GeoJSON, FlatGeobuf,\n"
    "CSV with lon/lat columns, PG:… connection): driver, layers, feature count, geometry\n"
    "type, source CRS, extent in source and display CRS, fields with types, and the\n"
    "validity report of the layer it loads.\n"
    "\n"
    "  --layer NAME         the layer to load when the file has several\n"
    "  --crs EPSG:N         display CRS (default EPSG:3008, SWEREF 99 13 30)\n"
    "  --assume-crs EPSG:N  CRS of the file's coordinates: needed when it declares none\n"
    "                       or an unusable one; overrides a declared CRS (with a warning)\n"
    "  --help               this text\n"
    "\n"
    "Exit codes: 0 ok, 1 bad input (one line on stderr), 2 usage error.\n";




// "3006" → "EPSG:3006"; anything else is passed to PROJ as written.
std::string crsArg(const std::string& v) {
    const bool digits = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    return digits ? "EPSG:" + v : v;
}

std::string crsLabel(const std::string& name, const std::string& code) {
    if (name.empty() && code.empty()) return "none";
    if (code.empty()) return name + " (no EPSG code)";
    return name.empty() ? code : name + " (" + code + ")";
}

// One coordinate for the extent lines. Beyond 1e12 (no CRS has such
// coordinates; damaged files do) %.1f would print hundreds of digits, so %g.
std::string coordText(double v, bool degrees) {
    char buf[64];
    if (!std::isfinite(v) || std::fabs(v) >= 1e12) std::snprintf(buf, sizeof buf, "%.6g", v);
    else std::snprintf(buf, sizeof buf, degrees ? "%.6f" : "%.1f", v);
    return buf;
}

std::string boxText(const core::Box& b, bool degrees) {
    if (b.empty()) return "empty";
    return "x " + coordText(b.minX, degrees) + " … " + coordText(b.maxX, degrees) + ", y " +
           coordText(b.minY, degrees) + " … " + coordText(b.maxY, degrees);
}

bool looksDegrees(const core::Box& b) {
    return !b.empty() && b.minX >= -180 && b.maxX <= 180 && b.minY >= -90 && b.maxY <= 90;
}

const char* kindText(core::LayerKind k) {
    switch (k) {
    case core::LayerKind::Areas: return "areas";
    case core::LayerKind::Points: return "points";
    case core::LayerKind::Mixed: return "mixed geometry";
    case core::LayerKind::Table: return "table, no geometry";
    case core::LayerKind::Other: return "lines or other, not loadable";
    }
    return "";
}

const char* storedAs(core::FieldType t) {
    switch (t) {
    case core::FieldType::Integer: return "integer";
    case core::FieldType::Real: return "number";
    case core::FieldType::Text: return "text";
    case core::FieldType::Date: return "date";
    }
    return "";
}

void printLayerInfo(const core::LayerInfo& l) {
    std::printf("layer %s\n", l.name.c_str());
    std::printf("  geometry:      %s (%s)\n", l.geometryType.c_str(), kindText(l.kind));
    if (l.featureCount >= 0) std::printf("  features:      %lld\n", static_cast<long long>(l.featureCount));
    else std::printf("  features:      unknown\n");
    std::printf("  source CRS:    %s\n", crsLabel(l.crsName, l.crsCode).c_str());
    if (l.kind != core::LayerKind::Table) {
        const bool degrees = l.crsDefinition.empty() ? looksDegrees(l.extent) : false;
        bool geographic = degrees;
        if (!l.crsDefinition.empty())
            if (auto d = core::describeCrs(l.crsDefinition)) geographic = d.value().geographic;
        std::printf("  extent:        %s (source CRS)\n", boxText(l.extent, geographic).c_str());
    }
    std::printf("  fields:        %zu\n", l.fields.size());
    for (const auto& f : l.fields)
        std::printf("    %-22s %-18s → %s\n", f.name.c_str(), f.gdalType.c_str(), storedAs(f.type));
}

const char* issueKind(core::FeatureIssue::Kind k) {
    switch (k) {
    case core::FeatureIssue::Kind::Repaired: return "repaired";
    case core::FeatureIssue::Kind::Skipped: return "skipped";
    case core::FeatureIssue::Kind::Warning: return "warning";
    }
    return "";
}

// Prints every issue (capped; the counts above are complete).
void printIssues(const std::vector<core::FeatureIssue>& issues) {
    size_t repaired = 0, skipped = 0, warnings = 0;
    for (const auto& i : issues) {
        if (i.kind == core::FeatureIssue::Kind::Repaired) ++repaired;
        else if (i.kind == core::FeatureIssue::Kind::Skipped) ++skipped;
        else ++warnings;
    }
    std::printf("  repaired:      %zu\n  skipped:       %zu\n  warnings:      %zu\n", repaired, skipped, warnings);
    constexpr size_t kShown = 50;
    for (size_t n = 0; n < issues.size() && n < kShown; ++n) {
        const auto& i = issues[n];
        std::printf("    %-8s %s: %s\n", issueKind(i.kind), i.label.c_str(), oneLine(i.detail).c_str());
    }
    if (issues.size() > kShown) std::printf("    … and %zu more\n", issues.size() - kShown);
}

}  // namespace

int cmdInfo(int argc, char** argv) {
    Args args(argc, argv, 1, OptionSpec{{"--layer", "--crs", "--assume-crs"}, {"--help"}, 1});
    if (!args.ok()) return reportUsage("info", args.error());
    if (args.has("--help")) { std::fputs(kInfoUsage, stdout); return kExitOk; }
    if (args.positional().empty()) return reportUsage("info", "missing PATH");

    const std::string path = args.positional().front();
    core::LoadOptions opts;
    opts.layerName = args.valueOr("--layer", "");
    opts.displayCrs = crsArg(args.valueOr("--crs", opts.displayCrs));
    opts.assumeCrs = crsArg(args.valueOr("--assume-crs", ""));
    auto display = core::describeCrs(opts.displayCrs);
    if (!display) return reportUsage("info", "--crs '" + opts.displayCrs + "' is not a CRS PROJ knows");
    if (!opts.assumeCrs.empty() && !core::describeCrs(opts.assumeCrs))
        return reportUsage("info", "--assume-crs '" + opts.assumeCrs + "' is not a CRS PROJ knows");

    auto info = core::describeDataset(path, opts);
    if (!info) return reportFailure(info.error());
    const core::DatasetInfo& d = info.value();
    std::printf("file:            %s\n", d.path.c_str());
    if (d.gdalPath != d.path) std::printf("opened as:       %s\n", d.gdalPath.c_str());
    std::printf("driver:          %s (%s)\n", d.driver.c_str(), d.driverLongName.c_str());
    std::printf("layers:          %zu\n", d.layers.size());
    for (const auto& l : d.layers) printLayerInfo(l);

    // The layer to load and check: the named one, else the only loadable one.
    const core::LayerInfo* chosen = nullptr;
    size_t loadable = 0;
    for (const auto& l : d.layers) {
        if (!opts.layerName.empty() && l.name == opts.layerName) chosen = &l;
        const bool canLoad = l.kind == core::LayerKind::Areas || l.kind == core::LayerKind::Points ||
                             l.kind == core::LayerKind::Mixed;
        if (opts.layerName.empty() && canLoad) { ++loadable; chosen = &l; }
    }
    if (opts.layerName.empty() && loadable > 1) {
        std::printf("\n%zu loadable layers: pass --layer NAME to load one and check its validity.\n", loadable);
        return kExitOk;
    }
    if (!chosen) {
        std::printf("\nno area or point layer to load.\n");
        return kExitOk;
    }
    opts.layerName = chosen->name;
    const std::string displayLabel = crsLabel(display.value().name, display.value().code);
    const bool displayDegrees = display.value().geographic;

    if (chosen->kind == core::LayerKind::Points) {
        auto pts = core::loadPoints(path, opts);
        if (!pts) return reportFailure(pts.error());
        const core::PointLayer& p = pts.value();
        std::printf("\nloaded %s as points into %s\n", chosen->name.c_str(), displayLabel.c_str());
        std::printf("  source CRS:    %s\n", crsLabel(p.source.srcCrsName, p.source.srcCrsCode).c_str());
        std::printf("  points:        %zu\n", p.featureCount());
        std::printf("  extent:        %s (display CRS)\n", boxText(p.extent, displayDegrees).c_str());
        std::printf("load report\n");
        printIssues(p.issues);
        return kExitOk;
    }

    auto areas = core::loadAreas(path, opts);
    if (!areas) return reportFailure(areas.error());
    core::AreaLayer& a = areas.value();
    const size_t loadedCount = a.featureCount();
    std::printf("\nloaded %s as areas into %s\n", chosen->name.c_str(), displayLabel.c_str());
    std::printf("  source CRS:    %s\n", crsLabel(a.source.srcCrsName, a.source.srcCrsCode).c_str());
    std::printf("  features:      %zu\n", loadedCount);
    std::printf("  extent:        %s (display CRS)\n", boxText(a.extent, displayDegrees).c_str());

    const size_t loadIssues = a.issues.size();
    if (auto s = core::validateAndRepair(a); !s) return reportFailure(s.error());
    size_t repaired = 0;
    for (size_t i = loadIssues; i < a.issues.size(); ++i)
        if (a.issues[i].kind == core::FeatureIssue::Kind::Repaired) ++repaired;
    std::printf("validity report (load + GEOS validation)\n");
    std::printf("  valid as read: %zu of %zu\n", a.featureCount() >= repaired ? a.featureCount() - repaired : 0,
                loadedCount);
    printIssues(a.issues);
    return kExitOk;
}

}  // namespace geso::cli
