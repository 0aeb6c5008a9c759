#include <gtest/gtest.h>

#include <cmath>

#include "core/geom/polygon_ops.hpp"
#include "core/geom/validate.hpp"
#include "geom_checks.hpp"
#include "wkt_layer.hpp"

using namespace geso::core;
using geso::test::layerFromWkt;

namespace {

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
    EXPECT_EQ(L.issues[0].label, "Bow");
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
    EXPECT_EQ(L.issues[0].label, "Tomma");
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
    EXPECT_EQ(L.issues[0].label, "1203");
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
