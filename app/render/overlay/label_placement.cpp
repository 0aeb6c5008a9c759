#include "render/overlay/label_placement.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace geso::render {

namespace {

// Uniform grid over `bounds`; each box is listed in every cell it touches.
// Boxes are numbered in the order added; a removed box stays listed but is skipped.
class BoxGrid {
public:
    BoxGrid(const BoxPx& bounds, float cellPx) : m_bounds(bounds), m_cellPx(std::max(cellPx, 1.0f)) {
        m_cols = std::clamp(static_cast<int>(std::ceil(bounds.width() / m_cellPx)), 1, 512);
        m_rows = std::clamp(static_cast<int>(std::ceil(bounds.height() / m_cellPx)), 1, 512);
        m_cells.resize(static_cast<size_t>(m_cols) * static_cast<size_t>(m_rows));
    }

    bool collides(const BoxPx& b) const { return firstHit(b, -1) >= 0; }

    // Ids of the live boxes overlapping b (each once); stops after max + 1, enough to tell "more than max".
    std::vector<int> hits(const BoxPx& b, size_t max) const {
        std::vector<int> out;
        forCells(b, [&](const std::vector<int>& cell) {
            for (int i : cell)
                if (out.size() <= max && m_alive[static_cast<size_t>(i)] && m_boxes[static_cast<size_t>(i)].overlaps(b) &&
                    std::find(out.begin(), out.end(), i) == out.end())
                    out.push_back(i);
        });
        return out;
    }

    // The first live box overlapping b other than `except`, -1 if none.
    int firstHit(const BoxPx& b, int except) const {
        int hit = -1;
        forCells(b, [&](const std::vector<int>& cell) {
            for (int i : cell)
                if (hit < 0 && i != except && m_alive[static_cast<size_t>(i)] && m_boxes[static_cast<size_t>(i)].overlaps(b))
                    hit = i;
        });
        return hit;
    }

    int add(const BoxPx& b) {
        const int id = static_cast<int>(m_boxes.size());
        m_boxes.push_back(b);
        m_alive.push_back(1);
        forCells(b, [&](std::vector<int>& cell) { cell.push_back(id); });
        return id;
    }
    void remove(int id) { m_alive[static_cast<size_t>(id)] = 0; }

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
    std::vector<char> m_alive;
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
        if (ca.tier != cb.tier) return ca.tier < cb.tier;
        const float pa = orderKey(ca.priority), pb = orderKey(cb.priority);
        if (pa != pb) return pa > pb;
        const float ta = orderKey(ca.tieBreak), tb = orderKey(cb.tieBreak);
        if (ta != tb) return ta > tb;
        if (ca.group != cb.group) return ca.group < cb.group;
        return ca.group >= 0 && ca.rank < cb.rank;
    });

    // Cells about the size of a short label: few boxes per cell, few cells per box.
    BoxGrid grid(bounds, 96.0f);
    int obstacleCount = 0;
    for (const BoxPx& o : obstacles)
        if (finiteBox(o) && o.overlaps(bounds)) {
            grid.add(o);
            ++obstacleCount;
        }
    const auto usable = [&](const LabelCandidate& c) { return finiteBox(c.box) && bounds.contains(c.box); };

    int maxGroup = -1;
    for (const LabelCandidate& c : candidates) maxGroup = std::max(maxGroup, c.group);
    const size_t groups = static_cast<size_t>(maxGroup + 1);
    std::vector<int> placedOfGroup(groups, -1);  // group -> index into `placed`
    std::vector<int> placed, boxOf;              // candidate index and grid id, in placement order
    std::vector<int> placedOfBox;                // grid id -> index into `placed` (-1: obstacle)
    placedOfBox.assign(static_cast<size_t>(obstacleCount), -1);
    const auto put = [&](int candidate, size_t slot) {
        const int id = grid.add(candidates[static_cast<size_t>(candidate)].box);
        placedOfBox.push_back(static_cast<int>(slot));
        placed[slot] = candidate;
        boxOf[slot] = id;
    };
    for (int i : order) {
        const LabelCandidate& c = candidates[static_cast<size_t>(i)];
        if (c.group >= 0 && placedOfGroup[static_cast<size_t>(c.group)] >= 0) continue;
        if (!usable(c) || grid.collides(c.box)) continue;
        placed.push_back(i);
        boxOf.push_back(-1);
        put(i, placed.size() - 1);
        if (c.group >= 0) placedOfGroup[static_cast<size_t>(c.group)] = static_cast<int>(placed.size() - 1);
    }

    // Repair: alternatives of each group, by rank, so a blocked label can move aside.
    std::vector<std::vector<int>> alternatives(groups);
    for (int i : order)
        if (const int g = candidates[static_cast<size_t>(i)].group; g >= 0) alternatives[static_cast<size_t>(g)].push_back(i);
    for (int i : order) {
        const LabelCandidate& c = candidates[static_cast<size_t>(i)];
        if (c.group < 0 || placedOfGroup[static_cast<size_t>(c.group)] >= 0 || !usable(c)) continue;
        const std::vector<int> blockers = grid.hits(c.box, 1);
        if (blockers.size() != 1) continue;
        const int slot = placedOfBox[static_cast<size_t>(blockers[0])];
        if (slot < 0) continue;  // an obstacle
        const int blocker = placed[static_cast<size_t>(slot)];
        const int blockerGroup = candidates[static_cast<size_t>(blocker)].group;
        if (blockerGroup < 0) continue;
        for (int alt : alternatives[static_cast<size_t>(blockerGroup)]) {
            const BoxPx& a = candidates[static_cast<size_t>(alt)].box;
            if (alt == blocker || !usable(candidates[static_cast<size_t>(alt)]) || a.overlaps(c.box) ||
                grid.firstHit(a, boxOf[static_cast<size_t>(slot)]) >= 0)
                continue;
            grid.remove(boxOf[static_cast<size_t>(slot)]);
            put(alt, static_cast<size_t>(slot));
            placed.push_back(i);
            boxOf.push_back(-1);
            put(i, placed.size() - 1);
            placedOfGroup[static_cast<size_t>(c.group)] = static_cast<int>(placed.size() - 1);
            break;
        }
    }
    return placed;
}

}  // namespace geso::render
