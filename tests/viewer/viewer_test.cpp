// The viewer's GL-free parts (options, settings, the data session, camera
// control) and a smoke test of the real binary under Xvfb.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "render/gl/png_writer.hpp"
#include "viewer/camera_control.hpp"
#include "viewer/map_session.hpp"
#include "viewer/settings.hpp"
#include "viewer/viewer_options.hpp"

namespace fs = std::filesystem;
using namespace geso;
using namespace geso::viewer;

namespace {

fs::path tempDir(const std::string& name) {
    fs::path d = fs::temp_directory_path() / ("geso_e2_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::optional<ViewerOptions> parse(std::vector<std::string> args, std::string& err) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return parseViewerOptions(static_cast<int>(argv.size()), argv.data(), 1, err);
}

int run(const std::string& cmd, std::string* output = nullptr) {
    FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return -1;
    char buf[512];
    std::string out;
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    const int status = ::pclose(p);
    if (output) *output = out;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST(ViewerOptions, ParsesEveryOptionAndRejectsBadValues) {
    std::string err;
    auto o = parse({"geso-atlas", "--lang", "en", "--size", "3840x2160", "--screenshot", "/tmp/x.png", "--frames",
                    "3", "--ui-scale", "2", "--crs", "EPSG:3006"}, err);
    ASSERT_TRUE(o) << err;
    EXPECT_EQ(o->lang, "en");
    EXPECT_EQ(o->widthPx, 3840);
    EXPECT_EQ(o->heightPx, 2160);
    EXPECT_EQ(o->frames, 3);
    EXPECT_EQ(o->uiScale, 2.0f);
    EXPECT_EQ(o->crs, "EPSG:3006");
    EXPECT_FALSE(parse({"geso-atlas", "--lang", "de"}, err));
    EXPECT_FALSE(parse({"geso-atlas", "--size", "big"}, err));
    EXPECT_FALSE(parse({"geso-atlas", "--frames", "0"}, err));
    EXPECT_FALSE(parse({"geso-atlas", "--bogus"}, err));
    EXPECT_FALSE(parse({"geso-atlas", "stray"}, err));
}

TEST(Settings, RoundTripAndDefaultsOnBrokenFile) {
    const fs::path d = tempDir("settings");
    Settings s;
    s.windowWidth = 1234;
    s.windowHeight = 777;
    s.lang = "en";
    s.areas = "/data/Malmö områden.gpkg";
    s.variableKind = "dimension";
    s.variableId = "utbildning";
    s.method = "jenks";
    s.classes = 6;
    s.showTable = true;
    ASSERT_TRUE(saveSettings(d / "sub" / "settings.ini", s));
    const Settings r = loadSettings(d / "sub" / "settings.ini");
    EXPECT_EQ(r.windowWidth, 1234);
    EXPECT_EQ(r.windowHeight, 777);
    EXPECT_EQ(r.lang, "en");
    EXPECT_EQ(r.areas, "/data/Malmö områden.gpkg");
    EXPECT_EQ(r.variableId, "utbildning");
    EXPECT_EQ(r.classes, 6);
    EXPECT_TRUE(r.showTable);

    std::ofstream(d / "bad.ini") << "window_width=abc\nwindow_height=99999999\n=\nnonsense\n";
    const Settings b = loadSettings(d / "bad.ini");
    EXPECT_EQ(b.windowWidth, Settings{}.windowWidth);
    EXPECT_EQ(b.windowHeight, Settings{}.windowHeight);
    EXPECT_EQ(loadSettings(d / "missing.ini").windowWidth, Settings{}.windowWidth);
    // Unwritable: a file where the directory should be. No throw, just false.
    std::ofstream(d / "blocker") << "x";
    EXPECT_FALSE(saveSettings(d / "blocker" / "settings.ini", s));
    fs::remove_all(d);
}

TEST(MapSession, LoadsTheBundledDataAndMapsEveryVariable) {
    MapSession m;
    m.load({});
    const ui::AppState& s = m.state();
    ASSERT_TRUE(s.errors.empty()) << s.errors.front();
    ASSERT_EQ(s.areaCount(), 14u);
    EXPECT_EQ(s.provenance, "Schematiska gränser · illustrativa värden");
    // Total, 4 dimensions, 12 indicators (then any numeric fields of the area file).
    ASSERT_GE(s.variables.size(), 17u);
    EXPECT_EQ(s.variables[0].kind, ui::VarKind::Total);
    EXPECT_EQ(s.variables[1].kind, ui::VarKind::Dimension);
    EXPECT_EQ(s.variables[5].kind, ui::VarKind::Indicator);
    EXPECT_EQ(s.classes.value.size(), 14u);
    EXPECT_FALSE(s.classes.upper.empty());
    EXPECT_FALSE(s.years.empty());
    // Identify/table: name, code, value, class, change, 12 indicators, 4 dimensions, total, rank.
    EXPECT_GE(s.table.size(), 4u + 12u + 4u + 2u);
    int ranked = 0;
    for (double r : s.rank) ranked += std::isnan(r) ? 0 : 1;
    EXPECT_GT(ranked, 0);
    ASSERT_EQ(s.points.size(), 2u);
    EXPECT_TRUE(s.points[0].loaded);
    EXPECT_FALSE(s.points[0].themeOptions.empty());
    const auto dirty = m.takeDirty();
    EXPECT_TRUE(dirty.areas && dirty.colors && dirty.points);
    EXPECT_EQ(m.featureFill().color.size(), 14u);

    for (size_t v = 0; v < s.variables.size(); ++v) {
        ui::Actions a;
        a.variable = static_cast<int>(v);
        m.apply(a, {});
        EXPECT_TRUE(m.state().errors.empty()) << s.variables[v].label << ": " << m.state().errors.back();
        EXPECT_EQ(m.state().variable, static_cast<int>(v));
    }
}

TEST(MapSession, ManualBreaksYearsSelectionAndPicking) {
    MapSession m;
    m.load({});
    ASSERT_TRUE(m.state().errors.empty());
    ui::Actions a;
    a.classes = ui::ClassRequest{ui::Method::Manual, 3, {90, 100, 1000}};
    m.apply(a, {});
    ASSERT_TRUE(m.state().errors.empty()) << m.state().errors.back();
    EXPECT_EQ(m.state().method, ui::Method::Manual);
    EXPECT_EQ(m.state().classes.upper.size(), 3u);
    EXPECT_DOUBLE_EQ(m.state().classes.upper[0], 90);

    ui::Actions y;
    y.year = m.state().years.front();
    m.apply(y, {});
    EXPECT_EQ(m.state().year, m.state().years.front());

    // The label point of an area is inside it: picking there finds that area.
    const core::Project* p = m.project();
    ASSERT_NE(p, nullptr);
    for (size_t f = 0; f < 14; ++f) EXPECT_EQ(m.featureAt(p->geometry.labelPoint[f]), static_cast<int>(f));
    EXPECT_EQ(m.featureAt({0, 0}), -1);
    ui::Actions sel;
    sel.select = 3;
    m.apply(sel, {});
    EXPECT_EQ(m.state().selected, 3);
    sel.select = 99;  // out of range: cleared, not kept
    m.apply(sel, {});
    EXPECT_EQ(m.state().selected, -1);
}

TEST(MapSession, BadFilesBecomeErrorsAndKeepTheLoadedMap) {
    MapSession m;
    m.load({});
    ui::Actions a;
    a.load = ui::LoadRequest{"/nonexistent/omraden.gpkg", "", "", "", "", ""};
    m.apply(a, {});
    ASSERT_FALSE(m.state().errors.empty());
    EXPECT_NE(m.state().errors.back().find("/nonexistent/omraden.gpkg"), std::string::npos);
    EXPECT_EQ(m.state().areaCount(), 14u);  // the bundled map is still shown
}

TEST(MapSession, ExportsCsvAndGeoPackageFromTheMenuRequest) {
    const fs::path d = tempDir("export");
    MapSession m;
    m.load({});
    ui::Actions a;
    a.exportRequest = ui::ExportRequest{ui::ExportRequest::Kind::Csv, (d / "tabell.csv").string(), 0, 0, true};
    m.apply(a, {});
    ASSERT_TRUE(m.state().errors.empty()) << m.state().errors.back();
    EXPECT_TRUE(fs::exists(d / "tabell.csv"));
    EXPECT_NE(m.state().status.find("tabell.csv"), std::string::npos);
    a.exportRequest = ui::ExportRequest{ui::ExportRequest::Kind::GeoPackage, (d / "geso.gpkg").string(), 0, 0, false};
    m.apply(a, {});
    ASSERT_TRUE(m.state().errors.empty()) << m.state().errors.back();
    EXPECT_GT(fs::file_size(d / "geso.gpkg"), 0u);
    a.exportRequest = ui::ExportRequest{ui::ExportRequest::Kind::Csv, "/nonexistent-dir/x.csv", 0, 0, false};
    m.apply(a, {});
    EXPECT_FALSE(m.state().errors.empty());  // shown in the UI, no crash
    fs::remove_all(d);
}

TEST(CameraControl, PanZoomAndRectangle) {
    render::Camera cam(800, 600);
    cam.setCentre({1000, 2000});
    cam.setMetresPerPx(10);
    MapViewport vp;
    vp.rect = {100, 20, 800, 600};
    ui::AppState s;
    core::Box extent;
    extent.expand(0, 0);
    extent.expand(8000, 6000);
    ui::Actions pan;
    pan.panXPx = 50;  // content moves right: the centre moves west by 50 px × 10 m
    applyCameraActions(cam, pan, s, extent, vp);
    EXPECT_NEAR(cam.centre().x, 500, 1e-6);
    ui::Actions zoom;
    zoom.zoomFactor = 2;
    zoom.zoomAtCentre = false;
    zoom.zoomAtX = 100 + 200;
    zoom.zoomAtY = 20 + 150;
    const core::Vec2 before = cam.screenToWorld({200, 150});
    applyCameraActions(cam, zoom, s, extent, vp);
    EXPECT_NEAR(cam.metresPerPx(), 5, 1e-9);
    const core::Vec2 after = cam.screenToWorld({200, 150});
    EXPECT_NEAR(after.x, before.x, 1e-6);  // the point under the cursor stays put
    EXPECT_NEAR(after.y, before.y, 1e-6);
    ui::Actions rect;
    rect.zoomRect = std::array<float, 4>{100, 20, 500, 320};  // the top-left quarter of the map
    const core::Vec2 tl = cam.screenToWorld({0, 0}), mid = cam.screenToWorld({400, 300});
    applyCameraActions(cam, rect, s, extent, vp);
    EXPECT_NEAR(cam.centre().x, (tl.x + mid.x) / 2, 1e-6);
    EXPECT_NEAR(cam.metresPerPx(), 2.5, 1e-9);
    ui::Actions all;
    all.zoomAll = true;
    vp.fitRect = {0, 0, 800, 600};
    applyCameraActions(cam, all, s, extent, vp);
    EXPECT_NEAR(cam.centre().x, 4000, 1e-6);
    EXPECT_NEAR(cam.centre().y, 3000, 1e-6);
}

TEST(ViewerBinary, WithoutADisplayExitsOneWithAClearMessage) {
    std::string out;
    const int rc = run("env -u DISPLAY -u WAYLAND_DISPLAY XDG_CONFIG_HOME=/tmp/geso_e2_nodisplay " GESO_BINARY, &out);
    EXPECT_EQ(rc, 1);
    EXPECT_NE(out.find("no display"), std::string::npos) << out;
    EXPECT_NE(out.find("geso-atlas render"), std::string::npos) << out;
}

TEST(ViewerBinary, ScreenshotUnderXvfbShowsTheMap) {
    if (run("command -v xvfb-run") != 0) GTEST_SKIP() << "xvfb-run not installed";
    const fs::path d = tempDir("shot");
    const fs::path png = d / "viewer.png";
    std::string out;
    const int rc = run("XDG_CONFIG_HOME=" + (d / "cfg").string() + " xvfb-run -a -s '-screen 0 1280x800x24' " +
                           GESO_BINARY + " --screenshot " + png.string() + " --frames 3 --size 1280x800",
                       &out);
    ASSERT_EQ(rc, 0) << out;
    auto img = render::readPng(png);
    ASSERT_TRUE(img.ok()) << img.error().line();
    EXPECT_EQ(img.value().widthPx, 1280);
    EXPECT_EQ(img.value().heightPx, 800);
    // The map area (right of the side panel) holds many colours: fills, outlines, labels.
    std::set<uint32_t> colours;
    const auto& px = img.value().rgba;
    for (int y = 100; y < 700; y += 7)
        for (int x = 450; x < 1200; x += 7) {
            const size_t i = (static_cast<size_t>(y) * 1280 + static_cast<size_t>(x)) * 4;
            colours.insert(uint32_t(px[i]) << 16 | uint32_t(px[i + 1]) << 8 | px[i + 2]);
        }
    EXPECT_GT(colours.size(), 8u);
    // A screenshot run leaves no settings behind (it must not change the user's next start).
    EXPECT_FALSE(fs::exists(d / "cfg" / "geso-atlas" / "settings.ini"));
    fs::remove_all(d);
}

TEST(MapSession, PalettesShowTheirColoursWithColourBlindSafeOnesFirst) {
    MapSession m;
    m.load({});
    const ui::AppState& s = m.state();
    ASSERT_FALSE(s.palettes.empty());
    bool seenUnsafe = false;
    for (const ui::PaletteChoice& p : s.palettes) {
        EXPECT_FALSE(p.colorBlindSafe && seenUnsafe) << p.id << " listed after an unsafe scheme";
        seenUnsafe = seenUnsafe || !p.colorBlindSafe;
        EXPECT_EQ(static_cast<int>(p.colors.size()), s.classCount) << p.id;
    }
    EXPECT_TRUE(seenUnsafe);  // Spectral, RdYlGn … are offered, after the safe ones
    // The scheme on the map is listed with the map's own colours, in its orientation.
    const auto shown = std::find_if(s.palettes.begin(), s.palettes.end(),
                                    [&](const ui::PaletteChoice& p) { return p.id == s.palette; });
    ASSERT_NE(shown, s.palettes.end());
    EXPECT_EQ(shown->colors, s.classes.classColor);
    EXPECT_FALSE(std::isnan(s.classes.gadf));
}

TEST(MapSession, AChosenPaletteSurvivesAChangeOfMethodUnlessCentringChanges) {
    MapSession m;
    m.load({});
    ui::Actions a;
    a.classes = ui::ClassRequest{ui::Method::Quantile, 5, {}};  // leave the centred default
    m.apply(a, {});
    a = {};
    a.palette = "PuBu";
    m.apply(a, {});
    ASSERT_EQ(m.state().palette, "PuBu");
    a = {};
    a.classes = ui::ClassRequest{ui::Method::NaturalBreaks, 5, {}};
    m.apply(a, {});
    EXPECT_EQ(m.state().palette, "PuBu");
    a.classes = ui::ClassRequest{ui::Method::Manual, 3, {90, 100, 1000}};
    m.apply(a, {});
    EXPECT_EQ(m.state().palette, "PuBu");
    a.classes = ui::ClassRequest{ui::Method::Centred, 5, {}};  // sequential → diverging: the core picks again
    m.apply(a, {});
    EXPECT_EQ(m.state().palette, "RdBu");
}

namespace {
// The bundled indicator table with its header renamed, the way another office might write it.
fs::path renamedTable(const fs::path& dir, bool duplicateRow) {
    std::ifstream in(std::string(GESO_SOURCE_DIR) + "/geodata/indikatorer.csv");
    std::string line, text;
    bool header = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] == '#') continue;
        if (header) {
            line.replace(line.find("geso_kod"), 8, "Områdeskod");
            line.replace(line.find("år"), 3, "Årtal");
            header = false;
        }
        text += line + "\n";
    }
    if (duplicateRow) text += text.substr(text.rfind('\n', text.size() - 2) + 1);  // the last row again
    const fs::path p = dir / (duplicateRow ? "dubblett.csv" : "omdopt.csv");
    std::ofstream(p) << text;
    return p;
}
}  // namespace

