#include "render/mesh/point_mesh.hpp"

#include <cmath>

namespace geso::render {

PointMesh buildPointMesh(std::span<const PointSymbol> symbols) {
    PointMesh m;
    core::Box extent;
    for (const PointSymbol& s : symbols)
        if (std::isfinite(s.xy.x) && std::isfinite(s.xy.y)) extent.expand(s.xy.x, s.xy.y);
    if (!extent.empty()) {
        m.originX = 0.5 * (extent.minX + extent.maxX);
        m.originY = 0.5 * (extent.minY + extent.maxY);
    }
    m.instances.reserve(symbols.size());
    for (const PointSymbol& s : symbols) {
        if (!std::isfinite(s.xy.x) || !std::isfinite(s.xy.y)) {
            ++m.skipped;
            continue;
        }
        PointInstance p;
        p.x = static_cast<float>(s.xy.x - m.originX);
        p.y = static_cast<float>(s.xy.y - m.originY);
        p.sizePx = std::fmax(0.f, s.sizePx);
        p.strokePx = std::fmax(0.f, s.strokePx);
        p.shape = static_cast<uint32_t>(s.shape);
        p.fill = s.fill;
        p.stroke = s.stroke;
        m.instances.push_back(p);
    }
    return m;
}

}  // namespace geso::render
