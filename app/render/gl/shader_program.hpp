#pragma once
// Compiling and linking GLSL programs. A failed compile or link returns the
// driver's log as the Error, so callers can keep their last good program.
#include <string_view>

#include "core/base/result.hpp"
#include "render/gl/gl_objects.hpp"

namespace geso::render {

// Needs a current GL 3.3 core context. Error.where = "gl:shader <name>".
// geometrySource may be empty (no geometry stage).
core::Result<GlProgram> buildProgram(std::string_view name, std::string_view vertexSource,
                                     std::string_view fragmentSource, std::string_view geometrySource = {});

// Builds "<name>.vert" + "<name>.frag" (+ "<name>.geom" if embedded) from the embedded sources.
core::Result<GlProgram> buildEmbeddedProgram(std::string_view name);

}  // namespace geso::render
