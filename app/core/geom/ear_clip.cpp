#include "core/geom/ear_clip.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "core/geom/polygon_ops.hpp"

namespace geso::core::detail {

namespace {

constexpr uint32_t kNil = std::numeric_limits<uint32_t>::max();
// Parts with more vertices than this get a bucket grid for the ear tests; the
// plain scan is quicker below it (about 40 vertices per polygon in the benchmark).
constexpr uint32_t kGridMinNodes = 96;

// > 0 if r is left of p→q (counter-clockwise turn), < 0 right, 0 collinear.
inline double orient(double px, double py, double qx, double qy, double rx, double ry) {
    return (qx - px) * (ry - py) - (qy - py) * (rx - px);
}

uint32_t ringSize(const AreaLayer& L, uint32_t r) { return L.vertexStart[r + 1] - L.vertexStart[r]; }

}  // namespace

uint32_t EarClipper::triangleCount(const AreaLayer& layer, uint32_t part) {
    const uint32_t r0 = layer.ringStart[part], r1 = layer.ringStart[part + 1];
    if (r0 == r1 || ringSize(layer, r0) < 3) return 0;
    uint32_t n = ringSize(layer, r0);
    for (uint32_t r = r0 + 1; r < r1; ++r)
        if (ringSize(layer, r) >= 3) n += ringSize(layer, r) + 2;  // +2: the bridge's repeated vertices
    return n - 2;
}

uint32_t EarClipper::addRing(const AreaLayer& layer, uint32_t ring, bool ccw) {
    const uint32_t v0 = layer.vertexStart[ring], n = ringSize(layer, ring);
    const std::span<const Vec2> pts(layer.xy.data() + v0, n);
    const bool reverse = (ringArea(pts) > 0) != ccw;
    const uint32_t first = static_cast<uint32_t>(m_nodes.size());
    for (uint32_t i = 0; i < n; ++i) {
        const uint32_t src = v0 + (reverse ? n - 1 - i : i);
        Node node;
        node.x = layer.xy[src].x - m_originX;
        node.y = layer.xy[src].y - m_originY;
        node.src = src;
        node.prev = first + (i + n - 1) % n;
        node.next = first + (i + 1) % n;
        m_nodes.push_back(node);
    }
    return first;
}

// Is the direction from node a towards (x, y) inside the polygon right at a?
bool EarClipper::locallyInside(uint32_t a, double x, double y) const {
    const Node& A = m_nodes[a];
    const Node& P = m_nodes[A.prev];
    const Node& N = m_nodes[A.next];
    const bool leftOfIn = orient(P.x, P.y, A.x, A.y, x, y) >= 0;
    const bool leftOfOut = orient(A.x, A.y, N.x, N.y, x, y) >= 0;
    return orient(P.x, P.y, A.x, A.y, N.x, N.y) >= 0 ? (leftOfIn && leftOfOut) : (leftOfIn || leftOfOut);
}

// The outer-ring node that hole vertex m (its rightmost) can be joined to: cast
// a ray from m towards +x, take the nearest edge it hits, then the endpoint of
// that edge or, if a vertex lies inside the triangle (m, hit, endpoint), the one
// at the smallest angle to the ray (it is visible from m).
uint32_t EarClipper::findBridge(uint32_t outer, uint32_t m) const {
    const double mx = m_nodes[m].x, my = m_nodes[m].y;
    double hitX = std::numeric_limits<double>::infinity();
    uint32_t hitEdge = kNil;
    uint32_t u = outer;
    do {
        const Node& U = m_nodes[u];
        const Node& V = m_nodes[U.next];
        // Interior lies left of each edge, so the edges the ray meets from inside go upwards.
        if (U.y <= my && my <= V.y && U.y < V.y) {
            const double x = U.x + (my - U.y) * (V.x - U.x) / (V.y - U.y);
            if (x >= mx && x < hitX) {
                hitX = x;
                hitEdge = u;
            }
        }
        u = U.next;
    } while (u != outer);
    if (hitEdge == kNil) return kNil;

    const Node& U = m_nodes[hitEdge];
    const Node& V = m_nodes[U.next];
    if (U.x == hitX && U.y == my) return hitEdge;
    if (V.x == hitX && V.y == my) return U.next;
    uint32_t best = U.x > V.x ? hitEdge : U.next;
    const double px = m_nodes[best].x, py = m_nodes[best].y;

    // Triangle (m, hit, p) in either orientation, boundary included.
    const double s = orient(mx, my, hitX, my, px, py) >= 0 ? 1.0 : -1.0;
    double bestTan = std::fabs(py - my) / (px - mx), bestDist = (px - mx) * (px - mx) + (py - my) * (py - my);
    uint32_t r = outer;
    do {
        const Node& R = m_nodes[r];
        if (r != best && R.x > mx && s * orient(mx, my, hitX, my, R.x, R.y) >= 0 &&
            s * orient(hitX, my, px, py, R.x, R.y) >= 0 && s * orient(px, py, mx, my, R.x, R.y) >= 0) {
            const double tan = std::fabs(R.y - my) / (R.x - mx);
            const double dist = (R.x - mx) * (R.x - mx) + (R.y - my) * (R.y - my);
            if ((tan < bestTan || (tan == bestTan && dist <= bestDist)) && locallyInside(r, mx, my)) {
                best = r;
                bestTan = tan;
                bestDist = dist;
            }
        }
        r = R.next;
    } while (r != outer);
    return best;
}

void EarClipper::joinHole(uint32_t outer, uint32_t hole) {
    uint32_t m = hole;
    for (uint32_t h = m_nodes[hole].next; h != hole; h = m_nodes[h].next)
        if (m_nodes[h].x > m_nodes[m].x || (m_nodes[h].x == m_nodes[m].x && m_nodes[h].y > m_nodes[m].y)) m = h;
    uint32_t p = findBridge(outer, m);
    if (p == kNil) {
        // Not inside the exterior (invalid input): join to the nearest vertex so nothing is lost.
        double bestDist = std::numeric_limits<double>::infinity();
        uint32_t o = outer;
        do {
            const double dx = m_nodes[o].x - m_nodes[m].x, dy = m_nodes[o].y - m_nodes[m].y;
            if (dx * dx + dy * dy < bestDist) {
                bestDist = dx * dx + dy * dy;
                p = o;
            }
            o = m_nodes[o].next;
        } while (o != outer);
    }
    // p → m → … hole … → m' → p' → old p.next
    const uint32_t m2 = static_cast<uint32_t>(m_nodes.size());
    const uint32_t p2 = m2 + 1;
    const Node mCopy = m_nodes[m], pCopy = m_nodes[p];
    m_nodes.push_back(mCopy);
    m_nodes.push_back(pCopy);
    const uint32_t pNext = m_nodes[p].next, mPrev = m_nodes[m].prev;
    m_nodes[p].next = m;
    m_nodes[m].prev = p;
    m_nodes[mPrev].next = m2;
    m_nodes[m2].prev = mPrev;
    m_nodes[m2].next = p2;
    m_nodes[p2].prev = m2;
    m_nodes[p2].next = pNext;
    m_nodes[pNext].prev = p2;
}

void EarClipper::buildGrid(uint32_t start) {
    m_cellStart.clear();
    m_cellItems.clear();
    m_gridNx = m_gridNy = 0;
    const uint32_t n = static_cast<uint32_t>(m_nodes.size());
    if (n < kGridMinNodes) return;
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    for (const Node& node : m_nodes) {
        minX = std::min(minX, node.x); maxX = std::max(maxX, node.x);
        minY = std::min(minY, node.y); maxY = std::max(maxY, node.y);
    }
    const double w = std::max(maxX - minX, 1e-12), h = std::max(maxY - minY, 1e-12);
    const double cell = std::sqrt(w * h / (n / 2.0));
    m_gridNx = std::clamp(static_cast<int>(w / cell) + 1, 1, 1024);
    m_gridNy = std::clamp(static_cast<int>(h / cell) + 1, 1, 1024);
    m_gridMinX = minX;
    m_gridMinY = minY;
    m_gridScaleX = m_gridNx / w;
    m_gridScaleY = m_gridNy / h;
    const size_t cells = static_cast<size_t>(m_gridNx) * static_cast<size_t>(m_gridNy);
    m_cellStart.assign(cells + 1, 0);
    auto cellOf = [&](const Node& node) {
        const int cx = std::min(static_cast<int>((node.x - m_gridMinX) * m_gridScaleX), m_gridNx - 1);
        const int cy = std::min(static_cast<int>((node.y - m_gridMinY) * m_gridScaleY), m_gridNy - 1);
        return static_cast<size_t>(cy) * static_cast<size_t>(m_gridNx) + static_cast<size_t>(cx);
    };
    uint32_t i = start;
    do {
        ++m_cellStart[cellOf(m_nodes[i]) + 1];
        i = m_nodes[i].next;
    } while (i != start);
    for (size_t c = 0; c < cells; ++c) m_cellStart[c + 1] += m_cellStart[c];
    m_cellItems.resize(m_cellStart[cells]);
    std::vector<uint32_t> fill(m_cellStart.begin(), m_cellStart.end() - 1);
    i = start;
    do {
        m_cellItems[fill[cellOf(m_nodes[i])]++] = i;
        i = m_nodes[i].next;
    } while (i != start);
}

void EarClipper::updateReflex(uint32_t i) {
    Node& n = m_nodes[i];
    const Node& p = m_nodes[n.prev];
    const Node& q = m_nodes[n.next];
    n.reflex = orient(p.x, p.y, n.x, n.y, q.x, q.y) <= 0;
    if (n.reflex && !n.listed) {
        n.listed = true;
        m_reflexNodes.push_back(i);
    }
}

// Does any live vertex other than a, b, c (or a copy of them) lie inside the
// counter-clockwise triangle abc, or on its new edge c→a?
bool EarClipper::anyInside(uint32_t a, uint32_t b, uint32_t c) {
    const Node &A = m_nodes[a], &B = m_nodes[b], &C = m_nodes[c];
    auto blocks = [&](const Node& p) {
        if ((p.x == A.x && p.y == A.y) || (p.x == B.x && p.y == B.y) || (p.x == C.x && p.y == C.y)) return false;
        return orient(A.x, A.y, B.x, B.y, p.x, p.y) > 0 && orient(B.x, B.y, C.x, C.y, p.x, p.y) > 0 &&
               orient(C.x, C.y, A.x, A.y, p.x, p.y) >= 0;
    };
    const double minX = std::min({A.x, B.x, C.x}), maxX = std::max({A.x, B.x, C.x});
    const double minY = std::min({A.y, B.y, C.y}), maxY = std::max({A.y, B.y, C.y});
    if (m_gridNx == 0) {
        for (size_t k = 0; k < m_reflexNodes.size();) {
            const uint32_t i = m_reflexNodes[k];
            Node& p = m_nodes[i];
            if (!p.reflex || p.removed) {  // for good: drop it from the list
                p.listed = false;
                m_reflexNodes[k] = m_reflexNodes.back();
                m_reflexNodes.pop_back();
                continue;
            }
            ++k;
            if (i != a && i != b && i != c && p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY &&
                blocks(p))
                return true;
        }
        return false;
    }
    const int x0 = std::clamp(static_cast<int>((minX - m_gridMinX) * m_gridScaleX), 0, m_gridNx - 1);
    const int x1 = std::clamp(static_cast<int>((maxX - m_gridMinX) * m_gridScaleX), 0, m_gridNx - 1);
    const int y0 = std::clamp(static_cast<int>((minY - m_gridMinY) * m_gridScaleY), 0, m_gridNy - 1);
    const int y1 = std::clamp(static_cast<int>((maxY - m_gridMinY) * m_gridScaleY), 0, m_gridNy - 1);
    for (int cy = y0; cy <= y1; ++cy) {
        for (int cx = x0; cx <= x1; ++cx) {
            const size_t cell = static_cast<size_t>(cy) * static_cast<size_t>(m_gridNx) + static_cast<size_t>(cx);
            for (uint32_t k = m_cellStart[cell]; k < m_cellStart[cell + 1]; ++k) {
                const uint32_t i = m_cellItems[k];
                if (i == a || i == b || i == c) continue;
                const Node& p = m_nodes[i];
                if (p.reflex && !p.removed && p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY &&
                    blocks(p))
                    return true;
            }
        }
    }
    return false;
}

bool EarClipper::isEar(uint32_t a, uint32_t b, uint32_t c) {
    const Node &A = m_nodes[a], &B = m_nodes[b], &C = m_nodes[c];
    const double turn = orient(A.x, A.y, B.x, B.y, C.x, C.y);
    if (turn < 0) return false;   // reflex
    if (turn == 0) return true;   // collinear, spike or repeated vertex: clipping it changes no area
    return !anyInside(a, b, c);
}

void EarClipper::clipEars(uint32_t start, uint32_t count, std::vector<uint32_t>& out) {
    auto emit = [&](uint32_t a, uint32_t b, uint32_t c) {
        out.push_back(m_nodes[a].src);
        out.push_back(m_nodes[b].src);
        out.push_back(m_nodes[c].src);
    };
    auto remove = [&](uint32_t b) {
        Node& B = m_nodes[b];
        m_nodes[B.prev].next = B.next;
        m_nodes[B.next].prev = B.prev;
        B.removed = true;
    };
    // relax 0: true ears; 1: any convex corner; 2: any corner. Degenerate input
    // only: a simple polygon always has a true ear. Reset after each clip.
    int relax = 0;
    uint32_t cur = start, tried = 0;
    while (count > 3) {
        const uint32_t a = m_nodes[cur].prev, c = m_nodes[cur].next;
        bool ear = false;
        if (relax == 0) {
            ear = isEar(a, cur, c);
        } else if (relax == 1) {
            ear = orient(m_nodes[a].x, m_nodes[a].y, m_nodes[cur].x, m_nodes[cur].y, m_nodes[c].x, m_nodes[c].y) >= 0;
        } else {
            ear = true;
        }
        if (ear) {
            emit(a, cur, c);
            remove(cur);
            updateReflex(a);
            updateReflex(c);
            --count;
            cur = c;
            tried = 0;
            relax = 0;
        } else {
            cur = c;
            if (++tried >= count) {
                ++relax;
                tried = 0;
            }
        }
    }
    emit(m_nodes[cur].prev, cur, m_nodes[cur].next);
}

void EarClipper::triangulatePart(const AreaLayer& layer, uint32_t part, std::vector<uint32_t>& out) {
    const uint32_t r0 = layer.ringStart[part], r1 = layer.ringStart[part + 1];
    if (r0 == r1 || ringSize(layer, r0) < 3) return;
    m_nodes.clear();
    m_originX = layer.xy[layer.vertexStart[r0]].x;
    m_originY = layer.xy[layer.vertexStart[r0]].y;
    const uint32_t outer = addRing(layer, r0, true);
    uint32_t count = ringSize(layer, r0);

    if (r1 - r0 > 1) {
        // Holes from the rightmost first, so each ray meets only the exterior or holes joined before.
        std::vector<std::pair<double, uint32_t>> holes;
        for (uint32_t r = r0 + 1; r < r1; ++r) {
            if (ringSize(layer, r) < 3) continue;
            const uint32_t h = addRing(layer, r, false);
            double maxX = -INFINITY;
            for (uint32_t i = h; i < h + ringSize(layer, r); ++i) maxX = std::max(maxX, m_nodes[i].x);
            holes.emplace_back(maxX, h);
            count += ringSize(layer, r) + 2;
        }
        std::sort(holes.begin(), holes.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& h : holes) joinHole(outer, h.second);
    }
    m_reflexNodes.clear();
    uint32_t i = outer;
    do {
        updateReflex(i);
        i = m_nodes[i].next;
    } while (i != outer);
    buildGrid(outer);
    clipEars(outer, count, out);
}

}  // namespace geso::core::detail
