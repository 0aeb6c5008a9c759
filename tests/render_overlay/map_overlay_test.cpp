#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/text/strings.hpp"
#include "imgui_fixture.hpp"
#include "render/overlay/area_labels.hpp"
#include "render/overlay/map_overlay.hpp"

using namespace geso::render;
using geso::core::Lang;
using geso::render::test::ImGuiHeadless;

namespace {

// A camera over a Malmö-sized extent in EPSG:3008 (≈ 19 m/px at 1920×1080).
Camera malmoCamera(int w, int h) {
    Camera cam(w, h);
    cam.setCentre({120000, 6163000});
    cam.setMetresPerPx(19.0 * 1920.0 / w);
    return cam;
}

OverlayModel choroplethModel() {
    OverlayModel m;
    m.title = "Utbildning (Malmö = 100), 2024";
    m.subtitle = "Naturliga brytpunkter, 5 klasser";
    m.legendTitle = "Utbildning";
    m.legend = {{{237, 248, 233, 255}, "62,1–75,0", 3},
                {{186, 228, 179, 255}, "75,0–88,4", 3},
                {{116, 196, 118, 255}, "88,4–101,2", 3},
                {{49, 163, 84, 255}, "101,2–112,7", 3},
                {{0, 109, 44, 255}, "112,7–125,3", 2}};
    m.noDataCount = 0;
    m.provenance = std::string(geso::core::tr(geso::core::StringId::ProvSchematicIllustrative, Lang::Sv));
    m.illustrativeValues = true;
    m.crsCode = "EPSG:3008";
    return m;
}

class OverlayTest : public ImGuiHeadless {
protected:
    // Draws one frame with the overlay on the foreground list; returns vertices drawn.
    int drawFrame(const OverlayModel& m, const Camera& cam, RectPx rect, OverlayResult* out = nullptr) {
        ImGui::NewFrame();
        OverlayResult r = drawMapOverlay(ImGui::GetForegroundDrawList(), m, cam, rect, m_fonts, m_scale);
        ImGui::Render();
        if (out) *out = r;
        return vertexCount();
    }
    RectPx full() const {
        const ImVec2 d = ImGui::GetIO().DisplaySize;
        return {0, 0, static_cast<int>(d.x), static_cast<int>(d.y)};
    }
};

bool overlaps(const BoxPx& a, const BoxPx& b) { return a.overlaps(b); }
bool isEmpty(const BoxPx& b) { return !(b.maxX > b.minX && b.maxY > b.minY); }

}  // namespace

TEST_F(OverlayTest, LegendProducesVerticesAndSitsTopRight) {
    OverlayModel m = choroplethModel();
    OverlayResult r;
    const int with = drawFrame(m, malmoCamera(1920, 1080), full(), &r);
    m.showLegend = false;
    const int without = drawFrame(m, malmoCamera(1920, 1080), full());
    // 5 rows + no-data row of text and swatches: hundreds of vertices.
    EXPECT_GT(with - without, 300) << with << " vs " << without;
    EXPECT_FALSE(isEmpty(r.layout.legend));
    EXPECT_NEAR(r.layout.legend.maxX, 1920 - 12, 1.0);
    EXPECT_NEAR(r.layout.legend.minY, 12, 1.0);
}

TEST_F(OverlayTest, LegendGrowsWithRowsAndNoDataRow) {
    OverlayModel m = choroplethModel();
    const Camera cam = malmoCamera(1920, 1080);
    const float h5 = layoutOverlay(m, cam, full(), m_fonts, 1).legend.height();
    m.showNoData = false;
    const float h5NoData = layoutOverlay(m, cam, full(), m_fonts, 1).legend.height();
    EXPECT_GT(h5, h5NoData);
    m.legend.pop_back();
    EXPECT_GT(h5NoData, layoutOverlay(m, cam, full(), m_fonts, 1).legend.height());
    m.pointLegends = {{"Pågående insatser", {{SymbolShape::Circle, {200, 50, 50, 255}, {255, 255, 255, 255}, "skola", 4},
                                              {SymbolShape::Pentagon, {50, 50, 200, 255}, {255, 255, 255, 255}, "trygghet", 2}}}};
    EXPECT_GT(layoutOverlay(m, cam, full(), m_fonts, 1).legend.height(), h5NoData);
}

