#include "core/geom/validate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <atomic>
#include <memory>

#include "core/geom/edge_crossings.hpp"
#include "core/geom/feature_label.hpp"
#include "core/geom/geos_context.hpp"
#include "core/geom/parallel.hpp"
#include "core/geom/polygon_ops.hpp"
#include "core/geom/ring_clean.hpp"

namespace geso::core {

namespace {

enum class Action : uint8_t { Keep, Replace, Skip };

struct Finding {
    size_t feature = 0;
    FeatureIssue::Kind kind = FeatureIssue::Kind::Repaired;
    std::string detail;
};

// What phase 1 decided about the features of one chunk.
struct ChunkResult {
    std::vector<Finding> findings;
    std::vector<std::pair<size_t, geos::FlatPolygons>> replacements;  // ascending feature
};

std::span<const Vec2> ringOf(const AreaLayer& layer, uint32_t r) {
    return {layer.xy.data() + layer.vertexStart[r], layer.vertexStart[r + 1] - layer.vertexStart[r]};
}

std::string formatPoint(double x, double y) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%.9g, %.9g)", x, y);
    return buf;
}

// The feature's rings without duplicates; rings left with < 3 vertices are
// dropped (an exterior takes its holes with it).
geos::FlatPolygons cleanedCopy(const AreaLayer& layer, size_t f) {
    geos::FlatPolygons out;
    for (uint32_t p = layer.partStart[f]; p < layer.partStart[f + 1]; ++p) {
        uint32_t rings = 0;
        for (uint32_t r = layer.ringStart[p]; r < layer.ringStart[p + 1]; ++r) {
            const bool exterior = r == layer.ringStart[p];
            const size_t before = out.xy.size();
            detail::appendDeduped(ringOf(layer, r), out.xy);
            const size_t n = out.xy.size() - before;
            if (n < 3) {
                out.xy.resize(before);
                if (exterior) break;
                continue;
            }
            out.verticesPerRing.push_back(static_cast<uint32_t>(n));
            ++rings;
        }
        if (rings > 0) out.ringsPerPart.push_back(rings);
    }
    return out;
}

std::vector<std::span<const Vec2>> ringsOf(const AreaLayer& layer, size_t f) {
    std::vector<std::span<const Vec2>> out;
    for (uint32_t r = layer.ringStart[layer.partStart[f]]; r < layer.ringStart[layer.partStart[f + 1]]; ++r)
        out.push_back(ringOf(layer, r));
    return out;
}

std::vector<std::span<const Vec2>> ringsOf(const geos::FlatPolygons& poly) {
    std::vector<std::span<const Vec2>> out;
    size_t v = 0;
    for (uint32_t n : poly.verticesPerRing) {
        out.emplace_back(poly.xy.data() + v, n);
        v += n;
    }
    return out;
}

// Repair budgets; see edge_crossings.hpp for the measurements behind them.
// At the limits a repair takes about 0.15 s (structure) and 0.1 s (linework).
constexpr size_t kMaxRepairCrossings = 10000;
constexpr size_t kMaxLineworkCrossings = 250;
// Bounding-box tests for counting crossings: ~0.3 s at most for a
// million-vertex feature, far more than an ordinary polygon needs.
constexpr size_t kPairTestsBase = 50000000;
constexpr size_t kPairTestsPerEdge = 200;

class FeatureChecker {
public:
    explicit FeatureChecker(const AreaLayer& layer) : m_layer(layer) {
        if (!m_ctx.handle()) return;
        m_params = GEOSMakeValidParams_create_r(m_ctx.handle());
        // Collapsed parts (lines, points) carry no area; keeping them would only
        // give appendPolygonal something to throw away.
        if (m_params) GEOSMakeValidParams_setKeepCollapsed_r(m_ctx.handle(), m_params, 0);
    }
    ~FeatureChecker() {
        if (m_params) GEOSMakeValidParams_destroy_r(m_ctx.handle(), m_params);
    }
    FeatureChecker(const FeatureChecker&) = delete;
    FeatureChecker& operator=(const FeatureChecker&) = delete;
    bool ready() const { return m_ctx.handle() != nullptr && m_params != nullptr; }

