#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>

#include "core/geom/edge_crossings.hpp"
#include "core/geom/polygon_ops.hpp"
#include "core/geom/validate.hpp"
#include "geom_checks.hpp"
#include "wkt_layer.hpp"

using namespace geso::core;
using geso::test::layerFromWkt;

namespace {

// One feature whose single ring visits `n` random points of a 1 km square in
// central Malmö: a "polygon soup" with about n²/9 self-crossings.
void addRandomSoup(AreaLayer& L, size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> d(0, 1000);
    for (size_t i = 0; i < n; ++i) L.xy.push_back({120000 + d(rng), 6160000 + d(rng)});
    L.vertexStart.push_back(static_cast<uint32_t>(L.xy.size()));
    L.ringStart.push_back(static_cast<uint32_t>(L.vertexStart.size() - 1));
    L.partStart.push_back(static_cast<uint32_t>(L.ringStart.size() - 1));
    L.fid.push_back(static_cast<int64_t>(L.fid.size()));
}

size_t vertexCount(const AreaLayer& L, size_t f) {
    return L.vertexStart[L.ringStart[L.partStart[f + 1]]] - L.vertexStart[L.ringStart[L.partStart[f]]];
}

}  // namespace

TEST(Validate, BowTieIsRepairedWithReason) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,10 10,10 0,0 10,0 0))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_EQ(L.featureCount(), 1u);
    ASSERT_EQ(L.issues.size(), 1u);
    EXPECT_EQ(L.issues[0].kind, FeatureIssue::Kind::Repaired);
    EXPECT_EQ(L.issues[0].fid, 0);
    EXPECT_EQ(L.issues[0].label, "fid 0");
    EXPECT_NE(L.issues[0].detail.find("Self-intersection at (5, 5)"), std::string::npos) << L.issues[0].detail;
    EXPECT_NE(L.issues[0].detail.find("MakeValid"), std::string::npos);
    EXPECT_EQ(L.partStart[1] - L.partStart[0], 2u);  // two triangles
    EXPECT_NEAR(featureArea(L, 0), 50.0, 1e-9);
    EXPECT_TRUE(geso::test::geosValid(L, 0));
}

TEST(Validate, RepairedFeatureThatGrowsKeepsItsNeighbours) {
    // The bow-tie's repair has more vertices than its input: the layer is rewritten, not in place.
    AreaLayer L = layerFromWkt({"POLYGON((0 0,10 10,10 0,0 10,0 0))", "POLYGON((20 0,30 0,30 10,20 10,20 0))",
                                "POLYGON((40 0,44 0,44 3,40 3,40 0))"},
                               std::vector<std::string>{"Bow", "Square", "Small"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_EQ(L.featureCount(), 3u);
    ASSERT_EQ(L.issues.size(), 1u);
    EXPECT_EQ(L.issues[0].label, "Bow (fid 0)");  // validation labels carry the fid, as load-time ones do
    EXPECT_NEAR(featureArea(L, 0), 50.0, 1e-9);
    EXPECT_NEAR(featureArea(L, 1), 100.0, 1e-9);
    EXPECT_NEAR(featureArea(L, 2), 12.0, 1e-9);
    EXPECT_EQ(L.vertexStart.back(), L.xy.size());
    EXPECT_DOUBLE_EQ(L.bbox[1].minX, 20.0);
    EXPECT_DOUBLE_EQ(L.extent.maxX, 44.0);
}

TEST(Validate, DuplicatePointsRemovedSilentlyWhenHarmless) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,0 0,10 0,10 0,10 0,10 10,0 10,0 10,0 0))"});
    ASSERT_EQ(vertexCount(L, 0), 8u);
    ASSERT_TRUE(validateAndRepair(L).ok());
    EXPECT_EQ(vertexCount(L, 0), 4u);
    EXPECT_TRUE(L.issues.empty());
    EXPECT_NEAR(featureArea(L, 0), 100.0, 1e-9);
}

