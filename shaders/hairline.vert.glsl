#version 330 core
// Hairline outlines of dense layers: GL_LINE_STRIP over AreaMesh::outline,
// rasterised as plain 1 px lines, without line.geom's quads.
layout(location = 0) in vec2 a_xy;

uniform vec4 u_transform;  // clip = (a_xy + zw) * xy

void main() {
    gl_Position = vec4((a_xy + u_transform.zw) * u_transform.xy, 0.0, 1.0);
}
