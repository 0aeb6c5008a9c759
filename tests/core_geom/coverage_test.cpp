// Invariants on a random-ish coverage built in code (the benchmark's generated
// data is not available in CI): jittered grid cells whose shared edges are the
// same wiggly polyline on both sides, some cells with holes, a few invalid ones.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/geom/polygon_ops.hpp"
#include "core/geom/triangulate.hpp"
#include "core/geom/validate.hpp"
#include "geom_checks.hpp"

using namespace geso::core;

namespace {

struct Coverage {
    AreaLayer layer;
    double totalArea = 0;  // of the outer square, minus holes
};

// nx × ny cells over [0, nx*100] × [0, ny*100], offset to SWEREF-like coordinates.
Coverage makeCoverage(int nx, int ny, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> jitter(-25, 25), wiggle(-4, 4);
    std::uniform_int_distribution<int> extra(0, 6);
    const double ox = 110000, oy = 6150000;
    auto corner = [&](int i, int j) -> Vec2 {
        const bool border = i == 0 || j == 0 || i == nx || j == ny;
        std::mt19937 r(static_cast<unsigned>(seed * 7919u + static_cast<unsigned>(i * 1009 + j)));
        std::uniform_real_distribution<double> d(-25, 25);
        const double dx = border ? 0 : d(r), dy = border ? 0 : d(r);
        return {ox + i * 100.0 + dx, oy + j * 100.0 + dy};
    };
    // Shared edge polylines: horizontal edges h[i][j] from corner(i,j) to (i+1,j), vertical v[i][j] (i,j)→(i,j+1).
    auto makeEdge = [&](Vec2 a, Vec2 b, bool border) {
        std::vector<Vec2> pts;
        const int k = border ? 0 : extra(rng);
        const double nxv = -(b.y - a.y), nyv = b.x - a.x, len = std::hypot(nxv, nyv);
        for (int s = 1; s <= k; ++s) {
            const double t = static_cast<double>(s) / (k + 1);
            const double w = wiggle(rng) / len;
            pts.push_back({a.x + t * (b.x - a.x) + w * nxv, a.y + t * (b.y - a.y) + w * nyv});
        }
        return pts;
    };
    std::vector<std::vector<std::vector<Vec2>>> h(nx, std::vector<std::vector<Vec2>>(ny + 1));
    std::vector<std::vector<std::vector<Vec2>>> v(nx + 1, std::vector<std::vector<Vec2>>(ny));
    for (int i = 0; i < nx; ++i)
        for (int j = 0; j <= ny; ++j) h[i][j] = makeEdge(corner(i, j), corner(i + 1, j), j == 0 || j == ny);
    for (int i = 0; i <= nx; ++i)
        for (int j = 0; j < ny; ++j) v[i][j] = makeEdge(corner(i, j), corner(i, j + 1), i == 0 || i == nx);

    Coverage c;
    AreaLayer& L = c.layer;
    c.totalArea = nx * 100.0 * ny * 100.0;
    int64_t fid = 0;
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            std::vector<Vec2> ring;
            ring.push_back(corner(i, j));
            ring.insert(ring.end(), h[i][j].begin(), h[i][j].end());
            ring.push_back(corner(i + 1, j));
            ring.insert(ring.end(), v[i + 1][j].begin(), v[i + 1][j].end());
            ring.push_back(corner(i + 1, j + 1));
            ring.insert(ring.end(), h[i][j + 1].rbegin(), h[i][j + 1].rend());
            ring.push_back(corner(i, j + 1));
            ring.insert(ring.end(), v[i][j].rbegin(), v[i][j].rend());
            if ((i + j) % 3 == 0) std::reverse(ring.begin(), ring.end());  // loaders may hand either orientation
            L.xy.insert(L.xy.end(), ring.begin(), ring.end());
            L.vertexStart.push_back(static_cast<uint32_t>(L.xy.size()));
            if ((i * 7 + j) % 5 == 0) {  // a small hole near the cell centre
                const double cx = ox + i * 100.0 + 50, cy = oy + j * 100.0 + 50;
                L.xy.insert(L.xy.end(), {{cx - 8, cy - 5}, {cx - 8, cy + 6}, {cx + 7, cy + 6}, {cx + 7, cy - 5}});
                L.vertexStart.push_back(static_cast<uint32_t>(L.xy.size()));
                c.totalArea -= 15.0 * 11.0;
            }
            L.ringStart.push_back(static_cast<uint32_t>(L.vertexStart.size() - 1));
            L.partStart.push_back(static_cast<uint32_t>(L.ringStart.size() - 1));
            L.fid.push_back(fid++);
        }
    }
    return c;
}

