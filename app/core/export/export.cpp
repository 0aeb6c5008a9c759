// Assembles a Project's export (export.hpp) from the same computations the
// viewer uses: computeIndex for the values, buildChoropleth for classes,
// colours and legend labels.
#include "core/export/export.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

#include "core/export/safe_write.hpp"
#include "core/project/point_symbology.hpp"

namespace geso::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Column makeColumn(const std::string& name, FieldType type, size_t rows) {
    Column c;
    c.name = name;
    c.type = type;
    if (type == FieldType::Integer || type == FieldType::Real) c.num.assign(rows, kNaN);
    else c.text.assign(rows, "");
    c.isNull.assign(rows, type != FieldType::Integer && type != FieldType::Real);
    return c;
}

void setNumber(Column& c, size_t row, double v) {
    c.num[row] = v;
    c.isNull[row] = std::isnan(v);
}

void setText(Column& c, size_t row, const std::string& v) {
    c.text[row] = v;
    c.isNull[row] = false;
}

StyleColor toStyleColor(const Rgba& c) { return {c.r, c.g, c.b, c.a}; }

// Cuts to at most `maxChars` UTF-8 characters (never inside a character).
std::string truncateUtf8(const std::string& s, size_t maxChars) {
    size_t chars = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (chars == maxChars) return s.substr(0, i);
            ++chars;
        }
    }
    return s;
}

std::string weightsText(const IndexOptions& o, const Catalogue& cat, Lang lang) {
    if (!weightsAreCustom(o, cat)) return lang == Lang::En ? "equal (the city's)" : "lika (stadens)";
    return describeWeights(o, cat);
}

// Just the file name: a local folder says nothing to the file's next reader.
std::string fileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// A table's provenance sentence from its inputs' own texts (Provenance::text).
// Only what is schematic or illustrative is called unofficial: all of it gets
// one " – inte officiell statistik." at the end, a mix gets it per part, so the
// city's own files are never labelled unofficial.
std::string provenanceSentence(const Provenance& prov, std::initializer_list<DataSource> sources, Lang lang) {
    const bool en = lang == Lang::En;
    struct Part { std::string text; bool unofficial; };
    std::vector<Part> parts;
    for (DataSource s : sources) {
        Part part{prov.text(s, lang), prov.illustrative(s)};
        if (part.text.empty()) continue;
        // Later generic parts read on from the first, as in Provenance::line.
        if (!parts.empty() && part.unofficial)
            part.text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(part.text[0])));
        const bool seen = std::any_of(parts.begin(), parts.end(), [&](const Part& q) { return q.text == part.text; });
        if (!seen) parts.push_back(std::move(part));
    }
    const auto unofficial = std::count_if(parts.begin(), parts.end(), [](const Part& q) { return q.unofficial; });
    const char* notOfficial = en ? "not official statistics" : "inte officiell statistik";
    const bool mixed = unofficial > 0 && static_cast<size_t>(unofficial) < parts.size();
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        out += (i == 0 ? "" : " · ") + parts[i].text;
        if (mixed && parts[i].unofficial) out.append(" (").append(notOfficial).append(")");
    }
    if (unofficial > 0 && !mixed) out.append(" – ").append(notOfficial);
    return out + ".";
}

int resolveYear(const IndicatorTable& t, int year) { return year ? year : t.latestAreaYear(); }

Status checkYear(const IndicatorTable& t, int year) {
    if (std::find(t.years.begin(), t.years.end(), year) != t.years.end()) return Ok{};
    std::string years = t.years.empty() ? "none"
                                        : std::to_string(t.years.front()) + "–" + std::to_string(t.years.back());
    return Error{"no year " + std::to_string(year) + " in the indicator table (years " + years + ")", t.sourcePath};
}

// Per feature: the index entry of its area (nullptr when the area has no row).
std::vector<const AreaIndex*> indexPerFeature(const Project& p, const IndexResult& r) {
    std::vector<const AreaIndex*> out(p.areas.featureCount(), nullptr);
    for (size_t f = 0; f < out.size(); ++f)
        if (f < p.areaCode.size() && p.areaCode[f] >= 0) out[f] = r.find(p.areaCode[f]);
    return out;
}

