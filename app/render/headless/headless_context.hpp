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
    struct State;  // EGL handles; defined in the .cpp

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

    // The image's colour buffer made on another thread, in a second context
    // sharing objects with this one, while this context's own thread goes on:
    // llvmpipe zero-fills a new buffer, 15 ms at 3840×2160, which an idle
    // thread can take (geso-atlas render). Own the buffer until adoptImage().
    struct SharedImage {
        unsigned renderbuffer = 0;  // GL name, in this context's share group
        int widthPx = 0, heightPx = 0;
    };
    // Copyable, usable on any thread with no current context, while the
    // context is in use on its own thread; valid as long as the context.
    class ImageMaker {
    public:
        // Errors: where = "egl" (no second context) or "gl:framebuffer" (as create()).
        core::Result<SharedImage> make(int widthPx, int heightPx) const;

    private:
        friend class HeadlessContext;
        const State* m_state = nullptr;
    };
    ImageMaker imageMaker() const;
    // Where this context is current: draw into `image` from now on, instead of
    // the framebuffer create() made; or into a new one made here.
    core::Status adoptImage(SharedImage image);
    core::Status replaceImage(int widthPx, int heightPx);

private:
    HeadlessContext() = default;
    core::Status useFramebuffer(core::Result<Framebuffer> fb);
    std::unique_ptr<State> m_state;
};

}  // namespace geso::render
