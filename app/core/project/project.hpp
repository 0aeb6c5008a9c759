#pragma once
// A map's data: areas (validated, triangulated), the indicator catalogue and
// table, the point layers, and where each came from. The viewer, `render` and
// `export` all start from loadProject, so they show and write the same thing.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/index/catalogue.hpp"
#include "core/index/indicator_table.hpp"
#include "core/io/vector_reader.hpp"
#include "core/model/layer.hpp"
#include "core/text/lang.hpp"

namespace geso::core {

// "" = the bundled file in geodata/ (schematic or illustrative); "none" = no such layer.
struct DataOptions {
    std::string areasPath, areasLayer, indicatorsPath, initiativesPath, trygghetPath;
    // How to read the indicator table, as text (core/index/column_mapping.hpp):
    // sheet/table name, "auto|wide|long", "code=Områdeskod,year=År,…", and the year
    // of a table without a year column (0 = it must have one). "" = detected.
    std::string indicatorsLayer, indicatorsLayout, indicatorsColumns;
    int indicatorsYear = 0;
    std::string displayCrs = "EPSG:3008", assumeCrs;
    // Label points (GEOS maximum inscribed circle) cost time on big layers and
    // are not drawn there anyway; above this many features the bbox centre is used.
    size_t maxLabelFeatures = 5000;
    // false: Project::geometry gets label points and areas but no triangles (a
    // caller that draws a simplified copy triangulates that instead).
    bool triangles = true;
    // The areas are drawn once, as an image of this size (`render`): in layers
    // of more than minVertices, vertices closer than tolerancePx on that image
    // are dropped after validation and before reprojection (geom/decimate.hpp),
    // so PROJ and the triangulation see only what can be seen. 0 × 0 = keep all.
    struct ImageDetail {
        int widthPx = 0, heightPx = 0;
        double tolerancePx = 0.75;
        size_t minVertices = 200000;
        // The reprojection of such a layer may be this far off PROJ's on the image
        // (core::transformPointsForDrawing): far below the simplification's tolerancePx.
        double reprojectionErrorPx = 0.05;
        double straightnessPx = 0.25;  // after tolerancePx: core::straightenRings
    } imageDetail;
    // One image of a big layer (`render`): an area layer that declares more
    // features than this is read without its geometry (AreaLayer::geometryRead
    // false, Project::geometry empty); streamAreaGeometry then draws it batch by
    // batch. 0 = always read it whole.
    size_t geometryInBatchesAbove = 0;
};

// One input of a map, for its own provenance text.
enum class DataSource { Areas, Values, Initiatives, Trygghet };

struct Provenance {
    // illustrativePoints: either point layer is the bundled one (kept for callers
    // that ask about the points as a whole; the per-layer flags below say which).
    bool schematicBoundaries = false, illustrativeValues = false, illustrativePoints = false;
    std::string areasSource, indicatorsSource;  // file names
    std::string line(Lang lang) const;  // "Schematiska gränser · illustrativa värden" for the bundled data

    // Per point layer; declared last so positional initialisers keep their meaning.
    bool illustrativeInitiatives = false, illustrativeTrygghet = false;
    std::string initiativesSource, trygghetSource;  // file names ("" = no such layer)

    // One input's own provenance, capitalised: "Schematiska gränser" or
    // "Gränser: GeSO.shp"; "Illustrativa värden" or "Värden: ind.csv";
    // "Illustrativa punkter" or "Punkter: insatser.geojson". "" when the project
    // has no such input (no indicator table, no point layer).
    std::string text(DataSource source, Lang lang) const;
    // True when that input is the bundled schematic or illustrative data.
    bool illustrative(DataSource source) const;
};

struct Project {
    DataOptions options;
    AreaLayer areas;
    AreaGeometry geometry;
    std::vector<int> areaCode;          // per feature: GeSO code, -1 if the layer has none
    std::vector<std::string> areaName;  // per feature: display name (never empty)
    std::string codeField, nameField;   // the area layer's columns used for them ("" = none)
    Catalogue catalogue;
    std::optional<IndicatorTable> indicators;
    std::optional<PointLayer> initiatives, trygghet;
    Provenance provenance;
    std::vector<std::string> warnings;  // one line each: load, repair and join notes

    // Feature index of an area code, -1 if none.
    int featureOfCode(int code) const;
};

// The bundled point layers are Malmö's and illustrative: with the user's own
// boundary file they are left out unless named (a map of the city's data
// should not carry made-up points). Sets initiativesPath/trygghetPath to "none".
void leaveOutBundledPointsForOwnAreas(DataOptions& options);

// Everything under one roof; errors name the file (indicator table errors with
// row and column). Non-fatal notes go to Project::warnings.
Result<Project> loadProject(const DataOptions& options);

// The geometry of a project whose areas were read without it
// (DataOptions::geometryInBatchesAbove): read again in batches (streamAreas),
// each validated, simplified for imageDetail,
// reprojected and triangulated as loadProject would, and handed to `onBatch`
// with its triangles and each feature's row in p.areas; dropped after. On the
// way p.areas gets its exact extent (its bbox stays empty), p.geometry its
// per-feature label points and areas (no triangles), p.warnings the repair
// and skip notes.
// Features the second read skips (no usable geometry) are noted: their values
// were classified with the rest. None usable at all: Error "no usable polygons".
// onBatch may keep the batch (move from it), e.g. to draw it on another thread.
struct AreaBatch {
    AreaLayer layer;
    AreaGeometry geometry;
    std::vector<uint32_t> rows;  // per batch feature: its index in p.areas
};
Status streamAreaGeometry(Project& p, const BatchLimits& limits, const std::function<Status(AreaBatch&)>& onBatch);

// Reloads just the indicator table into an existing project (viewer: "Öppna
// indikatortabell…"); the project is unchanged on error.
Status loadIndicators(Project& project, const std::string& path, const TableOptions& table = {});

// The TableOptions the DataOptions' text says; errors name the option's text.
Result<TableOptions> indicatorTableOptions(const DataOptions& options, const Catalogue& catalogue);

// $GESO_DATA_DIR if set, else the repository's geodata/ directory.
std::string bundledDataDir();

// Finds the area layer's code and name columns by the usual names
// (geso_kod, geso_code, kod, code…; geso_namn, namn, name…), case-insensitive.
void detectAreaKeys(Project& project);

}  // namespace geso::core
