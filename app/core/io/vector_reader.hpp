#pragma once
// Reading vector data through GDAL/OGR into the flat layers of model/layer.hpp,
// reprojected with PROJ into the display CRS.
//
// `path` is anything OGR opens: ESRI Shapefile (.shp, or a .zip holding one,
// mapped to /vsizip/), GeoPackage, GeoJSON, FlatGeobuf, CSV with lon/lat (or
// x/y) columns, a directory of shapefiles, PG:… connection strings and /vsi…
// paths. Errors are values with Error.where = `path`, one line each: missing
// file, not a regular file (device, FIFO), permission denied (the file or a
// shapefile sidecar), directory without vector data, empty file, damaged zip,
// GeoPackage without layers, missing .shx/.dbf or a .dbf whose record count
// differs from the .shx, a read that ends before the layer's declared feature
// count ("read N of M features: the file is truncated or damaged"), unknown or
// ambiguous layer, no CRS (with a guess of the likely CRS). A connection string
// is a string with a prefix GDAL knows (PG:, MySQL:, WFS: …) that is not an
// existing file; its errors have where = "gdal:open".
//
// Nothing is dropped silently: features without usable geometry are skipped
// with a FeatureIssue (Kind::Skipped, labelled by name/code/fid); data outside
// the CRS's area of use, axis-swapped looking data, guessed text encodings and
// GDAL warnings raised while reading give Kind::Warning issues with fid -1. Geometry validity is not checked here
// (geom/validate.hpp does that).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/model/layer.hpp"

namespace geso::core {

struct LoadOptions {
    std::string layerName;               // "" = the only layer of the right kind
    std::string displayCrs = "EPSG:3008";  // target CRS of every coordinate
    // CRS of the source coordinates: needed when the source declares none or an
    // unusable one (local, unparseable); overrides a declared CRS, with a warning.
    std::string assumeCrs;
    // Areas only: called once the layer is read, in its source CRS (sourceCrs:
    // a definition for transformPoints), before it is reprojected — e.g. to
    // validate it and drop vertices no one will see, so fewer go through PROJ.
    // An Error stops the load (where = the path).
    // It returns how far the reprojection that follows may be off PROJ's result,
    // in display-CRS units: 0 = PROJ for every vertex; > 0 (one image) = within
    // that, interpolated where it can be (core::transformPointsForDrawing).
    std::function<Result<double>(AreaLayer& layer, const std::string& sourceCrs)> beforeReprojection;
    // Areas, for one image of a big layer: a layer that declares more features
    // than this is read by loadAreas without its geometry (fids, attributes and
    // the declared extent; AreaLayer::geometryRead = false), and its geometry
    // then comes in batches from streamAreas (a layer whose declared extent
    // cannot be had or reprojected is read whole). 0 = loadAreas reads everything.
    size_t geometryInBatchesAbove = 0;
};

// Polygon/MultiPolygon features → AreaLayer: rings open, exterior first and
// counter-clockwise, holes clockwise; fid and attributes kept.
Result<AreaLayer> loadAreas(const std::string& path, const LoadOptions& opts = {});

// How much one batch of streamAreas holds: it is handed over as soon as it has
// `features` features or `vertices` vertices (as read, before simplification).
// llvmpipe's binning memory grows with a batch's triangles: 100k cells at 4K,
// 1024 / 2048 / 4096 features per batch peaked at 217 / 227 / 237 MiB, with
// no difference in time (docs/benchmarks-render.md).
struct BatchLimits {
    size_t features = 1024;
    size_t vertices = 65536;
};

// The geometry of the layer loadAreas read without it, in its order, in
// batches (BatchLimits): each an AreaLayer as loadAreas
// would finish it (beforeReprojection called, reprojected, oriented, boxes)
// but without columns, handed to `onBatch` and then dropped, so memory holds
// one batch. Skipped features are issues of their batch; the CRS notes were
// loadAreas's. An Error from onBatch stops the read; a read
// that ends early is an Error after the last batch.
Status streamAreas(const std::string& path, const LoadOptions& opts, const BatchLimits& limits,
                   const std::function<Status(AreaLayer& batch)>& onBatch);

// Point/MultiPoint features → PointLayer (a multipoint gives one entry per
// point, each with the feature's fid and attributes). A CSV without CRS whose
// coordinates are degrees is read as EPSG:4326.
Result<PointLayer> loadPoints(const std::string& path, const LoadOptions& opts = {});

enum class LayerKind { Areas, Points, Mixed, Table, Other };  // Mixed: geometry type not declared

struct FieldInfo {
    std::string name;
    FieldType type = FieldType::Text;  // how loadAreas/loadPoints store it
    std::string gdalType;              // e.g. "String(80)", "Integer64", "Real(24.15)"
};

struct LayerInfo {
    std::string name;
    std::string geometryType;    // OGR name, e.g. "Polygon", "Multi Polygon", "Point"
    LayerKind kind = LayerKind::Other;
    int64_t featureCount = -1;   // -1 when the driver cannot tell
    std::string crsName;         // "" when the layer has no CRS
    std::string crsCode;         // "EPSG:3008", or "" when none/unknown
    std::string crsDefinition;   // code or WKT2 to hand to transformPoints; "" when no CRS
    Box extent;                  // source CRS; empty when unknown
    std::vector<FieldInfo> fields;
};

struct DatasetInfo {
    std::string path;            // as given
    std::string gdalPath;        // what GDAL opened (/vsizip/… for a .zip)
    std::string driver;          // GDAL short name, e.g. "ESRI Shapefile"
    std::string driverLongName;
    std::vector<LayerInfo> layers;
};

// Metadata of every layer without reading geometry into memory (extents may
// scan the file). opts.layerName, if set, must name an existing layer.
Result<DatasetInfo> describeDataset(const std::string& path, const LoadOptions& opts = {});

// The path handed to GDAL: a .zip becomes /vsizip/… (its single vector file
// inside when there is exactly one); everything else is unchanged.
std::string gdalPathFor(const std::string& path);

}  // namespace geso::core
