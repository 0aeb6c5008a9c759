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

// The CRS to transform from. Without a declared CRS: opts.assumeCrs, else for
// CSV tables in degrees EPSG:4326, else an Error that guesses from `srcExtent`
// and says how to rerun. Adds a Warning when --assume-crs is ignored.
Result<SourceCrs> resolveSourceCrs(OGRLayer& layer, const std::string& path, const std::string& driver,
                                   const LoadOptions& opts, const Box& srcExtent,
                                   std::vector<FeatureIssue>& issues);

// Warnings (fid -1) when `srcExtent` lies far outside the CRS's area of use or
// looks axis-swapped.
void checkExtentAgainstCrs(const SourceCrs& crs, const Box& srcExtent, std::vector<FeatureIssue>& issues);

std::string formatBox(const Box& b);  // "x 118000…135000, y 6150000…6175000"

}  // namespace geso::core::io_detail
