#pragma once
// An OpenGL 3.3 core context with no display at all: EGL on Mesa's surfaceless
// platform (EGL_PLATFORM_SURFACELESS_MESA; llvmpipe on machines without a GPU),
// falling back to EGL_PLATFORM_DEVICE_EXT. Rendering goes into an offscreen
// RGBA8 framebuffer, bound on creation. GL entry points are loaded with glad
// (the same globals the viewer uses), so MapRenderer and ImGui's OpenGL3
// backend work unchanged.
//
// One context per thread; it stays current on the creating thread until destroyed.
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "render/gl/framebuffer.hpp"

namespace geso::render {

class HeadlessContext {
public:
    // Errors: where = "egl" (no EGL, no display, no 3.3 core context) or
    // "gl:framebuffer" (size beyond the driver's limit, out of memory).
    static core::Result<HeadlessContext> create(int widthPx, int heightPx);

    HeadlessContext(HeadlessContext&&) noexcept;
    HeadlessContext& operator=(HeadlessContext&&) noexcept;
    ~HeadlessContext();

    int widthPx() const;
    int heightPx() const;
    const Framebuffer& framebuffer() const;
    std::string rendererName() const;  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

    // Hand the context to another thread: release it on this one, then call
    // makeCurrent() on the other (e.g. created on a worker during data loading).
    core::Status releaseCurrent() const;
    core::Status makeCurrent() const;

    // glFinish + readback: RGBA8, bottom row first (see PngOptions::bottomUp).
    void readPixels(std::vector<uint8_t>& out) const;

    struct State;  // EGL handles; defined in the .cpp

private:
    HeadlessContext() = default;
    std::unique_ptr<State> m_state;
};

}  // namespace geso::render
