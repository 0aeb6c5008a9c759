#pragma once
// Reprojection for drawing, where a fraction of a pixel is the accuracy needed:
// PROJ transforms the nodes of a grid over the points' bounding box, and each
// point is interpolated bilinearly between its cell's four nodes. The grid is
// used only where the interpolation, checked against PROJ itself at the centre
// and the edge midpoints of every cell, stays within `maxError`; else the grid
// is refined (8 → 64 cells a side) and, failing that, every point goes through
// PROJ as in transformPoints.
//
// Why by hand: PROJ has no such mode, and GDAL's approximate transformer
// interpolates along scanlines, not scattered points. Measured on one core:
// 2.1 M points over Malmö, SWEREF 99 13 30 → Web Mercator, in 100 batches of
// 21 000 (as the 100k-cell coverage's vertices reach PROJ at 3840×2160): 0.57 s
// through PROJ (atan2, sincos, log1p, tan, asinh per point), 0.08 s with a grid
// per batch, within 1 m = 0.05 px (docs/benchmarks-render.md).
#include <span>
#include <string>
#include <vector>

#include "core/crs/crs.hpp"

namespace geso::core {

// As transformPoints (same `failed` contract), with every output within
// `maxError` display-CRS units of PROJ's where a grid is used. maxError <= 0,
// fewer than kGridTransformMinPoints points, or any non-finite input: exactly
// transformPoints.
Status transformPointsForDrawing(std::span<Vec2> pts, const std::string& srcDef, const std::string& dstDef,
                                 double maxError, std::vector<size_t>* failed = nullptr);

constexpr size_t kGridTransformMinPoints = 2048;

}  // namespace geso::core