// Keeps a source attribute from colliding with the columns GDAL adds (fid, geom)
// or with an earlier column (GeoPackage column names are case-insensitive).
std::vector<Column> safeColumnNames(std::vector<Column> cols) {
    std::set<std::string> used = {"fid", "geom"};
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    for (Column& c : cols) {
        std::string name = c.name.empty() ? "falt" : c.name;
        for (int n = 2; used.count(lower(name)); ++n) name = c.name + "_" + std::to_string(n);
        used.insert(lower(name));
        c.name = name;
    }
    return cols;
}

// QGIS's simple-marker names for the app's shapes (QgsSimpleMarkerSymbolLayerBase).
const char* qgisMarkerName(MarkerShape shape) {
    switch (shape) {
        case MarkerShape::Circle: return "circle";
        case MarkerShape::Square: return "square";
        case MarkerShape::Triangle: return "equilateral_triangle";
        case MarkerShape::Diamond: return "diamond";
        case MarkerShape::Hexagon: return "hexagon";
        case MarkerShape::Pentagon: return "pentagon";
    }
    return "circle";
}

StyleColor styleColor(Rgba c) { return {c.r, c.g, c.b, c.a}; }

// The app's own point symbols (core/project/point_symbology) as a QGIS
// categorized style: same categories, shapes, colours and sizes (px at 96 dpi → mm).
// `exportedField` is the category column's name in the GeoPackage (safeColumnNames).
LayerStyle pointStyle(const PointSymbology& sym, const std::string& exportedField, Lang lang) {
    LayerStyle s;
    s.symbol = SymbolKind::Marker;
    s.isDefault = true;
    s.markerSizeMm = sym.sizePx * PointSymbology::mmPerPx;
    s.outlineWidthMm = sym.strokePx * PointSymbology::mmPerPx;
    const PointCategory* only = sym.categories.size() == 1 ? &sym.categories.front() : nullptr;
    if (exportedField.empty() || sym.categories.empty() || only) {
        s.name = lang == Lang::En ? "Points" : "Punkter";
        if (only) {
            s.singleColor = styleColor(only->fill);
            s.outline = styleColor(only->stroke);
        }
        return s;
    }
    s.field = exportedField;
    s.name = truncateUtf8((lang == Lang::En ? "By " : "Efter ") + exportedField, kMaxStyleNameChars);
    s.description = (lang == Lang::En ? "Categories of " : "Kategorier av ") + exportedField;
    s.outline = styleColor(sym.categories.front().stroke);
    for (const PointCategory& c : sym.categories)
        s.categories.push_back({c.value, styleColor(c.fill), c.value.empty() ? "–" : c.value,
                                qgisMarkerName(c.shape), styleColor(c.stroke)});
    return s;
}

// Every name pointStyle may give, in either language, so an --update replaces
// an earlier export's point style whatever its language or field.
std::vector<std::string> ownPointStyleNames(const PointLayer& layer) {
    std::vector<std::string> out = {"Punkter", "Points"};
    for (const auto& c : layer.columns)
        if (c.type == FieldType::Text)
            for (const char* prefix : {"Efter ", "By "}) out.push_back(truncateUtf8(prefix + c.name, kMaxStyleNameChars));
    return out;
}

// The same for geso_omraden: the index styles of every variable, either language.
std::vector<std::string> ownAreaStyleNames(const Project& p) {
    std::vector<std::string> out = {"Områden", "Areas"};
    for (Lang lang : {Lang::Sv, Lang::En}) {
        auto add = [&](VariableKind kind, const std::string& id) {
            MapVariable v;
            v.kind = kind;
            v.id = id;
            out.push_back(truncateUtf8(variableName(p, v, lang), kMaxStyleNameChars));
        };
        add(VariableKind::Total, "");
        for (const auto& d : p.catalogue.dimensions) add(VariableKind::Dimension, d.id);
        for (const auto& i : p.catalogue.indicators) add(VariableKind::Indicator, i.id);
    }
    return out;
}

ExportTable pointTable(const char* name, const PointLayer& layer, PointLayerKind kind, const std::string& crs,
                       const std::string& what, const std::string& provenance, Lang lang) {
    ExportTable t;
    t.name = name;
    t.geometry = TableGeometry::Point;
    t.points = &layer;
    t.sourceCrs = crs;
    t.rows = layer.featureCount();
    t.columns = safeColumnNames(layer.columns);
    const std::string source = fileName(layer.source.path);
    t.description = what + (source.empty() ? "" : " (" + source + ")") + ". " + provenance;
    t.metadata = {{"SOURCE", source}, {"PROVENANCE", provenance}};
    const PointSymbology sym = symbolizePoints(layer, kind);
    std::string field;
    for (size_t c = 0; c < layer.columns.size(); ++c)
        if (layer.columns[c].name == sym.fields.category) field = t.columns[c].name;
    t.styles = {pointStyle(sym, field, lang)};
    t.ownedStyleNames = ownPointStyleNames(layer);
    return t;
}

