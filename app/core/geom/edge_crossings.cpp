#include "core/geom/edge_crossings.hpp"

#include <algorithm>
#include <cstdint>

namespace geso::core::detail {
namespace {

struct Edge {
    Vec2 a, b;
    double minX, maxX, minY, maxY;
    uint32_t ring, index, ringSize;
};

// Sign of the turn a→b→c relative to a; coordinates are shifted by `a` first
// so SWEREF northings (~6e6 m) do not eat the digits.
int turn(Vec2 a, Vec2 b, Vec2 c) {
    const double v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    return (v > 0) - (v < 0);
}

bool adjacent(const Edge& e, const Edge& f) {
    if (e.ring != f.ring) return false;
    const uint32_t lo = std::min(e.index, f.index), hi = std::max(e.index, f.index);
    return hi - lo == 1 || (lo == 0 && hi == e.ringSize - 1);
}

bool properCrossing(const Edge& e, const Edge& f) {
    const int t1 = turn(e.a, e.b, f.a), t2 = turn(e.a, e.b, f.b);
    const int t3 = turn(f.a, f.b, e.a), t4 = turn(f.a, f.b, e.b);
    return t1 * t2 < 0 && t3 * t4 < 0;
}

}  // namespace

CrossingCount countEdgeCrossings(std::span<const std::span<const Vec2>> rings, size_t maxCrossings,
                                 size_t maxPairTests) {
    std::vector<Edge> edges;
    size_t total = 0;
    for (const auto& r : rings) total += r.size();
    edges.reserve(total);
    for (size_t ri = 0; ri < rings.size(); ++ri) {
        const auto& r = rings[ri];
        const size_t n = r.size();
        if (n < 2) continue;
        for (size_t i = 0; i < n; ++i) {
            const Vec2 a = r[i], b = r[(i + 1) % n];
            edges.push_back({a, b, std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y),
                             static_cast<uint32_t>(ri), static_cast<uint32_t>(i), static_cast<uint32_t>(n)});
        }
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& e, const Edge& f) { return e.minX < f.minX; });

    CrossingCount out;
    size_t tests = 0;
    for (size_t i = 0; i < edges.size(); ++i) {
        const Edge& e = edges[i];
        for (size_t j = i + 1; j < edges.size() && edges[j].minX <= e.maxX; ++j) {
            if (++tests > maxPairTests) {
                out.overLimit = true;
                return out;
            }
            const Edge& f = edges[j];
            if (f.maxY < e.minY || f.minY > e.maxY || adjacent(e, f)) continue;
            if (properCrossing(e, f) && ++out.crossings > maxCrossings) {
                out.overLimit = true;
                return out;
            }
        }
    }
    return out;
}

}  // namespace geso::core::detail