    // Phase 1 for one feature: decides keep / replace / skip, never touches the layer.
    Action check(size_t f, ChunkResult& out) {
        const AreaLayer& L = m_layer;
        if (L.partStart[f] == L.partStart[f + 1]) return skip(f, "empty or NULL geometry", out);
        const uint32_t r0 = L.ringStart[L.partStart[f]], r1 = L.ringStart[L.partStart[f + 1]];
        bool degenerate = false;
        for (uint32_t r = r0; r < r1; ++r) {
            const auto ring = ringOf(L, r);
            for (const Vec2& v : ring)
                if (!std::isfinite(v.x) || !std::isfinite(v.y))
                    return skip(f, "non-finite coordinate (NaN or Inf)", out);
            if (detail::distinctCount(ring) < 3) degenerate = true;
        }

        geos::FlatPolygons cleaned;
        geos::GeomPtr g;
        m_ctx.clearError();
        if (degenerate) {
            cleaned = cleanedCopy(L, f);
            if (cleaned.empty()) return skip(f, "no ring with 3 or more distinct vertices", out);
            g = geos::makeGeometry(m_ctx, cleaned, m_scratch);
        } else {
            g = geos::makeFeatureGeometry(m_ctx, L, f, m_scratch);
        }
        if (!g) return skip(f, "GEOS could not build the geometry: " + m_ctx.lastError(), out);

        char* reason = nullptr;
        GEOSGeometry* location = nullptr;
        const char valid = GEOSisValidDetail_r(m_ctx.handle(), g.get(), 0, &reason, &location);
        std::string why = reason ? reason : (valid == 2 ? m_ctx.lastError() : std::string());
        if (reason) GEOSFree_r(m_ctx.handle(), reason);
        if (location) {
            double x = 0, y = 0;
            if (GEOSGeomGetX_r(m_ctx.handle(), location, &x) && GEOSGeomGetY_r(m_ctx.handle(), location, &y))
                why += " at " + formatPoint(x, y);
            GEOSGeom_destroy_r(m_ctx.handle(), location);
        }

        if (valid == 1) {
            if (!degenerate) return Action::Keep;
            out.findings.push_back({f, FeatureIssue::Kind::Repaired,
                                    "ring with fewer than 3 distinct vertices removed"});
            out.replacements.emplace_back(f, std::move(cleaned));
            return Action::Replace;
        }

        if (why.empty()) why = "invalid geometry";
        if (degenerate) why = "ring with fewer than 3 distinct vertices removed; " + why;
        return repair(f, g.get(), degenerate ? ringsOf(cleaned) : ringsOf(L, f), why, out);
    }

private:
    static Action skip(size_t f, std::string why, ChunkResult& out) {
        out.findings.push_back({f, FeatureIssue::Kind::Skipped, "skipped: " + std::move(why)});
        return Action::Skip;
    }

    enum class Method { Structure, Linework, BufferZero };

    static const char* methodName(Method m) {
        switch (m) {
        case Method::Structure: return "MakeValid (structure method)";
        case Method::Linework: return "MakeValid (linework method)";
        case Method::BufferZero: return "buffer(0)";
        }
        return "";
    }

    geos::GeomPtr run(Method m, const GEOSGeometry* g) {
        GEOSContextHandle_t h = m_ctx.handle();
        if (m == Method::BufferZero) return geos::own(m_ctx, GEOSBuffer_r(h, g, 0.0, 8));
        if (!m_params) return geos::own(m_ctx, nullptr);
        GEOSMakeValidParams_setMethod_r(h, m_params,
                                        m == Method::Structure ? GEOS_MAKE_VALID_STRUCTURE : GEOS_MAKE_VALID_LINEWORK);
        return geos::own(m_ctx, GEOSMakeValidWithParams_r(h, g, m_params));
    }

    // Polygonal and valid by GEOS's own check: what phase 2 may write.
    bool validPolygons(const geos::FlatPolygons& poly) {
        geos::GeomPtr back = geos::makeGeometry(m_ctx, poly, m_scratch);
        return back && GEOSisValid_r(m_ctx.handle(), back.get()) == 1;
    }

