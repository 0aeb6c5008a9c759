#pragma once
// Level of detail for one-shot renders of dense layers: at 100k polygons on a
// 3840×2160 image the average boundary segment is ~0.2 px long, and llvmpipe
// spends seconds setting up triangles no one can see. Dropping vertices closer
// than a fraction of a pixel to the last kept one (radial distance, like
// QGIS's on-the-fly 1 px simplification) keeps the picture and cuts the work.
// Used by `geso-atlas render` only: the interactive viewer never re-meshes on zoom.
#include "core/model/layer.hpp"

namespace geso::render {

// A copy of `layer`'s geometry (fid, part/ring/vertex arrays, bbox, extent,
// source; no columns, no issues) where each ring keeps a vertex only if it is
// at least toleranceMetres from the previously kept one (the first vertex is
// always kept; every ring keeps at least 3 vertices when it had 3). Feature
// order and count are unchanged, so per-feature colours still apply.
core::AreaLayer decimateForScale(const core::AreaLayer& layer, double toleranceMetres);

}  // namespace geso::render
