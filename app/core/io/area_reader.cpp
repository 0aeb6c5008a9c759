// loadAreas: OGR polygons → AreaLayer's flat arrays, then one PROJ call for
// every vertex of the layer.
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

#include "core/crs/crs.hpp"
#include "core/io/attribute_reader.hpp"
#include "core/io/dataset_open.hpp"
#include "core/io/gdal_env.hpp"
#include "core/io/layer_finish.hpp"
#include "core/io/read_check.hpp"
#include "core/io/source_crs.hpp"
#include "core/io/vector_reader.hpp"

namespace geso::core {
namespace {

using io_detail::AttributeReader;

enum class Outcome { Added, NoPolygon, NotPolygonal, NonFinite };

// Appends one feature's polygons to the layer; rolls back on failure so the
// arrays stay consistent. Rings are stored open; rings with fewer than 3
// vertices are dropped and counted (a degenerate exterior drops its part).
class PolygonAppender {
public:
    PolygonAppender(AreaLayer& layer, Box& srcExtent) : m_l(layer), m_srcExtent(srcExtent) {}

    Outcome addFeature(const OGRGeometry& g) {
        const size_t parts = m_l.ringStart.size(), rings = m_l.vertexStart.size(), verts = m_l.xy.size();
        m_droppedRings = 0;
        m_nonFinite = false;
        Outcome o = addAny(g);
        if (o == Outcome::Added && m_l.ringStart.size() == parts) o = Outcome::NoPolygon;
        if (m_nonFinite) o = Outcome::NonFinite;
        if (o != Outcome::Added) {
            m_l.ringStart.resize(parts);
            m_l.vertexStart.resize(rings);
            m_l.xy.resize(verts);
            return o;
        }
        m_l.partStart.push_back(static_cast<uint32_t>(m_l.ringStart.size() - 1));
        return o;
    }

    size_t droppedRings() const { return m_droppedRings; }

private:
    Outcome addAny(const OGRGeometry& g) {
        switch (wkbFlatten(g.getGeometryType())) {
        case wkbPolygon:
            addPolygon(*g.toPolygon());
            return Outcome::Added;
        case wkbMultiPolygon:
            for (const OGRPolygon* p : *g.toMultiPolygon()) addPolygon(*p);
            return Outcome::Added;
        default: {
            // Curves, surfaces, TINs, collections of polygons.
            std::unique_ptr<OGRGeometry> copy(g.clone());
            OGRGeometry* mp = OGRGeometryFactory::forceToMultiPolygon(copy.release());
            std::unique_ptr<OGRGeometry> owned(mp);
            if (!mp || wkbFlatten(mp->getGeometryType()) != wkbMultiPolygon) return Outcome::NotPolygonal;
            for (const OGRPolygon* p : *mp->toMultiPolygon()) addPolygon(*p);
            return Outcome::Added;
        }
        }
    }

    void addPolygon(const OGRPolygon& poly) {
        const OGRLinearRing* outer = poly.getExteriorRing();
        if (!outer || poly.IsEmpty()) return;
        const int holes = poly.getNumInteriorRings();
        if (!addRing(*outer)) {  // a part without a usable exterior goes, holes and all
            m_droppedRings += 1 + static_cast<size_t>(holes);
            return;
        }
        for (int i = 0; i < holes; ++i)
            if (!addRing(*poly.getInteriorRing(i))) ++m_droppedRings;
        m_l.ringStart.push_back(static_cast<uint32_t>(m_l.vertexStart.size() - 1));
    }

    bool addRing(const OGRLinearRing& ring) {
        const int n = ring.getNumPoints();
        if (n <= 0) return false;
        const size_t base = m_l.xy.size();
        m_l.xy.resize(base + static_cast<size_t>(n));
        ring.getPoints(&m_l.xy[base].x, static_cast<int>(sizeof(Vec2)), &m_l.xy[base].y,
                       static_cast<int>(sizeof(Vec2)));
        size_t m = static_cast<size_t>(n);
        const Vec2 first = m_l.xy[base], last = m_l.xy[base + m - 1];
        if (m >= 2 && first.x == last.x && first.y == last.y) --m;  // store rings open
        for (size_t i = base; i < base + m; ++i) {
            const Vec2 p = m_l.xy[i];
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) { m_nonFinite = true; continue; }
            m_srcExtent.expand(p.x, p.y);
        }
        if (m < 3) { m_l.xy.resize(base); return false; }
        m_l.xy.resize(base + m);
        m_l.vertexStart.push_back(static_cast<uint32_t>(m_l.xy.size()));
        return true;
    }