struct IndexStyleInput {
    MapVariable variable;
    std::string field;      // column in geso_omraden
    std::string classField; // klass_… column, "" for none
};

// Builds the graduated style (and class numbers) of one variable with the same
// choropleth the app draws. Ranges are widened to the data so QGIS, which has
// no clamping, draws every area the app colours.
Result<LayerStyle> indexStyle(const Project& p, const ExportRequest& req, const IndexStyleInput& in,
                              const std::vector<double>& fieldValues, Column* classColumn) {
    const auto own = req.variableStyles.find(in.field);
    const MapStyle style = own != req.variableStyles.end() ? own->second
                           : req.style                     ? *req.style
                                                           : defaultStyle(in.variable);
    auto ch = buildChoropleth(p, in.variable, style, req.lang);
    if (!ch) return ch.error();
    const Choropleth& c = ch.value();
    if (c.classes.upper.empty() || c.classColors.size() != c.classes.upper.size())
        return Error{"no classes for " + in.field, "export"};
    LayerStyle s;
    s.name = truncateUtf8(variableName(p, in.variable, req.lang), kMaxStyleNameChars);
    s.description = c.title + " · " + c.subtitle;
    s.field = in.field;
    s.symbol = SymbolKind::Fill;
    s.outline = {60, 60, 60, 255};
    s.outlineWidthMm = 0.26;
    for (size_t k = 0; k < c.classes.upper.size(); ++k) {
        StyleRange r;
        r.lower = k == 0 ? c.classes.lower : c.classes.upper[k - 1];
        r.upper = c.classes.upper[k];
        r.color = toStyleColor(c.classColors[k]);
        r.label = k < c.legendLabels.size() ? c.legendLabels[k] : "";
        s.ranges.push_back(r);
    }
    double lo = INFINITY, hi = -INFINITY;
    for (double v : fieldValues)
        if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (lo < s.ranges.front().lower) s.ranges.front().lower = lo;
    if (hi > s.ranges.back().upper) s.ranges.back().upper = hi;
    if (classColumn)
        for (size_t f = 0; f < c.classes.classOf.size() && f < classColumn->num.size(); ++f) {
            const int k = c.classes.classOf[f];
            setNumber(*classColumn, f, k < 0 ? kNaN : static_cast<double>(k + 1));
        }
    return s;
}

ExportTable longTable(const Project& p, const IndicatorTable& t, const std::string& provenance, Lang lang) {
    const Catalogue& cat = p.catalogue;
    std::vector<std::pair<int, int>> keys;  // (code, year), city first per code order
    std::map<int, std::string> names;
    for (size_t f = 0; f < p.areaCode.size(); ++f)
        if (p.areaCode[f] >= 0) names[p.areaCode[f]] = p.areaName[f];
    for (const auto& [code, name] : t.names)
        if (!names.count(code)) names[code] = name;
    std::vector<int> codes;
    if (!t.city.empty()) codes.push_back(0);
    codes.insert(codes.end(), t.codes.begin(), t.codes.end());
    for (int code : codes)
        for (int year : t.years)
            if (code == 0 ? t.hasCity(year) : t.hasRow(code, year)) keys.emplace_back(code, year);
    const size_t rows = keys.size() * cat.indicators.size();
    ExportTable out;
    out.name = kIndicatorTable;
    out.rows = rows;
    Column kod = makeColumn("geso_kod", FieldType::Integer, rows);
    Column namn = makeColumn("geso_namn", FieldType::Text, rows);
    Column ar = makeColumn("ar", FieldType::Integer, rows);
    Column ind = makeColumn("indikator", FieldType::Text, rows);
    Column varde = makeColumn("varde", FieldType::Real, rows);
    size_t row = 0;
    for (const auto& [code, year] : keys) {
        for (size_t i = 0; i < cat.indicators.size(); ++i, ++row) {
            setNumber(kod, row, code);
            setText(namn, row, code == 0 ? "Malmö" : (names.count(code) ? names[code] : ""));
            setNumber(ar, row, year);
            setText(ind, row, cat.indicators[i].id);
            const int ii = static_cast<int>(i);
            setNumber(varde, row, code == 0 ? t.cityValue(year, ii) : t.value(code, year, ii));
        }
    }
    out.columns = {kod, namn, ar, ind, varde};
    const bool en = lang == Lang::En;
    out.description = (en ? "Indicator values, long layout (area × year × indicator; geso_kod 0 = Malmö). "
                          : "Indikatorvärden i långt format (område × år × indikator; geso_kod 0 = Malmö). ") +
                      provenance;
    out.metadata = {{"SOURCE", fileName(t.sourcePath)}, {"PROVENANCE", provenance}};
    return out;
}

}  // namespace

