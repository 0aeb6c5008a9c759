// geso-atlas index: the city's index per area for one year, as an aligned table
// (Swedish decimal comma), CSV ('.' decimals) or JSON.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/report.hpp"
#include "cli/commands.hpp"
#include "core/index/boundary_names.hpp"
#include "core/index/catalogue.hpp"
#include "core/index/column_mapping.hpp"
#include "core/index/index_model.hpp"
#include "core/index/indicator_table.hpp"
#include "core/index/swedish_number.hpp"
#include "core/index/text_util.hpp"

namespace geso::cli {

namespace {

using namespace geso::core;

constexpr const char* kHelp =
    "usage: geso-atlas index [--indicators FILE] [--year Y] [--change-from Y0]\n"
    "                        [--normalize malmo100|zscore|minmax] [--weights ID=W,...]\n"
    "                        [--format table|csv|json] [--catalogue FILE] [--areas FILE|none]\n"
    "                        [--layer NAME] [--layout auto|wide|long] [--columns MAPPING] [--table-year Y]\n"
    "\n"
    "The city's index per GeSO area: the 12 indicator values, their normalised values, the four\n"
    "dimension indices (delaktighet, utbildning, ekonomi, boende), the total index and the rank\n"
    "(1 = most challenged = lowest total; equal totals share a rank).\n"
    "\n"
    "  --indicators FILE  CSV, XLSX, ODS or GPKG/SQLite table, wide or long (default: the bundled\n"
    "                     geodata/indikatorer.csv, illustrative values, not official statistics)\n"
    "  --year Y           default: the latest year with area rows\n"
    "  --change-from Y0   instead of one year: the change from Y0 to Y (--year or its default) per\n"
    "                     area: each dimension's and the total's change and the change of rank\n"
    "  --normalize M      malmo100 (default: area / city x 100), zscore (population sd),\n"
    "                     minmax (0-100 across the areas)\n"
    "  --weights W        what-if weights, e.g. utb_forgymnasial=2,ekonomi=0.5 (indicator or dimension\n"
    "                     ids; unnamed ones keep 1; a single 0 is allowed, a dimension or the total\n"
    "                     weighted away entirely is not). The city's index uses equal weights.\n"
    "  --format F         table (default, decimal comma), csv ('.' decimals) or json\n"
    "  --catalogue FILE   indicator catalogue (default: geodata/indikatorer.json)\n"
    "  --areas FILE       check the table's area codes and names against this boundary layer\n"
    "                     (geso_kod, geso_namn; default: the bundled geodata/geso_omraden.shp);\n"
    "                     differences are warnings. 'none' skips the check.\n"
    "  --layer NAME       sheet/table/layer to read (default: the first with area codes and indicators)\n"
    "  --layout L         auto (default: detected), wide (one row per area and year) or long\n"
    "                     (area, year, indicator, value)\n"
    "  --columns MAPPING  the table's column names, e.g.\n"
    "                     code=Områdeskod,name=Namn,year=År,del_valdeltagande=Valdeltagande (%)\n"
    "                     keys: code, name, year, indicator, value (long) or an indicator id (wide);\n"
    "                     quote a name with a comma: \"Andel, %\"\n"
    "  --table-year Y     the year of a table without a year column\n"
    "\n"
    "Spreadsheet cells in percent format (82,4 % stored as 0.824) are read as percent, with a warning.\n"
    "Exit codes: 0 ok, 1 bad input, 2 usage error. Table warnings go to stderr.\n";



bool samePath(const std::string& a, const std::string& b) {
    std::error_code ec1, ec2;
    auto ca = std::filesystem::weakly_canonical(a, ec1), cb = std::filesystem::weakly_canonical(b, ec2);
    return !ec1 && !ec2 && ca == cb;
}

std::string csvNumber(double v) {
    if (!std::isfinite(v)) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\";\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string joinFlags(const std::vector<std::string>& flags) {
    std::string s;
    for (const auto& f : flags) {
        if (!s.empty()) s += "; ";
        s += f;
    }
    return s;
}

struct Report {
    const Catalogue& cat;
    const IndexResult& res;
    std::string source;
    bool illustrative = false;
    std::string weightsText;  // "" when equal
};

std::vector<std::string> headerColumns(const Catalogue& cat) {
    std::vector<std::string> h = {"geso_kod", "geso_namn"};
    for (const auto& i : cat.indicators) h.push_back(i.id);
    for (const auto& i : cat.indicators) h.push_back(i.id + "_norm");
    for (const auto& d : cat.dimensions) h.push_back(d.id);
    h.push_back(cat.totalId);
    h.push_back("rank");
    h.push_back("flags");
    return h;
}

std::string formatCsv(const Report& r) {
    auto header = headerColumns(r.cat);
    header.push_back("weights");
    std::string out;
    for (size_t i = 0; i < header.size(); ++i) {
        if (i) out += ',';
        out += csvField(header[i]);
    }
    out += '\n';
    std::string weights = "equal";
    if (!r.weightsText.empty()) weights.assign("custom: ").append(r.weightsText);
    for (const auto& a : r.res.areas) {
        std::vector<std::string> row = {std::to_string(a.code), a.name};
        for (double v : a.raw) row.push_back(csvNumber(v));
        for (double v : a.normalized) row.push_back(csvNumber(v));
        for (double v : a.dimensions) row.push_back(csvNumber(v));
        row.push_back(csvNumber(a.total));
        row.push_back(a.rank > 0 ? std::to_string(a.rank) : "");
        row.push_back(joinFlags(a.flags));
        row.push_back(weights);
        for (size_t i = 0; i < row.size(); ++i) {
            if (i) out += ',';
            out += csvField(row[i]);
        }
        out += '\n';
    }
    return out;
}

std::string formatTable(const Report& r) {
    const int indexDecimals = r.res.options.norm == Normalization::ZScore ? 2 : 1;
    const auto header = headerColumns(r.cat);
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : r.res.areas) {
        std::vector<std::string> row = {std::to_string(a.code), a.name};
        for (double v : a.raw) row.push_back(formatDecimalComma(v, 1));
        for (double v : a.normalized) row.push_back(formatDecimalComma(v, indexDecimals));
        for (double v : a.dimensions) row.push_back(formatDecimalComma(v, indexDecimals));
        row.push_back(formatDecimalComma(a.total, indexDecimals));
        row.push_back(a.rank > 0 ? std::to_string(a.rank) : "..");
        row.push_back(joinFlags(a.flags));
        rows.push_back(std::move(row));
    }
    std::vector<size_t> width(header.size());
    for (size_t c = 0; c < header.size(); ++c) {
        width[c] = utf8Length(header[c]);
        for (const auto& row : rows) width[c] = std::max(width[c], utf8Length(row[c]));
    }
    // Text columns (name, flags) left-aligned, numbers right-aligned.
    auto cell = [&](const std::string& s, size_t c) {
        const std::string pad(width[c] - utf8Length(s), ' ');
        const bool left = c == 1 || c + 1 == header.size();
        return left ? s + pad : pad + s;
    };
    std::string out = "GeSO index " + std::to_string(r.res.year) + ", " +
                      std::string(normalizationName(r.res.options.norm, true)) + " (" +
                      std::string(normalizationId(r.res.options.norm)) + "), " +
                      (r.weightsText.empty() ? "equal weights (the city's)" : "CUSTOM WEIGHTS " + r.weightsText) +
                      "; source " + r.source + "\n";
    if (r.illustrative) out += "Illustrativa värden, inte officiell statistik.\n";
    if (!r.weightsText.empty())
        out += "Notice: what-if weights differ from the city's equal weights; this is not the city's index.\n";
    for (const auto& n : r.res.notes) out += "Note: " + n + "\n";
    out += "rank 1 = most challenged (lowest total); '..' = missing.\n";
    auto line = [&](const std::vector<std::string>& row) {
        std::string s;
        for (size_t c = 0; c < row.size(); ++c) {
            if (c) s += "  ";
            s += cell(row[c], c);
        }
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s + "\n";
    };
    out += line(header);
    for (const auto& row : rows) out += line(row);
    return out;
}

std::string formatJson(const Report& r) {
    using json = nlohmann::ordered_json;  // keys in the order written
    auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
    json doc;
    doc["source"] = r.source;
    doc["year"] = r.res.year;
    doc["normalization"] = std::string(normalizationId(r.res.options.norm));
    doc["reference"] = num(r.res.reference());
    doc["illustrative"] = r.illustrative;
    if (r.illustrative) doc["note"] = "Illustrativa värden, inte officiell statistik.";
    doc["custom_weights"] = r.res.customWeights;
    json weights = json::object();
    for (size_t i = 0; i < r.cat.indicators.size(); ++i)
        weights[r.cat.indicators[i].id] = r.res.options.weights.empty() ? 1.0 : r.res.options.weights[i];
    for (size_t d = 0; d < r.cat.dimensions.size(); ++d)
        weights[r.cat.dimensions[d].id] =
            r.res.options.dimensionWeights.empty() ? 1.0 : r.res.options.dimensionWeights[d];
    doc["weights"] = weights;
    doc["notes"] = r.res.notes;
    json areas = json::array();
    for (const auto& a : r.res.areas) {
        json o;
        o["geso_kod"] = a.code;
        o["geso_namn"] = a.name;
        json values = json::object(), norm = json::object();
        for (size_t i = 0; i < r.cat.indicators.size(); ++i) {
            values[r.cat.indicators[i].id] = num(a.raw[i]);
            norm[r.cat.indicators[i].id] = num(a.normalized[i]);
        }
        o["values"] = values;
        o["normalized"] = norm;
        for (size_t d = 0; d < r.cat.dimensions.size(); ++d) o[r.cat.dimensions[d].id] = num(a.dimensions[d]);
        o[r.cat.totalId] = num(a.total);
        o["rank"] = a.rank > 0 ? json(a.rank) : json(nullptr);
        o["flags"] = a.flags;
        areas.push_back(o);
    }
    doc["areas"] = areas;
    return doc.dump(2) + "\n";
}

// --change-from: one row per area with the change of each dimension and the total
// (to − from, index points) and of the rank (to − from; negative = more challenged).
struct ChangeReport {
    const Catalogue& cat;
    const std::vector<IndexChange>& changes;
    int from = 0, to = 0;
    Normalization norm = Normalization::Malmo100;
    std::string source;
    bool illustrative = false;
    std::string weightsText;
};

std::vector<std::string> changeColumns(const Catalogue& cat) {
    std::vector<std::string> h = {"geso_kod", "geso_namn"};
    for (const auto& d : cat.dimensions) h.push_back(d.id + "_change");
    for (const char* c : {"_from", "_to", "_change"}) h.push_back(cat.totalId + c);
    for (const char* c : {"rank_from", "rank_to", "rank_change"}) h.push_back(c);
    return h;
}

bool bothRanked(const IndexChange& c) { return c.rankFrom > 0 && c.rankTo > 0; }

std::string formatChangeCsv(const ChangeReport& r) {
    const auto header = changeColumns(r.cat);
    auto line = [](const std::vector<std::string>& fields) {
        std::string l;
        for (size_t i = 0; i < fields.size(); ++i) {
            if (i) l += ',';
            l += csvField(fields[i]);
        }
        return l + '\n';
    };
    std::string out = line(header);
    for (const auto& c : r.changes) {
        std::vector<std::string> row = {std::to_string(c.code), c.name};
        for (double v : c.dimensionDelta) row.push_back(csvNumber(v));
        for (double v : {c.totalFrom, c.totalTo, c.totalDelta}) row.push_back(csvNumber(v));
        row.push_back(c.rankFrom > 0 ? std::to_string(c.rankFrom) : "");
        row.push_back(c.rankTo > 0 ? std::to_string(c.rankTo) : "");
        row.push_back(bothRanked(c) ? std::to_string(c.rankDelta) : "");
        out += line(row);
    }
    return out;
}

// A change with its sign: "+2,5", "-0,3" (the plain '-' of formatDecimalComma keeps
// terminal columns aligned); no sign on a change that rounds to 0.
std::string signedComma(double v, int decimals) {
    if (!std::isfinite(v)) return "..";
    std::string s = formatDecimalComma(v, decimals);
    if (v > 0 && s.find_first_not_of("0,") != std::string::npos) s.insert(s.begin(), '+');
    return s;
}

std::string signedInt(int v) { return v > 0 ? "+" + std::to_string(v) : std::to_string(v); }

std::string formatChangeTable(const ChangeReport& r) {
    const int decimals = r.norm == Normalization::ZScore ? 2 : 1;
    const auto header = changeColumns(r.cat);
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : r.changes) {
        std::vector<std::string> row = {std::to_string(c.code), c.name};
        for (double v : c.dimensionDelta) row.push_back(signedComma(v, decimals));
        row.push_back(formatDecimalComma(c.totalFrom, decimals));
        row.push_back(formatDecimalComma(c.totalTo, decimals));
        row.push_back(signedComma(c.totalDelta, decimals));
        row.push_back(c.rankFrom > 0 ? std::to_string(c.rankFrom) : "..");
        row.push_back(c.rankTo > 0 ? std::to_string(c.rankTo) : "..");
        row.push_back(bothRanked(c) ? signedInt(c.rankDelta) : "..");
        rows.push_back(std::move(row));
    }
    std::vector<size_t> width(header.size());
    for (size_t c = 0; c < header.size(); ++c) {
        width[c] = utf8Length(header[c]);
        for (const auto& row : rows) width[c] = std::max(width[c], utf8Length(row[c]));
    }
    const std::string from = std::to_string(r.from), to = std::to_string(r.to);
    std::string out = "GeSO index change " + from + " → " + to + ", " +
                      std::string(normalizationName(r.norm, true)) + " (" + std::string(normalizationId(r.norm)) +
                      "), " +
                      (r.weightsText.empty() ? "equal weights (the city's)" : "CUSTOM WEIGHTS " + r.weightsText) +
                      "; source " + r.source + "\n";
    if (r.illustrative) out += "Illustrativa värden, inte officiell statistik.\n";
    if (r.norm == Normalization::Malmo100)
        out += "Each year is relative to that year's city (Malmö = 100): a change is a change against the city.\n";
    out += "change = " + to + " − " + from + " in index points; rank_change = rank " + to + " − rank " + from +
           " (negative = more challenged; rank 1 = most challenged); '..' = missing.\n";
    for (size_t c = 0; c < header.size(); ++c) {
        if (c) out += "  ";
        const std::string pad(width[c] - utf8Length(header[c]), ' ');
        out += c == 1 ? header[c] + pad : pad + header[c];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
    for (const auto& row : rows) {
        std::string line;
        for (size_t c = 0; c < row.size(); ++c) {
            if (c) line += "  ";
            const std::string pad(width[c] - utf8Length(row[c]), ' ');
            line += c == 1 ? row[c] + pad : pad + row[c];
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + '\n';
    }
    return out;
}

std::string formatChangeJson(const ChangeReport& r) {
    using json = nlohmann::ordered_json;
    auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
    auto rank = [](int v) { return v > 0 ? json(v) : json(nullptr); };
    json doc;
    doc["source"] = r.source;
    doc["from"] = r.from;
    doc["to"] = r.to;
    doc["normalization"] = std::string(normalizationId(r.norm));
    doc["illustrative"] = r.illustrative;
    if (r.illustrative) doc["note"] = "Illustrativa värden, inte officiell statistik.";
    doc["custom_weights"] = !r.weightsText.empty();
    if (!r.weightsText.empty()) doc["weights"] = r.weightsText;
    json areas = json::array();
    for (const auto& c : r.changes) {
        json o;
        o["geso_kod"] = c.code;
        o["geso_namn"] = c.name;
        for (size_t d = 0; d < r.cat.dimensions.size(); ++d)
            o[r.cat.dimensions[d].id] = {{"from", num(c.dimensionFrom[d])},
                                         {"to", num(c.dimensionTo[d])},
                                         {"change", num(c.dimensionDelta[d])}};
        o[r.cat.totalId] = {{"from", num(c.totalFrom)}, {"to", num(c.totalTo)}, {"change", num(c.totalDelta)}};
        o["rank"] = {{"from", rank(c.rankFrom)},
                     {"to", rank(c.rankTo)},
                     {"change", bothRanked(c) ? json(c.rankDelta) : json(nullptr)}};
        areas.push_back(o);
    }
    doc["areas"] = areas;
    return doc.dump(2) + "\n";
}

// A year option: an integer 1900..2200, else a usage error.
std::optional<int> yearOption(const std::string& text) {
    auto parsed = parseInteger(text);
    if (!parsed || *parsed < 1900 || *parsed > 2200) return std::nullopt;
    return static_cast<int>(*parsed);
}

}  // namespace

int cmdIndex(int argc, char** argv) {
    const OptionSpec spec{{"--indicators", "--year", "--normalize", "--weights", "--format", "--catalogue",
                           "--layer", "--areas", "--layout", "--columns", "--table-year", "--change-from"},
                          {"--help"},
                          0};
    Args args(argc, argv, 1, spec);
    if (!args.ok()) return reportUsage("index", args.error());
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kExitOk;
    }

