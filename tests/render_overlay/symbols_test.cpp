#include <gtest/gtest.h>

#include "imgui_fixture.hpp"
#include "render/overlay/draw_primitives.hpp"

using namespace geso::render;
using SymbolTest = geso::render::test::ImGuiHeadless;

TEST_F(SymbolTest, EveryShapeDrawsInsideItsSymbolBox) {
    for (uint32_t s = 0; s < static_cast<uint32_t>(SymbolShape::Count); ++s) {
        ImGui::NewFrame();
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        const int before = dl->VtxBuffer.Size;
        const ImVec2 c{200, 200};
        const float size = 20, stroke = 1.5f;
        drawSymbol(dl, c, size, static_cast<SymbolShape>(s), IM_COL32(200, 0, 0, 255), IM_COL32_WHITE, stroke);
        ASSERT_GT(dl->VtxBuffer.Size, before + 3) << "shape " << s;
        // The triangle's apex sits 1.09 r above the centre, as in the point shader.
        const float limit = 0.5f * size * 1.15f + stroke + 1.0f;  // + AA fringe
        for (int i = before; i < dl->VtxBuffer.Size; ++i) {
            EXPECT_LE(std::abs(dl->VtxBuffer[i].pos.x - c.x), limit) << "shape " << s;
            EXPECT_LE(std::abs(dl->VtxBuffer[i].pos.y - c.y), limit) << "shape " << s;
        }
        ImGui::Render();
    }
}

TEST_F(SymbolTest, HatchedSwatchStaysInsideItsBox) {
    ImGui::NewFrame();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const int before = dl->VtxBuffer.Size;
    drawHatchedSwatch(dl, {100, 100}, {128, 118}, IM_COL32(200, 200, 200, 255), 1.0f);
    const int hatched = dl->VtxBuffer.Size - before;
    drawSwatch(dl, {100, 100}, {128, 118}, IM_COL32(200, 200, 200, 255), 1.0f);
    const int plain = dl->VtxBuffer.Size - before - hatched;
    EXPECT_GT(hatched, plain + 4 * 4);  // at least four hatch lines more than a plain swatch
    ImGui::Render();
    // Clipping keeps the hatch inside: every draw command of the list is clipped to ≤ the swatch
    // or the full display (the border and fill).
    const ImDrawData* d = ImGui::GetDrawData();
    bool sawSwatchClip = false;
    for (int l = 0; l < d->CmdListsCount; ++l)
        for (const ImDrawCmd& cmd : d->CmdLists[l]->CmdBuffer)
            if (cmd.ClipRect.x == 100 && cmd.ClipRect.y == 100 && cmd.ClipRect.z == 128 && cmd.ClipRect.w == 118)
                sawSwatchClip = true;
    EXPECT_TRUE(sawSwatchClip);
}