Result<std::vector<Column>> attributeTable(const Project& p, int yearIn, const IndexOptions& options) {
    const size_t n = p.areas.featureCount();
    Column kod = makeColumn("geso_kod", FieldType::Integer, n);
    Column namn = makeColumn("geso_namn", FieldType::Text, n);
    for (size_t f = 0; f < n; ++f) {
        if (f < p.areaCode.size() && p.areaCode[f] >= 0) setNumber(kod, f, p.areaCode[f]);
        if (f < p.areaName.size()) setText(namn, f, p.areaName[f]);
    }
    std::vector<Column> cols = {kod, namn};
    if (!p.indicators) return cols;
    const IndicatorTable& t = *p.indicators;
    const int year = resolveYear(t, yearIn);
    if (Status st = checkYear(t, year); !st) return st.error();
    auto index = computeIndex(t, p.catalogue, year, options);
    if (!index) return index.error();
    const auto perFeature = indexPerFeature(p, index.value());
    const Catalogue& cat = p.catalogue;
    for (size_t i = 0; i < cat.indicators.size(); ++i) {
        Column c = makeColumn(cat.indicators[i].id, FieldType::Real, n);
        for (size_t f = 0; f < n; ++f)
            if (perFeature[f]) setNumber(c, f, perFeature[f]->raw[i]);
        cols.push_back(std::move(c));
    }
    for (size_t d = 0; d < cat.dimensions.size(); ++d) {
        Column c = makeColumn(cat.dimensions[d].id, FieldType::Real, n);
        for (size_t f = 0; f < n; ++f)
            if (perFeature[f]) setNumber(c, f, perFeature[f]->dimensions[d]);
        cols.push_back(std::move(c));
    }
    Column total = makeColumn(cat.totalId, FieldType::Real, n);
    Column rank = makeColumn("rank", FieldType::Integer, n);
    for (size_t f = 0; f < n; ++f) {
        if (!perFeature[f]) continue;
        setNumber(total, f, perFeature[f]->total);
        if (perFeature[f]->rank > 0) setNumber(rank, f, perFeature[f]->rank);
    }
    cols.push_back(std::move(total));
    cols.push_back(std::move(rank));
    return cols;
}

