#include "core/geom/triangulate.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>

#include "core/geom/ear_clip.hpp"
#include "core/geom/geos_context.hpp"
#include "core/geom/parallel.hpp"
#include "core/geom/polygon_ops.hpp"
#include "core/geom/triangulate_geos.hpp"

// Why an ear clipper and not GEOS's constrained Delaunay (measured with
// geso-bench-load --threads 1 --no-labels on the 100k coverage, 4.1 M vertices,
// CPU time): GEOSConstrainedDelaunayTriangulation_r plus reading its triangles
// back took 10.1 s, ear_clip.cpp 0.43 s, for the same 3,939,826 triangles. The
// whole load → reproject → validate → triangulate process has a budget of
// about 2.25 s (1.5x ogr2ogr), so GEOS alone would miss it fourfold. Filling
// polygons on the GPU needs no Delaunay triangle quality. Figures and
// commands: docs/benchmarks-load.md; `--triangulator geos` re-measures.

namespace geso::core {

namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
// GEOS's maximum inscribed circle costs 25-110 µs per 42-vertex polygon
// (tolerance 1/10 .. 1/200 of its size), point-on-surface 1-2 µs (CPU time,
// docs/benchmarks-load.md): above this many features labels come from
// point-on-surface (nobody labels 100k areas; 2000 MICs cost ~0.2 s CPU).
constexpr size_t kMicMaxFeatures = 2000;
constexpr double kMicToleranceDiv = 100.0;

// Maps a feature's vertex coordinates back to their indices in layer.xy: GEOS
// returns triangles as coordinates, but they are exactly the input doubles.
class VertexLookup {
public:
    void build(const std::vector<Vec2>& xy, uint32_t begin, uint32_t end) {
        m_xy = &xy;
        const size_t size = std::bit_ceil(size_t{end - begin} * 2 + 2);
        m_slots.assign(size, kNone);
        m_mask = size - 1;
        for (uint32_t v = begin; v < end; ++v) {
            size_t h = hash(xy[v]) & m_mask;
            while (m_slots[h] != kNone && !same(xy[m_slots[h]], xy[v])) h = (h + 1) & m_mask;
            if (m_slots[h] == kNone) m_slots[h] = v;  // a repeated coordinate keeps its first index
        }
    }
    uint32_t find(double x, double y) const {
        const Vec2 p{x, y};
        for (size_t h = hash(p) & m_mask; m_slots[h] != kNone; h = (h + 1) & m_mask)
            if (same((*m_xy)[m_slots[h]], p)) return m_slots[h];
        return kNone;
    }

private:
    static bool same(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }
    static size_t hash(Vec2 p) {
        uint64_t a, b;
        std::memcpy(&a, &p.x, 8);
        std::memcpy(&b, &p.y, 8);
        uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b + 0x7F4A7C159E3779B9ull + (a << 6) + (a >> 2));
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 32;
        return static_cast<size_t>(h);
    }
    const std::vector<Vec2>* m_xy = nullptr;
    std::vector<uint32_t> m_slots;
    size_t m_mask = 0;
};

struct Overflow {
    size_t feature = 0;
    std::vector<uint32_t> indices;
};

class Worker {
public:
    Worker(const AreaLayer& layer, const GeometryOptions& opts, bool useGeosCdt, AreaGeometry& out)
        : m_layer(layer), m_opts(opts), m_useGeosCdt(useGeosCdt), m_out(out) {}
    bool ready() const { return m_ctx.handle() != nullptr; }

    void run(size_t f) {
        const AreaLayer& L = m_layer;
        m_out.areaM2[f] = featureArea(L, f);
        const Box b = featureBox(L, f);
        m_out.labelPoint[f] = b.empty() ? Vec2{} : Vec2{0.5 * (b.minX + b.maxX), 0.5 * (b.minY + b.maxY)};
        m_out.labelRadius[f] = 0.0;
        if (L.partStart[f] == L.partStart[f + 1]) return;

        geos::GeomPtr g = geos::own(m_ctx, nullptr);
        if (m_useGeosCdt || m_opts.labelPoints) g = geos::makeFeatureGeometry(m_ctx, L, f, m_scratch);

        if (!m_opts.triangles) {
            if (m_opts.labelPoints && g) label(f, b, g.get());
            return;
        }
        m_tri.clear();
        bool ok = true;
        if (m_useGeosCdt) {
            ok = g && triangulateGeos(f, g.get());
        } else {
            for (uint32_t p = L.partStart[f]; p < L.partStart[f + 1]; ++p) m_clipper.triangulatePart(L, p, m_tri);
        }
        const uint32_t t0 = m_out.triStart[f], t1 = m_out.triStart[f + 1];
        if (!ok) m_tri.clear();
        if (ok && m_tri.size() == t1 - t0) {
            std::copy(m_tri.begin(), m_tri.end(), m_out.triangles.begin() + t0);
        } else {
            overflows.push_back({f, m_tri});
        }
        if (m_opts.labelPoints && g) label(f, b, g.get());
    }

