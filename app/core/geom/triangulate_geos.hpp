#pragma once
// Benchmark-only alternative to buildAreaGeometry's ear clipper: the same
// output, with triangles from GEOSConstrainedDelaunayTriangulation_r mapped
// back to vertex indices. Kept so bench/ can re-measure the choice made in
// triangulate.cpp (docs/benchmarks-load.md); the application does not use it.
#include "core/geom/triangulate.hpp"

namespace geso::core::detail {

Result<AreaGeometry> buildAreaGeometryGeosCdt(const AreaLayer& layer, const GeometryOptions& opts = {});

}  // namespace geso::core::detail
