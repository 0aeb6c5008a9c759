// A big area layer for one image: loadProject keeps the values, then
// streamAreaGeometry brings the geometry batch by batch with each feature's row.
#include <gtest/gtest.h>

#include <set>

#include "core/project/project.hpp"
#include "core_io/fixtures.hpp"

using namespace geso::core;
using geso::test::squareGrid;
using geso::test::TempDir;
using geso::test::writeLayer;

namespace {

DataOptions bigLayerOptions(const std::string& path) {
    DataOptions o;
    o.areasPath = path;
    o.indicatorsPath = o.initiativesPath = o.trygghetPath = "none";
    o.geometryInBatchesAbove = 10;
    o.imageDetail = {1000, 800, 0.75, 0};
    return o;
}

}  // namespace

TEST(AreaBatches, RowsLabelsAndExtentComeWithTheBatches) {
    TempDir dir;
    const std::string path = dir.file("grid.gpkg");
    writeLayer(path, "GPKG", {}, squareGrid(5, 4, 12));
    auto project = loadProject(bigLayerOptions(path));
    ASSERT_TRUE(project.ok()) << project.error().line();
    Project& p = project.value();
    ASSERT_FALSE(p.areas.geometryRead);
    ASSERT_EQ(p.areas.featureCount(), 20u);
    EXPECT_TRUE(p.geometry.labelPoint.empty());
    EXPECT_EQ(p.areaCode[19], 20);  // keys and names come from the first read

    std::set<uint32_t> rows;
    size_t batches = 0;
    const Status st = streamAreaGeometry(p, BatchLimits{6, 1000}, [&](AreaBatch& b) -> Status {
        ++batches;
        EXPECT_EQ(b.rows.size(), b.layer.featureCount());
        EXPECT_EQ(b.geometry.triStart.size(), b.layer.featureCount() + 1);
        EXPECT_FALSE(b.geometry.triangles.empty());
        for (size_t i = 0; i < b.rows.size(); ++i) {
            EXPECT_EQ(p.areas.fid[b.rows[i]], b.layer.fid[i]);
            rows.insert(b.rows[i]);
        }
        return Ok{};
    });
    ASSERT_TRUE(st.ok()) << st.error().line();
    EXPECT_EQ(batches, 4u);
    EXPECT_EQ(rows.size(), 19u);
    EXPECT_EQ(rows.count(12), 0u);  // the NULL geometry
    // Square 19 (code 20) is the top right one: its label point is inside it.
    ASSERT_EQ(p.geometry.labelPoint.size(), 20u);
    const Vec2 label = p.geometry.labelPoint[19];
    EXPECT_GT(label.x, 114000);
    EXPECT_LT(label.x, 114900);
    EXPECT_GT(label.y, 6153000);
    EXPECT_LT(label.y, 6153900);
    EXPECT_NEAR(p.geometry.areaM2[19], 810000, 1);
    EXPECT_DOUBLE_EQ(p.areas.extent.maxX, 114900);
    bool noted = false;
    for (const auto& w : p.warnings) noted = noted || w.find("1 of 20 features have no usable geometry") != std::string::npos;
    EXPECT_TRUE(noted);
}

TEST(AreaBatches, AnErrorOfTheConsumerIsReturnedNamingTheFile) {
    TempDir dir;
    const std::string path = dir.file("grid.gpkg");
    writeLayer(path, "GPKG", {}, squareGrid(5, 4));
    auto project = loadProject(bigLayerOptions(path));
    ASSERT_TRUE(project.ok()) << project.error().line();
    const Status st = streamAreaGeometry(project.value(), BatchLimits{6, 1000},
                                         [](AreaBatch&) -> Status { return Error{"no GPU memory", "gl"}; });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().what, "no GPU memory");
    EXPECT_EQ(st.error().where, path);
}

TEST(AreaBatches, ALayerWithoutAnyUsablePolygonIsAnError) {
    TempDir dir;
    const std::string path = dir.file("empty.gpkg");
    std::vector<geso::test::Feat> feats = squareGrid(4, 3);
    for (auto& f : feats) f.wkt.clear();  // NULL geometries only: no extent either
    writeLayer(path, "GPKG", {}, feats);
    auto project = loadProject(bigLayerOptions(path));  // read whole, as without batches
    ASSERT_FALSE(project.ok());
    EXPECT_EQ(project.error().what, "no usable polygons");
    EXPECT_EQ(project.error().where, path);
}
