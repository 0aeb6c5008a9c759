#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <string>

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

    // Every area is named at the sizes a planner or a projector uses (the
    // viewer's map beside its side bar, full HD, 4K at scale 2): long names wrap
    // or fall back to their short form ("Lindeborg m fl"), none is dropped.
    struct Frame { int w, h; float scale; };
    for (const Frame f : {Frame{1300, 980, 1.0f}, Frame{1920, 1080, 1.0f}, Frame{3840, 2160, 2.0f}}) {
        makeContext(f.w, f.h, f.scale);  // fonts of that scale
        const render::RectPx rect{0, 0, f.w, f.h};
        render::Camera cam(f.w, f.h);
        const render::OverlayLayout lay = render::layoutOverlay(m, cam, rect, m_fonts, f.scale);
        cam.fitBoxInto(p.areas.extent, lay.fitRect);
        ImGui::NewFrame();
        const render::OverlayResult r =
            render::drawMapOverlay(ImGui::GetForegroundDrawList(), m, cam, rect, m_fonts, f.scale);
        ImGui::Render();
        std::string missing;
        for (size_t i = 0; i < m.labels.size(); ++i)
            if (std::find(r.placedLabels.begin(), r.placedLabels.end(), static_cast<int>(i)) == r.placedLabels.end())
                missing += " '" + m.labels[i].text + "'";
        EXPECT_EQ(r.placedLabels.size(), m.labels.size()) << f.w << "x" << f.h << ", not placed:" << missing;
        EXPECT_GT(vertexCount(), 5000);
    }
}
