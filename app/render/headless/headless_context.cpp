#include "render/headless/headless_context.hpp"

#include <glad/egl.h>
#include <glad/gl.h>

#include <dlfcn.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

namespace geso::render {

namespace {
// eglTerminate is not reference-counted and the surfaceless display is one per
// process, so it is terminated only when the last context goes.
std::atomic<int> g_liveContexts{0};
}  // namespace

struct HeadlessContext::State {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLConfig config = nullptr;
    EGLContext context = EGL_NO_CONTEXT;
    std::optional<Framebuffer> framebuffer;

    ~State() {
        if (display == EGL_NO_DISPLAY) return;
        if (context != EGL_NO_CONTEXT) {
            eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context);
            framebuffer.reset();  // GL objects go while their context is current
            eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
            eglDestroyContext(display, context);
            if (--g_liveContexts > 0) return;
        }
        eglTerminate(display);
    }
};

namespace {

core::Error eglError(const std::string& what) {
    char code[32];
    std::snprintf(code, sizeof code, " (EGL error 0x%04x)", static_cast<unsigned>(eglGetError()));
    return core::Error{what + code, "egl"};
}

// Mesa's EGL opens its llvmpipe driver (swrast_dri.so, which brings libLLVM:
// ~20k symbol relocations, all bound at once) with every symbol looked up in
// the process's global scope first: here GDAL's 124 libraries, each missed
// before the driver's own. Opened first with RTLD_DEEPBIND, the driver looks in
// its own dependencies first; Mesa's later dlopen of the same file finds it
// loaded. Measured on a 3840×2160 render of 14 areas (2 cores, `--timings`,
// docs/benchmarks-render.md): loading + eglInitialize 35 → 22 ms. Only
// without a GPU render node (else Mesa loads another driver) and without
// LIBGL_DRIVERS_PATH (else it loads another file); the driver is looked for
// beside libEGL, where Debian's Mesa puts it (…/dri/). If it is not there,
// nothing is done and Mesa loads it as before.
void preloadSoftwareDriver() {
    if (std::getenv("LIBGL_DRIVERS_PATH")) return;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec))
        if (entry.path().filename().string().rfind("renderD", 0) == 0) return;
    Dl_info info{};
    const auto anyEglFunction = reinterpret_cast<void*>(eglGetProcAddress);
    if (!dladdr(anyEglFunction, &info) || !info.dli_fname) return;
    const std::filesystem::path driver = std::filesystem::path(info.dli_fname).parent_path() / "dri" / "swrast_dri.so";
    if (!std::filesystem::is_regular_file(driver, ec)) return;
    (void)dlopen(driver.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);  // a failure: Mesa says why later
}

constexpr EGLint kContextAttribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                      EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                      EGL_NONE};

GLADapiproc loadGlProc(const char* name) { return reinterpret_cast<GLADapiproc>(eglGetProcAddress(name)); }

// Surfaceless first (Mesa, no device files needed), then the first EGL device.
EGLDisplay openDisplay() {
    // glad's loader only has EGL 1.0 entry points before a display exists, so
    // the EXT platform function comes from eglGetProcAddress.
    auto getPlatformDisplay =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (!getPlatformDisplay) return EGL_NO_DISPLAY;
    EGLint major = 0, minor = 0;
    EGLDisplay d = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (d != EGL_NO_DISPLAY && eglInitialize(d, &major, &minor)) return d;
    auto queryDevices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    if (!queryDevices) return EGL_NO_DISPLAY;
    EGLDeviceEXT devices[8];
    EGLint n = 0;
    if (!queryDevices(8, devices, &n)) return EGL_NO_DISPLAY;
    for (EGLint i = 0; i < n; ++i) {
        d = getPlatformDisplay(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
        if (d != EGL_NO_DISPLAY && eglInitialize(d, &major, &minor)) return d;
    }
    return EGL_NO_DISPLAY;
}

}  // namespace

