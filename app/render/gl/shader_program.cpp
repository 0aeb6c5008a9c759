#include "render/gl/shader_program.hpp"

#include <optional>
#include <string>

#include "render/gl/shader_source.hpp"

namespace geso::render {
namespace {

std::string shaderLog(GLuint shader) {
    GLint len = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &len);
    std::string log(static_cast<size_t>(len > 0 ? len : 0), '\0');
    if (len > 0) glGetShaderInfoLog(shader, len, nullptr, log.data());
    while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
    return log;
}

std::string programLog(GLuint program) {
    GLint len = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &len);
    std::string log(static_cast<size_t>(len > 0 ? len : 0), '\0');
    if (len > 0) glGetProgramInfoLog(program, len, nullptr, log.data());
    while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
    return log;
}

// The log is usually several lines; the CLI prints one, so join them.
std::string oneLine(std::string s) {
    for (char& c : s)
        if (c == '\n') c = ' ';
    return s;
}

core::Result<GlShader> compile(GLenum type, std::string_view source, const std::string& where) {
    if (source.empty()) return core::Error{"empty shader source", where};
    GlShader shader(glCreateShader(type));
    const char* text = source.data();
    const GLint len = static_cast<GLint>(source.size());
    glShaderSource(shader.id(), 1, &text, &len);
    glCompileShader(shader.id());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.id(), GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) return core::Error{"compile failed: " + oneLine(shaderLog(shader.id())), where};
    return shader;
}

}  // namespace

core::Result<GlProgram> buildProgram(std::string_view name, std::string_view vertexSource,
                                     std::string_view fragmentSource, std::string_view geometrySource) {
    const std::string where = "gl:shader " + std::string(name);
    auto vs = compile(GL_VERTEX_SHADER, vertexSource, where + ".vert");
    if (!vs) return vs.error();
    auto fs = compile(GL_FRAGMENT_SHADER, fragmentSource, where + ".frag");
    if (!fs) return fs.error();
    std::optional<GlShader> gs;
    if (!geometrySource.empty()) {
        auto g = compile(GL_GEOMETRY_SHADER, geometrySource, where + ".geom");
        if (!g) return g.error();
        gs.emplace(std::move(g.value()));
    }
    GlProgram program(glCreateProgram());
    if (gs) glAttachShader(program.id(), gs->id());
    glAttachShader(program.id(), vs.value().id());
    glAttachShader(program.id(), fs.value().id());
    glLinkProgram(program.id());
    glDetachShader(program.id(), vs.value().id());
    glDetachShader(program.id(), fs.value().id());
    if (gs) glDetachShader(program.id(), gs->id());
    GLint ok = GL_FALSE;
    glGetProgramiv(program.id(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) return core::Error{"link failed: " + oneLine(programLog(program.id())), where};
    return program;
}

core::Result<GlProgram> buildEmbeddedProgram(std::string_view name) {
    const std::string n(name);
    return buildProgram(name, shaderSource(n + ".vert"), shaderSource(n + ".frag"), shaderSource(n + ".geom"));
}

}  // namespace geso::render