    std::vector<Overflow> overflows;  // features whose triangle count differs from the expected one

private:
    bool triangulateGeos(size_t f, const GEOSGeometry* g) {
        const AreaLayer& L = m_layer;
        geos::GeomPtr tris = geos::own(m_ctx, GEOSConstrainedDelaunayTriangulation_r(m_ctx.handle(), g));
        const int n = tris ? GEOSGetNumGeometries_r(m_ctx.handle(), tris.get()) : -1;
        if (n < 0) return false;
        m_lookup.build(L.xy, L.vertexStart[L.ringStart[L.partStart[f]]],
                       L.vertexStart[L.ringStart[L.partStart[f + 1]]]);
        double c[8];
        for (int i = 0; i < n; ++i) {
            const GEOSGeometry* t = GEOSGetGeometryN_r(m_ctx.handle(), tris.get(), i);
            const GEOSGeometry* ring = t ? GEOSGetExteriorRing_r(m_ctx.handle(), t) : nullptr;
            const GEOSCoordSequence* seq = ring ? GEOSGeom_getCoordSeq_r(m_ctx.handle(), ring) : nullptr;
            unsigned size = 0;
            if (!seq || !GEOSCoordSeq_getSize_r(m_ctx.handle(), seq, &size) || size != 4 ||
                !GEOSCoordSeq_copyToBuffer_r(m_ctx.handle(), seq, c, 0, 0))
                return false;
            const uint32_t a = m_lookup.find(c[0], c[1]), b = m_lookup.find(c[2], c[3]), d = m_lookup.find(c[4], c[5]);
            if (a == kNone || b == kNone || d == kNone) return false;  // a point GEOS made up
            const bool cw = (c[2] - c[0]) * (c[5] - c[1]) - (c[4] - c[0]) * (c[3] - c[1]) < 0;
            m_tri.push_back(a);
            m_tri.push_back(cw ? d : b);
            m_tri.push_back(cw ? b : d);
        }
        return true;
    }

    void label(size_t f, const Box& b, const GEOSGeometry* g) {
        const double size = b.empty() ? 0.0 : std::max(b.maxX - b.minX, b.maxY - b.minY);
        if (size > 0 && m_layer.featureCount() <= kMicMaxFeatures) {
            geos::GeomPtr mic =
                geos::own(m_ctx, GEOSMaximumInscribedCircle_r(m_ctx.handle(), g, size / kMicToleranceDiv));
            const GEOSCoordSequence* seq = mic ? GEOSGeom_getCoordSeq_r(m_ctx.handle(), mic.get()) : nullptr;
            double c[4];
            unsigned n = 0;
            if (seq && GEOSCoordSeq_getSize_r(m_ctx.handle(), seq, &n) && n == 2 &&
                GEOSCoordSeq_copyToBuffer_r(m_ctx.handle(), seq, c, 0, 0) && std::isfinite(c[0]) &&
                std::isfinite(c[1])) {
                m_out.labelPoint[f] = {c[0], c[1]};
                m_out.labelRadius[f] = std::hypot(c[2] - c[0], c[3] - c[1]);
                return;
            }
        }
        geos::GeomPtr pos = geos::own(m_ctx, GEOSPointOnSurface_r(m_ctx.handle(), g));
        double x = 0, y = 0;
        if (pos && GEOSGeomGetX_r(m_ctx.handle(), pos.get(), &x) && GEOSGeomGetY_r(m_ctx.handle(), pos.get(), &y) &&
            std::isfinite(x) && std::isfinite(y)) {
            m_out.labelPoint[f] = {x, y};
            m_out.labelRadius[f] = distanceToBoundary(m_layer, f, {x, y});
        }
    }

