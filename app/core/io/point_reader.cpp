// loadPoints: OGR points (and CSV lon/lat tables) → PointLayer.
#include <cmath>

#include "core/crs/crs.hpp"
#include "core/io/attribute_reader.hpp"
#include "core/io/dataset_open.hpp"
#include "core/io/gdal_env.hpp"
#include "core/io/layer_finish.hpp"
#include "core/io/read_check.hpp"
#include "core/io/source_crs.hpp"
#include "core/io/vector_reader.hpp"

namespace geso::core {

Result<PointLayer> loadPoints(const std::string& path, const LoadOptions& opts) {
    GdalErrorCapture capture;
    PointLayer out;
    auto toRead = io_detail::openLayerToRead(path, opts, LayerKind::Points, out.source);
    if (!toRead) return toRead.error();
    io_detail::OpenedLayer& src = toRead.value().opened;
    OGRLayer& layer = *src.layer;
    const int64_t countHint = toRead.value().declaredCount;
    const size_t rows = toRead.value().reserveRows();
    out.fid.reserve(rows);
    out.xy.reserve(rows);
    io_detail::AttributeReader attrs(*layer.GetLayerDefn(), src.fallbackEncoding, rows);
    Box srcExtent;

    layer.ResetReading();
    capture.clear();
    size_t featuresRead = 0;
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f && !capture.failed(); f.reset(layer.GetNextFeature())) {
        ++featuresRead;
        const OGRGeometry* g = f->GetGeometryRef();
        auto skip = [&](const std::string& why) {
            out.issues.push_back({FeatureIssue::Kind::Skipped, f->GetFID(), attrs.label(*f), why});
        };
        if (!g) { skip("no geometry (NULL, or empty coordinate columns); skipped"); continue; }
        if (g->IsEmpty()) { skip("empty geometry; skipped"); continue; }

        std::vector<Vec2> pts;
        const auto type = wkbFlatten(g->getGeometryType());
        if (type == wkbPoint) {
            pts.push_back({g->toPoint()->getX(), g->toPoint()->getY()});
        } else if (type == wkbMultiPoint) {
            for (const OGRPoint* p : *g->toMultiPoint())
                if (!p->IsEmpty()) pts.push_back({p->getX(), p->getY()});
        } else {
            skip(std::string("a ") + OGRGeometryTypeToName(g->getGeometryType()) + ", not a point; skipped");
            continue;
        }
        bool finite = true;
        for (const Vec2& p : pts) finite = finite && std::isfinite(p.x) && std::isfinite(p.y);
        if (!finite) { skip("non-finite coordinate (NaN or Inf) in the source; skipped"); continue; }
        for (const Vec2& p : pts) {
            srcExtent.expand(p.x, p.y);
            out.xy.push_back(p);
            out.fid.push_back(f->GetFID());
            attrs.append(*f);
        }
    }
    if (auto s = io_detail::checkCompleteRead(path, countHint, featuresRead, capture, out.issues); !s)
        return s.error();
    out.columns = attrs.take();

    auto crs = io_detail::settleSourceCrs(layer, path, src.driver, opts, srcExtent, out.source, out.issues);
    if (!crs) return crs.error();
    attrs.addEncodingWarnings(path, out.issues);

    if (auto s = io_detail::reprojectPoints(out, crs.value(), opts.displayCrs); !s) return Error{s.error().what, path};
    io_detail::finishPoints(out);
    return out;
}

}  // namespace geso::core
