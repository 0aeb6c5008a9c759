#pragma once
// GPU-ready geometry for an area layer: triangles that index into the layer's
// own vertices, a label point per feature and its area. Run after
// validateAndRepair (valid, oriented rings); labels use GEOS's reentrant API,
// one context per worker thread.
#include "core/base/result.hpp"
#include "core/model/layer.hpp"

namespace geso::core {

struct GeometryOptions {
    bool labelPoints = true;  // false: labelPoint = bbox centre, labelRadius = 0 (faster)
    int threads = 0;          // 0 = hardware concurrency; small layers use fewer
    bool triangles = true;    // false: no triangles (triangles empty, triStart all 0), e.g. when
                              // only a simplified copy of the layer will be drawn
};

// Fills every field of AreaGeometry for every feature of `layer`:
// - triangles: 3 indices into layer.xy per triangle, counter-clockwise (a
//   degenerate one may be flat); triStart[f] .. triStart[f+1] are feature f's
//   entries in `triangles`; a feature only uses its own vertices;
// - labelPoint/labelRadius: centre and radius of GEOS's maximum inscribed
//   circle (tolerance 1/100 of the feature's bbox size) for layers of up to
//   2000 features; for larger layers, or if that fails, GEOS's point-on-surface
//   and its distance to the boundary (MIC costs ~100x more per feature);
//   with labelPoints = false: the bbox centre and radius 0;
// - areaM2: exteriors minus holes, in the CRS units squared.
// Triangles come from an ear clipper (ear_clip.hpp; why not GEOS's constrained
// Delaunay: triangulate.cpp), exactly n - 2 + 2·holes per part, so a valid
// part's triangle areas sum to its area. Expects validateAndRepair's output;
// other input still triangulates but may overlap. Deterministic for any
// thread count. Returns an Error (where = "geos:triangulate") if the layer's
// arrays are inconsistent, it needs more than 2^32 indices, or no GEOS
// context can be made.
Result<AreaGeometry> buildAreaGeometry(const AreaLayer& layer, const GeometryOptions& opts = {});

}  // namespace geso::core