core::Result<HeadlessContext> HeadlessContext::create(int widthPx, int heightPx) {
    if (!gladLoaderLoadEGL(EGL_NO_DISPLAY)) return core::Error{"cannot load libEGL.so.1", "egl"};
    preloadSoftwareDriver();
    auto state = std::make_unique<State>();
    state->display = openDisplay();
    if (state->display == EGL_NO_DISPLAY) return eglError("no EGL display (surfaceless or device platform)");
    if (!gladLoaderLoadEGL(state->display)) return core::Error{"cannot load EGL functions", "egl"};

    const EGLint configAttribs[] = {EGL_SURFACE_TYPE, 0, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                    EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
                                    EGL_NONE};
    EGLint nConfigs = 0;
    if (!eglChooseConfig(state->display, configAttribs, &state->config, 1, &nConfigs) || nConfigs < 1)
        return eglError("no RGBA8 OpenGL config");
    if (!eglBindAPI(EGL_OPENGL_API)) return eglError("desktop OpenGL not available");
    state->context = eglCreateContext(state->display, state->config, EGL_NO_CONTEXT, kContextAttribs);
    if (state->context == EGL_NO_CONTEXT) return eglError("cannot create an OpenGL 3.3 core context");
    ++g_liveContexts;
    if (!eglMakeCurrent(state->display, EGL_NO_SURFACE, EGL_NO_SURFACE, state->context))
        return eglError("cannot make the context current without a surface");
    if (!gladLoadGL(loadGlProc)) return core::Error{"cannot load OpenGL functions", "egl"};

    auto fb = Framebuffer::create(widthPx, heightPx);
    if (!fb) return fb.error();
    state->framebuffer.emplace(std::move(fb.value()));
    state->framebuffer->bind();

    HeadlessContext ctx;
    ctx.m_state = std::move(state);
    return ctx;
}

HeadlessContext::HeadlessContext(HeadlessContext&&) noexcept = default;
HeadlessContext& HeadlessContext::operator=(HeadlessContext&&) noexcept = default;
HeadlessContext::~HeadlessContext() = default;

int HeadlessContext::widthPx() const { return m_state->framebuffer->widthPx(); }
int HeadlessContext::heightPx() const { return m_state->framebuffer->heightPx(); }
const Framebuffer& HeadlessContext::framebuffer() const { return *m_state->framebuffer; }

std::string HeadlessContext::rendererName() const {
    const auto* s = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return s ? s : "";
}

core::Status HeadlessContext::releaseCurrent() const {
    if (!eglMakeCurrent(m_state->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT))
        return eglError("cannot release the context");
    return core::Ok{};
}

core::Status HeadlessContext::makeCurrent() const {
    if (!eglMakeCurrent(m_state->display, EGL_NO_SURFACE, EGL_NO_SURFACE, m_state->context))
        return eglError("cannot make the context current");
    m_state->framebuffer->bind();
    return core::Ok{};
}

HeadlessContext::ImageMaker HeadlessContext::imageMaker() const {
    ImageMaker maker;
    maker.m_state = m_state.get();
    return maker;
}

core::Result<HeadlessContext::SharedImage> HeadlessContext::ImageMaker::make(int widthPx, int heightPx) const {
    const State& s = *m_state;
    if (!eglBindAPI(EGL_OPENGL_API)) return eglError("desktop OpenGL not available");  // per thread
    EGLContext helper = eglCreateContext(s.display, s.config, s.context, kContextAttribs);
    if (helper == EGL_NO_CONTEXT) return eglError("cannot create a second context for the image");
    if (!eglMakeCurrent(s.display, EGL_NO_SURFACE, EGL_NO_SURFACE, helper)) {
        eglDestroyContext(s.display, helper);
        return eglError("cannot make the image's context current");
    }
    auto color = Framebuffer::createColorBuffer(widthPx, heightPx);
    glFinish();  // the storage exists before the other context uses it
    SharedImage image{color ? color.value().release() : 0u, widthPx, heightPx};
    // The buffer lives on in the share group; the helper context is not needed again.
    eglMakeCurrent(s.display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(s.display, helper);
    if (!color) return color.error();
    return image;
}

core::Status HeadlessContext::adoptImage(SharedImage image) {
    return useFramebuffer(
        Framebuffer::forColorBuffer(GlRenderbuffer(image.renderbuffer), image.widthPx, image.heightPx));
}

core::Status HeadlessContext::replaceImage(int widthPx, int heightPx) {
    return useFramebuffer(Framebuffer::create(widthPx, heightPx));
}

core::Status HeadlessContext::useFramebuffer(core::Result<Framebuffer> fb) {
    if (!fb) return fb.error();
    m_state->framebuffer.emplace(std::move(fb.value()));
    m_state->framebuffer->bind();
    return core::Ok{};
}

void HeadlessContext::readPixels(std::vector<uint8_t>& out) const {
    glFinish();
    m_state->framebuffer->readPixels(out);
}

}  // namespace geso::render
