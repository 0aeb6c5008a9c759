#pragma once
// GL error check for debug builds: logs every pending glGetError() to stderr
// with `where`. Compiled out with NDEBUG (glGetError can stall a GPU pipeline).
namespace geso::render {

#ifdef NDEBUG
inline void checkGl(const char*) {}
#else
void checkGl(const char* where);
#endif

}  // namespace geso::render