    IndexOptions options;
    if (auto n = args.value("--normalize")) {
        auto parsed = parseNormalization(*n);
        if (!parsed) return reportUsage("index", "--normalize must be malmo100, zscore or minmax, not '" + *n + "'");
        options.norm = *parsed;
    }
    const std::string format = args.valueOr("--format", "table");
    if (format != "table" && format != "csv" && format != "json")
        return reportUsage("index", "--format must be table, csv or json, not '" + format + "'");
    int year = 0, changeFrom = 0;
    if (auto y = args.value("--year")) {
        auto parsed = yearOption(*y);
        if (!parsed) return reportUsage("index", "--year must be a year (1900-2200), not '" + *y + "'");
        year = *parsed;
    }
    if (auto y = args.value("--change-from")) {
        auto parsed = yearOption(*y);
        if (!parsed) return reportUsage("index", "--change-from must be a year (1900-2200), not '" + *y + "'");
        changeFrom = *parsed;
        if (changeFrom == year) return reportUsage("index", "--change-from and --year are the same year");
    }
    TableOptions topts;
    topts.layer = args.valueOr("--layer", "");
    if (auto l = args.value("--layout")) {
        auto parsed = parseLayout(*l);
        if (!parsed) return reportUsage("index", "--layout must be auto, wide or long, not '" + *l + "'");
        topts.layout = *parsed;
    }
    if (auto y = args.value("--table-year")) {
        auto parsed = yearOption(*y);
        if (!parsed) return reportUsage("index", "--table-year must be a year (1900-2200), not '" + *y + "'");
        topts.defaultYear = *parsed;
    }

