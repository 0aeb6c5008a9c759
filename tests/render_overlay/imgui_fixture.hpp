#pragma once
// A headless Dear ImGui context with the overlay fonts: no window, no GL. The
// font atlas is built on the CPU (GetTexDataAsRGBA32), which is all NewFrame needs.
#include <gtest/gtest.h>

#include <imgui.h>

#include "render/overlay/fonts.hpp"

namespace geso::render::test {

class ImGuiHeadless : public ::testing::Test {
protected:
    void SetUp() override { makeContext(1920, 1080, 1.0f); }
    void TearDown() override {
        if (m_ctx) ImGui::DestroyContext(m_ctx);
        m_ctx = nullptr;
    }

    void makeContext(int w, int h, float scale) {
        if (m_ctx) ImGui::DestroyContext(m_ctx);
        m_ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
        io.DeltaTime = 1.0f / 60.0f;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL3 backend sets it
        auto fonts = buildFonts(io, scale);
        ASSERT_TRUE(fonts.ok()) << fonts.error().line();
        m_fonts = fonts.value();
        unsigned char* pixels = nullptr;
        int tw = 0, th = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
        ASSERT_NE(pixels, nullptr);
        m_scale = scale;
    }

    // Vertices of all draw lists after Render().
    static int vertexCount() {
        const ImDrawData* d = ImGui::GetDrawData();
        return d ? d->TotalVtxCount : 0;
    }

    ImGuiContext* m_ctx = nullptr;
    FontSet m_fonts;
    float m_scale = 1;
};

}  // namespace geso::render::test
