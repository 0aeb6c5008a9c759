#include "render/gl/framebuffer.hpp"

#include <algorithm>
#include <string>

#include "render/gl/gl_check.hpp"

namespace geso::render {

int maxFramebufferSizePx() {
    GLint rb = 0, dims[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, dims);
    return std::min({static_cast<int>(rb), static_cast<int>(dims[0]), static_cast<int>(dims[1])});
}

core::Result<Framebuffer> Framebuffer::create(int widthPx, int heightPx) {
    auto color = createColorBuffer(widthPx, heightPx);
    if (!color) return color.error();
    return forColorBuffer(std::move(color.value()), widthPx, heightPx);
}

core::Result<GlRenderbuffer> Framebuffer::createColorBuffer(int widthPx, int heightPx) {
    const int maxPx = maxFramebufferSizePx();
    if (widthPx < 1 || heightPx < 1 || widthPx > maxPx || heightPx > maxPx)
        return core::Error{"image size " + std::to_string(widthPx) + "x" + std::to_string(heightPx) +
                               " is outside 1.." + std::to_string(maxPx) + " pixels per side",
                           "gl:framebuffer"};
    GlRenderbuffer color = makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, color.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, widthPx, heightPx);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    if (glGetError() == GL_OUT_OF_MEMORY)
        return core::Error{"out of memory for a " + std::to_string(widthPx) + "x" + std::to_string(heightPx) +
                               " image",
                           "gl:framebuffer"};
    return color;
}

core::Result<Framebuffer> Framebuffer::forColorBuffer(GlRenderbuffer color, int widthPx, int heightPx) {
    Framebuffer fb;
    fb.m_width = widthPx;
    fb.m_height = heightPx;
    fb.m_fbo = makeFramebuffer();
    fb.m_color = std::move(color);
    glBindFramebuffer(GL_FRAMEBUFFER, fb.m_fbo.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, fb.m_color.id());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return core::Error{"framebuffer incomplete (status " + std::to_string(status) + ")", "gl:framebuffer"};
    }
    checkGl("Framebuffer::create");
    return fb;
}

void Framebuffer::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.id()); }

void Framebuffer::bindDefault() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void Framebuffer::readRows(int topRow, int rowCount, uint8_t* out) const {
    bind();
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    glReadPixels(0, m_height - topRow - rowCount, m_width, rowCount, GL_RGBA, GL_UNSIGNED_BYTE, out);
    checkGl("Framebuffer::readRows");
}

void Framebuffer::readPixels(std::vector<uint8_t>& out) const {
    out.resize(static_cast<size_t>(m_width) * static_cast<size_t>(m_height) * 4);
    bind();
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, out.data());
    checkGl("Framebuffer::readPixels");
}

}  // namespace geso::render
