#pragma once
// Internal to geso_io: the CRS a layer's coordinates are in, and the warnings
// about data that do not fit it.
#include <ogrsf_frmts.h>

#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/io/vector_reader.hpp"
#include "core/model/layer.hpp"

namespace geso::core::io_detail {

struct SourceCrs {
    std::string definition;  // "EPSG:3008" or WKT2, for transformPoints; "" = none declared
    std::string name;
    std::string code;        // "EPSG:3008" or "" when unknown
    bool swapXY = false;     // the driver hands out north-first coordinates (rare)
};

// What the layer declares (.prj, GPKG srs, GeoJSON crs); definition "" if nothing.
SourceCrs declaredCrs(OGRLayer& layer);

// The CRS to transform from. opts.assumeCrs, when given, always wins: over no
// CRS, over an unusable one (local/engineering, unparseable .prj, not
// transformable to opts.displayCrs) and over a usable one, with a Warning
// saying what the file declared. Without it: the declared CRS if usable; for
// CSV tables in degrees without CRS EPSG:4326; else a one-line Error ("no CRS",
// "its .prj could not be read as a CRS", "declares a local … CRS") that
// guesses from `srcExtent` and says how to rerun.
Result<SourceCrs> resolveSourceCrs(OGRLayer& layer, const std::string& path, const std::string& driver,
                                   const LoadOptions& opts, const Box& srcExtent,
                                   std::vector<FeatureIssue>& issues);

// Warnings (fid -1) when `srcExtent` looks axis-swapped, looks like another of
// the Malmö CRSs (3008/3006/4326/3857) than the declared one, or lies outside
// the CRS's area of use (with a margin of 0.5° or 5 %).
void checkExtentAgainstCrs(const SourceCrs& crs, const Box& srcExtent, std::vector<FeatureIssue>& issues);

// checkExtentAgainstCrs, then (if that found nothing) a Warning when the data
// lie outside the area of use of `displayCrs` (e.g. Australia drawn in EPSG:3008).
void checkExtent(const SourceCrs& crs, const Box& srcExtent, const std::string& displayCrs,
                 std::vector<FeatureIssue>& issues);

// After a layer is read, before it is reprojected (loadAreas, loadPoints):
// resolveSourceCrs, the answer recorded in `source` (srcCrsName, srcCrsCode,
// srcExtent), then checkExtent's warnings.
Result<SourceCrs> settleSourceCrs(OGRLayer& layer, const std::string& path, const std::string& driver,
                                  const LoadOptions& opts, const Box& srcExtent, LayerSource& source,
                                  std::vector<FeatureIssue>& issues);

std::string formatBox(const Box& b);  // "x 118000…135000, y 6150000…6175000"

}  // namespace geso::core::io_detail