TEST(MapSession, LoadsATableWithTheColumnsTheUserMapsAndReportsTheJoin) {
    const fs::path d = tempDir("columns");
    MapSession m;
    m.load({});
    ui::Actions a;
    a.load = ui::LoadRequest{"", renamedTable(d, false).string(), "", "", "wide", "kod=Områdeskod,år=Årtal"};
    m.apply(a, {});
    ASSERT_TRUE(m.state().errors.empty()) << m.state().errors.back();
    EXPECT_EQ(m.state().tableColumns, "kod=Områdeskod,år=Årtal");
    EXPECT_EQ(m.options().indicatorsLayout, "wide");
    EXPECT_NE(m.state().joinSummary.find("omdopt.csv"), std::string::npos) << m.state().joinSummary;
    EXPECT_FALSE(m.state().joinFailed);
    const int version = m.state().joinReportVersion;
    // A table with a duplicate row is refused; the map stays, the report lists why.
    a.load = ui::LoadRequest{"", renamedTable(d, true).string(), "", "", "", "kod=Områdeskod,år=Årtal"};
    m.apply(a, {});
    ASSERT_FALSE(m.state().errors.empty());
    EXPECT_TRUE(m.state().joinFailed);
    EXPECT_GT(m.state().joinReportVersion, version);
    ASSERT_FALSE(m.state().joinReport.empty());
    EXPECT_NE(m.state().joinReport.front().find("dubblett.csv"), std::string::npos) << m.state().joinReport.front();
    EXPECT_EQ(m.state().areaCount(), 14u);
    fs::remove_all(d);
}