TEST_F(OverlayTest, TwoLabelsAtTheSameSpotDrawOne) {
    OverlayModel m = choroplethModel();
    // Without a circle (radius 0) a label has no other place to go.
    m.labels = {{{118000, 6163000}, "Rosengård", 1, 0, ""}, {{118000, 6163000}, "Amiralsstaden", 1, 0, ""}};
    OverlayResult r;
    const int both = drawFrame(m, malmoCamera(1920, 1080), full(), &r);
    ASSERT_EQ(r.placedLabels.size(), 1u);
    m.labels.pop_back();
    const int one = drawFrame(m, malmoCamera(1920, 1080), full());
    // "Rosengård" drawn once: the frames differ only by the second label, which is not drawn.
    EXPECT_EQ(both, one);
}

TEST_F(OverlayTest, ACollidingLabelMovesInsideItsLargeCircleInsteadOfVanishing) {
    OverlayModel m = choroplethModel();
    // 1500 m ≈ 79 px: the second label can move 32 px up or down, clear of the first.
    m.labels = {{{118000, 6163000}, "Rosengård", 1, 1500, ""}, {{118000, 6163000}, "Amiralsstaden", 1, 1500, ""}};
    OverlayResult r;
    drawFrame(m, malmoCamera(1920, 1080), full(), &r);
    EXPECT_EQ(r.placedLabels.size(), 2u);
}

TEST_F(OverlayTest, DistantLabelsAreAllDrawnAndHighPriorityWinsConflicts) {
    OverlayModel m = choroplethModel();
    m.labels = {{{112000, 6163000}, "Limhamn", 1, 1500, ""},
                {{124000, 6160000}, "Husie", 1, 0, ""},
                {{124100, 6160050}, "Oxie", 5, 0, ""}};  // on top of Husie, higher priority, neither can move
    OverlayResult r;
    drawFrame(m, malmoCamera(1920, 1080), full(), &r);
    ASSERT_EQ(r.placedLabels.size(), 2u);
    EXPECT_EQ(r.placedLabels[0], 2);
    EXPECT_EQ(r.placedLabels[1], 0);
}

TEST_F(OverlayTest, LabelsNeverGoUnderTheLegendOrOffTheMap) {
    OverlayModel m = choroplethModel();
    const Camera cam = malmoCamera(1920, 1080);
    const OverlayLayout lay = layoutOverlay(m, cam, full(), m_fonts, 1);
    // A label point in the middle of the legend panel.
    const geso::core::Vec2 underLegend =
        cam.screenToWorld({0.5 * (lay.legend.minX + lay.legend.maxX), 0.5 * (lay.legend.minY + lay.legend.maxY)});
    const geso::core::Vec2 offMap = cam.screenToWorld({-300, 500});
    m.labels = {{underLegend, "Under", 1, 2000, ""}, {offMap, "Utanför", 1, 2000, ""}};
    OverlayResult r;
    drawFrame(m, cam, full(), &r);
    EXPECT_TRUE(r.placedLabels.empty());
}

TEST_F(OverlayTest, LabelsThatDoNotFitTheirAreaAreSkippedAtThisZoom) {
    OverlayModel m = choroplethModel();
    m.labels = {{{118000, 6163000}, "Bunkeflostrand, Tygelsjö by m fl", 1, 60, ""}};  // 60 m ≈ 3 px
    OverlayResult r;
    drawFrame(m, malmoCamera(1920, 1080), full(), &r);
    EXPECT_TRUE(r.placedLabels.empty());
    Camera zoomed = malmoCamera(1920, 1080);
    zoomed.setMetresPerPx(0.5);  // 60 m = 120 px radius
    zoomed.setCentre({118000, 6163000});
    drawFrame(m, zoomed, full(), &r);
    EXPECT_EQ(r.placedLabels.size(), 1u);
}

