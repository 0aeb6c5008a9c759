#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "core/crs/grid_transform.hpp"

using namespace geso::core;

namespace {

// Scattered points over Malmö in SWEREF 99 13 30 (a 45 × 30 km box, like the
// benchmark's coverage), with a fixed seed.
std::vector<Vec2> malmoPoints(size_t n) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> x(100000, 145000), y(6150000, 6180000);
    std::vector<Vec2> pts(n);
    for (Vec2& p : pts) p = {x(rng), y(rng)};
    return pts;
}

double worstDistance(const std::vector<Vec2>& a, const std::vector<Vec2>& b) {
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::hypot(a[i].x - b[i].x, a[i].y - b[i].y));
    return worst;
}

}  // namespace

TEST(GridTransform, InterpolatedPointsStayWithinTheErrorAllowed) {
    const std::vector<Vec2> source = malmoPoints(50000);
    std::vector<Vec2> exact = source, drawn = source;
    ASSERT_TRUE(transformPoints(exact, "EPSG:3008", "EPSG:3857").ok());
    // 0.5 m: 0.04 px of a 3840 px wide image of this box in Web Mercator.
    ASSERT_TRUE(transformPointsForDrawing(drawn, "EPSG:3008", "EPSG:3857", 0.5).ok());
    const double worst = worstDistance(exact, drawn);
    EXPECT_LE(worst, 0.5);
    EXPECT_GT(worst, 0.0);  // interpolated, not PROJ point by point
}

TEST(GridTransform, AnErrorNoGridCanMeetMeansPROJForEveryPoint) {
    const std::vector<Vec2> source = malmoPoints(5000);
    std::vector<Vec2> exact = source, drawn = source;
    ASSERT_TRUE(transformPoints(exact, "EPSG:3008", "EPSG:3857").ok());
    ASSERT_TRUE(transformPointsForDrawing(drawn, "EPSG:3008", "EPSG:3857", 1e-9).ok());
    EXPECT_EQ(worstDistance(exact, drawn), 0.0);

    // Most of the world in Web Mercator: curved far beyond 1 m per cell.
    std::vector<Vec2> world;
    for (int i = 0; i < 4000; ++i) world.push_back({-170.0 + (i % 80) * 4.25, -80.0 + (i / 80) * 3.2});
    std::vector<Vec2> worldExact = world;
    ASSERT_TRUE(transformPoints(worldExact, "EPSG:4326", "EPSG:3857").ok());
    ASSERT_TRUE(transformPointsForDrawing(world, "EPSG:4326", "EPSG:3857", 1.0).ok());
    EXPECT_EQ(worstDistance(worldExact, world), 0.0);
}

TEST(GridTransform, NonFiniteInputsAreReportedAsTransformPointsDoes) {
    std::vector<Vec2> pts = malmoPoints(4000);
    pts[10] = {std::nan(""), 6160000};
    pts[3999] = {INFINITY, 6160000};
    std::vector<size_t> failed;
    ASSERT_TRUE(transformPointsForDrawing(pts, "EPSG:3008", "EPSG:3857", 0.5, &failed).ok());
    EXPECT_EQ(failed, (std::vector<size_t>{10, 3999}));
    EXPECT_TRUE(std::isnan(pts[10].x) && std::isnan(pts[3999].y));
    EXPECT_TRUE(std::isfinite(pts[11].x));

    std::vector<Vec2> again = malmoPoints(4000);
    again[5] = {std::nan(""), 0};
    EXPECT_FALSE(transformPointsForDrawing(again, "EPSG:3008", "EPSG:3857", 0.5).ok());  // no list: an Error
}
