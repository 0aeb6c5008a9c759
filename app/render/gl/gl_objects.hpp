#pragma once
// Move-only RAII owners of GL object names. Create and destroy them only while
// the context that made them is current (the main thread in the viewer).
#include <glad/gl.h>

#include <utility>

namespace geso::render {

template <void (*Delete)(GLuint)>
class GlName {
public:
    GlName() = default;
    explicit GlName(GLuint id) : m_id(id) {}
    ~GlName() { reset(); }
    GlName(const GlName&) = delete;
    GlName& operator=(const GlName&) = delete;
    GlName(GlName&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}
    GlName& operator=(GlName&& o) noexcept {
        if (this != &o) { reset(); m_id = std::exchange(o.m_id, 0); }
        return *this;
    }
    GLuint id() const { return m_id; }
    explicit operator bool() const { return m_id != 0; }
    void reset() {
        if (m_id) Delete(m_id);
        m_id = 0;
    }
    GLuint release() { return std::exchange(m_id, 0); }  // the caller owns the name now

private:
    GLuint m_id = 0;
};

namespace gl_delete {
inline void buffer(GLuint id) { glDeleteBuffers(1, &id); }
inline void vertexArray(GLuint id) { glDeleteVertexArrays(1, &id); }
inline void texture(GLuint id) { glDeleteTextures(1, &id); }
inline void framebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
inline void renderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }
inline void program(GLuint id) { glDeleteProgram(id); }
inline void shader(GLuint id) { glDeleteShader(id); }
}  // namespace gl_delete

using GlBuffer = GlName<gl_delete::buffer>;
using GlVertexArray = GlName<gl_delete::vertexArray>;
using GlTexture = GlName<gl_delete::texture>;
using GlFramebuffer = GlName<gl_delete::framebuffer>;
using GlRenderbuffer = GlName<gl_delete::renderbuffer>;
using GlProgram = GlName<gl_delete::program>;
using GlShader = GlName<gl_delete::shader>;

inline GlBuffer makeBuffer() { GLuint id = 0; glGenBuffers(1, &id); return GlBuffer(id); }
inline GlVertexArray makeVertexArray() { GLuint id = 0; glGenVertexArrays(1, &id); return GlVertexArray(id); }
inline GlTexture makeTexture() { GLuint id = 0; glGenTextures(1, &id); return GlTexture(id); }
inline GlFramebuffer makeFramebuffer() { GLuint id = 0; glGenFramebuffers(1, &id); return GlFramebuffer(id); }
inline GlRenderbuffer makeRenderbuffer() { GLuint id = 0; glGenRenderbuffers(1, &id); return GlRenderbuffer(id); }

// A buffer texture (samplerBuffer) viewing `buffer` with `internalFormat`.
struct GlBufferTexture {
    GlTexture texture;
    void attach(GLuint buffer, GLenum internalFormat) {
        if (!texture) texture = makeTexture();
        glBindTexture(GL_TEXTURE_BUFFER, texture.id());
        glTexBuffer(GL_TEXTURE_BUFFER, internalFormat, buffer);
        glBindTexture(GL_TEXTURE_BUFFER, 0);
    }
    void bindTo(GLuint unit) const {
        glActiveTexture(GL_TEXTURE0 + unit);
        glBindTexture(GL_TEXTURE_BUFFER, texture.id());
    }
};

}  // namespace geso::render