TEST(MapSession, NormalisationAndWhatIfWeightsAreTheUsersAndSaidSo) {
    MapSession m;
    m.load({});
    ASSERT_FALSE(m.state().customWeights);
    ASSERT_EQ(m.state().dimensionWeights.size(), 4u);
    ASSERT_EQ(m.state().dimensionWeights[1].indicators.size(), 3u);
    const std::vector<double> equalTotals = m.state().classes.value;

    ui::Actions a;
    std::vector<ui::WeightItem> w = m.state().dimensionWeights;
    w[1].weight = 2;  // "what if utbildning counted double"
    a.weights = w;
    m.apply(a, {});
    ASSERT_TRUE(m.state().errors.empty()) << m.state().errors.back();
    EXPECT_TRUE(m.state().customWeights);
    EXPECT_NE(m.state().classes.subtitle.find("Vikter avviker"), std::string::npos) << m.state().classes.subtitle;
    EXPECT_NE(m.state().classes.value, equalTotals);
    EXPECT_EQ(m.state().dimensionWeights[1].weight, 2);

    // Zero for every indicator of a dimension is refused; the weights stay as they were.
    w = m.state().dimensionWeights;
    for (auto& i : w[0].indicators) i.weight = 0;
    a.weights = w;
    m.apply(a, {});
    EXPECT_FALSE(m.state().errors.empty());
    EXPECT_EQ(m.state().dimensionWeights[0].indicators[0].weight, 1);

    // Back to the city's equal weights: nothing reads as custom.
    for (auto& d : w) {
        d.weight = 1;
        for (auto& i : d.indicators) i.weight = 1;
    }
    a.weights = w;
    m.apply(a, {});
    EXPECT_FALSE(m.state().customWeights);
    EXPECT_EQ(m.state().classes.value, equalTotals);

    ui::Actions n;
    n.normalization = 1;  // z-score: the title says so, the style is quantiles again
    m.apply(n, {});
    EXPECT_EQ(m.state().normalization, 1);
    EXPECT_NE(m.state().classes.title.find("z-poäng"), std::string::npos) << m.state().classes.title;
    EXPECT_EQ(m.state().method, ui::Method::Quantile);
}

