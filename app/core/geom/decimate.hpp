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

// Drops, in place, the vertices of each ring that lie within toleranceMetres
// of the straight line between the vertices kept around them (Douglas–Peucker,
// per ring, anchored at the first vertex and the one farthest from it; at least
// 3 vertices stay). For one image: the benchmark's Voronoi cells are straight
// edges cut into ~0.7 px segments, which the radial pass above keeps, and a
// software rasteriser pays per segment and per triangle; at 0.25 px the 100k
// cells keep 0.86 M of the radial pass's 2.1 M vertices (docs/benchmarks-render.md).
// Hand-written: GEOS's DouglasPeuckerSimplifier would need each ring as a GEOS
// geometry and back.
void straightenRings(AreaLayer& layer, double toleranceMetres);

}  // namespace geso::core
