#pragma once
// In-memory vector layers after load → reproject → validate. Geometry is kept
// flat (GeoArrow-like offsets) so a whole layer's coordinates go through PROJ in
// one proj_trans_generic call and upload to the GPU without per-feature objects.
//
// Conventions (contract for every module):
// - coordinates are in `crs` (the display CRS once loaded), x = east, y = north, metres
//   for projected CRSs;
// - rings are stored OPEN: the closing vertex that repeats the first is dropped;
// - the first ring of a polygon part is its exterior (counter-clockwise after
//   load), the rest are holes (clockwise);
// - feature i owns parts [partStart[i], partStart[i+1]), part p owns rings
//   [ringStart[p], ringStart[p+1]), ring r owns vertices [vertexStart[r], vertexStart[r+1]).
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace geso::core {

struct Vec2 {
    double x = 0, y = 0;
};

struct Box {
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    bool empty() const { return !(minX <= maxX && minY <= maxY); }
    // NaN is ignored, as std::fmin/fmax would; comparisons, because GCC calls
    // libm for those (2 % of a 100k-cell render's CPU, in the profile).
    void expand(double x, double y) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
    }
    void expand(const Box& b) { if (!b.empty()) { expand(b.minX, b.minY); expand(b.maxX, b.maxY); } }
};

enum class FieldType { Integer, Real, Text, Date };

// One attribute column. Numbers live in `num` (NaN = NULL); text and dates in
// `text` ("" with isNull = NULL). Exactly one of num/text is filled, per type.
struct Column {
    std::string name;
    FieldType type = FieldType::Text;
    std::vector<double> num;
    std::vector<std::string> text;
    std::vector<bool> isNull;  // per feature, for every type

    bool numeric() const { return type == FieldType::Integer || type == FieldType::Real; }
};

// What happened to a feature on the way in; nothing is dropped silently.
struct FeatureIssue {
    enum class Kind { Repaired, Skipped, Warning };
    Kind kind = Kind::Warning;
    int64_t fid = -1;          // source feature id
    std::string label;         // name/code of the feature when known, else "fid N"
    std::string detail;        // e.g. "Self-intersection at 1200.5 6150000.2; repaired with MakeValid"
};

struct LayerSource {
    std::string path;          // as given by the user (may be /vsizip/…, PG:…)
    std::string layerName;
    std::string driver;        // GDAL short name
    std::string srcCrsName;    // e.g. "SWEREF99 13 30"
    std::string srcCrsCode;    // e.g. "EPSG:3008"; empty if unknown
    std::string crsCode;       // display CRS, e.g. "EPSG:3008"
    Box srcExtent;             // extent in the source CRS
};

struct AreaLayer {
    LayerSource source;
    std::vector<Column> columns;
    std::vector<int64_t> fid;             // per feature
    std::vector<uint32_t> partStart{0};   // size features+1
    std::vector<uint32_t> ringStart{0};   // size parts+1
    std::vector<uint32_t> vertexStart{0}; // size rings+1
    std::vector<Vec2> xy;                 // all vertices
    std::vector<Box> bbox;                // per feature
    Box extent;                           // whole layer, display CRS
    std::vector<FeatureIssue> issues;
    // false: read without geometry (LoadOptions::geometryInBatchesAbove): every
    // feature has no parts, `bbox` is empty (no entries) and `extent` is the declared one.
    bool geometryRead = true;

    size_t featureCount() const { return fid.size(); }
    const Column* column(const std::string& name) const {
        for (const auto& c : columns) if (c.name == name) return &c;
        return nullptr;
    }
};

struct PointLayer {
    LayerSource source;
    std::vector<Column> columns;
    std::vector<int64_t> fid;
    std::vector<Vec2> xy;                 // one point per feature (multipoints are split)
    Box extent;
    std::vector<FeatureIssue> issues;

    size_t featureCount() const { return fid.size(); }
    const Column* column(const std::string& name) const {
        for (const auto& c : columns) if (c.name == name) return &c;
        return nullptr;
    }
};

// GPU-ready geometry derived from an AreaLayer by geom/ (GEOS): triangles
// index into AreaLayer::xy, so nothing is copied.
struct AreaGeometry {
    std::vector<uint32_t> triangles;      // 3 indices per triangle into AreaLayer::xy
    std::vector<uint32_t> triStart{0};    // per feature: first index into `triangles`, size features+1
    std::vector<Vec2> labelPoint;         // per feature, well inside (max inscribed circle centre)
    std::vector<double> labelRadius;      // per feature, that circle's radius (metres), for label fitting
    std::vector<double> areaM2;           // per feature, in the display CRS's units squared
};

}  // namespace geso::core
