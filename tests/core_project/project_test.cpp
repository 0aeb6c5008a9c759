// The bundled project end to end: schematic areas + illustrative indicators +
// point layers → a choropleth, as the viewer, render and export see it.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/classify/palette.hpp"
#include "core/project/choropleth.hpp"
#include "core/project/project.hpp"

using namespace geso::core;

namespace {

const Project& bundledProject() {
    static Result<Project> p = loadProject({});
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().line());
    return p.value();
}

}  // namespace

TEST(Project, BundledDataLoadsWithCodesNamesAndPoints) {
    const Project& p = bundledProject();
    ASSERT_EQ(p.areas.featureCount(), 14u);
    EXPECT_EQ(p.codeField, "geso_kod");
    EXPECT_EQ(p.nameField, "geso_namn");
    std::set<int> codes(p.areaCode.begin(), p.areaCode.end());
    EXPECT_EQ(codes.size(), 14u);
    EXPECT_EQ(*codes.begin(), 1);
    EXPECT_EQ(*codes.rbegin(), 14);
    EXPECT_EQ(p.areaName[static_cast<size_t>(p.featureOfCode(12))], "Lindängen, Almvik m fl");
    ASSERT_TRUE(p.indicators.has_value());
    EXPECT_EQ(p.indicators->codes.size(), 14u);
    ASSERT_TRUE(p.initiatives.has_value());
    ASSERT_TRUE(p.trygghet.has_value());
    EXPECT_GT(p.initiatives->featureCount(), 0u);
    EXPECT_GT(p.trygghet->featureCount(), 0u);
    EXPECT_EQ(p.areas.source.crsCode, "EPSG:3008");
}

TEST(Project, ProvenanceSaysSchematicAndIllustrative) {
    const Project& p = bundledProject();
    EXPECT_TRUE(p.provenance.schematicBoundaries);
    EXPECT_TRUE(p.provenance.illustrativeValues);
    EXPECT_EQ(p.provenance.line(Lang::Sv), "Schematiska gränser · illustrativa värden");
    EXPECT_EQ(p.provenance.line(Lang::En), "Schematic boundaries · illustrative values");
}

TEST(Project, OwnBoundaryFileIsNamedInProvenance) {
    Provenance prov;
    prov.areasSource = "GeSO_2022.shp";
    prov.illustrativeValues = true;
    EXPECT_EQ(prov.line(Lang::Sv), "Gränser: GeSO_2022.shp · illustrativa värden");
}

TEST(Project, MissingAreaFileIsAnErrorNamingIt) {
    DataOptions o;
    o.areasPath = "/nonexistent/omraden.shp";
    auto p = loadProject(o);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error().line().find("/nonexistent/omraden.shp"), std::string::npos);
}

TEST(Choropleth, TotalIndexDefaultsToClassesCentredOnMalmo) {
    const Project& p = bundledProject();
    MapVariable v;  // total index, Malmö = 100, latest year
    auto c = buildChoropleth(p, v, defaultStyle(v), Lang::Sv);
    ASSERT_TRUE(c.ok()) << c.error().line();
    const Choropleth& m = c.value();
    EXPECT_EQ(m.year, p.indicators->latestYear());
    EXPECT_EQ(m.classes.method, ClassMethod::Centred);
    EXPECT_EQ(m.classes.classCount(), 5);
    // The middle class straddles 100 ("about the city").
    EXPECT_LT(m.classes.upper[1], 100.0);
    EXPECT_GT(m.classes.upper[2], 100.0);
    ASSERT_EQ(m.featureColor.size(), 14u);
    for (size_t f = 0; f < 14; ++f) {
        ASSERT_GE(m.classes.classOf[f], 0) << p.areaName[f];
        EXPECT_EQ(m.featureColor[f], m.classColors[static_cast<size_t>(m.classes.classOf[f])]);
    }
    EXPECT_EQ(m.legendLabels.size(), 5u);
    EXPECT_EQ(m.title, "Totalindex (Malmö = 100)");
    EXPECT_FALSE(m.poolYears.empty());  // pooled over the years by default
}

