// geso-atlas export: the map as a GeoPackage QGIS opens with the app's styles,
// or the attribute table as CSV (format chosen by the --out extension).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "cli/args.hpp"
#include "cli/report.hpp"
#include "cli/commands.hpp"
#include "cli/map_options.hpp"
#include "core/classify/classify.hpp"
#include "core/export/export.hpp"
#include "core/export/safe_write.hpp"
#include "core/project/choropleth.hpp"
#include "core/project/project.hpp"

namespace geso::cli {
namespace {

using namespace geso::core;

constexpr const char* kHelp =
    "usage: geso-atlas export --out FILE.gpkg|FILE.csv [options]\n"
    "\n"
    "FILE.gpkg: one GeoPackage for QGIS with the areas (index, dimensions, classes), the indicator\n"
    "table (long layout), the point layers, provenance metadata and QGIS styles (layer_styles): QGIS\n"
    "opens geso_omraden with the app's classes and colours; the layer's style menu switches between\n"
    "the dimensions and the total index.\n"
    "FILE.csv: the attribute table for one year (code, name, year, indicators, dimensions, total, rank),\n"
    "UTF-8 with BOM.\n"
    "\n"
    "  --out FILE          .gpkg or .csv; written to a temporary file and renamed when complete\n"
    "  --year Y            default: the latest year of the indicator table\n"
    "  --crs EPSG:N        output CRS of the GeoPackage (default EPSG:3008, SWEREF 99 13 30)\n"
    "  --update            add/replace our layers in an existing GeoPackage, keep its other layers\n"
    "  --areas FILE        area layer (default: bundled schematic GeSO boundaries)\n"
    "  --areas-layer NAME  layer in a multi-layer source\n"
    "  --assume-crs EPSG:N CRS of the area layer when it declares none or a wrong one\n"
    "  --indicators FILE   indicator table (default: bundled illustrative values; 'none' = without)\n"
    "  --indicators-layer Ssheet or table of the indicator file\n"
    "  --layout L          auto (default) | wide | long\n"
    "  --columns MAP       column names, e.g. code=Områdeskod,year=År,del_valdeltagande=Valdeltagande\n"
    "  --table-year Y      the year of a table without a year column\n"
    "  --initiatives FILE  point layer of ongoing initiatives ('none' = without)\n"
    "  --trygghet FILE     point layer of safety areas ('none' = without)\n"
    "  --normalize N       malmo100 (default) | zscore | minmax\n"
    "  --weights W         what-if weights, e.g. utb_forgymnasial=2,ekonomi=0.5 (default: equal)\n"
    "  --method M          classes of the styles: quantile | equal | jenks | stddev | pretty | boxmap |\n"
    "                      centred | manual (default: each variable's own, as in the app: centred on\n"
    "                      the city for malmo100 indices, else quantile)\n"
    "  --classes K         3..9 (default 5)\n"
    "  --breaks a,b,c      manual classes: ascending upper bounds\n"
    "  --palette P         ColorBrewer scheme (default: RdBu for centred, else YlOrRd)\n"
    "  --reverse           flip the colours\n"
    "  --single-year       breaks from this year only (default: pooled over all years, like the app)\n"
    "  --variable V        the style QGIS opens first: total (default), a dimension or an indicator id\n"
    "  --swedish-excel     CSV: semicolon separators and decimal comma\n"
    "  --lang sv|en        language of names, legends and metadata (default sv)\n"
    "\n"
    "With --areas naming another file, the bundled (Malmö) point layers are left out unless named.\n"
    "Exit codes: 0 ok, 1 bad input or failed write (the target is left untouched), 2 usage error.\n"
    "Bundled data: schematic boundaries and illustrative values, not official statistics.\n";



std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

int cmdExport(int argc, char** argv) {
    OptionSpec spec{{"--out", "--year", "--normalize", "--weights", "--variable"},
                    {"--help", "--update", "--swedish-excel"},
                    0};
    addDataOptions(spec);
    addStyleOptions(spec);
    addLangOption(spec);
    Args args(argc, argv, 1, spec);
    if (!args.ok()) return reportUsage("export", args.error());
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kExitOk;
    }
    const std::string out = args.valueOr("--out", "");
    if (out.empty()) return reportUsage("export", "--out FILE.gpkg or FILE.csv is required");
    const std::string ext = lowerExtension(out);
    const bool csv = ext == ".csv";
    if (!csv && ext != ".gpkg") return reportUsage("export", "--out must end in .gpkg or .csv, not '" + ext + "'");
    if (csv && (args.has("--update") || args.has("--crs")))
        return reportUsage("export", "--update and --crs apply to .gpkg only");
    if (!csv && args.has("--swedish-excel")) return reportUsage("export", "--swedish-excel applies to .csv only");

    Lang lang = kDefaultLang;
    VariableChoice choice;  // the year, normalisation and weights of every exported value
    DataOptions data;
    for (const std::string& problem :
         {parseLangOption(args, lang), parseVariableOptions(args, choice), parseDataOptions(args, false, data)})
        if (!problem.empty()) return reportUsage("export", problem);
    // Styles: each variable's own default unless the options say otherwise (then for all of them).
    std::optional<MapStyle> style;
    if (hasStyleOptions(args)) {
        MapVariable total;
        total.norm = choice.variable.norm;
        MapStyle s;
        if (const std::string problem = parseStyleOptions(args, total, s); !problem.empty())
            return reportUsage("export", problem);
        style = s;
    }
    if (Status st = checkOutputPath(out); !st) return reportFailure(st.error());
    {
        std::error_code ec;
        if (args.has("--update") && !std::filesystem::exists(out, ec))
            return reportFailure(Error{"file to update does not exist", out});
    }

    auto project = loadProject(data);
    if (!project) return reportFailure(project.error());
    const Project& p = project.value();
    MapVariable& variable = choice.variable;
    if (const std::string problem = applyWeights(choice, p.catalogue, variable); !problem.empty())
        return reportUsage("export", problem);
    const IndexOptions index = variable.indexOptions();
    const int year = variable.year;
    for (const auto& w : p.warnings) std::fprintf(stderr, "geso-atlas: note: %s\n", w.c_str());

    installInterruptCleanup();
    if (csv) {
        CsvOptions co;
        co.swedishExcel = args.has("--swedish-excel");
        if (Status st = exportCsv(out, p, year, index, co); !st) return reportFailure(st.error());
        std::printf("%s: %zu areas\n", out.c_str(), p.areas.featureCount());
        return kExitOk;
    }
    ExportRequest req;
    req.outPath = out;
    req.year = year;
    req.crs = args.has("--crs") ? data.displayCrs : "";
    req.update = args.has("--update");
    req.index = index;
    req.style = style;
    req.defaultVariable = args.valueOr("--variable", p.catalogue.totalId);
    req.lang = lang;
    auto content = buildGpkgContent(p, req);
    if (!content) return reportFailure(Error{content.error().what, out});
    if (Status st = writeGpkgSafely(out, content.value(), req.update); !st) return reportFailure(st.error());
    std::string summary;
    for (const auto& t : content.value().tables)
        summary += (summary.empty() ? "" : ", ") + t.name + " " + std::to_string(t.rows);
    std::printf("%s (%s): %s\n", out.c_str(), content.value().crs.c_str(), summary.c_str());
    if (p.provenance.schematicBoundaries || p.provenance.illustrativeValues)
        std::printf("%s – %s\n", p.provenance.line(lang).c_str(),
                    lang == Lang::En ? "not official statistics" : "inte officiell statistik");
    return kExitOk;
}

}  // namespace geso::cli