Result<GpkgContent> buildGpkgContent(const Project& p, const ExportRequest& req) {
    const bool en = req.lang == Lang::En;
    const std::string displayCrs = p.options.displayCrs.empty() ? p.areas.source.crsCode : p.options.displayCrs;
    GpkgContent content;
    content.crs = req.crs.empty() ? displayCrs : req.crs;
    // Each table states the provenance of its own inputs; the dataset entry all of them.
    const Provenance& prov = p.provenance;
    const std::string areasProvenance = provenanceSentence(prov, {DataSource::Areas, DataSource::Values}, req.lang);
    const std::string valuesProvenance = provenanceSentence(prov, {DataSource::Values}, req.lang);
    const std::string datasetProvenance = provenanceSentence(
        prov, {DataSource::Areas, DataSource::Values, DataSource::Initiatives, DataSource::Trygghet}, req.lang);
    const bool notOfficial = prov.schematicBoundaries || prov.illustrativeValues ||
                             (p.initiatives && prov.illustrative(DataSource::Initiatives)) ||
                             (p.trygghet && prov.illustrative(DataSource::Trygghet));

    auto attrs = attributeTable(p, req.year, req.index);
    if (!attrs) return attrs.error();
    ExportTable areas;
    areas.name = kAreasTable;
    areas.geometry = TableGeometry::Polygon;
    areas.areas = &p.areas;
    areas.sourceCrs = displayCrs;
    areas.rows = p.areas.featureCount();
    areas.columns = std::move(attrs).value();
    areas.ownedStyleNames = ownAreaStyleNames(p);
    const size_t n = areas.rows;

    std::string method;
    if (p.indicators) {
        const IndicatorTable& t = *p.indicators;
        const int year = resolveYear(t, req.year);
        const Catalogue& cat = p.catalogue;
        // Styles and class numbers: dimensions, then the total; the requested default.
        std::vector<IndexStyleInput> inputs;
        for (const auto& d : cat.dimensions)
            inputs.push_back({{VariableKind::Dimension, d.id, year, req.index.norm, req.index.weights,
                               req.index.dimensionWeights},
                              d.id, "klass_" + d.id});
        inputs.push_back({{VariableKind::Total, "", year, req.index.norm, req.index.weights,
                           req.index.dimensionWeights},
                          cat.totalId, "klass_" + cat.totalId});
        if (cat.indicatorIndex(req.defaultVariable) >= 0)
            inputs.push_back({{VariableKind::Indicator, req.defaultVariable, year, req.index.norm, req.index.weights,
                               req.index.dimensionWeights},
                              req.defaultVariable, ""});
        else if (req.defaultVariable != cat.totalId && cat.dimensionIndex(req.defaultVariable) < 0)
            return Error{"unknown variable '" + req.defaultVariable + "' for the default style", req.outPath};
        std::vector<Column> classColumns;
        for (const auto& in : inputs) {
            const Column* values = nullptr;
            for (const auto& c : areas.columns)
                if (c.name == in.field) values = &c;
            Column cls = makeColumn(in.classField.empty() ? "unused" : in.classField, FieldType::Integer, n);
            auto s = indexStyle(p, req, in, values ? values->num : std::vector<double>{},
                                in.classField.empty() ? nullptr : &cls);
            if (!s) return Error{s.error().what, req.outPath};
            LayerStyle style = std::move(s).value();
            style.isDefault = in.field == req.defaultVariable;
            areas.styles.push_back(std::move(style));
            if (!in.classField.empty()) classColumns.push_back(std::move(cls));
        }
        for (auto& c : classColumns) areas.columns.push_back(std::move(c));
        Column ar = makeColumn("ar", FieldType::Integer, n);
        Column norm = makeColumn("normalisering", FieldType::Text, n);
        Column vikter = makeColumn("vikter", FieldType::Text, n);
        const std::string normText(normalizationName(req.index.norm, en));
        const std::string weights = weightsText(req.index, cat, req.lang);
        for (size_t f = 0; f < n; ++f) {
            setNumber(ar, f, year);
            setText(norm, f, normText);
            setText(vikter, f, weights);
        }
        areas.columns.push_back(std::move(ar));
        areas.columns.push_back(std::move(norm));
        areas.columns.push_back(std::move(vikter));
        const MapStyle shown = req.style ? *req.style : defaultStyle(MapVariable{});
        method = (en ? "Index " : "Index ") + std::to_string(year) + ": " +
                 std::to_string(cat.indicators.size()) + (en ? " indicators → " : " indikatorer → ") +
                 std::to_string(cat.dimensions.size()) + (en ? " dimensions → total; normalisation " :
                                                               " dimensioner → totalindex; normalisering ") +
                 normText + (en ? "; weights " : "; vikter ") + weights + (en ? "; classes " : "; klassning ") +
                 std::string(methodName(shown.spec.method)) + ", k = " + std::to_string(shown.spec.k) +
                 (shown.pooledYears ? (en ? ", pooled over years" :
                                                                                        ", gemensam för alla år")
                                                                                 : "");
        areas.description = (en ? "GeSO areas with the index for " : "GeSO-områden med index för ") +
                            std::to_string(year) + " (" + normText + (en ? ", weights " : ", vikter ") + weights +
                            "). " + areasProvenance;
        content.tables.push_back(std::move(areas));
        content.tables.push_back(longTable(p, t, valuesProvenance, req.lang));
    } else {
        LayerStyle s;
        s.name = en ? "Areas" : "Områden";
        s.isDefault = true;
        s.singleColor = {200, 200, 200, 255};
        areas.styles = {s};
        areas.description = (en ? "GeSO areas. " : "GeSO-områden. ") + areasProvenance;
        content.tables.push_back(std::move(areas));
    }
    content.tables.front().metadata = {{"SOURCE", fileName(p.areas.source.path)}, {"PROVENANCE", areasProvenance}};
    if (!method.empty()) content.tables.front().metadata["METHOD"] = method;

    if (p.initiatives)
        content.tables.push_back(pointTable(kInitiativesTable, *p.initiatives, PointLayerKind::Initiatives, displayCrs,
                                            en ? "Ongoing initiatives" : "Pågående insatser",
                                            provenanceSentence(prov, {DataSource::Initiatives}, req.lang), req.lang));
    if (p.trygghet)
        content.tables.push_back(pointTable(kTrygghetTable, *p.trygghet, PointLayerKind::Trygghet, displayCrs,
                                            en ? "Safety areas" : "Trygghetsområden",
                                            provenanceSentence(prov, {DataSource::Trygghet}, req.lang), req.lang));

    content.metadata = {
        {"TITLE", en ? "geso-atlas: Malmö's geographic statistical areas (GeSO)"
                     : "geso-atlas: Malmö stads geografiska statistikområden (GeSO)"},
        {"PROVENANCE", datasetProvenance},
        {"SOURCE_AREAS", prov.areasSource},
        {"DATE", isoNowUtc()},
        {"SOFTWARE", std::string("geso-atlas ") + GESO_VERSION},
        {"CRS", content.crs},
    };
    if (!prov.indicatorsSource.empty()) content.metadata["SOURCE_INDICATORS"] = prov.indicatorsSource;
    if (p.initiatives) content.metadata["SOURCE_INITIATIVES"] = fileName(p.initiatives->source.path);
    if (p.trygghet) content.metadata["SOURCE_TRYGGHET"] = fileName(p.trygghet->source.path);
    if (!method.empty()) content.metadata["METHOD"] = method;
    if (notOfficial) {
        std::vector<std::string> parts;
        if (prov.schematicBoundaries) parts.push_back(en ? "schematic boundaries" : "schematiska gränser");
        if (prov.illustrativeValues) parts.push_back(en ? "illustrative values" : "illustrativa värden");
        if ((p.initiatives && prov.illustrative(DataSource::Initiatives)) ||
            (p.trygghet && prov.illustrative(DataSource::Trygghet)))
            parts.push_back(en ? "illustrative points" : "illustrativa punkter");
        std::string notice;
        for (size_t i = 0; i < parts.size(); ++i)
            notice += (i == 0 ? "" : i + 1 == parts.size() ? (en ? " and " : " och ") : ", ") + parts[i];
        notice[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(notice[0])));
        content.metadata["NOTICE"] = notice + (en ? ": not official statistics" : ": inte officiell statistik");
    }
    return content;
}

