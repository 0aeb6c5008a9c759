#include "render/overlay/label_placement.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace geso::render {

namespace {

// Uniform grid over `bounds`; each placed box is listed in every cell it touches.
class BoxGrid {
public:
    BoxGrid(const BoxPx& bounds, float cellPx) : m_bounds(bounds), m_cellPx(std::max(cellPx, 1.0f)) {
        m_cols = std::clamp(static_cast<int>(std::ceil(bounds.width() / m_cellPx)), 1, 512);
        m_rows = std::clamp(static_cast<int>(std::ceil(bounds.height() / m_cellPx)), 1, 512);
        m_cells.resize(static_cast<size_t>(m_cols) * static_cast<size_t>(m_rows));
    }

    bool collides(const BoxPx& b) const {
        bool hit = false;
        forCells(b, [&](const std::vector<int>& cell) {
            for (int i : cell)
                if (m_boxes[static_cast<size_t>(i)].overlaps(b)) hit = true;
        });
        return hit;
    }

    void add(const BoxPx& b) {
        const int id = static_cast<int>(m_boxes.size());
        m_boxes.push_back(b);
        forCells(b, [&](std::vector<int>& cell) { cell.push_back(id); });
    }

private:
    template <class Cells, class F>
    static void visit(Cells& self, const BoxPx& b, F&& f) {
        const auto col = [&](float x) {
            return std::clamp(static_cast<int>((x - self.m_bounds.minX) / self.m_cellPx), 0, self.m_cols - 1);
        };
        const auto row = [&](float y) {
            return std::clamp(static_cast<int>((y - self.m_bounds.minY) / self.m_cellPx), 0, self.m_rows - 1);
        };
        for (int r = row(b.minY); r <= row(b.maxY); ++r)
            for (int c = col(b.minX); c <= col(b.maxX); ++c)
                f(self.m_cells[static_cast<size_t>(r) * static_cast<size_t>(self.m_cols) + static_cast<size_t>(c)]);
    }
    template <class F> void forCells(const BoxPx& b, F&& f) const { visit(*this, b, f); }
    template <class F> void forCells(const BoxPx& b, F&& f) { visit(*this, b, f); }

    BoxPx m_bounds;
    float m_cellPx;
    int m_cols = 1, m_rows = 1;
    std::vector<std::vector<int>> m_cells;
    std::vector<BoxPx> m_boxes;
};

bool finiteBox(const BoxPx& b) {
    return std::isfinite(b.minX) && std::isfinite(b.minY) && std::isfinite(b.maxX) && std::isfinite(b.maxY) &&
           b.minX <= b.maxX && b.minY <= b.maxY;
}

// NaN would break the sort's strict weak ordering: it sorts last.
float orderKey(float v) { return std::isnan(v) ? -INFINITY : v; }

}  // namespace

std::vector<int> placeLabels(const std::vector<LabelCandidate>& candidates, const BoxPx& bounds,
                             const std::vector<BoxPx>& obstacles) {
    std::vector<int> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const LabelCandidate& ca = candidates[static_cast<size_t>(a)];
        const LabelCandidate& cb = candidates[static_cast<size_t>(b)];
        const float pa = orderKey(ca.priority), pb = orderKey(cb.priority);
        if (pa != pb) return pa > pb;
        const float ta = orderKey(ca.tieBreak), tb = orderKey(cb.tieBreak);
        if (ta != tb) return ta > tb;
        if (ca.group != cb.group) return ca.group < cb.group;
        return ca.group >= 0 && ca.rank < cb.rank;
    });

    // Cells about the size of a short label: few boxes per cell, few cells per box.
    BoxGrid grid(bounds, 96.0f);
    for (const BoxPx& o : obstacles)
        if (finiteBox(o) && o.overlaps(bounds)) grid.add(o);

    std::vector<int> placed;
    int maxGroup = -1;
    for (const LabelCandidate& c : candidates) maxGroup = std::max(maxGroup, c.group);
    std::vector<char> groupPlaced(static_cast<size_t>(maxGroup + 1), 0);
    for (int i : order) {
        const LabelCandidate& c = candidates[static_cast<size_t>(i)];
        if (c.group >= 0 && groupPlaced[static_cast<size_t>(c.group)]) continue;
        if (!finiteBox(c.box) || !bounds.contains(c.box) || grid.collides(c.box)) continue;
        grid.add(c.box);
        placed.push_back(i);
        if (c.group >= 0) groupPlaced[static_cast<size_t>(c.group)] = 1;
    }
    return placed;
}

}  // namespace geso::render
