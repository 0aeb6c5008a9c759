#pragma once
// Test helper: builds an AreaLayer from WKT polygons exactly as written (rings
// made OPEN, orientation untouched), the shape loaders hand to geom/.
#include <geos_c.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model/layer.hpp"

namespace geso::test {

inline void appendRingFromGeos(GEOSContextHandle_t h, const GEOSGeometry* ring, core::AreaLayer& L) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    if (n > 1) --n;  // drop the closing vertex
    for (unsigned i = 0; i < n; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
        L.xy.push_back({x, y});
    }
    L.vertexStart.push_back(static_cast<uint32_t>(L.xy.size()));
}

inline void appendPolygonFromGeos(GEOSContextHandle_t h, const GEOSGeometry* poly, core::AreaLayer& L) {
    if (GEOSisEmpty_r(h, poly)) return;
    appendRingFromGeos(h, GEOSGetExteriorRing_r(h, poly), L);
    for (int i = 0; i < GEOSGetNumInteriorRings_r(h, poly); ++i)
        appendRingFromGeos(h, GEOSGetInteriorRingN_r(h, poly, i), L);
    L.ringStart.push_back(static_cast<uint32_t>(L.vertexStart.size() - 1));
}

// Appends one feature (POLYGON, MULTIPOLYGON or an EMPTY one) with fid = its index.
inline void addWkt(core::AreaLayer& L, const std::string& wkt) {
    GEOSContextHandle_t h = GEOS_init_r();
    GEOSWKTReader* reader = GEOSWKTReader_create_r(h);
    GEOSGeometry* g = GEOSWKTReader_read_r(h, reader, wkt.c_str());
    GEOSWKTReader_destroy_r(h, reader);
    if (!g) {
        GEOS_finish_r(h);
        throw std::runtime_error("bad WKT in test: " + wkt);
    }
    if (GEOSGeomTypeId_r(h, g) == GEOS_POLYGON) {
        appendPolygonFromGeos(h, g, L);
    } else {
        for (int i = 0; i < GEOSGetNumGeometries_r(h, g); ++i) appendPolygonFromGeos(h, GEOSGetGeometryN_r(h, g, i), L);
    }
    GEOSGeom_destroy_r(h, g);
    GEOS_finish_r(h);
    L.fid.push_back(static_cast<int64_t>(L.fid.size()));
    L.partStart.push_back(static_cast<uint32_t>(L.ringStart.size() - 1));
}

// A layer of WKT features; with `names`, a Text column "name" as well.
inline core::AreaLayer layerFromWkt(const std::vector<std::string>& wkts,
                                    const std::optional<std::vector<std::string>>& names = std::nullopt) {
    core::AreaLayer L;
    for (const auto& w : wkts) addWkt(L, w);
    if (names) {
        core::Column c;
        c.name = "name";
        c.type = core::FieldType::Text;
        c.text = *names;
        c.isNull.assign(names->size(), false);
        L.columns.push_back(std::move(c));
    }
    for (size_t f = 0; f < L.featureCount(); ++f) {
        core::Box b;
        for (uint32_t v = L.vertexStart[L.ringStart[L.partStart[f]]]; v < L.vertexStart[L.ringStart[L.partStart[f + 1]]]; ++v)
            b.expand(L.xy[v].x, L.xy[v].y);
        L.bbox.push_back(b);
        L.extent.expand(b);
    }
    return L;
}

}  // namespace geso::test
