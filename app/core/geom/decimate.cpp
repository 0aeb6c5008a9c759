#include "core/geom/decimate.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace geso::core {

AreaLayer decimateForScale(const AreaLayer& layer, double toleranceMetres) {
    AreaLayer out;
    out.source = layer.source;
    out.fid = layer.fid;
    out.partStart = layer.partStart;
    out.ringStart = layer.ringStart;
    out.bbox = layer.bbox;
    out.extent = layer.extent;
    out.vertexStart.clear();
    out.vertexStart.reserve(layer.vertexStart.size());
    out.vertexStart.push_back(0);
    out.xy.reserve(layer.xy.size() / 2);
    const double tol2 = toleranceMetres * toleranceMetres;
    const size_t nRings = layer.vertexStart.empty() ? 0 : layer.vertexStart.size() - 1;
    for (size_t r = 0; r < nRings; ++r) {
        const uint32_t v0 = layer.vertexStart[r], v1 = layer.vertexStart[r + 1];
        const size_t begin = out.xy.size();
        if (v1 > v0) {
            Vec2 last = layer.xy[v0];
            out.xy.push_back(last);
            for (uint32_t v = v0 + 1; v < v1; ++v) {
                const Vec2 p = layer.xy[v];
                const double dx = p.x - last.x, dy = p.y - last.y;
                if (dx * dx + dy * dy >= tol2) {
                    out.xy.push_back(p);
                    last = p;
                }
            }
            const size_t kept = out.xy.size() - begin;
            if (kept < 3 && v1 - v0 >= 3) {  // too small on screen: keep 3 spread vertices
                out.xy.resize(begin);
                const uint32_t n = v1 - v0;
                for (uint32_t k = 0; k < 3; ++k) out.xy.push_back(layer.xy[v0 + k * n / 3]);
            }
        }
        out.vertexStart.push_back(static_cast<uint32_t>(out.xy.size()));
    }
    return out;
}

namespace {

// Squared distance from p to the segment a–b.
double distanceToSegment2(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

// Marks in `keep` the vertices of ring[from..to] (indices mod n) that
// Douglas–Peucker keeps; `from` and `to` are kept by the caller.
void markChain(const Vec2* ring, size_t n, size_t from, size_t to, double tol2, std::vector<char>& keep,
               std::vector<std::pair<size_t, size_t>>& stack) {
    stack.assign(1, {from, to});
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        double worst = -1;
        size_t worstAt = a;
        for (size_t i = a + 1; i < b; ++i) {
            const double d = distanceToSegment2(ring[i % n], ring[a % n], ring[b % n]);
            if (d > worst) worst = d, worstAt = i;
        }
        if (worst > tol2) {
            keep[worstAt % n] = 1;
            stack.push_back({a, worstAt});
            stack.push_back({worstAt, b});
        }
    }
}

}  // namespace

void straightenRings(AreaLayer& layer, double toleranceMetres) {
    if (!(toleranceMetres > 0) || layer.vertexStart.size() < 2) return;
    const double tol2 = toleranceMetres * toleranceMetres;
    std::vector<char> keep;
    std::vector<std::pair<size_t, size_t>> stack;
    size_t write = 0;
    uint32_t readStart = layer.vertexStart[0];
    for (size_t r = 0; r + 1 < layer.vertexStart.size(); ++r) {
        const uint32_t v0 = readStart, v1 = layer.vertexStart[r + 1];
        readStart = v1;
        const size_t n = v1 - v0;
        const Vec2* ring = layer.xy.data() + v0;
        layer.vertexStart[r] = static_cast<uint32_t>(write);
        if (n <= 3) {
            for (size_t i = 0; i < n; ++i) layer.xy[write++] = ring[i];
            continue;
        }
        size_t far = 0;
        double farD = -1;
        for (size_t i = 1; i < n; ++i) {
            const double dx = ring[i].x - ring[0].x, dy = ring[i].y - ring[0].y;
            if (dx * dx + dy * dy > farD) farD = dx * dx + dy * dy, far = i;
        }
        keep.assign(n, 0);
        keep[0] = keep[far] = 1;
        markChain(ring, n, 0, far, tol2, keep, stack);
        markChain(ring, n, far, n, tol2, keep, stack);
        size_t kept = 0;
        for (char k : keep) kept += k != 0;
        if (kept < 3) {  // a sliver: keep its widest third vertex
            size_t best = 1;
            double bestD = -1;
            for (size_t i = 1; i < n; ++i) {
                const double d = distanceToSegment2(ring[i], ring[0], ring[far]);
                if (!keep[i] && d > bestD) bestD = d, best = i;
            }
            keep[best] = 1;
        }
        for (size_t i = 0; i < n; ++i)  // write <= v0 + i: in place is safe
            if (keep[i]) layer.xy[write++] = ring[i];
    }
    layer.vertexStart.back() = static_cast<uint32_t>(write);
    layer.xy.resize(write);
}

}  // namespace geso::core
