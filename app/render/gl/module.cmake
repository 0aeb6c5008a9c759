# Shaders from shaders/*.glsl are embedded into a generated .cpp at build time
# (shaders/embed.cmake) behind geso::render::shaderSource(name).
file(GLOB geso_shader_files CONFIGURE_DEPENDS "${GESO_SOURCE_DIR}/shaders/*.glsl")
set(geso_shader_cpp "${CMAKE_CURRENT_BINARY_DIR}/generated/shader_sources.cpp")
add_custom_command(
  OUTPUT "${geso_shader_cpp}"
  COMMAND "${CMAKE_COMMAND}" "-DSHADER_DIR=${GESO_SOURCE_DIR}/shaders" "-DOUT=${geso_shader_cpp}"
          -P "${GESO_SOURCE_DIR}/shaders/embed.cmake"
  DEPENDS ${geso_shader_files} "${GESO_SOURCE_DIR}/shaders/embed.cmake"
  COMMENT "Embedding GLSL shaders" VERBATIM)
target_sources(geso_render_gl PRIVATE "${geso_shader_cpp}")
target_compile_definitions(geso_render_gl PRIVATE GESO_SHADER_DIR="${GESO_SOURCE_DIR}/shaders")
