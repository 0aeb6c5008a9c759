#pragma once
// Level of detail for drawing dense layers: at 100k polygons on a 3840×2160
// image the average boundary segment is ~0.2 px long, and a software
// rasteriser spends seconds on triangles no one can see. Dropping vertices
// closer than a fraction of a pixel to the last kept one (radial distance, like
// QGIS's on-the-fly 1 px simplification) keeps the picture and cuts the work.
// Used for the renderer's zoom levels and for one-image loads (loadProject).
// The result is for drawing: it is not validated again.
#include "core/model/layer.hpp"

namespace geso::core {

// A copy of `layer`'s geometry (fid, part/ring/vertex arrays, bbox, extent,
// source; no columns, no issues) where each ring keeps a vertex only if it is
// at least toleranceMetres from the previously kept one (the first vertex is
// always kept; every ring keeps at least 3 vertices when it had 3). Feature
// order and count are unchanged, so per-feature colours still apply.
AreaLayer decimateForScale(const AreaLayer& layer, double toleranceMetres);

}  // namespace geso::core
