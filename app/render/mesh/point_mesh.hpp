#pragma once
// GL-free instance data for a point layer: one instance per symbol, drawn as a
// screen-aligned quad whose shape (circle, square, …) is cut out in the fragment
// shader, so symbols keep their pixel size at every zoom.
#include <cstdint>
#include <span>
#include <vector>

#include "core/model/layer.hpp"
#include "render/mesh/rgba.hpp"

namespace geso::render {

enum class SymbolShape : uint32_t { Circle = 0, Square, Triangle, Diamond, Hexagon, Pentagon, Count };

// One symbol to draw. sizePx is the symbol's diameter at UI scale 1 (the
// renderer multiplies by its uiScale); strokePx the outline width at scale 1.
struct PointSymbol {
    core::Vec2 xy;  // display CRS, metres
    SymbolShape shape = SymbolShape::Circle;
    Rgba fill{30, 100, 200, 255};
    Rgba stroke{255, 255, 255, 255};
    float sizePx = 10;
    float strokePx = 1.5f;
};

// 32 bytes, uploaded as is (per-instance vertex attributes).
struct PointInstance {
    float x = 0, y = 0;  // relative to the mesh origin
    float sizePx = 0, strokePx = 0;
    uint32_t shape = 0;
    Rgba fill, stroke;
    uint32_t pad = 0;
};
static_assert(sizeof(PointInstance) == 32);

struct PointMesh {
    double originX = 0, originY = 0;
    std::vector<PointInstance> instances;  // symbols with non-finite xy are left out
    size_t skipped = 0;                    // how many were left out
};

// Origin = the centre of the symbols' extent (or 0,0 when there are none).
PointMesh buildPointMesh(std::span<const PointSymbol> symbols);

}  // namespace geso::render
