// The bundled project end to end: schematic areas + illustrative indicators +
// point layers → a choropleth, as the viewer, render and export see it.
#include <gtest/gtest.h>

#include <cmath>
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
