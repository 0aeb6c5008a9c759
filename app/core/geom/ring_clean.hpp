#pragma once
// Internal to geom/: consecutive-duplicate removal on OPEN rings.
#include <span>
#include <vector>

#include "core/model/layer.hpp"

namespace geso::core::detail {

inline bool sameVertex(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }

// Number of vertices left after dropping each vertex equal to its predecessor
// (cyclically, so a repeated closing vertex goes too).
inline size_t distinctCount(std::span<const Vec2> ring) {
    const size_t n = ring.size();
    if (n == 0) return 0;
    size_t kept = 0;
    for (size_t i = 0; i < n; ++i)
        if (i == 0 ? !sameVertex(ring[0], ring[n - 1]) || n == 1 : !sameVertex(ring[i], ring[i - 1])) ++kept;
    return kept == 0 ? 1 : kept;  // all vertices equal: one point remains
}

// Appends the ring without consecutive duplicates to `out` (same rule as distinctCount).
inline void appendDeduped(std::span<const Vec2> ring, std::vector<Vec2>& out) {
    const size_t n = ring.size();
    const size_t before = out.size();
    for (size_t i = 0; i < n; ++i)
        if (i == 0 ? !sameVertex(ring[0], ring[n - 1]) || n == 1 : !sameVertex(ring[i], ring[i - 1]))
            out.push_back(ring[i]);
    if (n > 0 && out.size() == before) out.push_back(ring[0]);
}

}  // namespace geso::core::detail
