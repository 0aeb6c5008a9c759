#include "render/gl/gl_check.hpp"

#ifndef NDEBUG
#include <glad/gl.h>

#include <cstdio>

namespace geso::render {

void checkGl(const char* where) {
    for (int i = 0; i < 16; ++i) {  // bounded: a lost context can report errors forever
        const GLenum e = glGetError();
        if (e == GL_NO_ERROR) return;
        std::fprintf(stderr, "geso-atlas: gl: error 0x%04x at %s\n", static_cast<unsigned>(e), where);
    }
}

}  // namespace geso::render
#endif