    AreaLayer& m_l;
    Box& m_srcExtent;
    size_t m_droppedRings = 0;
    bool m_nonFinite = false;
};

const char* geometryName(const OGRGeometry& g) { return OGRGeometryTypeToName(g.getGeometryType()); }

// One feature into `out`: its polygons, fid and (with `attrs`) attributes, or
// a Skipped issue saying why not. The loop body of loadAreas and streamAreas.
void appendFeature(OGRFeature& f, PolygonAppender& appender, AttributeReader& attrs, bool keepAttributes,
                   AreaLayer& out) {
    const OGRGeometry* g = f.GetGeometryRef();
    auto skip = [&](const std::string& why) {
        out.issues.push_back({FeatureIssue::Kind::Skipped, f.GetFID(), attrs.label(f), why});
    };
    if (!g) return skip("no geometry (NULL); skipped");
    if (g->IsEmpty()) return skip("empty geometry; skipped");
    switch (appender.addFeature(*g)) {
    case Outcome::Added: break;
    case Outcome::NotPolygonal: return skip(std::string("a ") + geometryName(*g) + ", not a polygon; skipped");
    case Outcome::NoPolygon: return skip("no ring with 3 or more distinct vertices; skipped");
    case Outcome::NonFinite: return skip("non-finite coordinate (NaN or Inf) in the source; skipped");
    }
    if (appender.droppedRings()) {
        out.issues.push_back({FeatureIssue::Kind::Warning, f.GetFID(), attrs.label(f),
                              std::to_string(appender.droppedRings()) +
                                  " ring(s) with fewer than 3 distinct vertices dropped"});
    }
    out.fid.push_back(f.GetFID());
    if (keepAttributes) attrs.append(f);
}

// From the source CRS to a finished layer: opts.beforeReprojection, PROJ into
// the display CRS, rings oriented, boxes computed.
Status finishLayer(AreaLayer& out, const io_detail::SourceCrs& crs, const LoadOptions& opts,
                   const std::string& path) {
    if (out.xy.size() > UINT32_MAX) return Error{"more than 4 294 967 295 vertices", path};
    double reprojectionError = 0;
    if (opts.beforeReprojection) {
        auto allowed = opts.beforeReprojection(out, crs.definition);
        if (!allowed) return Error{allowed.error().what, path};
        reprojectionError = allowed.value();
    }
    if (auto s = io_detail::reprojectAreas(out, crs, opts.displayCrs, reprojectionError); !s)
        return Error{s.error().what, path};
    io_detail::finishAreas(out);
    return Ok{};
}

// What the layer says its extent is (header, gpkg_contents, R-tree; a scan for
// formats without one); empty when GDAL cannot tell.
Box declaredExtent(OGRLayer& layer) {
    OGREnvelope e;
    Box b;
    if (layer.GetExtent(&e, TRUE) == OGRERR_NONE) {
        b.expand(e.MinX, e.MinY);
        b.expand(e.MaxX, e.MaxY);
    }
    return b;
}

bool readsGeometryInBatches(const LoadOptions& opts, int64_t declaredCount) {
    return opts.geometryInBatchesAbove > 0 && declaredCount > static_cast<int64_t>(opts.geometryInBatchesAbove);
}

}  // namespace