TEST(Validate, CollapsedRingFromDuplicatesIsReported) {
    // The hole has only 2 distinct vertices: it is dropped, and that is reported.
    AreaLayer L = layerFromWkt({"POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 2,3 3,3 3,2 2))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_EQ(L.issues.size(), 1u);
    EXPECT_EQ(L.issues[0].kind, FeatureIssue::Kind::Repaired);
    EXPECT_NE(L.issues[0].detail.find("fewer than 3 distinct"), std::string::npos);
    EXPECT_EQ(L.ringStart[1] - L.ringStart[0], 1u);
    EXPECT_NEAR(featureArea(L, 0), 100.0, 1e-9);
}

TEST(Validate, OrientationNormalised) {
    // Exterior clockwise and hole counter-clockwise on input.
    AreaLayer L = layerFromWkt({"POLYGON((0 0,0 10,10 10,10 0,0 0),(2 2,4 2,4 4,2 4,2 2))"});
    ASSERT_LT(geso::test::ringSignedArea(L, 0), 0);
    ASSERT_GT(geso::test::ringSignedArea(L, 1), 0);
    ASSERT_TRUE(validateAndRepair(L).ok());
    EXPECT_TRUE(L.issues.empty());
    EXPECT_NEAR(geso::test::ringSignedArea(L, 0), 100.0, 1e-9);
    EXPECT_NEAR(geso::test::ringSignedArea(L, 1), -4.0, 1e-9);
    EXPECT_NEAR(ringArea(std::span<const Vec2>(L.xy.data(), 4)), 100.0, 1e-9);
}

TEST(Validate, EmptyGeometrySkippedAndReportedByName) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,1 0,1 1,0 1,0 0))", "POLYGON EMPTY", "POLYGON((5 5,7 5,7 7,5 7,5 5))"},
                               std::vector<std::string>{"Första", "Tomma", "Tredje"});
    L.fid = {100, 101, 102};
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_EQ(L.featureCount(), 2u);
    ASSERT_EQ(L.issues.size(), 1u);
    EXPECT_EQ(L.issues[0].kind, FeatureIssue::Kind::Skipped);
    EXPECT_EQ(L.issues[0].fid, 101);
    EXPECT_EQ(L.issues[0].label, "Tomma (fid 101)");
    EXPECT_NE(L.issues[0].detail.find("empty"), std::string::npos);
    // Per-feature arrays stay aligned.
    EXPECT_EQ(L.fid, (std::vector<int64_t>{100, 102}));
    EXPECT_EQ(L.columns[0].text, (std::vector<std::string>{"Första", "Tredje"}));
    EXPECT_EQ(L.columns[0].isNull.size(), 2u);
    EXPECT_EQ(L.bbox.size(), 2u);
    EXPECT_NEAR(featureArea(L, 1), 4.0, 1e-12);
}

TEST(Validate, NonFiniteCoordinateSkipped) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,1 0,1 1,0 1,0 0))", "POLYGON((5 5,7 5,7 7,5 7,5 5))"});
    L.xy[5].x = NAN;
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_EQ(L.featureCount(), 1u);
    ASSERT_EQ(L.issues.size(), 1u);
    EXPECT_EQ(L.issues[0].kind, FeatureIssue::Kind::Skipped);
    EXPECT_EQ(L.issues[0].label, "fid 1");
    EXPECT_NE(L.issues[0].detail.find("non-finite"), std::string::npos);
}

TEST(Validate, LineLikePolygonSkippedWhenNothingPolygonalRemains) {
    // A zero-area ring: MakeValid yields a line, which is not kept.
    AreaLayer L = layerFromWkt({"POLYGON((0 0,10 0,20 0,0 0))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    EXPECT_EQ(L.featureCount(), 0u);
    ASSERT_EQ(L.issues.size(), 1u);
    EXPECT_EQ(L.issues[0].kind, FeatureIssue::Kind::Skipped);
    EXPECT_EQ(L.partStart.size(), 1u);
    EXPECT_TRUE(L.xy.empty());
}

TEST(Validate, CodeColumnLabelsWhenNoNameColumn) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,10 10,10 0,0 10,0 0))"});
    Column code;
    code.name = "geso_kod";
    code.type = FieldType::Integer;
    code.num = {1203};
    code.isNull = {false};
    L.columns.push_back(code);
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_EQ(L.issues.size(), 1u);
    EXPECT_EQ(L.issues[0].label, "1203 (fid 0)");
}

TEST(Validate, HoleOutsideShellIsRepaired) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,10 0,10 10,0 10,0 0),(20 20,21 20,21 21,20 21,20 20))"});
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_EQ(L.issues.size(), 1u);
    EXPECT_EQ(L.issues[0].kind, FeatureIssue::Kind::Repaired);
    EXPECT_NE(L.issues[0].detail.find("Hole lies outside shell"), std::string::npos) << L.issues[0].detail;
    EXPECT_TRUE(geso::test::geosValid(L, 0));
}

