// MapView with a real GL 3.3 context (a hidden GLFW window): upload, fit,
// picking through the camera, and the menu's PNG export. Needs a display:
// CTest runs it under xvfb-run (tests.cmake); without one it is skipped.
#include <gtest/gtest.h>

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "render/gl/png_writer.hpp"
#include "render/overlay/fonts.hpp"
#include "viewer/map_view.hpp"

using namespace geso;
using namespace geso::viewer;

namespace {

class GlWindow {
public:
    GlWindow() {
        if (!std::getenv("DISPLAY") || !glfwInit()) return;
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        m_win = glfwCreateWindow(640, 480, "test", nullptr, nullptr);
        if (!m_win) return;
        glfwMakeContextCurrent(m_win);
        m_ok = gladLoadGL(glfwGetProcAddress) != 0;
    }
    ~GlWindow() {
        if (m_win) glfwDestroyWindow(m_win);
        glfwTerminate();
    }
    bool ok() const { return m_ok; }

private:
    GLFWwindow* m_win = nullptr;
    bool m_ok = false;
};

}  // namespace

TEST(ViewerGl, FitsPicksAndExportsPng) {
    GlWindow gl;
    if (!gl.ok()) GTEST_SKIP() << "no display / GL 3.3 context (run under xvfb-run)";
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(640, 480);
    auto fonts = render::buildFonts(io, 1.0f);
    ASSERT_TRUE(fonts.ok()) << fonts.error().line();
    {
        MapSession session;
        session.load({});
        ASSERT_TRUE(session.state().errors.empty());
        MapView view;
        ASSERT_TRUE(view.init().ok());
        ui::UiState u;
        MapViewport vp;
        vp.rect = {0, 0, 640, 480};
        view.update(session, u, {}, vp, fonts.value(), 1.0f);
        // Zoomed to all: the whole extent is visible.
        const core::Box visible = view.camera().visibleBox();
        const core::Box extent = session.project()->areas.extent;
        EXPECT_LE(visible.minX, extent.minX);
        EXPECT_GE(visible.maxX, extent.maxX);

        // A click at an area's label point selects that area; hover follows the mouse.
        const core::Vec2 sp = view.camera().worldToScreen(session.project()->geometry.labelPoint[5]);
        ui::Actions click;
        click.pickAt = std::make_pair(static_cast<float>(sp.x), static_cast<float>(sp.y));
        click.hoverAt = click.pickAt;
        view.update(session, u, click, vp, fonts.value(), 1.0f);
        EXPECT_EQ(session.state().selected, 5);
        EXPECT_EQ(session.state().hovered, 5);

        const auto png = std::filesystem::temp_directory_path() / ("geso_e2_export_" + std::to_string(::getpid()) + ".png");
        ASSERT_TRUE(view.exportPng(png.string(), 1200, 900).ok());
        auto img = render::readPng(png);
        ASSERT_TRUE(img.ok());
        EXPECT_EQ(img.value().widthPx, 1200);
        EXPECT_EQ(img.value().heightPx, 900);
        std::set<uint32_t> colours;
        const auto& px = img.value().rgba;
        for (size_t i = 0; i < px.size(); i += 4 * 97)
            colours.insert(uint32_t(px[i]) << 16 | uint32_t(px[i + 1]) << 8 | px[i + 2]);
        EXPECT_GT(colours.size(), 8u);  // fills, outlines, legend, text — not a blank image
        std::filesystem::remove(png);
        EXPECT_FALSE(view.exportPng("/nonexistent-dir/x.png", 100, 100).ok());  // an error, not a crash
    }
    ImGui::DestroyContext();
}
