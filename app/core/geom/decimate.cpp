#include "core/geom/decimate.hpp"

#include <algorithm>

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

}  // namespace geso::core
