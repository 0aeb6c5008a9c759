#include <gtest/gtest.h>

#include "core/text/strings.hpp"
#include "render/overlay/overlay_from_project.hpp"

using namespace geso;
using render::OverlayModel;

namespace {

core::Project threeAreas() {
    core::Project p;
    p.areas.fid = {1, 2, 3};
    p.areas.source.crsCode = "EPSG:3008";
    p.areaName = {"Rosengård", "Limhamn", "Husie"};
    p.geometry.labelPoint = {{1, 2}, {3, 4}, {5, 6}};
    p.geometry.labelRadius = {100, 200, 300};
    p.provenance.schematicBoundaries = true;
    p.provenance.illustrativeValues = true;
    return p;
}

core::Choropleth twoClasses() {
    core::Choropleth c;
    c.title = "Utbildning (Malmö = 100)";
    c.subtitle = "2024 · Kvantiler, 2 klasser";
    c.legendTitle = "Malmö = 100";
    c.classColors = {{255, 0, 0, 255}, {0, 0, 255, 255}};
    c.legendLabels = {"80–100", "100–120"};
    c.classes.upper = {100, 120};
    c.classes.counts = {1, 1};
    c.classes.noDataCount = 1;
    c.variable.kind = core::VariableKind::Dimension;
    return c;
}

}  // namespace

TEST(OverlayFromProject, CarriesLegendLabelsTitlesAndProvenance) {
    const OverlayModel m = render::makeOverlayModel(threeAreas(), twoClasses(), core::Lang::Sv);
    EXPECT_EQ(m.title, "Utbildning (Malmö = 100)");
    EXPECT_EQ(m.subtitle, "2024 · Kvantiler, 2 klasser");
    EXPECT_EQ(m.legendTitle, "Malmö = 100");
    ASSERT_EQ(m.legend.size(), 2u);
    EXPECT_EQ(m.legend[1].label, "100–120");
    EXPECT_EQ(m.legend[1].count, 1);
    EXPECT_EQ(m.legend[0].color, (render::Rgba{255, 0, 0, 255}));
    EXPECT_TRUE(m.showNoData);
    EXPECT_EQ(m.noDataCount, 1);
    EXPECT_FALSE(m.legendNote.empty());
    ASSERT_EQ(m.labels.size(), 3u);
    EXPECT_EQ(m.labels[0].text, "Rosengård");
    EXPECT_DOUBLE_EQ(m.labels[2].xy.x, 5);
    EXPECT_DOUBLE_EQ(m.labels[2].radius, 300);
    EXPECT_EQ(m.provenance, "Schematiska gränser · illustrativa värden");
    EXPECT_TRUE(m.illustrativeValues);
    EXPECT_EQ(m.crsCode, "EPSG:3008");
    EXPECT_EQ(m.lang, core::Lang::Sv);
}

TEST(OverlayFromProject, EnglishAndAUsersOwnFieldIsNotCalledIllustrative) {
    core::Choropleth c = twoClasses();
    c.variable.kind = core::VariableKind::Field;
    const OverlayModel m = render::makeOverlayModel(threeAreas(), c, core::Lang::En);
    EXPECT_FALSE(m.illustrativeValues);
    EXPECT_EQ(m.provenance, "Schematic boundaries · illustrative values");
    EXPECT_EQ(m.lang, core::Lang::En);
}

TEST(OverlayFromProject, MissingLabelPointsGiveNoLabelsRatherThanGarbage) {
    core::Project p = threeAreas();
    p.geometry.labelPoint.pop_back();  // inconsistent geometry: labels are left out
    EXPECT_TRUE(render::makeOverlayModel(p, twoClasses(), core::Lang::Sv).labels.empty());
    core::Choropleth c = twoClasses();
    c.legendLabels.pop_back();  // fewer labels than colours: an empty label, never a crash
    const OverlayModel m = render::makeOverlayModel(threeAreas(), c, core::Lang::Sv);
    ASSERT_EQ(m.legend.size(), 2u);
    EXPECT_TRUE(m.legend[1].label.empty());
}

TEST(OverlayFromProject, BigLayersWithoutInscribedCirclesUseAConservativeRadius) {
    core::Project p = threeAreas();
    p.geometry.labelRadius = {0, 0, 0};            // as triangulate() leaves them above its limit
    p.geometry.areaM2 = {3.14159265358979 * 400 * 400, 0, 100};  // r_eq = 400 m; empty; r_eq ≈ 5.6 m
    const OverlayModel m = render::makeOverlayModel(p, twoClasses(), core::Lang::Sv);
    ASSERT_EQ(m.labels.size(), 2u);                // the empty area gets no label
    EXPECT_NEAR(m.labels[0].radius, 200, 1e-9);
    EXPECT_EQ(m.labels[1].text, "Husie");
    EXPECT_GT(m.labels[1].radius, 0);
}

TEST(OverlayFromProject, NoClassesMeansNoLegendRows) {
    core::Choropleth c;
    const OverlayModel m = render::makeOverlayModel(threeAreas(), c, core::Lang::Sv);
    EXPECT_TRUE(m.legend.empty());
    EXPECT_FALSE(m.showNoData);
    EXPECT_TRUE(m.legendNote.empty());
}