TEST_F(OverlayTest, LongNamesWrapAtCommasToFitTheirCircle) {
    const std::string name = "Limhamns hamnområde, Elinelund m fl";
    const float oneLineW = m_fonts.regular->CalcTextSizeA(m_fonts.regular->FontSize, 1e9f, 0, name.c_str()).x;
    const overlay::LabelLines wide = overlay::fitLabel(name, oneLineW, m_fonts);
    ASSERT_EQ(wide.lines.size(), 1u);
    EXPECT_EQ(wide.font, m_fonts.regular);
    const overlay::LabelLines narrow = overlay::fitLabel(name, oneLineW * 0.25f, m_fonts);
    ASSERT_EQ(narrow.lines.size(), 2u);
    EXPECT_EQ(narrow.lines[0], "Limhamns hamnområde,");
    EXPECT_EQ(narrow.lines[1], "Elinelund m fl");
    EXPECT_TRUE(overlay::fitLabel(name, 3.0f, m_fonts).lines.empty());
    // No fit check (radius ∞): always one line.
    EXPECT_EQ(overlay::fitLabel(name, INFINITY, m_fonts).lines.size(), 1u);
}

TEST_F(OverlayTest, NarrowAreasStillGetACompactLabelWhereThereIsRoom) {
    OverlayModel m = choroplethModel();
    // 200 m radius ≈ 10.5 px at 19 m/px: too narrow for the name, wide enough to be seen.
    m.labels = {{{118000, 6163000}, "Lindeborg, Borgmästaregården m fl", 1, 200, ""}};
    OverlayResult r;
    drawFrame(m, malmoCamera(1920, 1080), full(), &r);
    ASSERT_EQ(r.placedLabels.size(), 1u);
    const overlay::LabelLines l = overlay::compactLabel(m.labels[0].text, m_fonts);
    EXPECT_EQ(l.font, m_fonts.small);
    EXPECT_EQ(l.lines, (std::vector<std::string>{"Lindeborg,", "Borgmästaregården", "m fl"}));
    // A fitting label nearby that cannot move (no circle) wins the space; the compact one gives way.
    m.labels.push_back({{118100, 6163000}, "Fits", 0, 0, ""});
    drawFrame(m, malmoCamera(1920, 1080), full(), &r);
    EXPECT_EQ(r.placedLabels, (std::vector<int>{1}));
    // One in a large circle moves aside instead (the repair pass): both are named.
    m.labels[1].radius = 5000;
    drawFrame(m, malmoCamera(1920, 1080), full(), &r);
    EXPECT_EQ(r.placedLabels.size(), 2u);
}

TEST_F(OverlayTest, ANameTooLongForItsAreaFallsBackToItsShortForm) {
    OverlayModel m = choroplethModel();
    const std::string longName = "Lindeborg, Borgmästaregården m fl", shortForm = "Lindeborg m fl";
    // The smallest circle the short name fits on one line: the full name fits in no layout there.
    const Camera cam = malmoCamera(1920, 1080);
    float radiusPx = 5;
    while (overlay::fitLabel(shortForm, radiusPx, m_fonts).lines.size() != 1 && radiusPx < 200) radiusPx += 1;
    ASSERT_EQ(overlay::fitLabel(shortForm, radiusPx, m_fonts).lines, (std::vector<std::string>{shortForm}));
    ASSERT_TRUE(overlay::fitLabel(longName, radiusPx, m_fonts).lines.empty());
    m.labels = {{{118000, 6163000}, longName, 1, radiusPx * cam.metresPerPx(), ""}};
    OverlayResult r;
    const int squeezed = drawFrame(m, cam, full(), &r);
    ASSERT_EQ(r.placedLabels.size(), 1u);  // the full name, squeezed over the area's edges
    m.labels[0].shortText = shortForm;
    const int shortened = drawFrame(m, cam, full(), &r);
    ASSERT_EQ(r.placedLabels.size(), 1u);
    // Each glyph is a text quad plus eight halo quads of 4 vertices: "Lindeborg," "Borgmästaregården"
    // "m fl" has 30 glyphs, "Lindeborg m fl" 12.
    EXPECT_EQ(squeezed - shortened, (30 - 12) * 9 * 4);
}