TEST(CameraControl, ZoomToAnAreaFromTheTableKeepsItClearOfTheTable) {
    const render::RectPx fit{0, 0, 1000, 800};
    // A table over the lower half: the area goes above it.
    const render::RectPx above = freeRectBeside(fit, {100, 450, 800, 400});
    EXPECT_EQ(above.y, 0);
    EXPECT_EQ(above.h, 450);
    EXPECT_EQ(above.w, 1000);
    // A table on the right: left of it.
    const render::RectPx left = freeRectBeside(fit, {600, 0, 500, 800});
    EXPECT_EQ(left.x, 0);
    EXPECT_EQ(left.w, 600);
    // Outside the map, or covering nearly all of it: the whole free part.
    EXPECT_EQ(freeRectBeside(fit, {2000, 0, 100, 100}).w, 1000);
    EXPECT_EQ(freeRectBeside(fit, {20, 20, 960, 760}).w, 1000);

    render::Camera cam(1000, 800);
    MapViewport vp;
    vp.rect = {0, 0, 1000, 800};
    vp.fitRect = fit;
    ui::AppState s;
    core::Box area;
    area.expand(0, 0);
    area.expand(1000, 1000);
    s.areaBox = {area};
    ui::Actions a;
    a.zoomTo = 0;
    a.zoomAvoid = std::array<float, 4>{100, 450, 900, 850};
    applyCameraActions(cam, a, s, core::Box{}, vp);
    // The whole area (with its margin) is in the upper 450 px.
    EXPECT_LT(cam.worldToScreen({0, 0}).y, 450);
    EXPECT_GE(cam.worldToScreen({0, 1000}).y, 0);
}
