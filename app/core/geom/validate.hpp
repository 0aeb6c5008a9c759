#pragma once
// Validation and repair of an area layer with GEOS (reentrant API, one context
// per worker thread). Runs after load → reproject, before triangulation.
#include "core/base/result.hpp"
#include "core/model/layer.hpp"

namespace geso::core {

// Makes every feature of `layer` a valid (multi)polygon, in place:
// - consecutive duplicate vertices (also last == first) are removed; this is
//   reported only when it mattered (a ring collapsed below 3 vertices);
// - invalid features are repaired with GEOS, keeping only the polygonal output,
//   and reported as FeatureIssue::Repaired with GEOS's reason, location and the
//   method, e.g. "Self-intersection at (1200.5, 6150000.2); repaired with
//   MakeValid (structure method)". The structure method comes first, then the
//   linework method (small cases only), then buffer(0); a result is kept only
//   if GEOS finds it valid. A feature with more than 10 000 edge crossings is
//   not repaired but skipped (no repair finishes on such tangles in bounded
//   time), so validation time stays bounded for any input;
// - features that are empty/NULL, have non-finite coordinates, or become empty
//   are removed from every per-feature array (fid, columns, bbox) and reported
//   as FeatureIssue::Skipped;
// - rings are oriented: exteriors counter-clockwise, holes clockwise; OPEN.
// Issues are appended to layer.issues, labelled "<name or code> (fid N)" from
// a name/code column if the layer has one, else "fid N". bbox and extent are recomputed.
// Returns an Error (where = "geos:valid") only if GEOS itself fails to run;
// the layer is then unchanged.
Status validateAndRepair(AreaLayer& layer);

}  // namespace geso::core