    // Repairs an invalid feature, cheapest-risk first: the structure method
    // (keeps shells as shells and holes as holes, drops collapsed parts), then the
    // linework method for small cases only (it is the one that runs for minutes
    // on tangles), then buffer(0). Tangles beyond kMaxRepairCrossings are skipped
    // rather than repaired: no method finishes on them in bounded time.
    Action repair(size_t f, const GEOSGeometry* g, const std::vector<std::span<const Vec2>>& rings,
                  const std::string& why, ChunkResult& out) {
        size_t edges = 0;
        for (const auto& r : rings) edges += r.size();
        const detail::CrossingCount cc =
            detail::countEdgeCrossings(rings, kMaxRepairCrossings, kPairTestsBase + kPairTestsPerEdge * edges);
        if (cc.overLimit)
            return skip(f, why + "; too tangled to repair automatically (more than " +
                               std::to_string(kMaxRepairCrossings) + " edge crossings); fix it in a GIS",
                        out);
        bool emptyResult = false;
        std::string failures;
        for (Method m : {Method::Structure, Method::Linework, Method::BufferZero}) {
            if (m == Method::Linework && cc.crossings > kMaxLineworkCrossings) continue;
            m_ctx.clearError();
            geos::GeomPtr fixed = run(m, g);
            geos::FlatPolygons poly;
            if (!fixed || !geos::appendPolygonal(m_ctx, fixed.get(), poly)) {
                failures += std::string(failures.empty() ? "" : ", ") + methodName(m) + " failed" +
                            (m_ctx.lastError().empty() ? "" : " (" + m_ctx.lastError() + ")");
                continue;
            }
            if (poly.empty()) { emptyResult = true; continue; }
            if (!validPolygons(poly)) {
                failures += std::string(failures.empty() ? "" : ", ") + methodName(m) + " gave an invalid result";
                continue;
            }
            out.findings.push_back({f, FeatureIssue::Kind::Repaired, why + "; repaired with " + methodName(m)});
            out.replacements.emplace_back(f, std::move(poly));
            return Action::Replace;
        }
        if (emptyResult && failures.empty()) return skip(f, why + "; nothing polygonal left after MakeValid", out);
        return skip(f, why + "; no valid repair: " + (failures.empty() ? "nothing polygonal left" : failures), out);
    }

    const AreaLayer& m_layer;
    geos::Context m_ctx;
    GEOSMakeValidParams* m_params = nullptr;
    std::vector<double> m_scratch;
};

// Phase 2: writes features (rings deduplicated and oriented) into new index
// arrays and into xy, either in place (output never overtakes input) or into
// a fresh vertex array.
class LayerWriter {
public:
    LayerWriter(AreaLayer& layer, bool inPlace) : m_layer(layer), m_inPlace(inPlace) {
        m_partStart.reserve(layer.partStart.size());
        m_ringStart.reserve(layer.ringStart.size());
        m_vertexStart.reserve(layer.vertexStart.size());
        if (!inPlace) m_xy.reserve(layer.xy.size());
    }

    // ringCount(p) rings in part p, ringAt(p, r) their vertices. Returns false if
    // every part collapsed, in which case nothing was written.
    template <class RingCount, class RingAt>
    bool writeFeature(size_t parts, RingCount ringCount, RingAt ringAt) {
        const size_t partsBefore = m_ringStart.size();
        for (size_t p = 0; p < parts; ++p) {
            const size_t rings = ringCount(p);
            if (rings == 0 || !writeRing(ringAt(p, 0), true)) continue;  // no shell: drop its holes
            for (size_t r = 1; r < rings; ++r) writeRing(ringAt(p, r), false);
            m_ringStart.push_back(static_cast<uint32_t>(m_vertexStart.size()));
        }
        if (m_ringStart.size() == partsBefore) return false;
        m_partStart.push_back(static_cast<uint32_t>(m_ringStart.size()));
        return true;
    }