TEST(Choropleth, ChallengedEndIsTheStrongColour) {
    const Project& p = bundledProject();
    MapVariable v;
    v.kind = VariableKind::Dimension;
    v.id = "ekonomi";
    MapStyle s;  // quantile, sequential
    auto c = buildChoropleth(p, v, s, Lang::Sv);
    ASSERT_TRUE(c.ok()) << c.error().line();
    auto luminance = [](Rgba x) { return 0.299 * x.r + 0.587 * x.g + 0.114 * x.b; };
    // Lowest index class (most challenged) darker than the highest.
    EXPECT_LT(luminance(c.value().classColors.front()), luminance(c.value().classColors.back()));
}

TEST(Choropleth, NumericFieldOfTheAreaLayerCanBeMapped) {
    const Project& p = bundledProject();
    MapVariable v;
    v.kind = VariableKind::Field;
    v.id = "geso_kod";
    MapStyle s;
    s.spec.method = ClassMethod::EqualInterval;
    auto c = buildChoropleth(p, v, s, Lang::En);
    ASSERT_TRUE(c.ok()) << c.error().line();
    EXPECT_DOUBLE_EQ(c.value().classes.lower, 1.0);
    EXPECT_DOUBLE_EQ(c.value().classes.upper.back(), 14.0);
    EXPECT_EQ(c.value().higherIsBetter, false);
}

TEST(Choropleth, UnknownOrTextFieldIsAnError) {
    const Project& p = bundledProject();
    MapVariable v;
    v.kind = VariableKind::Field;
    v.id = "geso_namn";
    EXPECT_FALSE(buildChoropleth(p, v, {}, Lang::Sv).ok());
    v.id = "no_such_field";
    EXPECT_FALSE(buildChoropleth(p, v, {}, Lang::Sv).ok());
    v.kind = VariableKind::Dimension;
    v.id = "no_such_dimension";
    EXPECT_FALSE(buildChoropleth(p, v, {}, Lang::Sv).ok());
}

TEST(Project, OneImageLoadDropsWhatTheImageCannotShowAfterValidating) {
    // A circle of 50 000 vertices (radius 1 km) and a bow-tie, in EPSG:3006.
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "geso_image_detail";
    std::filesystem::create_directories(dir);
    const auto file = dir / "tata.geojson";
    {
        std::ofstream out(file);
        out << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3006"}},"features":[)";
        out << R"({"type":"Feature","properties":{"geso_kod":1,"geso_namn":"Cirkel"},"geometry":{"type":"Polygon","coordinates":[[)";
        const int n = 50000;
        for (int i = 0; i <= n; ++i) {
            const double a = 2 * 3.14159265358979 * (i % n) / n;
            out << (i ? "," : "") << "[" << std::fixed << 374000 + 1000 * std::cos(a) << "," << 6160000 + 1000 * std::sin(a) << "]";
        }
        out << R"(]]}},{"type":"Feature","properties":{"geso_kod":2,"geso_namn":"Fluga"},"geometry":{"type":"Polygon","coordinates":[[[376000,6160000],[377000,6161000],[377000,6160000],[376000,6161000],[376000,6160000]]]}}]})";
    }
    DataOptions o;
    o.areasPath = file.string();
    o.indicatorsPath = o.initiativesPath = o.trygghetPath = "none";
    const Result<Project> full = loadProject(o);
    ASSERT_TRUE(full.ok()) << full.error().line();
    o.imageDetail = {800, 600, 1.0, 1000};
    const Result<Project> image = loadProject(o);
    ASSERT_TRUE(image.ok()) << image.error().line();
    const Project& f = full.value();
    const Project& i = image.value();
    ASSERT_EQ(i.areas.featureCount(), f.areas.featureCount());
    EXPECT_GT(f.areas.xy.size(), 50000u);
    // ~3 km extent on 800 px: ~4 m per px. The radial pass (1 px) keeps ~1 500 of the
    // circle's vertices; the straightness pass (0.25 px) then ~70: a polygon of 70
    // sides is within 0.25 px of a circle of 250 px radius.
    EXPECT_LT(i.areas.xy.size(), 200u);
    EXPECT_GT(i.areas.xy.size(), 50u);
    EXPECT_EQ(i.geometry.triStart.size(), i.areas.featureCount() + 1);
    // The bow-tie was repaired before any vertex was dropped, and says so, in the file's own coordinates.
    const auto repaired = [](const Project& p) {
        for (const FeatureIssue& issue : p.areas.issues)
            if (issue.kind == FeatureIssue::Kind::Repaired) return issue.detail;
        return std::string();
    };
    EXPECT_FALSE(repaired(i).empty());
    EXPECT_EQ(repaired(i), repaired(f));
    EXPECT_NE(repaired(i).find("376"), std::string::npos) << repaired(i);  // an EPSG:3006 easting
    std::filesystem::remove_all(dir);
}

