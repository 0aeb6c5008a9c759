#include "core/project/project.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "core/crs/crs.hpp"
#include "core/geom/decimate.hpp"
#include "core/geom/triangulate.hpp"
#include "core/index/column_mapping.hpp"
#include "core/geom/validate.hpp"
#include "core/io/vector_reader.hpp"
#include "core/text/strings.hpp"

namespace geso::core {
namespace {

constexpr const char* kNone = "none";

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string fileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// "[file] label: detail". Built by appending: GCC 12 warns falsely (-Wrestrict)
// on `"[" + std::string`.
std::string issueLine(const std::string& path, const FeatureIssue& issue) {
    std::string line = "[";
    line.append(fileName(path)).append("] ").append(issue.label).append(": ").append(issue.detail);
    return line;
}

// How one pixel of an image of the layer's extent at the given size measures,
// in the source CRS (near the centre; the smaller, which keeps more detail)
// and in the display CRS; zeros if it cannot be told.
struct PixelSize {
    double source = 0, display = 0;
};

PixelSize pixelSize(const Box& srcExtent, const std::string& srcCrs, const std::string& displayCrs,
                    const DataOptions::ImageDetail& image) {
    if (srcExtent.empty() || image.widthPx <= 0 || image.heightPx <= 0) return {};
    const double cx = 0.5 * (srcExtent.minX + srcExtent.maxX), cy = 0.5 * (srcExtent.minY + srcExtent.maxY);
    const double unit = 1e-3 * std::max(srcExtent.maxX - srcExtent.minX, srcExtent.maxY - srcExtent.minY);
    std::vector<Vec2> pts = {{srcExtent.minX, srcExtent.minY}, {srcExtent.maxX, srcExtent.minY},
                             {srcExtent.maxX, srcExtent.maxY}, {srcExtent.minX, srcExtent.maxY},
                             {cx, cy}, {cx + unit, cy}, {cx, cy + unit}};
    std::vector<size_t> failed;
    if (!transformPoints(pts, srcCrs, displayCrs, &failed) || !failed.empty() || !(unit > 0)) return {};
    Box shown;
    for (size_t i = 0; i < 4; ++i) shown.expand(pts[i].x, pts[i].y);
    const double metresPerPx = std::max((shown.maxX - shown.minX) / image.widthPx, (shown.maxY - shown.minY) / image.heightPx);
    // Display units per source unit near the centre; the larger keeps more detail.
    const double scale = std::max(std::hypot(pts[5].x - pts[4].x, pts[5].y - pts[4].y),
                                  std::hypot(pts[6].x - pts[4].x, pts[6].y - pts[4].y)) / unit;
    if (!(scale > 0) || !(metresPerPx > 0)) return {};
    return {metresPerPx / scale, metresPerPx};
}

LoadOptions areaLoadOptions(const DataOptions& o) {
    LoadOptions lo;
    lo.layerName = o.areasLayer;
    lo.displayCrs = o.displayCrs;
    lo.assumeCrs = o.assumeCrs;
    return lo;
}

GeometryOptions geometryOptions(const DataOptions& o, size_t featureCount) {
    GeometryOptions go;
    go.labelPoints = featureCount <= o.maxLabelFeatures;
    go.triangles = o.triangles;
    return go;
}

// Validation in the source CRS (the repair report's coordinates are the
// file's own); a one-image load of more than `minVertices` vertices then drops
// what the image of the whole layer (its source extent) cannot show (vertices
// closer than tolerancePx, then those within straightnessPx of a straight edge), and is
// reprojected within DataOptions::ImageDetail::reprojectionErrorPx (the error
// allowed is returned: display-CRS units, 0 = exact).
Result<double> prepareInSourceCrs(AreaLayer& layer, const std::string& srcCrs, const DataOptions& o,
                                  size_t minVertices) {
    if (Status s = validateAndRepair(layer); !s) return s.error();
    if (layer.xy.size() <= minVertices) return 0.0;
    const PixelSize px = pixelSize(layer.source.srcExtent, srcCrs, o.displayCrs, o.imageDetail);
    if (!(px.source > 0)) return 0.0;
    AreaLayer simpler = decimateForScale(layer, o.imageDetail.tolerancePx * px.source);
    straightenRings(simpler, o.imageDetail.straightnessPx * px.source);
    simpler.columns = std::move(layer.columns);
    simpler.issues = std::move(layer.issues);
    layer = std::move(simpler);
    return o.imageDetail.reprojectionErrorPx * px.display;
}

std::string bundled(const char* name) { return (std::filesystem::path(bundledDataDir()) / name).string(); }

const Column* findColumn(const AreaLayer& layer, std::initializer_list<const char*> names) {
    for (const char* want : names)
        for (const auto& c : layer.columns)
            if (lower(c.name) == want) return &c;
    return nullptr;
}

// A GeSO code from a cell: integers, or text such as "01".
int codeFromCell(const Column& c, size_t i) {
    if (c.isNull.size() > i && c.isNull[i]) return -1;
    if (c.numeric()) {
        double v = c.num[i];
        return (std::isfinite(v) && v == std::floor(v) && v >= 0 && v < 1e9) ? static_cast<int>(v) : -1;
    }
    const std::string& t = c.text[i];
    if (t.empty() || t.size() > 9 || !std::all_of(t.begin(), t.end(), [](unsigned char ch) { return std::isdigit(ch); }))
        return -1;
    return std::atoi(t.c_str());
}

Result<PointLayer> loadPointLayer(const std::string& given, const char* bundledName, const DataOptions& o,
                                  bool& illustrative) {
    std::string path = given.empty() ? bundled(bundledName) : given;
    illustrative = given.empty();
    LoadOptions lo;
    lo.displayCrs = o.displayCrs;  // --assume-crs is the area layer's: lon/lat tables are WGS 84 by definition
    return loadPoints(path, lo);
}

}  // namespace

std::string bundledDataDir() {
    if (const char* env = std::getenv("GESO_DATA_DIR"); env && *env) return env;
    return std::string(GESO_SOURCE_DIR) + "/geodata";
}

int Project::featureOfCode(int code) const {
    auto it = std::find(areaCode.begin(), areaCode.end(), code);
    return it == areaCode.end() ? -1 : static_cast<int>(it - areaCode.begin());
}

std::string Provenance::line(Lang lang) const {
    if (schematicBoundaries && illustrativeValues) return std::string(tr(StringId::ProvSchematicIllustrative, lang));
    std::string out = schematicBoundaries ? std::string(tr(StringId::ProvSchematic, lang))
                                          : trFormat(StringId::ProvBoundaries, lang, {areasSource});
    if (illustrativeValues)
        out += " · " + std::string(tr(StringId::ProvIllustrative, lang));
    else if (!indicatorsSource.empty())
        out += " · " + trFormat(StringId::ProvValues, lang, {indicatorsSource});
    return out;
}

std::string Provenance::text(DataSource source, Lang lang) const {
    std::string out;
    switch (source) {
        case DataSource::Areas:
            return schematicBoundaries ? std::string(tr(StringId::ProvSchematic, lang))
                                       : trFormat(StringId::ProvBoundaries, lang, {areasSource});
        case DataSource::Values:
            if (illustrativeValues) out = tr(StringId::ProvIllustrative, lang);
            else if (!indicatorsSource.empty()) return trFormat(StringId::ProvValues, lang, {indicatorsSource});
            break;
        case DataSource::Initiatives:
        case DataSource::Trygghet: {
            const std::string& file = source == DataSource::Initiatives ? initiativesSource : trygghetSource;
            if (illustrative(source)) return std::string(tr(StringId::ProvIllustrativePoints, lang));
            if (!file.empty()) return trFormat(StringId::ProvPoints, lang, {file});
            break;
        }
    }
    // The shared string is written to follow "Schematiska gränser · "; standing alone it starts a sentence.
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

bool Provenance::illustrative(DataSource source) const {
    switch (source) {
        case DataSource::Areas: return schematicBoundaries;
        case DataSource::Values: return illustrativeValues;
        case DataSource::Initiatives: return illustrativeInitiatives;
        case DataSource::Trygghet: return illustrativeTrygghet;
    }
    return false;
}

void detectAreaKeys(Project& p) {
    const size_t n = p.areas.featureCount();
    const Column* code = findColumn(p.areas, {"geso_kod", "geso_code", "gesokod", "geso", "kod", "code", "omradeskod"});
    const Column* name = findColumn(p.areas, {"geso_namn", "geso_name", "gesonamn", "namn", "name", "omrade", "område"});
    p.codeField = code ? code->name : "";
    p.nameField = name ? name->name : "";
    p.areaCode.assign(n, -1);
    p.areaName.assign(n, {});
    for (size_t i = 0; i < n; ++i) {
        if (code) p.areaCode[i] = codeFromCell(*code, i);
        if (name && name->type == FieldType::Text && !(name->isNull.size() > i && name->isNull[i]))
            p.areaName[i] = name->text[i];
        if (p.areaName[i].empty())
            p.areaName[i] = p.areaCode[i] >= 0 ? "GeSO " + std::to_string(p.areaCode[i])
                                               : "fid " + std::to_string(p.areas.fid[i]);
    }
}

Result<TableOptions> indicatorTableOptions(const DataOptions& o, const Catalogue& catalogue) {
    TableOptions t;
    t.layer = o.indicatorsLayer;
    t.defaultYear = o.indicatorsYear;
    if (!o.indicatorsLayout.empty()) {
        const auto layout = parseLayout(o.indicatorsLayout);
        if (!layout) return Error{"'" + o.indicatorsLayout + "' is not auto, wide or long", "table layout"};
        t.layout = *layout;
    }
    if (!o.indicatorsColumns.empty())
        if (Status st = parseColumnMapping(o.indicatorsColumns, catalogue, t); !st) return st.error();
    return t;
}

Status loadIndicators(Project& p, const std::string& path, const TableOptions& tableOptions) {
    auto table = loadIndicatorTable(path, p.catalogue, tableOptions);
    if (!table) return table.error();
    IndicatorTable t = std::move(table).value();
    if (const TableIssue* e = t.firstError()) return Error{e->location() + ": " + e->message, path};
    std::map<int, std::string> names;
    for (size_t i = 0; i < p.areaCode.size(); ++i)
        if (p.areaCode[i] >= 0) names[p.areaCode[i]] = p.areaName[i];
    if (!names.empty()) checkNames(t, names);
    const bool joins = std::any_of(t.codes.begin(), t.codes.end(), [&](int c) { return names.count(c) > 0; });
    const bool bundledTable = std::filesystem::path(path) == std::filesystem::path(bundledIndicatorsPath());
    if (!joins && !names.empty()) {
        // The bundled Malmö table over another division's boundaries: map the layer's own fields.
        if (bundledTable) {
            p.warnings.push_back("[" + fileName(path) + "] none of its GeSO codes is in the boundary layer; "
                                 "the map shows the layer's own fields");
            return Ok{};
        }
        return Error{"none of the table's " + std::to_string(t.codes.size()) + " area codes is in the boundary "
                         "layer (its codes run " + std::to_string(names.begin()->first) + "…" +
                         std::to_string(names.rbegin()->first) + "); is it the right table, or the right code column?",
                     path};
    }
    // Replace the previous table's warnings with this one's.
    std::erase_if(p.warnings, [](const std::string& w) { return w.rfind("[tabell] ", 0) == 0; });
    for (const auto& issue : t.issues) p.warnings.push_back("[tabell] " + issue.line());
    p.provenance.illustrativeValues = bundledTable;
    p.provenance.indicatorsSource = fileName(path);
    p.indicators = std::move(t);
    return Ok{};
}

void leaveOutBundledPointsForOwnAreas(DataOptions& o) {
    if (o.areasPath.empty()) return;
    if (o.initiativesPath.empty()) o.initiativesPath = kNone;
    if (o.trygghetPath.empty()) o.trygghetPath = kNone;
}

Result<Project> loadProject(const DataOptions& o) {
    Project p;
    p.options = o;

    auto cat = loadCatalogue(bundledCatalogPath());
    if (!cat) return cat.error();
    p.catalogue = std::move(cat).value();

    const std::string areasPath = o.areasPath.empty() ? bundled("geso_omraden.shp") : o.areasPath;
    p.provenance.schematicBoundaries = o.areasPath.empty();
    p.provenance.areasSource = fileName(areasPath);
    LoadOptions lo = areaLoadOptions(o);
    lo.geometryInBatchesAbove = o.geometryInBatchesAbove;
    lo.beforeReprojection = [&o](AreaLayer& layer, const std::string& srcCrs) -> Result<double> {
        return prepareInSourceCrs(layer, srcCrs, o, o.imageDetail.minVertices);
    };
    auto areas = loadAreas(areasPath, lo);
    if (!areas) return areas.error();
    p.areas = std::move(areas).value();
    if (p.areas.featureCount() == 0) return Error{"no usable polygons", areasPath};
    for (const auto& issue : p.areas.issues)
        p.warnings.push_back(issueLine(areasPath, issue));

    if (p.areas.geometryRead) {
        auto geometry = buildAreaGeometry(p.areas, geometryOptions(o, p.areas.featureCount()));
        if (!geometry) return Error{geometry.error().what, areasPath};
        p.geometry = std::move(geometry).value();
    }
    detectAreaKeys(p);

    if (o.indicatorsPath != kNone && !p.codeField.empty()) {
        const std::string path = o.indicatorsPath.empty() ? bundledIndicatorsPath() : o.indicatorsPath;
        auto tableOptions = indicatorTableOptions(o, p.catalogue);
        if (!tableOptions) return tableOptions.error();
        if (Status s = loadIndicators(p, path, tableOptions.value()); !s) return s.error();
    } else if (o.indicatorsPath != kNone && !o.indicatorsPath.empty()) {
        return Error{"the area layer has no GeSO code column (geso_kod) to join the indicator table on", areasPath};
    }

    Provenance& prov = p.provenance;
    if (o.initiativesPath != kNone) {
        auto pts = loadPointLayer(o.initiativesPath, "pagaende_insatser.geojson", o, prov.illustrativeInitiatives);
        if (!pts) return pts.error();
        p.initiatives = std::move(pts).value();
        prov.initiativesSource = fileName(p.initiatives->source.path);
    }
    if (o.trygghetPath != kNone) {
        auto pts = loadPointLayer(o.trygghetPath, "trygghetsomraden.csv", o, prov.illustrativeTrygghet);
        if (!pts) return pts.error();
        p.trygghet = std::move(pts).value();
        prov.trygghetSource = fileName(p.trygghet->source.path);
    }
    prov.illustrativePoints = prov.illustrativeInitiatives || prov.illustrativeTrygghet;
    for (const auto* layer : {p.initiatives ? &*p.initiatives : nullptr, p.trygghet ? &*p.trygghet : nullptr})
        if (layer)
            for (const auto& issue : layer->issues)
                p.warnings.push_back(issueLine(layer->source.path, issue));
    return p;
}

Status streamAreaGeometry(Project& p, const BatchLimits& limits, const std::function<Status(AreaBatch&)>& onBatch) {
    const DataOptions& o = p.options;
    const std::string path = p.areas.source.path;
    const size_t n = p.areas.featureCount();
    LoadOptions lo = areaLoadOptions(o);
    // Every batch is simplified: the whole layer is big, whatever one batch holds.
    lo.beforeReprojection = [&o](AreaLayer& layer, const std::string& srcCrs) -> Result<double> {
        return prepareInSourceCrs(layer, srcCrs, o, 0);
    };
    AreaGeometry& g = p.geometry;
    g = AreaGeometry{};
    g.labelPoint.assign(n, Vec2{});
    g.labelRadius.assign(n, 0.0);
    g.areaM2.assign(n, 0.0);
    g.triStart.assign(n + 1, 0);
    Box extent;
    size_t next = 0, drawn = 0;  // the first row a batch feature may be
    Status st = streamAreas(path, lo, limits, [&](AreaLayer& batch) -> Status {
        for (const auto& issue : batch.issues) p.warnings.push_back(issueLine(path, issue));
        // One thread: the batch before is being drawn on the other core meanwhile.
        GeometryOptions go = geometryOptions(o, n);
        go.threads = 1;
        auto geometry = buildAreaGeometry(batch, go);
        if (!geometry) return geometry.error();
        AreaBatch out{std::move(batch), std::move(geometry).value(), {}};
        const AreaGeometry& bg = out.geometry;
        std::vector<uint32_t>& rows = out.rows;
        rows.reserve(out.layer.featureCount());
        for (size_t i = 0; i < out.layer.featureCount(); ++i) {
            // Both reads go in the layer's order; rows skipped here had no usable geometry.
            while (next < n && p.areas.fid[next] != out.layer.fid[i]) ++next;
            if (next == n)
                return Error{"the layer changed between two reads (fid " + std::to_string(out.layer.fid[i]) +
                             " is not where it was)",
                         path};
            rows.push_back(static_cast<uint32_t>(next));
            g.labelPoint[next] = bg.labelPoint[i];
            g.labelRadius[next] = bg.labelRadius[i];
            g.areaM2[next] = bg.areaM2[i];
            ++next;
        }
        drawn += rows.size();
        extent.expand(out.layer.extent);
        return onBatch(out);
    });
    if (!st) return Error{st.error().what, path};
    if (drawn == 0) return Error{"no usable polygons", path};
    p.areas.extent = extent;
    if (drawn < n)
        p.warnings.push_back("[" + fileName(path) + "] " + std::to_string(n - drawn) + " of " +
                             std::to_string(n) + " features have no usable geometry and are not drawn; a layer "
                             "this big is read twice, values first, so their values count in the classes");
    return Ok{};
}

}  // namespace geso::core
