// A layer drawn batch by batch (render of a big layer) gives the pixels of the
// same layer drawn whole.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/project/choropleth.hpp"
#include "core/project/project.hpp"
#include "core_io/fixtures.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/headless/areas_in_batches.hpp"
#include "render/headless/map_content.hpp"
#include "render_gl/gl_test_support.hpp"

using namespace geso;

TEST(AreasInBatches, DrawTheSamePixelsAsTheWholeLayer) {
    GESO_REQUIRE_CONTEXT(ctx, 400, 300);
    test::TempDir dir;
    const std::string path = dir.file("grid.gpkg");
    test::writeLayer(path, "GPKG", {}, test::squareGrid(20, 15));
    core::DataOptions o;
    o.areasPath = path;
    o.indicatorsPath = o.initiativesPath = o.trygghetPath = "none";
    auto whole = core::loadProject(o);
    o.geometryInBatchesAbove = 50;
    auto batched = core::loadProject(o);
    ASSERT_TRUE(whole.ok()) << whole.error().line();
    ASSERT_TRUE(batched.ok()) << batched.error().line();
    ASSERT_FALSE(batched.value().areas.geometryRead);

    core::MapVariable field;
    field.kind = core::VariableKind::Field;
    field.id = "geso_kod";
    auto wholeMap = core::buildChoropleth(whole.value(), field, core::defaultStyle(field), core::Lang::Sv);
    auto batchedMap = core::buildChoropleth(batched.value(), field, core::defaultStyle(field), core::Lang::Sv);
    ASSERT_TRUE(wholeMap.ok()) << wholeMap.error().line();
    ASSERT_TRUE(batchedMap.ok()) << batchedMap.error().line();
    ASSERT_EQ(whole.value().areas.featureCount(), batched.value().areas.featureCount());
    const render::FeatureFill wholeFill = render::featureFill(wholeMap.value());
    const render::FeatureFill batchedFill = render::featureFill(batchedMap.value());
    render::Camera cam(400, 300);
    cam.fitBox(whole.value().areas.extent, 8);
    const render::RectPx vp{0, 0, 400, 300};

    render::MapRenderer a;
    ASSERT_TRUE(a.init().ok());
    ASSERT_TRUE(a.setAreas(whole.value().areas, whole.value().geometry, false).ok());
    a.setFeatureColors(wholeFill.color, wholeFill.noData);
    a.draw(cam, vp, 1);
    const auto expected = test::readBack(ctx);

    render::MapRenderer b;
    ASSERT_TRUE(b.init().ok());
    const core::Status st =
        render::drawAreasInBatches(batched.value(), batchedFill, b, cam, vp, 1, core::BatchLimits{37, 1000});
    ASSERT_TRUE(st.ok()) << st.error().line();
    const auto got = test::readBack(ctx);
    ASSERT_EQ(got.rgba.size(), expected.rgba.size());
    int differ = 0, maxDiff = 0;
    for (int y = 0; y < 300; ++y)
        for (int x = 0; x < 400; ++x) {
            const int d = test::channelDiff(got.at(x, y), expected.at(x, y));
            differ += d > 0;
            maxDiff = std::max(maxDiff, d);
        }
    EXPECT_EQ(differ, 0) << "largest channel difference " << maxDiff;
    // Not an empty picture: the last square has its class colour at its centre.
    const auto s = cam.worldToScreen({129450, 6164450});
    EXPECT_EQ(got.at(int(s.x), int(s.y)), batchedFill.color[299]);
    EXPECT_EQ(batchedFill.color, wholeFill.color);
}