namespace {

// Three squares of another division (codes 1001–1003) with a numeric field, EPSG:3008.
std::string writeOtherDivision(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const auto file = dir / "stadsdelar.geojson";
    std::ofstream out(file);
    out << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3008"}},"features":[)"
        << R"({"type":"Feature","properties":{"geso_kod":1001,"geso_namn":"Norr","invanare":1200},"geometry":{"type":"Polygon","coordinates":[[[118000,6164000],[119000,6164000],[119000,6165000],[118000,6165000],[118000,6164000]]]}},)"
        << R"({"type":"Feature","properties":{"geso_kod":1002,"geso_namn":"Söder","invanare":800},"geometry":{"type":"Polygon","coordinates":[[[118000,6163000],[119000,6163000],[119000,6164000],[118000,6164000],[118000,6163000]]]}},)"
        << R"({"type":"Feature","properties":{"geso_kod":1003,"geso_namn":"Öster","invanare":450},"geometry":{"type":"Polygon","coordinates":[[[119000,6163000],[120000,6163000],[120000,6164000],[119000,6164000],[119000,6163000]]]}}]})";
    return file.string();
}

}  // namespace

TEST(Project, BundledTableOverAnotherDivisionIsLeftOutWithAWarning) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "geso_other_division";
    DataOptions o;
    o.areasPath = writeOtherDivision(dir);
    leaveOutBundledPointsForOwnAreas(o);
    EXPECT_EQ(o.initiativesPath, "none");
    EXPECT_EQ(o.trygghetPath, "none");
    const Result<Project> r = loadProject(o);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const Project& p = r.value();
    EXPECT_FALSE(p.indicators.has_value());
    EXPECT_FALSE(p.initiatives.has_value());
    EXPECT_FALSE(p.trygghet.has_value());
    EXPECT_FALSE(p.provenance.illustrativeValues);
    size_t noted = 0;
    for (const std::string& w : p.warnings) noted += w.find("none of its GeSO codes is in the boundary layer") != std::string::npos;
    EXPECT_EQ(noted, 1u);
    // The layer's own numeric field can still be mapped.
    MapVariable v;
    v.kind = VariableKind::Field;
    v.id = "invanare";
    MapStyle s;
    s.spec.method = ClassMethod::EqualInterval;
    s.spec.k = 3;
    EXPECT_TRUE(buildChoropleth(p, v, s, Lang::Sv).ok());
    std::filesystem::remove_all(dir);
}

TEST(Project, OwnTableMatchingNoAreaIsAnErrorNamingIt) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "geso_other_division_table";
    DataOptions o;
    o.areasPath = writeOtherDivision(dir);
    o.indicatorsPath = bundledIndicatorsPath();
    // A copy of the bundled table is the user's own table.
    const auto own = dir / "egna_indikatorer.csv";
    std::filesystem::copy_file(o.indicatorsPath, own);
    o.indicatorsPath = own.string();
    leaveOutBundledPointsForOwnAreas(o);
    const Result<Project> r = loadProject(o);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().line().find("egna_indikatorer.csv"), std::string::npos) << r.error().line();
    EXPECT_NE(r.error().line().find("1001…1003"), std::string::npos) << r.error().line();
    std::filesystem::remove_all(dir);
}

TEST(Project, NamedPointLayersAreKeptWithOwnAreas) {
    DataOptions o;
    o.areasPath = "/data/GeSO.shp";
    o.initiativesPath = "/data/insatser.geojson";
    leaveOutBundledPointsForOwnAreas(o);
    EXPECT_EQ(o.initiativesPath, "/data/insatser.geojson");
    EXPECT_EQ(o.trygghetPath, "none");
    DataOptions bundled;
    leaveOutBundledPointsForOwnAreas(bundled);
    EXPECT_EQ(bundled.initiativesPath, "");
    EXPECT_EQ(bundled.trygghetPath, "");
}
