#include <gtest/gtest.h>

#include <numeric>

#include "core/project/choropleth.hpp"
#include "core/project/project.hpp"
#include "imgui_fixture.hpp"
#include "render/overlay/map_overlay.hpp"
#include "render/overlay/overlay_from_project.hpp"

using namespace geso;
using BundledMap = render::test::ImGuiHeadless;

// The bundled Malmö map through the whole overlay path (no GL): every area is
// named at 1920×1080, the legend counts all 14 areas, the provenance says what the data is.
TEST_F(BundledMap, NamesTheAreasAndCountsThemInTheLegend) {
    auto project = core::loadProject(core::DataOptions{});
    ASSERT_TRUE(project.ok()) << project.error().line();
    const core::Project& p = project.value();
    core::MapVariable v;
    v.kind = core::VariableKind::Dimension;
    v.id = "utbildning";
    auto map = core::buildChoropleth(p, v, core::defaultStyle(v), core::Lang::Sv);
    ASSERT_TRUE(map.ok()) << map.error().line();

    const render::OverlayModel m = render::makeOverlayModel(p, map.value(), core::Lang::Sv);
    ASSERT_EQ(m.labels.size(), p.areas.featureCount());
    int counted = m.noDataCount;
    for (const auto& e : m.legend) counted += e.count;
    EXPECT_EQ(counted, static_cast<int>(p.areas.featureCount()));
    EXPECT_EQ(m.provenance, "Schematiska gränser · illustrativa värden");
    EXPECT_TRUE(m.illustrativeValues);

    const render::RectPx rect{0, 0, 1920, 1080};
    render::Camera cam(1920, 1080);
    const render::OverlayLayout lay = render::layoutOverlay(m, cam, rect, m_fonts, 1.0f);
    cam.fitBoxInto(p.areas.extent, lay.fitRect);

    ImGui::NewFrame();
    const render::OverlayResult r = render::drawMapOverlay(ImGui::GetForegroundDrawList(), m, cam, rect, m_fonts, 1.0f);
    ImGui::Render();
    // 14 long names ("Limhamns hamnområde, Elinelund m fl") in 14 areas: at most two may give way.
    EXPECT_GE(r.placedLabels.size() + 2, m.labels.size());
    EXPECT_GT(vertexCount(), 5000);
}
