#include "core/geom/polygon_ops.hpp"

#include <algorithm>
#include <cmath>

namespace geso::core {

double ringArea(std::span<const Vec2> ring) {
    const size_t n = ring.size();
    if (n < 3) return 0.0;
    // Relative to the first vertex: SWEREF northings (~6.2e6 m) would otherwise
    // cancel catastrophically in the cross products.
    const Vec2 o = ring[0];
    double twice = 0.0;
    for (size_t i = 1; i + 1 < n; ++i) {
        const double ax = ring[i].x - o.x, ay = ring[i].y - o.y;
        const double bx = ring[i + 1].x - o.x, by = ring[i + 1].y - o.y;
        twice += ax * by - bx * ay;
    }
    return 0.5 * twice;
}

namespace {

std::span<const Vec2> ringSpan(const AreaLayer& layer, uint32_t r) {
    return {layer.xy.data() + layer.vertexStart[r], layer.vertexStart[r + 1] - layer.vertexStart[r]};
}

bool inBox(const Box& b, Vec2 p) { return p.x >= b.minX && p.x <= b.maxX && p.y >= b.minY && p.y <= b.maxY; }

}  // namespace

Box featureBox(const AreaLayer& layer, size_t f) {
    if (layer.bbox.size() == layer.featureCount()) return layer.bbox[f];
    Box b;
    const uint32_t v0 = layer.vertexStart[layer.ringStart[layer.partStart[f]]];
    const uint32_t v1 = layer.vertexStart[layer.ringStart[layer.partStart[f + 1]]];
    for (uint32_t v = v0; v < v1; ++v) b.expand(layer.xy[v].x, layer.xy[v].y);
    return b;
}

double featureArea(const AreaLayer& layer, size_t feature) {
    double area = 0.0;
    for (uint32_t p = layer.partStart[feature]; p < layer.partStart[feature + 1]; ++p) {
        for (uint32_t r = layer.ringStart[p]; r < layer.ringStart[p + 1]; ++r) {
            const double a = std::fabs(ringArea(ringSpan(layer, r)));
            area += (r == layer.ringStart[p]) ? a : -a;
        }
    }
    return area;
}

bool pointInFeature(const AreaLayer& layer, size_t feature, Vec2 p) {
    if (feature >= layer.featureCount()) return false;
    if (layer.bbox.size() == layer.featureCount() && !inBox(layer.bbox[feature], p)) return false;
    bool inside = false;
    const uint32_t r0 = layer.ringStart[layer.partStart[feature]];
    const uint32_t r1 = layer.ringStart[layer.partStart[feature + 1]];
    for (uint32_t r = r0; r < r1; ++r) {
        const uint32_t v0 = layer.vertexStart[r], v1 = layer.vertexStart[r + 1];
        if (v1 - v0 < 3) continue;
        for (uint32_t i = v0, j = v1 - 1; i < v1; j = i++) {
            const Vec2 a = layer.xy[i], b = layer.xy[j];
            if ((a.y > p.y) != (b.y > p.y)) {
                const double xCross = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
                if (p.x < xCross) inside = !inside;
            }
        }
    }
    return inside;
}

double distanceToBoundary(const AreaLayer& layer, size_t feature, Vec2 p) {
    double best = INFINITY;
    const uint32_t r0 = layer.ringStart[layer.partStart[feature]];
    const uint32_t r1 = layer.ringStart[layer.partStart[feature + 1]];
    for (uint32_t r = r0; r < r1; ++r) {
        const uint32_t v0 = layer.vertexStart[r], v1 = layer.vertexStart[r + 1];
        for (uint32_t i = v0, j = v1 - 1; i < v1; j = i++) {
            const double ax = layer.xy[j].x - p.x, ay = layer.xy[j].y - p.y;
            const double dx = layer.xy[i].x - layer.xy[j].x, dy = layer.xy[i].y - layer.xy[j].y;
            const double len2 = dx * dx + dy * dy;
            const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
            const double ex = ax + t * dx, ey = ay + t * dy;
            best = std::min(best, ex * ex + ey * ey);
        }
    }
    return std::sqrt(best);
}

std::vector<int> featureOfPoints(const AreaLayer& layer, std::span<const Vec2> pts) {
    std::vector<int> out(pts.size(), -1);
    const size_t nf = layer.featureCount();
    if (nf == 0 || pts.empty()) return out;

    std::vector<Box> boxes(nf);
    Box all;
    for (size_t f = 0; f < nf; ++f) {
        boxes[f] = featureBox(layer, f);
        all.expand(boxes[f]);
    }
    if (all.empty()) return out;

    // About one feature per cell; features are registered in every cell their box touches.
    const double w = std::max(all.maxX - all.minX, 1e-9), h = std::max(all.maxY - all.minY, 1e-9);
    const double cellsWanted = static_cast<double>(std::min<size_t>(nf, 1u << 20));
    const double cell = std::sqrt(w * h / cellsWanted);
    const int nx = std::clamp(static_cast<int>(std::ceil(w / cell)), 1, 4096);
    const int ny = std::clamp(static_cast<int>(std::ceil(h / cell)), 1, 4096);
    const double sx = nx / w, sy = ny / h;
    auto cellX = [&](double x) { return std::clamp(static_cast<int>((x - all.minX) * sx), 0, nx - 1); };
    auto cellY = [&](double y) { return std::clamp(static_cast<int>((y - all.minY) * sy), 0, ny - 1); };

    const size_t cells = static_cast<size_t>(nx) * static_cast<size_t>(ny);
    std::vector<uint32_t> start(cells + 1, 0);
    auto forCells = [&](const Box& b, auto&& fn) {
        const int x0 = cellX(b.minX), x1 = cellX(b.maxX), y0 = cellY(b.minY), y1 = cellY(b.maxY);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                fn(static_cast<size_t>(y) * static_cast<size_t>(nx) + static_cast<size_t>(x));
    };
    for (size_t f = 0; f < nf; ++f)
        if (!boxes[f].empty()) forCells(boxes[f], [&](size_t c) { ++start[c + 1]; });
    for (size_t c = 0; c < cells; ++c) start[c + 1] += start[c];
    std::vector<uint32_t> items(start[cells]);
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (size_t f = 0; f < nf; ++f)  // ascending f, so each cell lists features in index order
        if (!boxes[f].empty()) forCells(boxes[f], [&](size_t c) { items[fill[c]++] = static_cast<uint32_t>(f); });

    for (size_t i = 0; i < pts.size(); ++i) {
        const Vec2 p = pts[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !inBox(all, p)) continue;
        const size_t c = static_cast<size_t>(cellY(p.y)) * static_cast<size_t>(nx) + static_cast<size_t>(cellX(p.x));
        for (uint32_t k = start[c]; k < start[c + 1]; ++k) {
            const uint32_t f = items[k];
            if (inBox(boxes[f], p) && pointInFeature(layer, f, p)) {
                out[i] = static_cast<int>(f);
                break;
            }
        }
    }
    return out;
}

}  // namespace geso::core