TEST_F(OverlayTest, ProvenanceIsAlwaysDrawnEvenWithEverythingElseOff) {
    OverlayModel m;
    m.provenance = "Schematiska gränser · illustrativa värden";
    m.showLegend = m.showScaleBar = m.showNorthArrow = m.showTitle = m.showLabels = false;
    m.showNoData = false;
    OverlayResult r;
    const int v = drawFrame(m, malmoCamera(1920, 1080), full(), &r);
    EXPECT_GT(v, 4 * 30);  // strip + ~40 glyphs
    EXPECT_FALSE(isEmpty(r.layout.provenance));
    EXPECT_NEAR(r.layout.provenance.maxY, 1080, 0.5);
    EXPECT_TRUE(isEmpty(r.layout.legend));
    EXPECT_TRUE(isEmpty(r.layout.title));
}

TEST_F(OverlayTest, IllustrativeNoticeAddsALineToTheTitlePanel) {
    OverlayModel m = choroplethModel();
    const Camera cam = malmoCamera(1920, 1080);
    const float withNotice = layoutOverlay(m, cam, full(), m_fonts, 1).title.height();
    m.illustrativeValues = false;
    const float without = layoutOverlay(m, cam, full(), m_fonts, 1).title.height();
    EXPECT_GT(withNotice - without, m_fonts.bold->FontSize * 0.9f);
    // The notice alone (no title) still gets a panel.
    m.illustrativeValues = true;
    m.title.clear();
    m.subtitle.clear();
    EXPECT_FALSE(isEmpty(layoutOverlay(m, cam, full(), m_fonts, 1).title));
}

TEST_F(OverlayTest, FitRectAvoidsEveryPanel) {
    OverlayModel m = choroplethModel();
    const RectPx rect{100, 50, 1600, 900};  // a map canvas inside a viewer window
    const OverlayLayout lay = layoutOverlay(m, malmoCamera(1600, 900), rect, m_fonts, 1);
    const BoxPx fit{static_cast<float>(rect.x + lay.fitRect.x), static_cast<float>(rect.y + lay.fitRect.y),
                    static_cast<float>(rect.x + lay.fitRect.x + lay.fitRect.w),
                    static_cast<float>(rect.y + lay.fitRect.y + lay.fitRect.h)};
    for (const BoxPx* b : {&lay.title, &lay.legend, &lay.scaleBar, &lay.northArrow, &lay.provenance}) {
        ASSERT_FALSE(isEmpty(*b));
        EXPECT_FALSE(overlaps(fit, *b));
        // Every panel lies inside the map rectangle.
        EXPECT_GE(b->minX, 100 - 0.5f);
        EXPECT_LE(b->maxX, 1700 + 0.5f);
        EXPECT_GE(b->minY, 50 - 0.5f);
        EXPECT_LE(b->maxY, 950 + 0.5f);
    }
    EXPECT_GT(lay.fitRect.w, 1600 * 0.4);
    EXPECT_GT(lay.fitRect.h, 900 * 0.4);
}

