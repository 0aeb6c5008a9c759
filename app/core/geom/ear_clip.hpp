#pragma once
// Internal to geom/: ear-clipping triangulation of one polygon part, written
// for this project (not GEOS) because GEOS's constrained Delaunay was too slow
// for the 100k-polygon target: see triangulate.cpp and docs/benchmarks-load.md.
//
// Holes are joined to the exterior by bridges (Eberly's rightmost-vertex ray),
// then convex vertices whose triangle holds no other vertex are clipped. When
// no such ear exists (degenerate input: duplicate or collinear vertices,
// touching rings) the clipper relaxes the test rather than fail, so every part
// of n vertices in total with h holes yields exactly n - 2 + 2h triangles
// (rings with fewer than 3 vertices are ignored), each as 3 indices into
// layer.xy, counter-clockwise except for degenerate ones.
#include <cstdint>
#include <vector>

#include "core/model/layer.hpp"

namespace geso::core::detail {

class EarClipper {
public:
    // Triangle count triangulatePart() yields for part `part`.
    static uint32_t triangleCount(const AreaLayer& layer, uint32_t part);

    // Appends the triangles of part `part` of `layer` to `out`.
    void triangulatePart(const AreaLayer& layer, uint32_t part, std::vector<uint32_t>& out);

private:
    struct Node {
        double x = 0, y = 0;
        uint32_t src = 0;        // index into layer.xy
        uint32_t prev = 0, next = 0;
        bool removed = false;
        bool reflex = false;     // reflex or flat corner right now: only these can block an ear
        bool listed = false;     // in m_reflexNodes
    };

    uint32_t addRing(const AreaLayer& layer, uint32_t ring, bool ccw);
    void joinHole(uint32_t outer, uint32_t hole);
    uint32_t findBridge(uint32_t outer, uint32_t m) const;
    void clipEars(uint32_t start, uint32_t count, std::vector<uint32_t>& out);
    bool isEar(uint32_t a, uint32_t b, uint32_t c);
    bool anyInside(uint32_t a, uint32_t b, uint32_t c);  // drops stale entries of m_reflexNodes
    bool locallyInside(uint32_t a, double x, double y) const;
    void buildGrid(uint32_t start);
    void updateReflex(uint32_t i);

    std::vector<Node> m_nodes;
    // Every node that is or was reflex. Clipping an ear only narrows the corners
    // next to it, so a convex corner never turns reflex and need not be tested.
    std::vector<uint32_t> m_reflexNodes;
    double m_originX = 0, m_originY = 0;
    // Bucket grid over the nodes for ear tests in large parts (empty if small).
    std::vector<uint32_t> m_cellStart, m_cellItems;
    int m_gridNx = 0, m_gridNy = 0;
    double m_gridMinX = 0, m_gridMinY = 0, m_gridScaleX = 0, m_gridScaleY = 0;
};

}  // namespace geso::core::detail