Status exportGeoPackage(const Project& p, const ExportRequest& req) {
    try {
        auto content = buildGpkgContent(p, req);
        if (!content) return Error{content.error().what, req.outPath};
        return writeGpkgSafely(req.outPath, content.value(), req.update);
    } catch (const std::exception& e) {  // e.g. bad_alloc; nothing was renamed into place
        return Error{std::string("export failed: ") + e.what(), req.outPath};
    }
}

Status writeGpkgSafely(const std::string& path, const GpkgContent& content, bool update) {
    return writeFileSafely(path, {.copyExisting = update}, [&](const std::string& temp) {
        return writeGpkgContent(temp, content, update);
    });
}

Status exportCsv(const std::string& path, const Project& p, int year, const IndexOptions& index,
                 const CsvOptions& options) {
    try {
        auto cols = attributeTable(p, year, index);
        if (!cols) return Error{cols.error().what, path};
        if (p.indicators) {  // a spreadsheet row says which year it is (after code and name)
            const size_t n = p.areas.featureCount();
            Column ar = makeColumn("ar", FieldType::Integer, n);
            for (size_t f = 0; f < n; ++f) setNumber(ar, f, resolveYear(*p.indicators, year));
            cols.value().insert(cols.value().begin() + 2, std::move(ar));
        }
        return exportCsv(path, cols.value(), options);
    } catch (const std::exception& e) {
        return Error{std::string("export failed: ") + e.what(), path};
    }
}

}  // namespace geso::core
