// geso-atlas index: the city's index per area for one year, as an aligned table
// (Swedish decimal comma), CSV ('.' decimals) or JSON.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "core/index/boundary_names.hpp"
#include "core/index/catalogue.hpp"
#include "core/index/index_model.hpp"
#include "core/index/indicator_table.hpp"
#include "core/index/swedish_number.hpp"
#include "core/index/text_util.hpp"
#include "core/io/vector_reader.hpp"

namespace geso::cli {

namespace {

using namespace geso::core;

constexpr const char* kHelp =
    "usage: geso-atlas index [--indicators FILE] [--year Y] [--normalize malmo100|zscore|minmax]\n"
    "                        [--weights ID=W,...] [--format table|csv|json] [--catalogue FILE] [--layer NAME]\n"
    "                        [--areas FILE]\n"
    "\n"
    "The city's index per GeSO area: the 12 indicator values, their normalised values, the four\n"
    "dimension indices (delaktighet, utbildning, ekonomi, boende), the total index and the rank\n"
    "(1 = most challenged = lowest total; equal totals share a rank).\n"
    "\n"
    "  --indicators FILE  CSV, XLSX, ODS or GPKG/SQLite table, wide or long (default: the bundled\n"
    "                     geodata/indikatorer.csv, illustrative values, not official statistics)\n"
    "  --year Y           default: the latest year with area rows\n"
    "  --normalize M      malmo100 (default: area / city x 100), zscore (population sd),\n"
    "                     minmax (0-100 across the areas)\n"
    "  --weights W        what-if weights, e.g. utb_forgymnasial=2,ekonomi=0.5 (indicator or dimension\n"
    "                     ids; unnamed ones keep 1). The city's index uses equal weights.\n"
    "  --format F         table (default, decimal comma), csv ('.' decimals) or json\n"
    "  --catalogue FILE   indicator catalogue (default: geodata/indikatorer.json)\n"
    "  --layer NAME       sheet/table/layer to read (default: the first with area codes and indicators)\n"
    "  --areas FILE       check the table's area codes and names against this boundary layer\n"
    "                     (geso_kod, geso_namn); differences are warnings\n"
    "\n"
    "Exit codes: 0 ok, 1 bad input, 2 usage error. Table warnings go to stderr.\n";

int fail(const std::string& line) {
    std::fprintf(stderr, "geso-atlas: %s\n", line.c_str());
    return kExitFailure;
}

int usage(const std::string& line) {
    std::fprintf(stderr, "geso-atlas index: %s (see geso-atlas index --help)\n", line.c_str());
    return kExitUsage;
}

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

}  // namespace

int cmdIndex(int argc, char** argv) {
    const OptionSpec spec{{"--indicators", "--year", "--normalize", "--weights", "--format", "--catalogue",
                           "--layer", "--areas"},
                          {"--help"},
                          0};
    Args args(argc, argv, 1, spec);
    if (!args.ok()) return usage(args.error());
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kExitOk;
    }

    IndexOptions options;
    if (auto n = args.value("--normalize")) {
        auto parsed = parseNormalization(*n);
        if (!parsed) return usage("--normalize must be malmo100, zscore or minmax, not '" + *n + "'");
        options.norm = *parsed;
    }
    const std::string format = args.valueOr("--format", "table");
    if (format != "table" && format != "csv" && format != "json")
        return usage("--format must be table, csv or json, not '" + format + "'");
    int year = 0;
    if (auto y = args.value("--year")) {
        auto parsed = parseInteger(*y);
        if (!parsed || *parsed < 1900 || *parsed > 2200) return usage("--year must be a year, not '" + *y + "'");
        year = static_cast<int>(*parsed);
    }

    const std::string catPath = args.valueOr("--catalogue", bundledCatalogPath());
    auto cat = loadCatalogue(catPath);
    if (!cat.ok()) return fail(cat.error().line());
    if (auto w = args.value("--weights")) {
        if (auto st = parseWeights(*w, cat.value(), options); !st.ok()) return usage(st.error().line());
    }

    const std::string tablePath = args.valueOr("--indicators", bundledIndicatorsPath());
    TableOptions topts;
    topts.layer = args.valueOr("--layer", "");
    auto table = loadIndicatorTable(tablePath, cat.value(), topts);
    if (!table.ok()) return fail(table.error().line());
    if (auto areasPath = args.value("--areas")) {
        auto areas = loadAreas(*areasPath);
        if (!areas.ok()) return fail(areas.error().line());
        auto names = boundaryNames(areas.value());
        if (!names.ok()) return fail(names.error().line());
        checkNames(table.value(), names.value());
    }
    const IndicatorTable& t = table.value();
    if (const TableIssue* e = t.firstError()) {
        std::string line = e->line();
        if (t.errorCount() > 1) line += " (and " + std::to_string(t.errorCount() - 1) + " more errors)";
        return fail(line);
    }
    if (year == 0)
        for (const auto& [key, values] : t.rows) year = std::max(year, key.second);
    auto res = computeIndex(t, cat.value(), year, options);
    if (!res.ok()) return fail(res.error().line());

    // Warnings only once the result stands, so a failure stays one line.
    constexpr size_t kMaxWarnings = 20;
    size_t shown = 0;
    for (const auto& issue : t.issues)
        if (shown++ < kMaxWarnings) std::fprintf(stderr, "geso-atlas: warning: %s\n", issue.line().c_str());
    if (t.issues.size() > kMaxWarnings)
        std::fprintf(stderr, "geso-atlas: warning: %s: %zu more warnings\n", tablePath.c_str(),
                     t.issues.size() - kMaxWarnings);

    Report report{cat.value(), res.value(), tablePath, samePath(tablePath, bundledIndicatorsPath()),
                  res.value().customWeights ? describeWeights(options, cat.value()) : std::string()};
    if (res.value().customWeights)
        std::fprintf(stderr,
                     "geso-atlas: notice: custom weights (%s) differ from the city's equal weights; "
                     "the result is a what-if, not the city's index\n",
                     report.weightsText.c_str());
    else if (args.has("--weights"))
        std::fprintf(stderr,
                     "geso-atlas: note: the weights are equal within every dimension and across dimensions: "
                     "same result as the city's equal weights\n");
    for (const auto& n : res.value().notes) std::fprintf(stderr, "geso-atlas: note: %s\n", n.c_str());
    if (report.illustrative && format == "csv")
        std::fprintf(stderr, "geso-atlas: note: bundled data: illustrativa värden, inte officiell statistik\n");

    const std::string out =
        format == "csv" ? formatCsv(report) : format == "json" ? formatJson(report) : formatTable(report);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitFailure;
}

}  // namespace geso::cli