TEST(Validate, InconsistentArraysAreAnError) {
    AreaLayer L = layerFromWkt({"POLYGON((0 0,1 0,1 1,0 1,0 0))"});
    L.xy.pop_back();
    const Status s = validateAndRepair(L);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().where, "geos:valid");
}

TEST(Validate, EmptyLayerIsFine) {
    AreaLayer L;
    ASSERT_TRUE(validateAndRepair(L).ok());
    EXPECT_EQ(L.featureCount(), 0u);
}

TEST(Validate, RandomSoupOf2000VerticesIsSkippedQuicklyNotRepairedForever) {
    // GEOSMakeValid's default (linework) method runs for minutes and takes
    // gigabytes on this; it must be refused within a bounded time instead.
    AreaLayer L = layerFromWkt({"POLYGON((118000 6164000,119000 6164000,119000 6165000,118000 6165000,118000 6164000))"});
    addRandomSoup(L, 2000, 7);
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(validateAndRepair(L).ok());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(seconds, 5.0);
    ASSERT_EQ(L.featureCount(), 1u);  // the square stays
    EXPECT_EQ(L.fid, (std::vector<int64_t>{0}));
    EXPECT_NEAR(featureArea(L, 0), 1.0e6, 1e-6);
    ASSERT_EQ(L.issues.size(), 1u);
    EXPECT_EQ(L.issues[0].kind, FeatureIssue::Kind::Skipped);
    EXPECT_EQ(L.issues[0].label, "fid 1");
    EXPECT_NE(L.issues[0].detail.find("Self-intersection"), std::string::npos) << L.issues[0].detail;
    EXPECT_NE(L.issues[0].detail.find("too tangled"), std::string::npos) << L.issues[0].detail;
}

TEST(Validate, SmallRandomSoupIsRepairedWithTheStructureMethodIntoValidPolygons) {
    AreaLayer L;
    addRandomSoup(L, 60, 3);
    ASSERT_TRUE(validateAndRepair(L).ok());
    ASSERT_EQ(L.featureCount(), 1u);
    ASSERT_EQ(L.issues.size(), 1u);
    EXPECT_EQ(L.issues[0].kind, FeatureIssue::Kind::Repaired);
    EXPECT_NE(L.issues[0].detail.find("MakeValid (structure method)"), std::string::npos) << L.issues[0].detail;
    EXPECT_TRUE(geso::test::geosValid(L, 0));
    EXPECT_GT(L.partStart[1] - L.partStart[0], 1u);  // the soup falls apart into many polygons
    const double area = featureArea(L, 0);
    EXPECT_GT(area, 1.0e5);  // most of the square is inside some lobe
    EXPECT_LT(area, 1.0e6);
}

TEST(EdgeCrossings, CountsProperCrossingsOnlyAndStopsAtTheLimit) {
    using geso::core::detail::countEdgeCrossings;
    const std::vector<Vec2> square{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    const std::vector<Vec2> bowTie{{0, 0}, {10, 10}, {10, 0}, {0, 10}};
    const std::vector<Vec2> star{{0, 3}, {10, 3}, {2, -3}, {5, 7}, {8, -3}};  // pentagram: 5 crossings
    const std::vector<Vec2> inner{{2, 2}, {8, 2}, {8, 8}, {2, 8}};             // a hole touching nothing
    const std::vector<Vec2> across{{-1, 5}, {11, 5}, {11, 6}, {-1, 6}};        // crosses the square's sides 4 times
    auto count = [](std::vector<std::vector<Vec2>> rings, size_t limit = 100) {
        std::vector<std::span<const Vec2>> spans(rings.begin(), rings.end());
        return countEdgeCrossings(spans, limit, 1000000);
    };
    EXPECT_EQ(count({square}).crossings, 0u);
    EXPECT_EQ(count({bowTie}).crossings, 1u);
    EXPECT_EQ(count({star}).crossings, 5u);
    EXPECT_EQ(count({square, inner}).crossings, 0u);
    EXPECT_EQ(count({square, across}).crossings, 4u);
    EXPECT_FALSE(count({star}).overLimit);
    EXPECT_TRUE(count({star}, 4).overLimit);
    std::vector<std::span<const Vec2>> spans{std::span<const Vec2>(star)};
    EXPECT_TRUE(countEdgeCrossings(spans, 100, 3).overLimit);  // out of pair tests
}