Result<AreaLayer> loadAreas(const std::string& path, const LoadOptions& opts) {
    GdalErrorCapture capture;
    AreaLayer out;
    auto toRead = io_detail::openLayerToRead(path, opts, LayerKind::Areas, out.source);
    if (!toRead) return toRead.error();
    io_detail::OpenedLayer& src = toRead.value().opened;
    OGRLayer& layer = *src.layer;
    const int64_t countHint = toRead.value().declaredCount;
    const size_t rows = toRead.value().reserveRows();
    // A big layer for one image: fids and attributes now, the geometry later
    // in batches (streamAreas), so the whole layer is never in memory.
    const bool attributesOnly = readsGeometryInBatches(opts, countHint);
    out.geometryRead = !attributesOnly;
    if (attributesOnly) {
        const char* ignored[] = {"OGR_GEOMETRY", "OGR_STYLE", nullptr};
        layer.SetIgnoredFields(ignored);
    }
    out.fid.reserve(rows);
    out.partStart.reserve(rows + 1);
    if (!attributesOnly) out.bbox.reserve(rows);
    if (!attributesOnly) out.xy.reserve(io_detail::vertexCapacityHint(path));

    AttributeReader attrs(*layer.GetLayerDefn(), src.fallbackEncoding, rows);
    Box srcExtent;
    PolygonAppender appender(out, srcExtent);

    layer.ResetReading();
    capture.clear();
    size_t featuresRead = 0;
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f && !capture.failed(); f.reset(layer.GetNextFeature())) {
        ++featuresRead;
        if (attributesOnly) {
            out.fid.push_back(f->GetFID());
            attrs.append(*f);
        } else {
            appendFeature(*f, appender, attrs, true, out);
        }
    }
    if (auto s = io_detail::checkCompleteRead(path, countHint, featuresRead, capture, out.issues); !s)
        return s.error();
    out.columns = attrs.take();
    if (attributesOnly) srcExtent = declaredExtent(layer);

    auto crs = io_detail::settleSourceCrs(layer, path, src.driver, opts, srcExtent, out.source, out.issues);
    if (!crs) return crs.error();
    attrs.addEncodingWarnings(path, out.issues);
    if (attributesOnly) {  // every feature without parts, so the arrays stay consistent
        out.partStart.assign(out.fid.size() + 1, 0);
        out.extent = io_detail::displayBox(srcExtent, crs.value(), opts.displayCrs);
        if (out.extent.empty()) {  // no usable declared extent to fit the map to: read it whole after all
            LoadOptions whole = opts;
            whole.geometryInBatchesAbove = 0;
            return loadAreas(path, whole);
        }
        return out;
    }
    if (Status s = finishLayer(out, crs.value(), opts, path); !s) return s.error();
    return out;
}

Status streamAreas(const std::string& path, const LoadOptions& opts, const BatchLimits& limits,
                   const std::function<Status(AreaLayer& batch)>& onBatch) {
    GdalErrorCapture capture;
    AreaLayer batch;
    auto toRead = io_detail::openLayerToRead(path, opts, LayerKind::Areas, batch.source);
    if (!toRead) return toRead.error();
    io_detail::OpenedLayer& src = toRead.value().opened;
    OGRLayer& layer = *src.layer;
    // The CRS as loadAreas settled it; its notes were given then.
    std::vector<FeatureIssue> givenBefore;
    const Box srcExtent = declaredExtent(layer);
    auto crs = io_detail::settleSourceCrs(layer, path, src.driver, opts, srcExtent, batch.source, givenBefore);
    if (!crs) return crs.error();

    AttributeReader labels(*layer.GetLayerDefn(), src.fallbackEncoding, 0);  // names for issues only
    Box readExtent;
    PolygonAppender appender(batch, readExtent);
    const LayerSource source = batch.source;
    const auto handOver = [&]() -> Status {
        if (batch.fid.empty() && batch.issues.empty()) return Ok{};
        if (Status s = finishLayer(batch, crs.value(), opts, path); !s) return s;
        if (Status s = onBatch(batch); !s) return s;
        batch = AreaLayer{};
        batch.source = source;
        return Ok{};
    };

    layer.ResetReading();
    capture.clear();
    size_t featuresRead = 0;
    const size_t maxFeatures = std::max<size_t>(1, limits.features);
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f && !capture.failed(); f.reset(layer.GetNextFeature())) {
        ++featuresRead;
        appendFeature(*f, appender, labels, false, batch);
        if (batch.fid.size() >= maxFeatures || batch.xy.size() >= limits.vertices)
            if (Status s = handOver(); !s) return s;
    }
    if (Status s = handOver(); !s) return s;
    return io_detail::checkCompleteRead(path, toRead.value().declaredCount, featuresRead, capture, givenBefore);
}

}  // namespace geso::core
