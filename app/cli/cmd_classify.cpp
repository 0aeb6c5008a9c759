// geso-atlas classify: classes for one variable of the index (a dimension, an indicator or the
// total) in one year — breaks, counts, legend labels with colours, GVF/GADF and the class of
// every area. The breaks are pooled over all years of the table by default (as in the viewer
// and the export), so maps of different years share one legend; --single-year opts out.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "cli/report.hpp"
#include "cli/commands.hpp"
#include "core/classify/classify.hpp"
#include "core/classify/legend_format.hpp"
#include "core/classify/palette.hpp"
#include "core/index/boundary_names.hpp"
#include "core/index/catalogue.hpp"
#include "core/index/column_mapping.hpp"
#include "core/index/index_model.hpp"
#include "core/index/indicator_table.hpp"

namespace geso::cli {

namespace {

using namespace geso::core;

constexpr const char* kHelp =
    "usage: geso-atlas classify (--dimension D | --indicator ID | --total) [options]\n"
    "\n"
    "Classes for a choropleth of one index variable in one year: breaks, counts, legend labels\n"
    "and colours, goodness of fit (GVF, GADF) and the class of every area.\n"
    "\n"
    "  --dimension D       a dimension id (delaktighet, utbildning, ekonomi, boende)\n"
    "  --indicator ID      an indicator id from the catalogue (e.g. utb_forgymnasial)\n"
    "  --total             the total index\n"
    "  --value raw|normalized  for --indicator: the table's share (default) or its normalised value\n"
    "  --method M          quantile (default) | equal | jenks | stddev | pretty | boxmap | manual |\n"
    "                      centred (diverging around the city: 100 for malmo100, 0 for zscore)\n"
    "  --classes K         3..9 (default 5); boxmap always has 6 classes, stddev derives its count\n"
    "  --breaks a,b,c      manual upper bounds (3..9), ascending; the last must cover the largest\n"
    "                      value (implies --method manual)\n"
    "  --centre C          centre of --method centred (default: the normalisation's city value)\n"
    "  --step W            class width of --method centred (default: derived, round)\n"
    "  --year Y            default: the latest year with area rows\n"
    "  --single-year       breaks from --year only; by default they are pooled over all years of\n"
    "                      the table so maps of different years share one legend (--pooled: the\n"
    "                      default, accepted for older scripts)\n"
    "  --pool-dimensions   with --dimension: breaks from all four dimensions together\n"
    "  --indicators FILE   indicator table (default: bundled illustrative values)\n"
    "  --layer NAME        sheet/table/layer of the table (default: the first with area codes)\n"
    "  --layout L          auto (default) | wide | long\n"
    "  --columns MAPPING   the table's column names, e.g. code=Områdeskod,year=År,\n"
    "                      del_valdeltagande=Valdeltagande (%) (keys: code, name, year, indicator,\n"
    "                      value, or an indicator id)\n"
    "  --table-year Y      the year of a table without a year column\n"
    "  --areas FILE|none   check codes and names against this boundary layer (default: the bundled\n"
    "                      geodata/geso_omraden.shp; 'none' skips it)\n"
    "  --catalogue FILE    indicator catalogue (default: bundled indikatorer.json)\n"
    "  --normalize N       malmo100 (default) | zscore | minmax\n"
    "  --weights W         what-if weights, e.g. utb_forgymnasial=2,ekonomi=0.5\n"
    "  --palette P         ColorBrewer scheme (default YlOrRd, RdBu for centred); the header says\n"
    "                      whether it is colour-blind safe, and a warning says when it is not\n"
    "  --reverse           flip the colours (default: the challenged end is the strong colour)\n"
    "  --compare           also print GVF/GADF of every method at K classes\n"
    "  --lang sv|en        legend language (default sv)\n"
    "  --format table|csv  csv: one row per area (geso_kod, geso_namn, value, class, legend, colour)\n"
    "\n"
    "A value exactly on a break belongs to the lower class. Missing values are never classed:\n"
    "they form the no-data class. With malmo100 each class also reads under / kring / över Malmö.\n"
    "Bundled data are illustrative, not official statistics.\n"
    "Exit codes: 0 ok, 1 bad input, 2 usage error (also option values out of range).\n";

enum class Target { Dimension, Indicator, Total };

struct Selection {
    Target target = Target::Total;
    int index = -1;          // dimension or indicator index
    bool rawValue = true;    // --indicator: raw share or normalised value
    std::string label;       // what is classified, for the header
};

// The selected variable per area of one year's result (areas ascending by code).
std::vector<double> selectValues(const IndexResult& r, const Selection& s) {
    std::vector<double> out;
    for (const auto& a : r.areas) {
        const size_t i = static_cast<size_t>(s.index);
        switch (s.target) {
            case Target::Total: out.push_back(a.total); break;
            case Target::Dimension: out.push_back(a.dimensions[i]); break;
            case Target::Indicator: out.push_back(s.rawValue ? a.raw[i] : a.normalized[i]); break;
        }
    }
    return out;
}

std::vector<double> allDimensionValues(const IndexResult& r) {
    std::vector<double> out;
    for (const auto& a : r.areas) out.insert(out.end(), a.dimensions.begin(), a.dimensions.end());
    return out;
}

Result<std::vector<double>> parseBreakList(const std::string& text) {
    std::vector<double> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        size_t used = 0;
        double v = 0;
        try {
            v = std::stod(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        while (used < item.size() && item[used] == ' ') ++used;
        if (item.empty() || used != item.size() || !std::isfinite(v))
            return Error{"--breaks: '" + item + "' is not a number (use a dot: 12.5,30,45)", ""};
        out.push_back(v);
    }
    if (out.empty()) return Error{"--breaks: no values", ""};
    return out;
}

Result<int> parseInt(const std::string& text, const std::string& option) {
    size_t used = 0;
    int v = 0;
    try {
        v = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (text.empty() || used != text.size()) return Error{option + ": '" + text + "' is not an integer", ""};
    return v;
}

Result<double> parseDouble(const std::string& text, const std::string& option) {
    size_t used = 0;
    double v = 0;
    try {
        v = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (text.empty() || used != text.size() || !std::isfinite(v))
        return Error{option + ": '" + text + "' is not a number", ""};
    return v;
}

// Colours for k classes; StdDev may give 2 classes: then the two ends of the 3-class scheme.
Result<std::vector<Rgba>> classColours(const std::string& palette, int k, bool reversed) {
    if (k >= 3) return paletteColors(palette, k, reversed);
    auto three = paletteColors(palette, 3, reversed);
    if (!three) return three.error();
    std::vector<Rgba> out;
    if (k >= 1) out.push_back(three.value()[0]);
    if (k >= 2) out.push_back(three.value()[2]);
    return out;
}

bool isDiverging(const std::string& palette) {
    for (const auto& p : listPalettes())
        if (p.id.size() == palette.size() &&
            std::equal(p.id.begin(), p.id.end(), palette.begin(),
                       [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
            return p.kind == PaletteKind::Diverging;
    return false;
}

// Pads to `width` characters counting UTF-8 code points (printf's %-Ns counts bytes, which
// misaligns "Möllevången" and en dashes).
std::string pad(const std::string& s, size_t width) {
    size_t chars = 0;
    for (unsigned char ch : s)
        if ((ch & 0xC0) != 0x80) ++chars;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string fixed(double v, int decimals) {
    if (std::isnan(v)) return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Everything the command line asks for, checked before any file is read (usage errors).
struct Request {
    ClassSpec spec;
    std::optional<double> centre;
    std::optional<int> year;
    IndexOptions index;                  // weights are parsed later, against the catalogue
    std::optional<std::string> weights;
    std::optional<std::string> dimension, indicator;
    bool rawValue = true;                // --value raw|normalized
    std::string palette;
    std::string tablePath, catalogPath, areasPath;
    TableOptions table;                  // the column mapping is parsed later, against the catalogue
    std::optional<std::string> columns;
    bool swedish = true, csv = false, pooled = true, poolDimensions = false, reverse = false,
         compare = false, classesGiven = false;
};

// A year option: 1900..2200, else a usage error.
Result<int> parseYear(const std::string& text, const std::string& option) {
    auto parsed = parseInt(text, option);
    if (!parsed) return parsed.error();
    if (parsed.value() < 1900 || parsed.value() > 2200)
        return Error{option + " must be a year (1900-2200), not " + text, ""};
    return parsed.value();
}

Result<Request> parseRequest(const Args& args) {
    Request q;
    const int targets = int(args.has("--dimension")) + int(args.has("--indicator")) + int(args.has("--total"));
    if (targets != 1) return Error{"give exactly one of --dimension, --indicator, --total", ""};
    q.dimension = args.value("--dimension");
    q.indicator = args.value("--indicator");

    const std::string lang = args.valueOr("--lang", "sv");
    if (lang != "sv" && lang != "en") return Error{"--lang must be sv or en", ""};
    q.swedish = lang == "sv";
    const std::string format = args.valueOr("--format", "table");
    if (format != "table" && format != "csv") return Error{"--format must be table or csv", ""};
    q.csv = format == "csv";

    if (auto m = args.value("--method")) {
        auto parsed = parseClassMethod(*m);
        if (!parsed)
            return Error{"unknown method '" + *m +
                             "' (quantile, equal, jenks, stddev, pretty, boxmap, manual, centred)",
                         ""};
        q.spec.method = *parsed;
    } else if (args.has("--breaks")) {
        q.spec.method = ClassMethod::Manual;
    }
    if (auto k = args.value("--classes")) {
        auto parsed = parseInt(*k, "--classes");
        if (!parsed) return parsed.error();
        if (parsed.value() < kMinClasses || parsed.value() > kMaxClasses)
            return Error{"--classes must be " + std::to_string(kMinClasses) + ".." + std::to_string(kMaxClasses) +
                             ", not " + *k,
                         ""};
        q.spec.k = parsed.value();
        q.classesGiven = true;
    }
    if (q.spec.method == ClassMethod::Manual) {
        if (!args.has("--breaks")) return Error{"--method manual needs --breaks a,b,c", ""};
        auto b = parseBreakList(*args.value("--breaks"));
        if (!b) return b.error();
        q.spec.manualUpper = b.value();
        const auto n = static_cast<int>(q.spec.manualUpper.size());
        if (n < kMinClasses || n > kMaxClasses)
            return Error{"--breaks gives " + std::to_string(n) + " classes; " + std::to_string(kMinClasses) + ".." +
                             std::to_string(kMaxClasses) + " are possible",
                         ""};
        if (!std::is_sorted(q.spec.manualUpper.begin(), q.spec.manualUpper.end()) ||
            std::adjacent_find(q.spec.manualUpper.begin(), q.spec.manualUpper.end()) != q.spec.manualUpper.end())
            return Error{"--breaks must be strictly ascending", ""};
        if (args.has("--classes") && q.spec.k != static_cast<int>(q.spec.manualUpper.size()))
            return Error{"--classes " + std::to_string(q.spec.k) + " but --breaks gives " +
                             std::to_string(q.spec.manualUpper.size()) + " classes",
                         ""};
    } else if (args.has("--breaks")) {
        return Error{"--breaks needs --method manual", ""};
    }
    if (auto st = args.value("--step")) {
        auto parsed = parseDouble(*st, "--step");
        if (!parsed || parsed.value() <= 0) return Error{"--step must be a positive number", ""};
        q.spec.centredStep = parsed.value();
    }
    if (auto c = args.value("--centre")) {
        auto parsed = parseDouble(*c, "--centre");
        if (!parsed) return parsed.error();
        q.centre = parsed.value();
    }
    if (q.spec.method != ClassMethod::Centred && (q.centre || args.has("--step")))
        return Error{"--centre and --step apply to --method centred only", ""};

    if (auto n = args.value("--normalize")) {
        auto parsed = parseNormalization(*n);
        if (!parsed) return Error{"unknown --normalize '" + *n + "' (malmo100, zscore, minmax)", ""};
        q.index.norm = *parsed;
    }
    q.weights = args.value("--weights");
    const std::string valueKind = args.valueOr("--value", "raw");
    if (valueKind != "raw" && valueKind != "normalized") return Error{"--value must be raw or normalized", ""};
    if (args.has("--value") && !q.indicator) return Error{"--value applies to --indicator only", ""};
    q.rawValue = valueKind == "raw";
    if (args.has("--pooled") && args.has("--single-year"))
        return Error{"--pooled and --single-year contradict each other (pooled is the default)", ""};
    q.pooled = !args.has("--single-year");
    q.poolDimensions = args.has("--pool-dimensions");
    if (q.poolDimensions && !q.dimension) return Error{"--pool-dimensions applies to --dimension only", ""};
    if (auto y = args.value("--year")) {
        auto parsed = parseYear(*y, "--year");
        if (!parsed) return parsed.error();
        q.year = parsed.value();
    }
    if (auto y = args.value("--table-year")) {
        auto parsed = parseYear(*y, "--table-year");
        if (!parsed) return parsed.error();
        q.table.defaultYear = parsed.value();
    }
    if (auto l = args.value("--layout")) {
        auto parsed = parseLayout(*l);
        if (!parsed) return Error{"--layout must be auto, wide or long, not '" + *l + "'", ""};
        q.table.layout = *parsed;
    }
    q.table.layer = args.valueOr("--layer", "");
    q.columns = args.value("--columns");
    q.areasPath = args.valueOr("--areas", bundledAreasPath());
    q.palette = args.valueOr("--palette", defaultPalette(q.spec.method == ClassMethod::Centred));
    if (auto probe = paletteColors(q.palette, 5); !probe) {
        std::string ids;
        for (const auto& p : listPalettes()) ids += (ids.empty() ? "" : ", ") + p.id;
        return Error{probe.error().what + " (" + ids + ")", ""};
    }
    q.reverse = args.has("--reverse");
    q.compare = args.has("--compare");
    q.tablePath = args.valueOr("--indicators", bundledIndicatorsPath());
    q.catalogPath = args.valueOr("--catalogue", bundledCatalogPath());
    return q;
}

// The variable named on the command line, looked up in the catalogue (unknown ids: usage error).
Result<Selection> resolveSelection(const Request& q, const Catalogue& cat) {
    Selection sel;
    if (q.dimension) {
        sel.target = Target::Dimension;
        sel.index = cat.dimensionIndex(*q.dimension);
        if (sel.index < 0) {
            std::string ids;
            for (const auto& dim : cat.dimensions) ids += (ids.empty() ? "" : ", ") + dim.id;
            return Error{"unknown dimension '" + *q.dimension + "' (" + ids + ")", ""};
        }
        sel.label = cat.dimensions[static_cast<size_t>(sel.index)].id;
    } else if (q.indicator) {
        sel.target = Target::Indicator;
        sel.index = cat.indicatorIndex(*q.indicator);
        if (sel.index < 0) return Error{"unknown indicator '" + *q.indicator + "' (see " + q.catalogPath + ")", ""};
        sel.rawValue = q.rawValue;
        sel.label = *q.indicator + (sel.rawValue ? " (raw %)" : " (normalized)");
    } else {
        sel.label = cat.totalId;
    }
    return sel;
}

struct Pool {
    std::vector<double> values;
    std::vector<int> years;
    std::vector<std::string> notes;  // years left out, and why
};

// The values the breaks come from: this year or every year; this variable or all dimensions.
Pool buildPool(const Request& q, const Selection& sel, const IndicatorTable& tbl, const Catalogue& cat,
               const IndexResult& thisYear) {
    Pool pool;
    auto add = [&](const IndexResult& yr) {
        const auto v = q.poolDimensions ? allDimensionValues(yr) : selectValues(yr, sel);
        pool.values.insert(pool.values.end(), v.begin(), v.end());
        pool.years.push_back(yr.year);
    };
    if (!q.pooled) {
        add(thisYear);
        return pool;
    }
    for (int y : tbl.years) {
        if (y == thisYear.year) {
            add(thisYear);
            continue;
        }
        auto other = computeIndex(tbl, cat, y, q.index);
        if (other) add(other.value());
        else pool.notes.push_back(std::to_string(y) + " left out of the pool: " + other.error().what);
    }
    return pool;
}

// The centre of a centred classing: --centre, else the normalisation's city value.
Result<double> centreFor(const Request& q, const Selection& sel, const IndexResult& r) {
    const bool rawShare = sel.target == Target::Indicator && sel.rawValue;
    if (q.centre) return *q.centre;
    if (!rawShare && !std::isnan(r.reference())) return r.reference();
    return Error{"--method centred needs --centre here (no city reference for " +
                     std::string(rawShare ? "raw shares" : normalizationId(q.index.norm)) + ")",
                 ""};
}

// "2018–2024", "2018, 2020–2024": runs of consecutive years joined with an en dash.
std::string yearsText(const std::vector<int>& years) {
    std::string out;
    for (size_t i = 0; i < years.size();) {
        size_t j = i;
        while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(years[i]);
        if (j > i) out += "\u2013" + std::to_string(years[j]);
        i = j + 1;
    }
    return out;
}

struct Report {
    const Request& q;
    const Selection& sel;
    const IndexResult& r;
    const std::vector<double>& values;
    const Pool& pool;
    const Classes& c;
    std::vector<Rgba> colours;
    std::vector<std::string> labels;
    bool defaultYear = false;             // the year was not given: the latest with area rows
    std::vector<CityRelation> relations;  // per class; empty unless Malmö = 100 index values
};

void printCsv(const Report& p) {
    std::printf("geso_kod,geso_namn,value,class,legend,colour\n");
    for (size_t i = 0; i < p.r.areas.size(); ++i) {
        const auto& a = p.r.areas[i];
        const int cls = p.c.classOf[i];
        const size_t ci = static_cast<size_t>(cls);
        std::printf("%d,%s,%s,%s,%s,%s\n", a.code, csvField(a.name).c_str(),
                    std::isnan(p.values[i]) ? "" : fixed(p.values[i], 6).c_str(),
                    cls < 0 ? "" : std::to_string(cls + 1).c_str(),
                    csvField(cls < 0 ? noDataLabel(p.q.swedish) : p.labels[ci]).c_str(),
                    toHex(cls < 0 ? noDataColor() : p.colours[ci]).c_str());
    }
}

void printHeader(const Report& p, const Catalogue& cat, const IndicatorTable& tbl) {
    const Classes& c = p.c;
    std::printf("classify %s, year %d%s, normalization %s, method %s, %d classes\n", p.sel.label.c_str(),
                p.r.year, p.defaultYear ? " (the latest with area rows)" : "",
                std::string(normalizationId(p.q.index.norm)).c_str(), std::string(methodName(c.method)).c_str(),
                c.classCount());
    if (c.method == ClassMethod::Centred) std::printf("centre %s\n", fixed(p.q.spec.centre, 2).c_str());
    std::printf("palette %s\n", paletteDisplayLabel(p.q.palette, false).c_str());
    if (p.r.customWeights)
        std::printf("weights differ from the city's equal weights: %s\n",
                    describeWeights(p.r.options, cat).c_str());
    // Only values that take part: missing ones are never in the breaks.
    const auto used = static_cast<size_t>(
        std::count_if(p.pool.values.begin(), p.pool.values.end(), [](double v) { return !std::isnan(v); }));
    const size_t missing = p.pool.values.size() - used;
    const std::string counts = std::to_string(used) + " values" +
                               (missing ? "; " + std::to_string(missing) + " missing left out" : std::string());
    const std::string dims = p.q.poolDimensions ? "all dimensions, " : "";
    if (p.q.pooled)
        std::printf("breaks pooled over %s%s (%zu year%s, %s)\n", dims.c_str(), yearsText(p.pool.years).c_str(),
                    p.pool.years.size(), p.pool.years.size() == 1 ? "" : "s", counts.c_str());
    else
        std::printf("breaks from %s%d only (%s; --single-year)\n", dims.c_str(), p.r.year, counts.c_str());
    for (const auto& n : p.pool.notes) std::printf("note: %s\n", n.c_str());
    for (const auto& n : p.r.notes) std::printf("note: %s\n", n.c_str());
    std::printf("source: %s%s\n", p.q.tablePath.c_str(),
                p.q.tablePath == bundledIndicatorsPath() ? " (illustrativa värden, inte officiell statistik)" : "");
    if (tbl.warningCount() > 0) std::printf("table warnings: %zu (see geso-atlas index)\n", tbl.warningCount());
}

void printLegend(const Report& p) {
    const Classes& c = p.c;
    std::printf("\nlower %s\nupper", fixed(c.lower, 6).c_str());
    for (double u : c.upper) std::printf(" %s", fixed(u, 6).c_str());
    std::printf("\n\n%-6s %-28s %6s  %s\n", "class", "legend", "count", "colour");
    const auto boxNames = boxMapClassNames(p.q.swedish);
    for (size_t i = 0; i < c.upper.size(); ++i) {
        std::string extra;
        if (i < p.relations.size()) extra += "  " + cityRelationText(p.relations[i], p.q.swedish);
        if (c.method == ClassMethod::BoxMap && i < boxNames.size()) extra += "  " + boxNames[i];
        std::printf("%-6zu %s %6d  %s%s\n", i + 1, pad(p.labels[i], 28).c_str(), c.counts[i],
                    toHex(p.colours[i]).c_str(), extra.c_str());
    }
    std::printf("%-6s %s %6d  %s\n", "-", pad(noDataLabel(p.q.swedish), 28).c_str(), c.noDataCount,
                toHex(noDataColor()).c_str());
    if (!p.relations.empty()) std::printf("%s\n", cityReferenceNote(p.q.swedish).c_str());
    std::printf("%s\n", legendEdgeNote(p.q.swedish).c_str());
    std::printf("GVF %.4f  GADF %.4f\n", goodnessOfVarianceFit(p.values, c),
                goodnessOfAbsoluteDeviationFit(p.values, c));
}

// GVF/GADF of every method at the same k and pool, so a planner can justify the choice.
void printComparison(const Report& p) {
    std::printf("\n%-10s %8s %8s\n", "method", "GVF", "GADF");
    for (auto m : {ClassMethod::Quantile, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks,
                   ClassMethod::StdDev, ClassMethod::Pretty, ClassMethod::BoxMap, ClassMethod::Centred}) {
        ClassSpec other = p.q.spec;
        other.method = m;
        if (m == ClassMethod::Centred) {
            auto centre = centreFor(p.q, p.sel, p.r);
            if (!centre) continue;  // no city reference: centred does not apply
            other.centre = centre.value();
        }
        auto oc = classifyPooled(p.pool.values, p.values, other);
        if (!oc) {
            std::printf("%-10s %s\n", std::string(methodName(m)).c_str(), oc.error().what.c_str());
            continue;
        }
        std::printf("%-10s %8.4f %8.4f  (%d classes)\n", std::string(methodName(m)).c_str(),
                    goodnessOfVarianceFit(p.values, oc.value()),
                    goodnessOfAbsoluteDeviationFit(p.values, oc.value()), oc.value().classCount());
    }
}

void printAreas(const Report& p) {
    std::printf("\n%-5s %-40s %10s %6s\n", "code", "name", "value", "class");
    for (size_t i = 0; i < p.r.areas.size(); ++i) {
        const auto& a = p.r.areas[i];
        const int cls = p.c.classOf[i];
        std::printf("%-5d %s %10s %6s\n", a.code, pad(a.name, 40).c_str(), fixed(p.values[i], 2).c_str(),
                    cls < 0 ? "-" : std::to_string(cls + 1).c_str());
    }
}

}  // namespace

int cmdClassify(int argc, char** argv) {
    const OptionSpec spec{
        {"--dimension", "--indicator", "--value", "--method", "--classes", "--breaks", "--centre",
         "--step", "--year", "--indicators", "--catalogue", "--normalize", "--weights", "--palette",
         "--lang", "--format", "--layer", "--layout", "--columns", "--table-year", "--areas"},
        {"--total", "--pooled", "--single-year", "--pool-dimensions", "--reverse", "--compare", "--help"},
        0};
    Args args(argc, argv, 1, spec);
    if (!args.ok()) return reportUsage("classify", args.error());
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kExitOk;
    }
    auto request = parseRequest(args);
    if (!request) return reportUsage("classify", request.error().what);
    Request& q = request.value();

    auto cat = loadCatalogue(q.catalogPath);
    if (!cat) return reportFailure(cat.error().line());
    const Catalogue& catalogue = cat.value();
    auto selection = resolveSelection(q, catalogue);
    if (!selection) return reportUsage("classify", selection.error().what);
    const Selection& sel = selection.value();
    if (q.weights) {
        auto st = parseWeights(*q.weights, catalogue, q.index);
        if (!st) return reportUsage("classify", "--weights: " + st.error().what);
    }
    if (q.columns) {
        auto st = parseColumnMapping(*q.columns, catalogue, q.table);
        if (!st) return reportUsage("classify", "--columns: " + st.error().what);
    }

    auto table = loadIndicatorTable(q.tablePath, catalogue, q.table);
    if (!table) return reportFailure(table.error().line());
    // As in `index`: codes and names against the bundled boundaries unless told otherwise.
    if (q.areasPath != "none" && (args.has("--areas") || std::filesystem::exists(q.areasPath)))
        if (auto st = checkNamesAgainstLayer(table.value(), q.areasPath); !st)
            return reportFailure(st.error().line());
    const IndicatorTable& tbl = table.value();
    if (const TableIssue* e = tbl.firstError()) {
        const size_t more = tbl.errorCount() - 1;
        return reportFailure(e->line() +
                             (more ? " (and " + std::to_string(more) + " more errors; see geso-atlas index)" : ""));
    }
    // A year with only a city row has nothing to map: the default is the latest with area rows.
    auto result = computeIndex(tbl, catalogue, q.year.value_or(tbl.latestAreaYear()), q.index);
    if (!result) return reportFailure(result.error().line());
    const IndexResult& r = result.value();
    const std::vector<double> values = selectValues(r, sel);
    const Pool pool = buildPool(q, sel, tbl, catalogue, r);

    if (q.spec.method == ClassMethod::Centred) {
        auto centre = centreFor(q, sel, r);
        if (!centre) return reportUsage("classify", centre.error().what);
        q.spec.centre = centre.value();
    }
    auto classes = classifyPooled(pool.values, values, q.spec);
    if (!classes)
        return reportFailure("classify: " + sel.label + " " + std::to_string(r.year) + ": " +
                             classes.error().what);
    const Classes& c = classes.value();

    // The challenged end is the strong colour: index values are "higher is better", a raw share
    // of a negative indicator is "higher is worse" (see palette.hpp).
    bool strongEndIsLow = true;
    if (sel.target == Target::Indicator && sel.rawValue)
        strongEndIsLow = !catalogue.indicators[static_cast<size_t>(sel.index)].negative;
    bool reversed = isDiverging(q.palette) ? !strongEndIsLow : strongEndIsLow;
    if (q.reverse) reversed = !reversed;
    auto colours = classColours(q.palette, c.classCount(), reversed);
    if (!colours) return reportUsage("classify", colours.error().what);

    // Notes once the result stands, so a failure stays one line.
    if (q.classesGiven && (c.method == ClassMethod::BoxMap || c.method == ClassMethod::StdDev))
        std::fprintf(stderr, "geso-atlas: note: --classes %d is not used: %s gives %d classes %s\n", q.spec.k,
                     std::string(methodName(c.method)).c_str(), c.classCount(),
                     c.method == ClassMethod::BoxMap ? "(quartiles and outliers, always)"
                                                     : "here (whole standard deviations that the data span)");
    if (const PaletteInfo* info = findPalette(q.palette); info && !info->colorBlindSafe) {
        std::string safe;
        for (const auto& p : listPalettes())
            if (p.kind == info->kind && p.colorBlindSafe) safe += (safe.empty() ? "" : ", ") + p.id;
        std::fprintf(stderr,
                     "geso-atlas: warning: palette %s is not colour-blind safe (ColorBrewer); safe %s schemes: "
                     "%s\n",
                     info->id.c_str(), info->kind == PaletteKind::Diverging ? "diverging" : "sequential",
                     safe.c_str());
    }
    if (q.csv && !q.year)
        std::fprintf(stderr, "geso-atlas: note: year %d (the latest with area rows)\n", r.year);

    // Malmö = 100 index values read against the city; raw shares and other normalisations do not.
    const bool indexValue = !(sel.target == Target::Indicator && sel.rawValue);
    std::vector<CityRelation> relations;
    if (indexValue && q.index.norm == Normalization::Malmo100) relations = cityRelations(c, r.reference());
    const Report report{q, sel, r, values, pool, c, colours.value(), legendLabels(c, -1, q.swedish),
                        !q.year, relations};
    if (q.csv) {
        printCsv(report);
        return kExitOk;
    }
    printHeader(report, catalogue, tbl);
    printLegend(report);
    if (q.compare) printComparison(report);
    printAreas(report);
    return kExitOk;
}

}  // namespace geso::cli
