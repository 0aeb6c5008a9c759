#include "viewer/viewer.hpp"

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/text/strings.hpp"
#include "render/gl/png_writer.hpp"
#include "render/overlay/fonts.hpp"
#include "ui/panels.hpp"
#include "viewer/map_view.hpp"
#include "viewer/settings_bridge.hpp"
#include "viewer/viewer_options.hpp"

namespace geso::viewer {
namespace {

constexpr const char* kNoDisplayHint =
    "the viewer needs a graphical session; use 'geso-atlas render --out map.png' for a headless map";

// One line: why there is no window (no display set, or the one set cannot be opened).
void reportNoDisplay(const std::string& glfwError) {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    std::string why;
    if ((!x11 || !*x11) && (!wayland || !*wayland)) why = "no display (DISPLAY and WAYLAND_DISPLAY are unset)";
    else why = "cannot open the display " + std::string(x11 && *x11 ? x11 : wayland);
    if (!glfwError.empty()) why += " (" + glfwError + ")";
    std::fprintf(stderr, "geso-atlas: %s: %s\n", why.c_str(), kNoDisplayHint);
}

std::string g_glfwError;  // GLFW reports through a C callback; kept for the message
void onGlfwError(int, const char* text) { g_glfwError = text ? text : ""; }

float contentScale(GLFWwindow* win) {
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(win, &sx, &sy);
    const float s = std::max(sx, sy);
    return s >= 0.5f && s <= 8.0f ? s : 1.0f;
}

// Fonts and widget sizes for a content scale; the GL font texture is rebuilt by the caller.
render::FontSet applyScale(float scale, MapSession& session) {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4;
    style.FrameRounding = 3;
    // The light style draws check boxes and fields white on white: give frames an edge.
    style.FrameBorderSize = 1.0f;
    style.Colors[ImGuiCol_Border] = ImVec4(0.55f, 0.57f, 0.60f, 0.80f);
    style.ScaleAllSizes(scale);
    auto fonts = render::buildFonts(io, scale);
    if (fonts) return fonts.value();
    session.reportError(fonts.error());  // without DejaVu: ImGui's own font, no å ä ö beyond Latin-1
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * scale;
    io.Fonts->AddFontDefault(&cfg);
    io.Fonts->Build();
    return {};
}

core::DataOptions dataOptions(const ViewerOptions& o, const Settings& s) {
    core::DataOptions d;
    d.areasPath = o.areas.value_or(s.areas);
    d.indicatorsPath = o.indicators.value_or(s.indicators);
    d.initiativesPath = o.initiatives.value_or(s.initiatives);
    d.trygghetPath = o.trygghet.value_or(s.trygghet);
    if (!o.indicators) {  // the remembered way of reading the remembered table
        d.indicatorsLayout = s.tableLayout;
        d.indicatorsColumns = s.tableColumns;
    }
    if (o.crs) d.displayCrs = *o.crs;
    return d;
}

bool saveScreenshot(const std::string& path, int w, int h) {
    std::vector<uint8_t> rgba(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    render::PngOptions o;
    o.bottomUp = true;
    if (core::Status st = render::writePng(path, w, h, rgba, o); !st) {
        std::fprintf(stderr, "geso-atlas: %s\n", st.error().line().c_str());
        return false;
    }
    return true;
}

}  // namespace

int runViewer(int argc, char** argv, int first) {
    std::string error;
    const auto opt = parseViewerOptions(argc, argv, first, error);
    if (!opt) { std::fprintf(stderr, "geso-atlas: %s\n%s", error.c_str(), kViewerUsage); return 2; }
    if (opt->help) { std::fputs(kViewerUsage, stdout); return 0; }
    const bool screenshot = !opt->screenshot.empty();
    const std::filesystem::path dir = configDir();
    Settings settings = loadSettings(dir / "settings.ini");

    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) { reportNoDisplay(g_glfwError); return 1; }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    const int winW = opt->widthPx ? opt->widthPx : settings.windowWidth;
    const int winH = opt->heightPx ? opt->heightPx : settings.windowHeight;
    GLFWwindow* win = glfwCreateWindow(winW, winH, core::trc(core::StringId::AppName, core::kDefaultLang), nullptr, nullptr);
    if (!win) {
        reportNoDisplay(g_glfwError);
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(win);
    glfwSwapInterval(screenshot ? 0 : 1);
    if (!gladLoadGL(glfwGetProcAddress)) {
        std::fputs("geso-atlas: gl: could not load OpenGL 3.3 core functions\n", stderr);
        glfwDestroyWindow(win);
        glfwTerminate();
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    // ImGui remembers window positions in imgui.ini; screenshots start from the defaults.
    const std::string iniPath = (dir / "imgui.ini").string();
    std::error_code ec;
    const bool canWrite = !dir.empty() && (std::filesystem::create_directories(dir, ec) || std::filesystem::is_directory(dir, ec));
    io.IniFilename = (canWrite && !screenshot) ? iniPath.c_str() : nullptr;

    MapSession session;
    const core::Lang lang = core::parseLang(opt->lang.value_or(settings.lang)).value_or(core::kDefaultLang);
    session.state().lang = lang;
    float scale = opt->uiScale > 0 ? opt->uiScale : contentScale(win);
    render::FontSet fonts = applyScale(scale, session);
    ImGui_ImplGlfw_InitForOpenGL(win, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    MapView view;
    if (core::Status st = view.init(); !st) session.reportError(st.error());
    session.setChoice(choiceFromSettings(settings));
    session.load(dataOptions(*opt, settings));
    if (!session.project() && !opt->areas && !opt->indicators && !opt->initiatives && !opt->trygghet) {
        // Files remembered from the last run that are gone or broken: start on the
        // bundled map rather than an empty one (the error says which file failed).
        session.reportStatus(core::trc(core::StringId::FallbackToBundled, lang));
        session.load(core::DataOptions{});
    }
    ui::UiState ui;
    uiFromSettings(settings, ui);

    int frame = 0, exitCode = 0;
    while (!glfwWindowShouldClose(win)) {
        // An idle map does not spin: wait for input, wake a few times a second.
        if (screenshot) glfwPollEvents();
        else glfwWaitEventsTimeout(ui.mapPressed || ui.dragBreak >= 0 ? 0.016 : 0.25);
        const float wanted = opt->uiScale > 0 ? opt->uiScale : contentScale(win);
        if (wanted != scale) {  // moved to a monitor with another content scale
            scale = wanted;
            fonts = applyScale(scale, session);
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        if (fonts.regular) ImGui::PushFont(fonts.regular);

        ui::AppState& st = session.state();
        st.uiScale = scale;
        ui::MapRect rect;
        ui::Actions actions = ui::drawAll(st, ui, &rect);
        if (screenshot) actions.hoverAt.reset();  // Xvfb's pointer sits mid-screen: no stray tooltip
        st.mapX = rect.x; st.mapY = rect.y; st.mapW = rect.w; st.mapH = rect.h;
        if (actions.lang || actions.load) ui.pointFilters.clear();  // categories may differ
        session.apply(actions, ui);

        int fbW = 0, fbH = 0;
        glfwGetFramebufferSize(win, &fbW, &fbH);
        MapViewport vp;
        vp.rect = rect;
        vp.fbScale = io.DisplaySize.x > 0 ? static_cast<float>(fbW) / io.DisplaySize.x : 1.0f;
        view.update(session, ui, actions, vp, fonts, scale);
        if (actions.exportRequest && actions.exportRequest->kind == ui::ExportRequest::Kind::Png) {
            const ui::ExportRequest& r = *actions.exportRequest;
            const int w = r.widthPx > 0 ? r.widthPx : fbW, h = r.heightPx > 0 ? r.heightPx : fbH;
            if (core::Status s = view.exportPng(r.path, w, h); !s) session.reportError(s.error());
            else session.reportStatus(core::trFormat(core::StringId::ExportedTo, st.lang, {r.path}));
        }
        if (actions.quit) glfwSetWindowShouldClose(win, GLFW_TRUE);
        view.drawOverlay(ImGui::GetBackgroundDrawList(), fonts, scale);
        if (fonts.regular) ImGui::PopFont();
        ImGui::Render();

        glViewport(0, 0, fbW, fbH);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(0.93f, 0.94f, 0.95f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        view.draw(fbH, scale);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (screenshot && ++frame >= opt->frames) {
            if (!saveScreenshot(opt->screenshot, fbW, fbH)) exitCode = 1;
            glfwSetWindowShouldClose(win, GLFW_TRUE);
        }
        glfwSwapBuffers(win);
    }

    // Remember the window and the choices (quietly skipped when unwritable).
    int w = 0, h = 0;
    glfwGetWindowSize(win, &w, &h);
    if (!screenshot) {
        settings.windowWidth = w;
        settings.windowHeight = h;
        settings.lang = std::string(core::langCode(session.state().lang));
        settings.areas = session.options().areasPath;
        settings.indicators = session.options().indicatorsPath;
        settings.initiatives = session.options().initiativesPath;
        settings.trygghet = session.options().trygghetPath;
        settings.tableLayout = session.options().indicatorsLayout;
        settings.tableColumns = session.options().indicatorsColumns;
        storeChoice(session.choice(), settings);
        storeUi(ui, settings);
        if (canWrite) saveSettings(dir / "settings.ini", settings);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(win);
    glfwTerminate();
    return exitCode;
}

}  // namespace geso::viewer