    const std::string catPath = args.valueOr("--catalogue", bundledCatalogPath());
    auto cat = loadCatalogue(catPath);
    if (!cat.ok()) return reportFailure(cat.error().line());
    if (auto w = args.value("--weights")) {
        if (auto st = parseWeights(*w, cat.value(), options); !st.ok()) return reportUsage("index", st.error().line());
    }
    if (auto c = args.value("--columns")) {
        if (auto st = parseColumnMapping(*c, cat.value(), topts); !st.ok())
            return reportUsage("index", "--" + st.error().line());
    }

    const std::string tablePath = args.valueOr("--indicators", bundledIndicatorsPath());
    auto table = loadIndicatorTable(tablePath, cat.value(), topts);
    if (!table.ok()) return reportFailure(table.error().line());
    // Names are checked against the bundled boundaries unless told otherwise; a
    // missing bundled file (a trimmed GESO_DATA_DIR) is a note, not a failure.
    const std::string areasPath = args.valueOr("--areas", bundledAreasPath());
    std::string areasNote;
    if (areasPath != "none") {
        if (!args.has("--areas") && !std::filesystem::exists(areasPath))
            areasNote = "no bundled boundary layer (" + areasPath + "); area codes and names not checked";
        else if (auto st = checkNamesAgainstLayer(table.value(), areasPath); !st.ok())
            return reportFailure(st.error().line());
    }
    const IndicatorTable& t = table.value();
    if (const TableIssue* e = t.firstError()) {
        std::string line = e->line();
        if (t.errorCount() > 1) line += " (and " + std::to_string(t.errorCount() - 1) + " more errors)";
        return reportFailure(line);
    }
    if (year == 0) year = t.latestAreaYear();
    if (changeFrom == year)
        return reportUsage("index", "--change-from " + std::to_string(year) +
                     " is also the year it would be compared with (the latest with area rows); give --year");
    std::optional<IndexResult> single;
    std::vector<IndexChange> changes;
    if (changeFrom != 0) {
        auto ch = computeChange(t, cat.value(), changeFrom, year, options);
        if (!ch.ok()) return reportFailure(ch.error().line());
        changes = std::move(ch).value();
    } else {
        auto res = computeIndex(t, cat.value(), year, options);
        if (!res.ok()) return reportFailure(res.error().line());
        single = std::move(res).value();
    }

