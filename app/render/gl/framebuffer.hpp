#pragma once
// An offscreen RGBA8 framebuffer for PNG export (viewer and headless alike).
#include <cstdint>
#include <vector>

#include "core/base/result.hpp"
#include "render/gl/gl_objects.hpp"

namespace geso::render {

class Framebuffer {
public:
    // Needs a current context. Errors (where = "gl:framebuffer"): size below 1
    // or above GL_MAX_RENDERBUFFER_SIZE / GL_MAX_VIEWPORT_DIMS, incomplete FBO.
    static core::Result<Framebuffer> create(int widthPx, int heightPx);
    // create() in two steps: the colour buffer alone, e.g. made in another
    // context of the share group (renderbuffers are shared between contexts,
    // framebuffers are not), then the framebuffer around it, in this one.
    static core::Result<GlRenderbuffer> createColorBuffer(int widthPx, int heightPx);
    static core::Result<Framebuffer> forColorBuffer(GlRenderbuffer color, int widthPx, int heightPx);

    void bind() const;          // as GL_FRAMEBUFFER (draw and read)
    static void bindDefault();  // the window's framebuffer (0)
    int widthPx() const { return m_width; }
    int heightPx() const { return m_height; }

    // Reads the whole framebuffer as RGBA8 rows, BOTTOM row first (GL order),
    // into `out` (resized). Binds this framebuffer.
    void readPixels(std::vector<uint8_t>& out) const;
    // Rows topRow … topRow + rowCount − 1 (counted from the top) into `out`
    // (rowCount × width × 4 bytes, RGBA), bottom row first as GL gives them.
    void readRows(int topRow, int rowCount, uint8_t* out) const;

private:
    GlFramebuffer m_fbo;
    GlRenderbuffer m_color;
    int m_width = 0, m_height = 0;
};

// The largest width/height the current context can render offscreen.
int maxFramebufferSizePx();

}  // namespace geso::render
