#pragma once
// Tiny area layers built in code for the render tests: axis-aligned squares
// (optionally with a square hole) with a hand-made triangulation.
#include <cstdint>
#include <vector>

#include "core/model/layer.hpp"

namespace geso::test {

struct TestSquare {
    double x0, y0, size;
    double holeSize = 0;  // > 0: a centred square hole
};

struct TestAreas {
    core::AreaLayer layer;
    core::AreaGeometry geometry;
};

inline TestAreas makeSquares(const std::vector<TestSquare>& squares) {
    TestAreas t;
    auto& L = t.layer;
    auto& G = t.geometry;
    auto addRing = [&](double x0, double y0, double s, bool ccw) {
        const uint32_t base = static_cast<uint32_t>(L.xy.size());
        if (ccw) L.xy.insert(L.xy.end(), {{x0, y0}, {x0 + s, y0}, {x0 + s, y0 + s}, {x0, y0 + s}});
        else L.xy.insert(L.xy.end(), {{x0, y0}, {x0, y0 + s}, {x0 + s, y0 + s}, {x0 + s, y0}});
        L.vertexStart.push_back(static_cast<uint32_t>(L.xy.size()));
        return base;
    };
    for (size_t f = 0; f < squares.size(); ++f) {
        const TestSquare& q = squares[f];
        L.fid.push_back(static_cast<int64_t>(f));
        const uint32_t o = addRing(q.x0, q.y0, q.size, true);
        core::Box b;
        b.expand(q.x0, q.y0);
        b.expand(q.x0 + q.size, q.y0 + q.size);
        L.bbox.push_back(b);
        L.extent.expand(b);
        if (q.holeSize > 0) {
            const double h0 = (q.size - q.holeSize) / 2;
            const uint32_t i = addRing(q.x0 + h0, q.y0 + h0, q.holeSize, false);
            L.ringStart.push_back(L.ringStart.back() + 2);
            // Outer o..o+3 (ccw from bottom-left), hole i..i+3 (bl, tl, tr, br). 8 triangles.
            const uint32_t ob = o, obr = o + 1, otr = o + 2, otl = o + 3;
            const uint32_t ib = i, itl = i + 1, itr = i + 2, ibr = i + 3;
            G.triangles.insert(G.triangles.end(), {ob, obr, ibr, ob, ibr, ib, obr, otr, itr, obr, itr, ibr,
                                                   otr, otl, itl, otr, itl, itr, otl, ob, ib, otl, ib, itl});
        } else {
            L.ringStart.push_back(L.ringStart.back() + 1);
            G.triangles.insert(G.triangles.end(), {o, o + 1, o + 2, o, o + 2, o + 3});
        }
        L.partStart.push_back(L.partStart.back() + 1);
        G.triStart.push_back(static_cast<uint32_t>(G.triangles.size()));
        G.labelPoint.push_back({q.x0 + q.size / 2, q.y0 + (q.holeSize > 0 ? (q.size - q.holeSize) / 4 : q.size / 2)});
        G.labelRadius.push_back(q.size / 4);
        G.areaM2.push_back(q.size * q.size - q.holeSize * q.holeSize);
    }
    return t;
}

}  // namespace geso::test