    // Warnings only once the result stands, so a failure stays one line.
    constexpr size_t kMaxWarnings = 20;
    size_t shown = 0;
    for (const auto& issue : t.issues)
        if (shown++ < kMaxWarnings) std::fprintf(stderr, "geso-atlas: warning: %s\n", issue.line().c_str());
    if (t.issues.size() > kMaxWarnings)
        std::fprintf(stderr, "geso-atlas: warning: %s: %zu more warnings\n", tablePath.c_str(),
                     t.issues.size() - kMaxWarnings);

    const bool custom = weightsAreCustom(options, cat.value());
    const std::string weightsText = custom ? describeWeights(options, cat.value()) : std::string();
    const bool illustrative = samePath(tablePath, bundledIndicatorsPath());
    if (custom)
        std::fprintf(stderr,
                     "geso-atlas: notice: custom weights (%s) differ from the city's equal weights; "
                     "the result is a what-if, not the city's index\n",
                     weightsText.c_str());
    else if (args.has("--weights"))
        std::fprintf(stderr,
                     "geso-atlas: note: the weights are equal within every dimension and across dimensions: "
                     "same result as the city's equal weights\n");
    if (!areasNote.empty()) std::fprintf(stderr, "geso-atlas: note: %s\n", areasNote.c_str());
    if (single)
        for (const auto& n : single->notes) std::fprintf(stderr, "geso-atlas: note: %s\n", n.c_str());
    if (illustrative && format == "csv")
        std::fprintf(stderr, "geso-atlas: note: bundled data: illustrativa värden, inte officiell statistik\n");

    std::string out;
    if (single) {
        const Report report{cat.value(), *single, tablePath, illustrative, weightsText};
        out = format == "csv" ? formatCsv(report) : format == "json" ? formatJson(report) : formatTable(report);
    } else {
        const ChangeReport report{cat.value(), changes, changeFrom, year, options.norm, tablePath, illustrative,
                                  weightsText};
        out = format == "csv"    ? formatChangeCsv(report)
              : format == "json" ? formatChangeJson(report)
                                 : formatChangeTable(report);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitFailure;
}

}  // namespace geso::cli
