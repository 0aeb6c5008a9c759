#pragma once
// Test helpers: independent checks on geom/ output.
#include <geos_c.h>

#include <cmath>
#include <span>

#include "core/model/layer.hpp"

namespace geso::test {

inline double triangleArea(core::Vec2 a, core::Vec2 b, core::Vec2 c) {
    return 0.5 * ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y));
}

inline double sumTriangleAreas(const core::AreaLayer& L, const core::AreaGeometry& g, size_t f) {
    double s = 0;
    for (uint32_t t = g.triStart[f]; t < g.triStart[f + 1]; t += 3)
        s += triangleArea(L.xy[g.triangles[t]], L.xy[g.triangles[t + 1]], L.xy[g.triangles[t + 2]]);
    return s;
}

inline size_t triangleCount(const core::AreaGeometry& g, size_t f) { return (g.triStart[f + 1] - g.triStart[f]) / 3; }

// Signed area of ring r of the layer (shoelace, independent of geom/).
inline double ringSignedArea(const core::AreaLayer& L, uint32_t r) {
    double s = 0;
    const uint32_t v0 = L.vertexStart[r], v1 = L.vertexStart[r + 1];
    for (uint32_t i = v0, j = v1 - 1; i < v1; j = i++)
        s += (L.xy[j].x - L.xy[v0].x) * (L.xy[i].y - L.xy[v0].y) - (L.xy[i].x - L.xy[v0].x) * (L.xy[j].y - L.xy[v0].y);
    return 0.5 * s;
}

// GEOS's own verdict on feature f as stored (rings closed for GEOS here).
inline bool geosValid(const core::AreaLayer& L, size_t f) {
    GEOSContextHandle_t h = GEOS_init_r();
    std::vector<GEOSGeometry*> polys;
    for (uint32_t p = L.partStart[f]; p < L.partStart[f + 1]; ++p) {
        std::vector<GEOSGeometry*> rings;
        for (uint32_t r = L.ringStart[p]; r < L.ringStart[p + 1]; ++r) {
            const uint32_t v0 = L.vertexStart[r], v1 = L.vertexStart[r + 1];
            GEOSCoordSequence* s = GEOSCoordSeq_create_r(h, v1 - v0 + 1, 2);
            for (uint32_t v = v0; v <= v1; ++v) {
                const core::Vec2 q = L.xy[v == v1 ? v0 : v];
                GEOSCoordSeq_setXY_r(h, s, v - v0, q.x, q.y);
            }
            rings.push_back(GEOSGeom_createLinearRing_r(h, s));
        }
        polys.push_back(GEOSGeom_createPolygon_r(h, rings[0], rings.data() + 1, static_cast<unsigned>(rings.size() - 1)));
    }
    GEOSGeometry* g = GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(), static_cast<unsigned>(polys.size()));
    const bool ok = GEOSisValid_r(h, g) == 1;
    GEOSGeom_destroy_r(h, g);
    GEOS_finish_r(h);
    return ok;
}

}  // namespace geso::test
