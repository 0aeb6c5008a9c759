// `geso-atlas render` end to end on the bundled data: pixel colours at the
// label points equal the expected class colours, the legend is drawn, 4K works.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli_run.hpp"
#include "core_io/fixtures.hpp"
#include "core/project/choropleth.hpp"
#include "core/project/project.hpp"
#include "render/gl/png_writer.hpp"
#include "render/headless/headless_context.hpp"
#include "render/mesh/camera.hpp"
#include "render/mesh/rgba.hpp"

using namespace geso;
namespace fs = std::filesystem;

namespace {

geso::test::CliResult runCli(const std::string& args) { return geso::test::runGeso("render", args); }

bool haveEgl() { return render::HeadlessContext::create(16, 16).ok(); }

render::Rgba pixelAt(const render::PngImage& img, int x, int y) {
    const size_t i = (size_t(y) * size_t(img.widthPx) + size_t(x)) * 4;
    return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2], img.rgba[i + 3]};
}

}  // namespace

TEST(CliRender, BundledMapHasClassColoursAtLabelPoints) {
    if (!haveEgl()) GTEST_SKIP() << "no EGL context";
    const fs::path out = fs::temp_directory_path() / "geso_e1a_bundled.png";
    const geso::test::CliResult r = runCli("--out " + out.string() + " --size 1280x720 --no-overlay --initiatives none --trygghet none");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto img = render::readPng(out);
    ASSERT_TRUE(img.ok()) << img.error().line();
    ASSERT_EQ(img.value().widthPx, 1280);

    core::DataOptions data;
    data.initiativesPath = data.trygghetPath = "none";
    auto project = core::loadProject(data);
    ASSERT_TRUE(project.ok()) << project.error().line();
    core::MapVariable total;
    auto map = core::buildChoropleth(project.value(), total, core::defaultStyle(total), core::Lang::Sv);
    ASSERT_TRUE(map.ok()) << map.error().line();
    // The CLI without overlay fits the extent with a 2 % margin (MapImageOptions).
    render::Camera cam(1280, 720);
    cam.fitBox(project.value().areas.extent, 0.02 * 720);
    const auto& geometry = project.value().geometry;
    ASSERT_EQ(geometry.labelPoint.size(), project.value().areas.featureCount());
    int checked = 0;
    for (size_t f = 0; f < geometry.labelPoint.size(); ++f) {
        const auto s = cam.worldToScreen(geometry.labelPoint[f]);
        const render::Rgba expected = map.value().featureColor[f];
        const render::Rgba got = pixelAt(img.value(), int(s.x), int(s.y));
        EXPECT_EQ(got, expected) << "feature " << f << " (" << project.value().areaName[f] << ")";
        ++checked;
    }
    EXPECT_EQ(checked, 14);
    fs::remove(out);
}

TEST(CliRender, Overlay4kHasLegendSwatches) {
    if (!haveEgl()) GTEST_SKIP() << "no EGL context";
    const fs::path out = fs::temp_directory_path() / "geso_e1a_4k_cli.png";
    const geso::test::CliResult r = runCli("--out " + out.string() + " --size 3840x2160 --lang en");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto img = render::readPng(out);
    ASSERT_TRUE(img.ok());
    ASSERT_EQ(img.value().widthPx, 3840);
    ASSERT_EQ(img.value().heightPx, 2160);
    core::MapVariable total;
    auto project = core::loadProject({});
    ASSERT_TRUE(project.ok());
    auto map = core::buildChoropleth(project.value(), total, core::defaultStyle(total), core::Lang::En);
    ASSERT_TRUE(map.ok());
    // The map is fitted beside the legend (top right), so in the right-most 22 %
    // of the image the class colours come from the legend swatches only.
    for (const render::Rgba c : map.value().classColors) {
        int n = 0;
        for (int y = 0; y < 2160 / 2; ++y)
            for (int x = 3840 * 78 / 100; x < 3840; ++x) n += pixelAt(img.value(), x, y) == c;
        EXPECT_GT(n, 100) << "class colour " << int(c.r) << "," << int(c.g) << "," << int(c.b);
    }
    fs::remove(out);
}