    void finish() {
        auto withZero = [](std::vector<uint32_t>& ends) {
            std::vector<uint32_t> v;
            v.reserve(ends.size() + 1);
            v.push_back(0);
            v.insert(v.end(), ends.begin(), ends.end());
            return v;
        };
        if (m_inPlace) {
            m_layer.xy.resize(m_write);
        } else {
            m_layer.xy = std::move(m_xy);
        }
        m_layer.partStart = withZero(m_partStart);
        m_layer.ringStart = withZero(m_ringStart);
        m_layer.vertexStart = withZero(m_vertexStart);
    }

private:
    bool writeRing(std::span<const Vec2> ring, bool exterior) {
        m_tmp.clear();
        detail::appendDeduped(ring, m_tmp);
        if (m_tmp.size() < 3) return false;
        const double a = ringArea(m_tmp);
        if ((exterior && a < 0) || (!exterior && a > 0)) std::reverse(m_tmp.begin(), m_tmp.end());
        if (m_inPlace) {
            std::copy(m_tmp.begin(), m_tmp.end(), m_layer.xy.begin() + static_cast<std::ptrdiff_t>(m_write));
            m_write += m_tmp.size();
        } else {
            m_xy.insert(m_xy.end(), m_tmp.begin(), m_tmp.end());
            m_write = m_xy.size();
        }
        m_vertexStart.push_back(static_cast<uint32_t>(m_write));
        return true;
    }

    AreaLayer& m_layer;
    bool m_inPlace;
    size_t m_write = 0;
    std::vector<Vec2> m_xy, m_tmp;
    // End offsets (the leading 0 is added by finish()).
    std::vector<uint32_t> m_partStart, m_ringStart, m_vertexStart;
};

bool consistent(const AreaLayer& L) {
    const size_t nf = L.featureCount();
    if (L.partStart.size() != nf + 1 || L.partStart.front() != 0) return false;
    if (L.ringStart.size() != size_t{L.partStart.back()} + 1 || L.ringStart.front() != 0) return false;
    if (L.vertexStart.size() != size_t{L.ringStart.back()} + 1 || L.vertexStart.front() != 0) return false;
    if (L.vertexStart.back() != L.xy.size()) return false;
    for (const Column& c : L.columns) {
        if (c.isNull.size() != nf) return false;
        if (c.numeric() ? c.num.size() != nf : c.text.size() != nf) return false;
    }
    return std::is_sorted(L.partStart.begin(), L.partStart.end()) &&
           std::is_sorted(L.ringStart.begin(), L.ringStart.end()) &&
           std::is_sorted(L.vertexStart.begin(), L.vertexStart.end());
}

template <class T, class Alloc>
void keepOnly(std::vector<T, Alloc>& v, const std::vector<size_t>& kept) {
    if (v.empty()) return;
    for (size_t i = 0; i < kept.size(); ++i) v[i] = v[kept[i]];
    v.resize(kept.size());
}

void recomputeBoxes(AreaLayer& L) {
    const size_t nf = L.featureCount();
    L.bbox.assign(nf, Box{});
    L.extent = Box{};
    for (size_t f = 0; f < nf; ++f) {
        const uint32_t v0 = L.vertexStart[L.ringStart[L.partStart[f]]];
        const uint32_t v1 = L.vertexStart[L.ringStart[L.partStart[f + 1]]];
        Box b;
        for (uint32_t v = v0; v < v1; ++v) b.expand(L.xy[v].x, L.xy[v].y);
        L.bbox[f] = b;
        L.extent.expand(b);
    }
}

}  // namespace

