// The ear clipper on awkward but valid input: random star-shaped polygons with
// many holes, holes touching each other or the shell, aligned hole edges.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

#include "core/geom/polygon_ops.hpp"
#include "core/geom/triangulate.hpp"
#include "core/geom/validate.hpp"
#include "geom_checks.hpp"
#include "wkt_layer.hpp"

using namespace geso::core;
using geso::test::layerFromWkt;

namespace {

std::string ringWkt(const std::vector<Vec2>& pts) {
    std::string s = "(";
    for (size_t i = 0; i <= pts.size(); ++i) {
        const Vec2 p = pts[i % pts.size()];
        char buf[80];
        std::snprintf(buf, sizeof buf, "%.6f %.6f", p.x, p.y);
        s += buf;
        s += i < pts.size() ? "," : ")";
    }
    return s;
}

// Star-shaped around c: n vertices at jittered, evenly spread angles (so no
// chord passes near the centre), radii in [rMin, rMax].
std::vector<Vec2> star(std::mt19937& rng, Vec2 c, double rMin, double rMax, int n) {
    const double step = 2 * std::numbers::pi / n;
    std::uniform_real_distribution<double> jitter(-0.4 * step, 0.4 * step), ur(rMin, rMax);
    std::vector<Vec2> pts;
    for (int i = 0; i < n; ++i) {
        const double a = i * step + jitter(rng);
        const double r = ur(rng);
        pts.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
    }
    return pts;
}

void expectExact(const AreaLayer& L) {
    auto r = buildAreaGeometry(L, GeometryOptions{false, 1});
    ASSERT_TRUE(r.ok());
    const AreaGeometry& g = r.value();
    for (size_t f = 0; f < L.featureCount(); ++f) {
        EXPECT_NEAR(geso::test::sumTriangleAreas(L, g, f) / featureArea(L, f), 1.0, 1e-9) << "feature " << f;
        for (uint32_t t = g.triStart[f]; t < g.triStart[f + 1]; t += 3)
            ASSERT_GE(geso::test::triangleArea(L.xy[g.triangles[t]], L.xy[g.triangles[t + 1]], L.xy[g.triangles[t + 2]]),
                      -1e-7)
                << "feature " << f;
    }
}

}  // namespace

TEST(EarClip, RandomStarsWithRandomHoles) {
    std::mt19937 rng(2024);
    std::vector<std::string> wkts;
    for (int k = 0; k < 200; ++k) {
        std::string w = "POLYGON(";
        w += ringWkt(star(rng, {0, 0}, 50, 100, 12 + k % 60));
        std::bernoulli_distribution keep(0.6);
        for (int gx = -2; gx <= 2; ++gx)
            for (int gy = -2; gy <= 2; ++gy)
                if (std::hypot(gx, gy) <= 2.0 && keep(rng)) {
                    w += ',';
                    w += ringWkt(star(rng, {gx * 16.0, gy * 16.0}, 2, 7, 3 + (gx + gy + 9) % 7));
                }
        w += ')';
        wkts.push_back(w);
    }
    AreaLayer L = layerFromWkt(wkts);
    ASSERT_TRUE(validateAndRepair(L).ok());
    for (const auto& issue : L.issues) ADD_FAILURE() << issue.label << ": " << issue.detail;
    expectExact(L);
}

TEST(EarClip, HolesTouchingEachOtherAndAlignedEdges) {
    AreaLayer L = layerFromWkt({
        // Two holes sharing a corner, a third with the same right edge x as the first.
        "POLYGON((0 0,30 0,30 30,0 30,0 0),(5 5,10 5,10 10,5 10,5 5),(10 10,15 10,15 15,10 15,10 10),"
        "(5 20,10 20,10 25,5 25,5 20))",
        // A hole whose rightmost vertex touches the shell.
        "POLYGON((0 0,30 0,30 30,0 30,0 0),(20 10,30 15,20 20,20 10))",
        // Holes stacked at the same y as shell vertices (ray through vertices).
        "POLYGON((0 0,10 0,20 5,30 0,40 0,40 10,0 10,0 0),(2 5,4 4,6 5,4 6,2 5),(25 5,27 4,29 5,27 6,25 5))",
    });
    ASSERT_TRUE(validateAndRepair(L).ok());
    for (const auto& issue : L.issues) ADD_FAILURE() << issue.label << ": " << issue.detail;
    expectExact(L);
}

TEST(EarClip, CombShapeManyReflexVertices) {
    // 200 teeth: hard for naive ear choice, exercises the bucket grid.
    std::vector<Vec2> pts{{0, 0}};
    for (int i = 0; i < 200; ++i) {
        const double x = i * 2.0;
        pts.push_back({x + 1.0, 0.0 + (i % 2) * 0.0});
        pts.push_back({x + 1.0, -10.0});
        pts.push_back({x + 2.0, -10.0});
        pts.push_back({x + 2.0, 0.0});
    }
    pts.push_back({400.0, 5.0});
    pts.push_back({0.0, 5.0});
    AreaLayer L = layerFromWkt({"POLYGON(" + ringWkt(pts) + ")"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    for (const auto& issue : L.issues) ADD_FAILURE() << issue.label << ": " << issue.detail;
    expectExact(L);
    EXPECT_NEAR(featureArea(L, 0), 400.0 * 5.0 + 200 * 10.0, 1e-6);
}

TEST(EarClip, RandomVertexSoupTerminates) {
    // Self-intersecting garbage (as a decimated copy might be): always n - 2 triangles.
    std::mt19937 rng(99);
    std::uniform_real_distribution<double> u(0, 100);
    std::uniform_int_distribution<int> un(3, 150);
    AreaLayer L;
    std::vector<uint32_t> sizes;
    for (int k = 0; k < 300; ++k) {
        const int n = un(rng);
        for (int i = 0; i < n; ++i) L.xy.push_back({std::round(u(rng)), std::round(u(rng))});  // many repeats
        L.vertexStart.push_back(static_cast<uint32_t>(L.xy.size()));
        L.ringStart.push_back(static_cast<uint32_t>(L.vertexStart.size() - 1));
        L.partStart.push_back(static_cast<uint32_t>(L.ringStart.size() - 1));
        L.fid.push_back(k);
        sizes.push_back(static_cast<uint32_t>(n));
    }
    auto r = buildAreaGeometry(L, GeometryOptions{false, 2});
    ASSERT_TRUE(r.ok());
    for (size_t f = 0; f < L.featureCount(); ++f)
        ASSERT_EQ(r.value().triStart[f + 1] - r.value().triStart[f], 3 * (sizes[f] - 2)) << f;
    for (uint32_t idx : r.value().triangles) ASSERT_LT(idx, L.xy.size());
}
