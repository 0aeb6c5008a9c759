#pragma once
// Internal to geso_io: the steps after reading, shared by area and point
// layers: reserve, reproject the whole coordinate array, drop what PROJ could
// not transform (reported), orient rings, compute boxes.
#include <string>

#include "core/base/result.hpp"
#include "core/io/source_crs.hpp"
#include "core/model/layer.hpp"

namespace geso::core::io_detail {

// Upper bound on the vertex count from the file size (16 bytes per x,y), 0
// when unknown (zip, database). Reserved but untouched memory is not resident,
// so an overestimate costs address space only.
size_t vertexCapacityHint(const std::string& path);

// Swaps axes if the source hands out north first, transforms every vertex into
// `displayCrs` in one call, and drops (with a Skipped issue) each feature with a
// vertex PROJ could not transform. maxError > 0: within that of PROJ's
// result (display-CRS units), interpolated where it can be (transformPointsForDrawing).
Status reprojectAreas(AreaLayer& layer, const SourceCrs& crs, const std::string& displayCrs,
                      double maxError = 0);
Status reprojectPoints(PointLayer& layer, const SourceCrs& crs, const std::string& displayCrs);

// The display-CRS box around `srcBox` (its edges densified, so curved
// meridians and parallels are covered); empty if PROJ cannot transform it.
Box displayBox(const Box& srcBox, const SourceCrs& crs, const std::string& displayCrs);

// Exteriors counter-clockwise, holes clockwise; per-feature boxes and the extent.
void finishAreas(AreaLayer& layer);
void finishPoints(PointLayer& layer);

}  // namespace geso::core::io_detail
