#pragma once
// GLSL sources from shaders/*.glsl, embedded at build time by shaders/embed.cmake.
#include <string_view>

namespace geso::render {

// `name` is the file name without ".glsl", e.g. "fill.vert". Unknown → empty.
std::string_view shaderSource(std::string_view name);

}  // namespace geso::render