void checkInvariants(const AreaLayer& L, const AreaGeometry& g) {
    ASSERT_EQ(g.triStart.size(), L.featureCount() + 1);
    ASSERT_EQ(g.triStart.back(), g.triangles.size());
    for (uint32_t idx : g.triangles) ASSERT_LT(idx, L.xy.size());
    for (size_t f = 0; f < L.featureCount(); ++f) {
        const double tri = geso::test::sumTriangleAreas(L, g, f);
        const double area = featureArea(L, f);
        ASSERT_GT(area, 0);
        ASSERT_NEAR(tri / area, 1.0, 1e-6) << "feature " << f;
        ASSERT_NEAR(g.areaM2[f] / area, 1.0, 1e-12);
        ASSERT_TRUE(pointInFeature(L, f, g.labelPoint[f])) << "feature " << f;
        ASSERT_GT(g.labelRadius[f], 0.0);
    }
}

}  // namespace

TEST(Coverage, ValidCoverageNeedsNoRepairAndTriangulatesExactly) {
    Coverage c = makeCoverage(40, 30, 1);
    AreaLayer& L = c.layer;
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_TRUE(L.issues.empty()) << L.issues[0].label << ": " << L.issues[0].detail;
    ASSERT_EQ(L.featureCount(), 1200u);
    for (size_t f = 0; f < L.featureCount(); ++f) {
        ASSERT_GT(geso::test::ringSignedArea(L, L.ringStart[L.partStart[f]]), 0);
        for (uint32_t r = L.ringStart[L.partStart[f]] + 1; r < L.ringStart[L.partStart[f + 1]]; ++r)
            ASSERT_LT(geso::test::ringSignedArea(L, r), 0);
    }
    auto r = buildAreaGeometry(L);
    ASSERT_TRUE(r.ok());
    checkInvariants(L, r.value());
    double sum = 0;
    for (double a : r.value().areaM2) sum += a;
    EXPECT_NEAR(sum / c.totalArea, 1.0, 1e-9);  // no gaps, no overlaps
}

TEST(Coverage, ThreadCountDoesNotChangeTheResult) {
    Coverage c = makeCoverage(50, 45, 2);  // enough features for two threads (1024 each at least)
    ASSERT_TRUE(validateAndRepair(c.layer).ok());
    auto one = buildAreaGeometry(c.layer, GeometryOptions{true, 1});
    auto two = buildAreaGeometry(c.layer, GeometryOptions{true, 2});
    ASSERT_TRUE(one.ok() && two.ok());
    EXPECT_EQ(one.value().triangles, two.value().triangles);
    EXPECT_EQ(one.value().triStart, two.value().triStart);
    for (size_t f = 0; f < c.layer.featureCount(); ++f) {
        EXPECT_EQ(one.value().labelPoint[f].x, two.value().labelPoint[f].x);
        EXPECT_EQ(one.value().labelPoint[f].y, two.value().labelPoint[f].y);
    }
}

TEST(Coverage, LargeLayerUsesPointOnSurfaceLabelsInside) {
    // Above the maximum-inscribed-circle limit labels come from point-on-surface.
    Coverage c = makeCoverage(90, 60, 3);
    ASSERT_TRUE(validateAndRepair(c.layer).ok());
    auto r = buildAreaGeometry(c.layer);
    ASSERT_TRUE(r.ok());
    checkInvariants(c.layer, r.value());
}

TEST(Coverage, InvalidAndEmptyFeaturesAmongValidOnes) {
    Coverage c = makeCoverage(20, 20, 4);
    AreaLayer& L = c.layer;
    // Turn feature 5 into a bow-tie by swapping two vertices of its exterior, and empty feature 9.
    const uint32_t v = L.vertexStart[L.ringStart[L.partStart[5]]];
    std::swap(L.xy[v], L.xy[v + 1]);
    const size_t before = L.featureCount();
    // Empty feature 9 by handing its part to feature 8, which becomes an
    // invalid multipolygon (two cells sharing an edge).
    L.partStart[9] = L.partStart[10];
    ASSERT_TRUE(validateAndRepair(L).ok());
    int repaired = 0, skipped = 0;
    for (const auto& issue : L.issues) {
        repaired += issue.kind == FeatureIssue::Kind::Repaired;
        skipped += issue.kind == FeatureIssue::Kind::Skipped;
    }
    EXPECT_EQ(repaired, 2);
    EXPECT_EQ(skipped, 1);
    EXPECT_EQ(L.featureCount(), before - 1);
    for (size_t f = 0; f < L.featureCount(); ++f) ASSERT_TRUE(geso::test::geosValid(L, f)) << f;
    auto r = buildAreaGeometry(L);
    ASSERT_TRUE(r.ok());
    checkInvariants(L, r.value());
}
