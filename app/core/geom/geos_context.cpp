#include "core/geom/geos_context.hpp"

namespace geso::core::geos {

Context::Context() : m_handle(GEOS_init_r()) {
    if (m_handle) GEOSContext_setErrorMessageHandler_r(m_handle, &Context::onMessage, this);
}

Context::~Context() {
    if (m_handle) GEOS_finish_r(m_handle);
}

void Context::onMessage(const char* message, void* userdata) {
    auto* self = static_cast<Context*>(userdata);
    self->m_lastError = message ? message : "unknown GEOS error";
}

namespace {

GEOSGeometry* makeRing(Context& ctx, std::span<const Vec2> ring, std::vector<double>& scratch) {
    const size_t n = ring.size();
    if (n < 3) return nullptr;
    scratch.resize(2 * (n + 1));
    for (size_t i = 0; i < n; ++i) {
        scratch[2 * i] = ring[i].x;
        scratch[2 * i + 1] = ring[i].y;
    }
    scratch[2 * n] = scratch[0];
    scratch[2 * n + 1] = scratch[1];
    GEOSCoordSequence* seq =
        GEOSCoordSeq_copyFromBuffer_r(ctx.handle(), scratch.data(), static_cast<unsigned>(n + 1), 0, 0);
    if (!seq) return nullptr;
    return GEOSGeom_createLinearRing_r(ctx.handle(), seq);  // takes ownership of seq
}

void destroyAll(Context& ctx, std::vector<GEOSGeometry*>& geoms) {
    for (GEOSGeometry* g : geoms) GEOSGeom_destroy_r(ctx.handle(), g);
    geoms.clear();
}

// rings[0] is the shell, the rest holes.
template <class RingAt>
GEOSGeometry* makePolygon(Context& ctx, size_t ringCount, RingAt ringAt, std::vector<double>& scratch) {
    if (ringCount == 0) return nullptr;
    GEOSGeometry* shell = makeRing(ctx, ringAt(0), scratch);
    if (!shell) return nullptr;
    std::vector<GEOSGeometry*> holes;
    holes.reserve(ringCount - 1);
    for (size_t r = 1; r < ringCount; ++r) {
        GEOSGeometry* h = makeRing(ctx, ringAt(r), scratch);
        if (!h) {
            GEOSGeom_destroy_r(ctx.handle(), shell);
            destroyAll(ctx, holes);
            return nullptr;
        }
        holes.push_back(h);
    }
    // Takes ownership of shell and holes.
    return GEOSGeom_createPolygon_r(ctx.handle(), shell, holes.empty() ? nullptr : holes.data(),
                                    static_cast<unsigned>(holes.size()));
}

template <class PartAt>
GeomPtr makeParts(Context& ctx, size_t partCount, PartAt partAt) {
    if (partCount == 0) return own(ctx, nullptr);
    if (partCount == 1) return own(ctx, partAt(0));
    std::vector<GEOSGeometry*> parts;
    parts.reserve(partCount);
    for (size_t p = 0; p < partCount; ++p) {
        GEOSGeometry* g = partAt(p);
        if (!g) {
            destroyAll(ctx, parts);
            return own(ctx, nullptr);
        }
        parts.push_back(g);
    }
    return own(ctx, GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTIPOLYGON, parts.data(),
                                                static_cast<unsigned>(parts.size())));
}

bool appendRing(Context& ctx, const GEOSGeometry* ring, FlatPolygons& out, std::vector<double>& buf) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), ring);
    unsigned size = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx.handle(), seq, &size)) return false;
    buf.resize(size_t{2} * size);
    if (size > 0 && !GEOSCoordSeq_copyToBuffer_r(ctx.handle(), seq, buf.data(), 0, 0)) return false;
    unsigned n = size;
    if (n > 1 && buf[0] == buf[2 * (n - 1)] && buf[1] == buf[2 * (n - 1) + 1]) --n;  // store OPEN
    for (unsigned i = 0; i < n; ++i) out.xy.push_back({buf[2 * i], buf[2 * i + 1]});
    out.verticesPerRing.push_back(n);
    return true;
}

bool appendPolygon(Context& ctx, const GEOSGeometry* poly, FlatPolygons& out, std::vector<double>& buf) {
    if (GEOSisEmpty_r(ctx.handle(), poly)) return true;
    const GEOSGeometry* shell = GEOSGetExteriorRing_r(ctx.handle(), poly);
    const int holes = GEOSGetNumInteriorRings_r(ctx.handle(), poly);
    if (!shell || holes < 0) return false;
    if (!appendRing(ctx, shell, out, buf)) return false;
    for (int h = 0; h < holes; ++h) {
        const GEOSGeometry* ring = GEOSGetInteriorRingN_r(ctx.handle(), poly, h);
        if (!ring || !appendRing(ctx, ring, out, buf)) return false;
    }
    out.ringsPerPart.push_back(static_cast<uint32_t>(holes + 1));
    return true;
}

bool appendPolygonalRec(Context& ctx, const GEOSGeometry* g, FlatPolygons& out, std::vector<double>& buf) {
    const int type = GEOSGeomTypeId_r(ctx.handle(), g);
    if (type == GEOS_POLYGON) return appendPolygon(ctx, g, out, buf);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx.handle(), g);
        if (n < 0) return false;
        for (int i = 0; i < n; ++i) {
            const GEOSGeometry* sub = GEOSGetGeometryN_r(ctx.handle(), g, i);
            if (!sub || !appendPolygonalRec(ctx, sub, out, buf)) return false;
        }
        return true;
    }
    return type >= 0;  // points and lines carry no area: ignored
}

}  // namespace

GeomPtr makeFeatureGeometry(Context& ctx, const AreaLayer& layer, size_t feature, std::vector<double>& scratch) {
    const uint32_t p0 = layer.partStart[feature];
    const uint32_t p1 = layer.partStart[feature + 1];
    return makeParts(ctx, p1 - p0, [&](size_t p) {
        const uint32_t r0 = layer.ringStart[p0 + p];
        const uint32_t r1 = layer.ringStart[p0 + p + 1];
        return makePolygon(ctx, r1 - r0, [&](size_t r) {
            const uint32_t v0 = layer.vertexStart[r0 + r], v1 = layer.vertexStart[r0 + r + 1];
            return std::span<const Vec2>(layer.xy.data() + v0, v1 - v0);
        }, scratch);
    });
}

GeomPtr makeGeometry(Context& ctx, const FlatPolygons& poly, std::vector<double>& scratch) {
    std::vector<size_t> firstRing(poly.ringsPerPart.size() + 1, 0);
    for (size_t p = 0; p < poly.ringsPerPart.size(); ++p) firstRing[p + 1] = firstRing[p] + poly.ringsPerPart[p];
    std::vector<size_t> firstVertex(poly.verticesPerRing.size() + 1, 0);
    for (size_t r = 0; r < poly.verticesPerRing.size(); ++r)
        firstVertex[r + 1] = firstVertex[r] + poly.verticesPerRing[r];
    return makeParts(ctx, poly.ringsPerPart.size(), [&](size_t p) {
        return makePolygon(ctx, poly.ringsPerPart[p], [&](size_t r) {
            const size_t ring = firstRing[p] + r;
            return std::span<const Vec2>(poly.xy.data() + firstVertex[ring], poly.verticesPerRing[ring]);
        }, scratch);
    });
}

bool appendPolygonal(Context& ctx, const GEOSGeometry* g, FlatPolygons& out) {
    std::vector<double> buf;
    return appendPolygonalRec(ctx, g, out, buf);
}

}  // namespace geso::core::geos
