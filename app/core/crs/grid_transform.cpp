#include "core/crs/grid_transform.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace geso::core {
namespace {

constexpr int kFirstCells = 8, kMostCells = 64;

// PROJ's output at the (n+1)² nodes of an n × n grid over `box`, row by row.
class NodeGrid {
public:
    static std::optional<NodeGrid> build(const Box& box, int n, const std::string& src, const std::string& dst) {
        NodeGrid g;
        g.m_box = box;
        g.m_n = n;
        g.m_dx = (box.maxX - box.minX) / n;
        g.m_dy = (box.maxY - box.minY) / n;
        g.m_nodes.reserve(static_cast<size_t>((n + 1) * (n + 1)));
        for (int j = 0; j <= n; ++j)
            for (int i = 0; i <= n; ++i) g.m_nodes.push_back(g.nodeSource(i, j));
        std::vector<size_t> failed;
        if (!transformPoints(g.m_nodes, src, dst, &failed) || !failed.empty()) return std::nullopt;
        return g;
    }

    Vec2 interpolate(Vec2 p) const {
        const double fx = (p.x - m_box.minX) / m_dx, fy = (p.y - m_box.minY) / m_dy;
        const int i = std::clamp(static_cast<int>(fx), 0, m_n - 1), j = std::clamp(static_cast<int>(fy), 0, m_n - 1);
        const double u = fx - i, v = fy - j;
        const Vec2& a = node(i, j);
        const Vec2& b = node(i + 1, j);
        const Vec2& c = node(i, j + 1);
        const Vec2& d = node(i + 1, j + 1);
        return {(1 - v) * ((1 - u) * a.x + u * b.x) + v * ((1 - u) * c.x + u * d.x),
                (1 - v) * ((1 - u) * a.y + u * b.y) + v * ((1 - u) * c.y + u * d.y)};
    }

    // The largest distance between interpolated and PROJ-transformed points at
    // every cell's centre and edge midpoints; infinity if PROJ fails there.
    double worstError(const std::string& src, const std::string& dst) const {
        std::vector<Vec2> probes;
        for (int j = 0; j <= m_n; ++j)
            for (int i = 0; i <= m_n; ++i) {
                if (i < m_n) probes.push_back(at(i + 0.5, j));          // bottom edge midpoint
                if (j < m_n) probes.push_back(at(i, j + 0.5));          // left edge midpoint
                if (i < m_n && j < m_n) probes.push_back(at(i + 0.5, j + 0.5));  // centre
            }
        std::vector<Vec2> exact = probes;
        std::vector<size_t> failed;
        if (!transformPoints(exact, src, dst, &failed) || !failed.empty()) return INFINITY;
        double worst = 0;
        for (size_t k = 0; k < probes.size(); ++k) {
            const Vec2 q = interpolate(probes[k]);
            worst = std::max(worst, std::hypot(q.x - exact[k].x, q.y - exact[k].y));
        }
        return worst;
    }

private:
    Vec2 at(double i, double j) const { return {m_box.minX + i * m_dx, m_box.minY + j * m_dy}; }
    Vec2 nodeSource(int i, int j) const {  // the last row and column exactly on the box's edge
        return {i == m_n ? m_box.maxX : m_box.minX + i * m_dx, j == m_n ? m_box.maxY : m_box.minY + j * m_dy};
    }
    const Vec2& node(int i, int j) const { return m_nodes[static_cast<size_t>(j * (m_n + 1) + i)]; }

    Box m_box;
    int m_n = 0;
    double m_dx = 0, m_dy = 0;
    std::vector<Vec2> m_nodes;
};

bool finite(Vec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

}  // namespace

Status transformPointsForDrawing(std::span<Vec2> pts, const std::string& srcDef, const std::string& dstDef,
                                 double maxError, std::vector<size_t>* failed) {
    if (!(maxError > 0) || pts.size() < kGridTransformMinPoints || srcDef == dstDef)
        return transformPoints(pts, srcDef, dstDef, failed);
    // A non-finite input is rare (a damaged file): PROJ's path reports it in its words.
    Box box;
    for (const Vec2& p : pts) {
        if (!finite(p)) return transformPoints(pts, srcDef, dstDef, failed);
        box.expand(p.x, p.y);
    }
    if (!(box.maxX > box.minX) || !(box.maxY > box.minY)) return transformPoints(pts, srcDef, dstDef, failed);

    std::optional<NodeGrid> grid;
    for (int n = kFirstCells; n <= kMostCells && !grid; n *= 2) {
        grid = NodeGrid::build(box, n, srcDef, dstDef);
        if (!grid) break;  // PROJ cannot take part of the box: every point on its own
        if (!(grid->worstError(srcDef, dstDef) <= maxError)) grid.reset();
    }
    if (!grid) return transformPoints(pts, srcDef, dstDef, failed);
    for (Vec2& p : pts) p = grid->interpolate(p);
    return Ok{};
}

}  // namespace geso::core