TEST(CliRender, UsageAndInputErrors) {
    EXPECT_EQ(runCli("").exitCode, 2);                              // no --out
    EXPECT_EQ(runCli("--out x.png --size 12x10000000").exitCode, 2);
    EXPECT_EQ(runCli("--out x.png --size big").exitCode, 2);
    EXPECT_EQ(runCli("--out x.png --total --field value").exitCode, 2);
    EXPECT_EQ(runCli("--out x.png --bogus").exitCode, 2);
    EXPECT_EQ(runCli("--help").exitCode, 0);
    const geso::test::CliResult missing = runCli("--out /tmp/geso_e1a_x.png --areas /nonexistent/areas.shp --field value");
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("geso-atlas: "), std::string::npos);
    EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;
    const geso::test::CliResult noDir = runCli("--out /nonexistent_dir_e1a/x.png");
    EXPECT_EQ(noDir.exitCode, 1);
    EXPECT_FALSE(fs::exists("/tmp/geso_e1a_x.png"));
}

TEST(CliRender, VideoWallSize7680x4320) {
    if (!haveEgl()) GTEST_SKIP() << "no EGL context";
    const fs::path out = fs::temp_directory_path() / "geso_e1a_8k_cli.png";
    const geso::test::CliResult r = runCli("--out " + out.string() + " --size 7680x4320");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto img = render::readPng(out);
    ASSERT_TRUE(img.ok());
    EXPECT_EQ(img.value().widthPx, 7680);
    EXPECT_EQ(img.value().heightPx, 4320);
    // No leftover temporary file beside it.
    for (const auto& e : fs::directory_iterator(out.parent_path()))
        EXPECT_EQ(e.path().filename().string().find("." + out.filename().string() + ".tmp"), std::string::npos);
    fs::remove(out);
}

// Above 5000 features `render` reads values first and draws the geometry in
// batches: the picture must still show every cell in its class colour.
TEST(CliRender, BigLayerDrawnInBatchesHasClassColours) {
    if (!haveEgl()) GTEST_SKIP() << "no EGL context";
    test::TempDir dir;
    const std::string areas = dir.file("cells.gpkg");
    test::writeLayer(areas, "GPKG", {}, test::squareGrid(80, 75));
    const fs::path out = dir.path() / "cells.png";
    const test::CliResult r =
        runCli("--out " + out.string() + " --size 800x600 --no-overlay --areas " + areas + " --field geso_kod");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    auto img = render::readPng(out);
    ASSERT_TRUE(img.ok()) << img.error().line();

    core::DataOptions data;
    data.areasPath = areas;
    auto project = core::loadProject(data);
    ASSERT_TRUE(project.ok()) << project.error().line();
    ASSERT_EQ(project.value().areas.featureCount(), 6000u);
    core::MapVariable field;
    field.kind = core::VariableKind::Field;
    field.id = "geso_kod";
    auto map = core::buildChoropleth(project.value(), field, core::defaultStyle(field), core::Lang::Sv);
    ASSERT_TRUE(map.ok()) << map.error().line();
    render::Camera cam(800, 600);
    cam.fitBox(project.value().areas.extent, 0.02 * 600);
    int checked = 0;
    for (size_t f = 0; f < 6000; f += 97) {  // cells all over the grid, first and later batches
        const core::Box& b = project.value().areas.bbox[f];
        const auto s = cam.worldToScreen({0.5 * (b.minX + b.maxX), 0.5 * (b.minY + b.maxY)});
        EXPECT_EQ(pixelAt(img.value(), int(s.x), int(s.y)), map.value().featureColor[f]) << "cell " << f;
        ++checked;
    }
    EXPECT_EQ(checked, 62);
}