    const AreaLayer& m_layer;
    const GeometryOptions& m_opts;
    bool m_useGeosCdt;
    AreaGeometry& m_out;
    geos::Context m_ctx;
    detail::EarClipper m_clipper;
    VertexLookup m_lookup;
    std::vector<double> m_scratch;
    std::vector<uint32_t> m_tri;
};

bool consistent(const AreaLayer& L) {
    const size_t nf = L.featureCount();
    return L.partStart.size() == nf + 1 && L.partStart.front() == 0 &&
           L.ringStart.size() == size_t{L.partStart.back()} + 1 && L.ringStart.front() == 0 &&
           L.vertexStart.size() == size_t{L.ringStart.back()} + 1 && L.vertexStart.front() == 0 &&
           L.vertexStart.back() == L.xy.size() && std::is_sorted(L.partStart.begin(), L.partStart.end()) &&
           std::is_sorted(L.ringStart.begin(), L.ringStart.end()) &&
           std::is_sorted(L.vertexStart.begin(), L.vertexStart.end());
}

Result<AreaGeometry> build(const AreaLayer& layer, const GeometryOptions& opts, bool useGeosCdt) {
    if (!consistent(layer)) return Error{"inconsistent layer arrays", "geos:triangulate"};
    const size_t nf = layer.featureCount();
    AreaGeometry out;
    // Slots sized up front (n - 2 + 2·holes per part) so workers write in place.
    out.triStart.assign(nf + 1, 0);
    uint64_t total = 0;
    for (size_t f = 0; f < nf && opts.triangles; ++f) {
        for (uint32_t p = layer.partStart[f]; p < layer.partStart[f + 1]; ++p)
            total += 3ull * detail::EarClipper::triangleCount(layer, p);
        if (total >= kNone) return Error{"too many triangles for 32-bit indices", "geos:triangulate"};
        out.triStart[f + 1] = static_cast<uint32_t>(total);
    }
    out.triangles.assign(static_cast<size_t>(total), 0);
    out.labelPoint.assign(nf, Vec2{});
    out.labelRadius.assign(nf, 0.0);
    out.areaM2.assign(nf, 0.0);

    const int threads = detail::resolveThreads(opts.threads, nf, 1024);
    std::vector<std::unique_ptr<Worker>> workers;
    std::atomic<bool> noContext{false};
    std::mutex lock;
    detail::parallelChunks(
        nf, threads, 256,
        [&] {
            auto w = std::make_unique<Worker>(layer, opts, useGeosCdt, out);
            Worker* raw = w.get();
            std::lock_guard<std::mutex> g(lock);
            workers.push_back(std::move(w));
            return raw;
        },
        [&](Worker* w, size_t begin, size_t end) {
            if (!w->ready()) {
                noContext = true;
                return;
            }
            for (size_t f = begin; f < end; ++f) w->run(f);
        });
    if (noContext) return Error{"could not create a GEOS context", "geos:triangulate"};

    std::vector<Overflow> overflows;
    for (auto& w : workers)
        for (Overflow& o : w->overflows) overflows.push_back(std::move(o));
    workers.clear();
    if (!overflows.empty()) {
        std::sort(overflows.begin(), overflows.end(),
                  [](const Overflow& a, const Overflow& b) { return a.feature < b.feature; });
        std::vector<uint32_t> tris, starts(nf + 1, 0);
        tris.reserve(out.triangles.size());
        size_t k = 0;
        for (size_t f = 0; f < nf; ++f) {
            if (k < overflows.size() && overflows[k].feature == f) {
                tris.insert(tris.end(), overflows[k].indices.begin(), overflows[k].indices.end());
                ++k;
            } else {
                tris.insert(tris.end(), out.triangles.begin() + out.triStart[f],
                            out.triangles.begin() + out.triStart[f + 1]);
            }
            starts[f + 1] = static_cast<uint32_t>(tris.size());
        }
        out.triangles = std::move(tris);
        out.triStart = std::move(starts);
    }
    return out;
}

}  // namespace

Result<AreaGeometry> buildAreaGeometry(const AreaLayer& layer, const GeometryOptions& opts) {
    return build(layer, opts, false);
}

namespace detail {
Result<AreaGeometry> buildAreaGeometryGeosCdt(const AreaLayer& layer, const GeometryOptions& opts) {
    return build(layer, opts, true);
}
}  // namespace detail

}  // namespace geso::core