TEST_F(OverlayTest, ScaleBarIsTrueOnTheGroundInWebMercator) {
    OverlayModel m = choroplethModel();
    Camera cam(1920, 1080);
    // Web Mercator at Malmö: y ≈ 7.47e6; 19 ground m/px ≈ 33.6 units/px.
    cam.setCentre({1447000, 7470000});
    cam.setMetresPerPx(33.6);
    m.crsCode = "EPSG:3857";
    const float w3857 = layoutOverlay(m, cam, full(), m_fonts, 1).scaleBar.width();
    m.crsCode = "EPSG:3008";
    Camera local = malmoCamera(1920, 1080);
    const float w3008 = layoutOverlay(m, local, full(), m_fonts, 1).scaleBar.width();
    // Same ground resolution → same bar (2 km, ≈ 105 px) in both CRSs.
    EXPECT_NEAR(w3857, w3008, 3.0f);
    // Without the correction the 3857 bar would say 5 km: wider panel.
    m.crsCode = "EPSG:3857";
    m.groundMetresPerUnit = 1.0;
    EXPECT_GT(std::abs(layoutOverlay(m, cam, full(), m_fonts, 1).scaleBar.width() - w3008), 10.0f);
}

TEST_F(OverlayTest, A4kFrameAtScale2IsTwiceTheSize) {
    OverlayModel m = choroplethModel();
    const OverlayLayout hd = layoutOverlay(m, malmoCamera(1920, 1080), full(), m_fonts, 1);
    makeContext(3840, 2160, overlayScaleForSize(3840, 2160));
    ASSERT_FLOAT_EQ(m_scale, 2.0f);
    OverlayResult r;
    const int v = drawFrame(m, malmoCamera(3840, 2160), full(), &r);
    EXPECT_GT(v, 1000);
    EXPECT_NEAR(r.layout.legend.width() / hd.legend.width(), 2.0f, 0.15f);
    EXPECT_NEAR(r.layout.legend.height() / hd.legend.height(), 2.0f, 0.15f);
    EXPECT_NEAR(r.layout.provenance.height() / hd.provenance.height(), 2.0f, 0.2f);
}

TEST_F(OverlayTest, DegenerateInputsDrawNothingAndDoNotCrash) {
    OverlayModel m = choroplethModel();
    m.labels = {{{NAN, NAN}, "x", 1, 100, ""}, {{0, 0}, "", 1, 100, ""}, {{118000, 6163000}, "y", NAN, NAN, ""}};
    OverlayResult r;
    drawFrame(m, malmoCamera(1920, 1080), {0, 0, 0, 0}, &r);
    EXPECT_TRUE(r.placedLabels.empty());
    EXPECT_TRUE(isEmpty(r.layout.legend));
    drawFrame(m, malmoCamera(1920, 1080), full(), &r);
    EXPECT_EQ(r.placedLabels.size(), 1u);  // NaN radius = no fit check, NaN priority = last
    ImGui::NewFrame();
    const OverlayResult none = drawMapOverlay(nullptr, m, malmoCamera(1920, 1080), full(), m_fonts, 1);
    ImGui::Render();
    EXPECT_TRUE(none.placedLabels.empty());
}

TEST_F(OverlayTest, EnglishModelUsesEnglishNoDataAndNotice) {
    OverlayModel sv = choroplethModel();
    OverlayModel en = sv;
    en.lang = Lang::En;
    const Camera cam = malmoCamera(1920, 1080);
    // "No data" is shorter than "Ingen data"? Not necessarily; compare the notice line widths instead.
    const float svW = layoutOverlay(sv, cam, full(), m_fonts, 1).title.width();
    const float enW = layoutOverlay(en, cam, full(), m_fonts, 1).title.width();
    const auto w = [&](Lang l) {
        const std::string s(geso::core::tr(geso::core::StringId::IllustrativeNotice, l));
        return m_fonts.bold->CalcTextSizeA(m_fonts.bold->FontSize, 1e9f, 0, s.c_str()).x;
    };
    // Both titles hold the same title text, so a width difference comes from the notice only.
    EXPECT_NEAR(enW - svW, std::max(w(Lang::En), m_fonts.title->CalcTextSizeA(m_fonts.title->FontSize, 1e9f, 0, sv.title.c_str()).x) -
                               std::max(w(Lang::Sv), m_fonts.title->CalcTextSizeA(m_fonts.title->FontSize, 1e9f, 0, sv.title.c_str()).x),
                1.0f);
}
