#include "cli/map_options.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "core/crs/crs.hpp"
#include "core/index/column_mapping.hpp"
#include "core/index/index_model.hpp"

namespace geso::cli {
namespace {

using namespace geso::core;

bool allDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::optional<double> parseNumber(const std::string& s) {
    double v = 0;
    const char* end = s.data() + s.size();
    const auto [p, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || p != end || !std::isfinite(v)) return std::nullopt;
    return v;
}

// "30,45.5,60" → ascending upper bounds (a dot for decimals: the comma separates).
std::optional<std::vector<double>> parseBreaks(const std::string& text, std::string& problem) {
    std::vector<double> out;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t end = std::min(text.find(',', pos), text.size());
        const std::string item = text.substr(pos, end - pos);
        const auto v = parseNumber(item);
        if (!v) {
            problem = "--breaks: '" + item + "' is not a number (use a dot for decimals: 12.5,30,45)";
            return std::nullopt;
        }
        if (!out.empty() && *v <= out.back()) {
            problem = "--breaks must be ascending";
            return std::nullopt;
        }
        out.push_back(*v);
        pos = end + 1;
    }
    return out;
}

}  // namespace

std::optional<int> parseInt(const std::string& s) {
    int v = 0;
    const char* end = s.data() + s.size();
    const auto [p, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || p != end || s.empty()) return std::nullopt;
    return v;
}

std::string crsArgument(const std::string& value) { return allDigits(value) ? "EPSG:" + value : value; }

bool looksLikeCrs(const std::string& v) {
    // PROJ also resolves bare names by a fuzzy search ("foo" finds Amersfoort):
    // on the command line only AUTH:CODE, PROJ strings, WKT and PROJJSON count.
    const size_t colon = v.find(':');
    if (colon != std::string::npos && colon > 0 && allDigits(v.substr(colon + 1))) return true;
    if (v.rfind("+proj=", 0) == 0 || v.rfind("{", 0) == 0) return true;
    return v.find('[') != std::string::npos;  // WKT: PROJCS[…], GEOGCRS[…]
}

void addDataOptions(OptionSpec& spec) {
    spec.withValue.insert({"--areas", "--areas-layer", "--assume-crs", "--crs", "--indicators", "--indicators-layer",
                           "--layout", "--columns", "--table-year", "--initiatives", "--trygghet"});
}

void addVariableOptions(OptionSpec& spec) {
    spec.withValue.insert({"--dimension", "--indicator", "--field", "--year", "--normalize", "--weights"});
    spec.flags.insert("--total");
}

void addStyleOptions(OptionSpec& spec) {
    spec.withValue.insert({"--method", "--classes", "--breaks", "--palette"});
    spec.flags.insert({"--reverse", "--single-year"});
}

void addLangOption(OptionSpec& spec) { spec.withValue.insert("--lang"); }

std::string parseDataOptions(const Args& args, bool fieldMap, DataOptions& data) {
    data.areasPath = args.valueOr("--areas", "");
    data.areasLayer = args.valueOr("--areas-layer", "");
    data.indicatorsPath = args.valueOr("--indicators", "");
    data.indicatorsLayer = args.valueOr("--indicators-layer", "");
    data.indicatorsLayout = args.valueOr("--layout", "");
    data.indicatorsColumns = args.valueOr("--columns", "");
    if (!data.indicatorsLayout.empty() && !parseLayout(data.indicatorsLayout)) return "--layout must be auto, wide or long";
    if (!data.indicatorsColumns.empty()) {  // a typo in the mapping is a usage error, before any load
        TableOptions unused;
        if (auto cat = loadCatalogue(bundledCatalogPath()))
            if (Status st = parseColumnMapping(data.indicatorsColumns, cat.value(), unused); !st)
                return "--columns: " + st.error().what;
    }
    if (auto y = args.value("--table-year")) {
        const auto parsed = parseInt(*y);
        if (!parsed || *parsed < 1000 || *parsed > 9999) return "--table-year must be a year, e.g. 2024";
        data.indicatorsYear = *parsed;
    }
    data.initiativesPath = args.valueOr("--initiatives", "");
    data.trygghetPath = args.valueOr("--trygghet", "");
    data.displayCrs = crsArgument(args.valueOr("--crs", data.displayCrs));
    data.assumeCrs = crsArgument(args.valueOr("--assume-crs", ""));
    if (!looksLikeCrs(data.displayCrs) || !describeCrs(data.displayCrs))
        return "--crs '" + data.displayCrs + "' is not a CRS PROJ knows (e.g. EPSG:3006)";
    if (!data.assumeCrs.empty() && (!looksLikeCrs(data.assumeCrs) || !describeCrs(data.assumeCrs)))
        return "--assume-crs '" + data.assumeCrs + "' is not a CRS PROJ knows (e.g. EPSG:3008)";
    if (!data.areasPath.empty() && fieldMap && !args.has("--indicators")) data.indicatorsPath = "none";
    leaveOutBundledPointsForOwnAreas(data);
    return {};
}

