// A big layer for one image: loadAreas reads fids and attributes only, and
// streamAreas hands the geometry over in batches, in the same order.
#include <gtest/gtest.h>

#include <vector>

#include "core/io/vector_reader.hpp"
#include "core_io/fixtures.hpp"

using namespace geso::core;
using geso::test::squareGrid;
using geso::test::TempDir;
using geso::test::writeLayer;

namespace {

LoadOptions inBatchesAbove(size_t features) {
    LoadOptions o;
    o.geometryInBatchesAbove = features;
    return o;
}

}  // namespace

TEST(BatchedRead, BigLayerIsReadWithoutGeometry) {
    TempDir dir;
    const std::string path = dir.file("grid.gpkg");
    writeLayer(path, "GPKG", {}, squareGrid(6, 5, 7));
    auto layer = loadAreas(path, inBatchesAbove(20));
    ASSERT_TRUE(layer.ok()) << layer.error().line();
    const AreaLayer& l = layer.value();
    EXPECT_FALSE(l.geometryRead);
    ASSERT_EQ(l.featureCount(), 30u);  // every row, the NULL geometry's too: its geometry is not looked at
    EXPECT_TRUE(l.xy.empty());
    EXPECT_TRUE(l.bbox.empty());
    ASSERT_EQ(l.partStart.size(), 31u);
    EXPECT_EQ(l.partStart.back(), 0u);
    const Column* code = l.column("geso_kod");
    ASSERT_NE(code, nullptr);
    ASSERT_EQ(code->num.size(), 30u);
    EXPECT_EQ(code->num[29], 30);
    // The declared extent, here in the display CRS the data are in.
    EXPECT_DOUBLE_EQ(l.extent.minX, 110000);
    EXPECT_DOUBLE_EQ(l.extent.maxX, 115900);
    EXPECT_DOUBLE_EQ(l.extent.maxY, 6154900);
    EXPECT_EQ(l.source.srcCrsCode, "EPSG:3008");
}

TEST(BatchedRead, SmallLayerIsReadWhole) {
    TempDir dir;
    const std::string path = dir.file("grid.gpkg");
    writeLayer(path, "GPKG", {}, squareGrid(6, 5));
    auto layer = loadAreas(path, inBatchesAbove(30));
    ASSERT_TRUE(layer.ok()) << layer.error().line();
    EXPECT_TRUE(layer.value().geometryRead);
    EXPECT_EQ(layer.value().xy.size(), 30u * 4);
}

TEST(BatchedRead, BatchesCoverTheLayerInOrder) {
    TempDir dir;
    const std::string path = dir.file("grid.gpkg");
    writeLayer(path, "GPKG", {}, squareGrid(6, 5, 7));
    auto whole = loadAreas(path, inBatchesAbove(20));
    ASSERT_TRUE(whole.ok()) << whole.error().line();

    std::vector<int64_t> fids;
    std::vector<size_t> sizes;
    size_t skipped = 0;
    LoadOptions o;
    o.displayCrs = "EPSG:3006";
    const Status st = streamAreas(path, o, BatchLimits{4, 1000}, [&](AreaLayer& batch) -> Status {
        sizes.push_back(batch.featureCount());
        EXPECT_TRUE(batch.columns.empty());
        EXPECT_EQ(batch.xy.size(), 4 * batch.featureCount());
        EXPECT_EQ(batch.bbox.size(), batch.featureCount());
        EXPECT_EQ(batch.source.crsCode, "EPSG:3006");
        if (batch.featureCount() > 0) {
            EXPECT_GT(batch.extent.minY, 6.1e6);  // reprojected: SWEREF 99 TM northings
            EXPECT_GT(batch.extent.minX, 3.5e5);
        }
        for (const auto& issue : batch.issues)
            if (issue.kind == FeatureIssue::Kind::Skipped) {
                ++skipped;
                EXPECT_NE(issue.detail.find("NULL"), std::string::npos) << issue.detail;
            }
        fids.insert(fids.end(), batch.fid.begin(), batch.fid.end());
        return Ok{};
    });
    ASSERT_TRUE(st.ok()) << st.error().line();
    EXPECT_EQ(skipped, 1u);
    ASSERT_EQ(fids.size(), 29u);
    std::vector<int64_t> expected = whole.value().fid;
    expected.erase(expected.begin() + 7);
    EXPECT_EQ(fids, expected);
    for (size_t s : sizes) EXPECT_LE(s, 4u);
}

TEST(BatchedRead, VertexLimitEndsABatchEarly) {
    TempDir dir;
    const std::string path = dir.file("grid.gpkg");
    writeLayer(path, "GPKG", {}, squareGrid(4, 3));
    std::vector<size_t> sizes;
    const Status st = streamAreas(path, {}, BatchLimits{100, 10}, [&](AreaLayer& batch) -> Status {
        sizes.push_back(batch.featureCount());
        return Ok{};
    });
    ASSERT_TRUE(st.ok()) << st.error().line();
    EXPECT_EQ(sizes, (std::vector<size_t>{3, 3, 3, 3}));  // 12 vertices ≥ 10 after every third square
}

TEST(BatchedRead, AnErrorFromTheConsumerStopsTheRead) {
    TempDir dir;
    const std::string path = dir.file("grid.gpkg");
    writeLayer(path, "GPKG", {}, squareGrid(4, 3));
    int calls = 0;
    const Status st = streamAreas(path, {}, BatchLimits{2, 1000}, [&](AreaLayer&) -> Status {
        ++calls;
        return Error{"enough", "test"};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().what, "enough");
    EXPECT_EQ(calls, 1);
}

TEST(BatchedRead, LayerWithoutADeclaredExtentIsReadWhole) {
    TempDir dir;
    const std::string path = dir.file("nulls.gpkg");
    std::vector<geso::test::Feat> feats = squareGrid(6, 5);
    for (auto& f : feats) f.wkt.clear();  // NULL geometries: GDAL has no extent to give
    writeLayer(path, "GPKG", {}, feats);
    auto layer = loadAreas(path, inBatchesAbove(20));
    ASSERT_TRUE(layer.ok()) << layer.error().line();
    EXPECT_TRUE(layer.value().geometryRead);
    EXPECT_EQ(layer.value().featureCount(), 0u);
    EXPECT_EQ(layer.value().issues.size(), 30u);  // each NULL geometry reported
}