Status validateAndRepair(AreaLayer& layer) {
    if (!consistent(layer))
        return Error{"inconsistent layer arrays (offsets, vertex or column sizes)", "geos:valid"};
    const size_t nf = layer.featureCount();

    // Phase 1 (parallel, read-only): check each feature, repair invalid ones aside.
    std::vector<Action> actions(nf, Action::Keep);
    const int threads = detail::resolveThreads(0, nf, 2048);
    const size_t chunk = 512;
    std::vector<ChunkResult> chunks((nf + chunk - 1) / chunk);
    std::atomic<bool> noContext{false};
    detail::parallelChunks(nf, threads, chunk, [&] { return std::make_unique<FeatureChecker>(layer); },
                           [&](std::unique_ptr<FeatureChecker>& checker, size_t begin, size_t end) {
                               if (!checker->ready()) {
                                   noContext = true;
                                   return;
                               }
                               ChunkResult& out = chunks[begin / chunk];
                               for (size_t f = begin; f < end; ++f) actions[f] = checker->check(f, out);
                           });
    if (noContext) return Error{"could not create a GEOS context", "geos:valid"};

    std::vector<Finding> findings;
    std::vector<std::pair<size_t, geos::FlatPolygons>> replacements;
    for (ChunkResult& c : chunks) {
        for (Finding& x : c.findings) findings.push_back(std::move(x));
        for (auto& r : c.replacements) replacements.push_back(std::move(r));
    }
    chunks.clear();

    // Phase 2 (sequential): rewrite the arrays. In place unless a repaired
    // feature grew so much that its output would overwrite a later feature's input.
    auto inputEnd = [&](size_t f) { return size_t{layer.vertexStart[layer.ringStart[layer.partStart[f + 1]]]}; };
    bool inPlace = true;
    {
        size_t written = 0, k = 0;
        for (size_t f = 0; f < nf && inPlace; ++f) {
            const size_t in0 = layer.vertexStart[layer.ringStart[layer.partStart[f]]];
            if (actions[f] == Action::Keep) written += inputEnd(f) - in0;
            if (actions[f] == Action::Replace) written += replacements[k++].second.xy.size();
            inPlace = written <= inputEnd(f);
        }
    }

    LayerWriter writer(layer, inPlace);
    std::vector<size_t> kept;
    kept.reserve(nf);
    size_t k = 0;
    for (size_t f = 0; f < nf; ++f) {
        bool wrote = false;
        if (actions[f] == Action::Keep) {
            const uint32_t p0 = layer.partStart[f];
            wrote = writer.writeFeature(
                layer.partStart[f + 1] - p0,
                [&](size_t p) { return size_t{layer.ringStart[p0 + p + 1] - layer.ringStart[p0 + p]}; },
                [&](size_t p, size_t r) { return ringOf(layer, static_cast<uint32_t>(layer.ringStart[p0 + p] + r)); });
        } else if (actions[f] == Action::Replace) {
            const geos::FlatPolygons& poly = replacements[k++].second;
            std::vector<size_t> firstRing(poly.ringsPerPart.size() + 1, 0);
            std::vector<size_t> firstVertex(poly.verticesPerRing.size() + 1, 0);
            for (size_t p = 0; p < poly.ringsPerPart.size(); ++p)
                firstRing[p + 1] = firstRing[p] + poly.ringsPerPart[p];
            for (size_t r = 0; r < poly.verticesPerRing.size(); ++r)
                firstVertex[r + 1] = firstVertex[r] + poly.verticesPerRing[r];
            wrote = writer.writeFeature(
                poly.ringsPerPart.size(), [&](size_t p) { return size_t{poly.ringsPerPart[p]}; },
                [&](size_t p, size_t r) {
                    const size_t ring = firstRing[p] + r;
                    return std::span<const Vec2>(poly.xy.data() + firstVertex[ring], poly.verticesPerRing[ring]);
                });
        } else {
            continue;
        }
        if (wrote) {
            kept.push_back(f);
        } else {
            findings.push_back({f, FeatureIssue::Kind::Skipped,
                                "skipped: nothing left after removing duplicate vertices"});
        }
    }
    writer.finish();
    replacements.clear();

    // Reports carry the source fid and label, taken before the per-feature arrays shrink.
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.feature < b.feature; });
    const Column* labels = detail::labelColumn(layer);
    for (Finding& x : findings) {
        FeatureIssue issue;
        issue.kind = x.kind;
        issue.fid = layer.fid[x.feature];
        issue.label = detail::featureLabel(layer, labels, x.feature);
        issue.detail = std::move(x.detail);
        layer.issues.push_back(std::move(issue));
    }

    if (kept.size() != nf) {
        keepOnly(layer.fid, kept);
        for (Column& c : layer.columns) {
            keepOnly(c.num, kept);
            keepOnly(c.text, kept);
            keepOnly(c.isNull, kept);
        }
    }
    recomputeBoxes(layer);
    return Ok{};
}

}  // namespace geso::core