bool drawsPointLayers(const Args& args) {
    DataOptions data;
    data.areasPath = args.valueOr("--areas", "");
    data.initiativesPath = args.valueOr("--initiatives", "");
    data.trygghetPath = args.valueOr("--trygghet", "");
    leaveOutBundledPointsForOwnAreas(data);
    return data.initiativesPath != "none" || data.trygghetPath != "none";
}

std::string parseVariableOptions(const Args& args, VariableChoice& choice) {
    MapVariable& v = choice.variable;
    int chosen = args.has("--total") ? 1 : 0;
    if (auto d = args.value("--dimension")) { v.kind = VariableKind::Dimension; v.id = *d; ++chosen; }
    if (auto i = args.value("--indicator")) { v.kind = VariableKind::Indicator; v.id = *i; ++chosen; }
    if (auto f = args.value("--field")) { v.kind = VariableKind::Field; v.id = *f; ++chosen; }
    if (chosen > 1) return "choose one of --total, --dimension, --indicator, --field";
    if (auto y = args.value("--year")) {
        const auto parsed = parseInt(*y);
        if (!parsed || *parsed < 1000 || *parsed > 9999) return "--year must be a year, e.g. 2024";
        v.year = *parsed;
    }
    if (auto n = args.value("--normalize")) {
        const auto parsed = parseNormalization(*n);
        if (!parsed) return "--normalize must be malmo100, zscore or minmax";
        v.norm = *parsed;
    }
    choice.weights = args.valueOr("--weights", "");
    return {};
}

std::string applyWeights(const VariableChoice& choice, const Catalogue& catalogue, MapVariable& variable) {
    if (choice.weights.empty()) return {};
    IndexOptions o = variable.indexOptions();
    if (Status st = parseWeights(choice.weights, catalogue, o); !st) return "--weights: " + st.error().what;
    variable.weights = o.weights;
    variable.dimensionWeights = o.dimensionWeights;
    return {};
}

bool hasStyleOptions(const Args& args) {
    for (const char* o : {"--method", "--classes", "--breaks", "--palette", "--reverse", "--single-year"})
        if (args.has(o)) return true;
    return false;
}

std::string parseStyleOptions(const Args& args, const MapVariable& variable, MapStyle& style) {
    style = defaultStyle(variable);
    if (auto m = args.value("--method")) {
        const auto parsed = parseClassMethod(*m);
        if (!parsed) return "--method must be quantile, equal, jenks, stddev, pretty, boxmap, centred or manual";
        style.spec.method = *parsed;
    }
    if (auto k = args.value("--classes")) {
        const auto parsed = parseInt(*k);
        if (!parsed || *parsed < kMinClasses || *parsed > kMaxClasses) return "--classes must be 3..9";
        style.spec.k = *parsed;
    }
    if (auto b = args.value("--breaks")) {
        if (args.has("--method") && style.spec.method != ClassMethod::Manual) return "--breaks needs --method manual";
        std::string problem;
        auto breaks = parseBreaks(*b, problem);
        if (!breaks) return problem;
        if (breaks->size() < 2) return "--breaks needs at least two upper bounds";
        style.spec.method = ClassMethod::Manual;
        style.spec.manualUpper = *breaks;
        style.spec.k = static_cast<int>(breaks->size());
    } else if (style.spec.method == ClassMethod::Manual) {
        return "--method manual needs --breaks a,b,c (ascending upper bounds)";
    }
    style.palette = args.valueOr("--palette", style.palette);
    style.reversed = args.has("--reverse");
    style.pooledYears = !args.has("--single-year");
    return {};
}

std::string parseLangOption(const Args& args, Lang& lang) {
    if (auto l = args.value("--lang")) {
        const auto parsed = parseLang(*l);
        if (!parsed) return "--lang must be sv or en";
        lang = *parsed;
    }
    return {};
}

Status checkOutputPath(const std::string& path) {
    std::error_code ec;
    const std::filesystem::path target(path);
    const auto dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    if (std::filesystem::is_directory(target, ec)) return Error{"is a folder, not a file", path};
    if (!std::filesystem::is_directory(dir, ec))
        return Error{std::filesystem::exists(dir, ec) ? dir.string() + " is not a folder"
                                                      : "folder " + dir.string() + " does not exist",
                     path};
    return Ok{};
}

}  // namespace geso::cli
