#version 330 core
// Widens a line segment to a screen-aligned quad of constant pixel width: the
// half width plus a 1 px anti-aliasing fringe on each side, and square caps of
// the same extent that close the gaps at joins.
layout(lines) in;
layout(triangle_strip, max_vertices = 4) out;

uniform vec2 u_viewportPx;
uniform float u_extentPx;  // half width + fringe, px

noperspective out float v_acrossPx;

void main() {
    vec2 halfViewport = 0.5 * u_viewportPx;
    vec2 s0 = gl_in[0].gl_Position.xy * halfViewport;
    vec2 s1 = gl_in[1].gl_Position.xy * halfViewport;
    vec2 d = s1 - s0;
    float len = length(d);
    vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x) * u_extentPx;
    vec2 a = s0 - dir * u_extentPx, b = s1 + dir * u_extentPx;
    v_acrossPx = -u_extentPx; gl_Position = vec4((a - normal) / halfViewport, 0.0, 1.0); EmitVertex();
    v_acrossPx = u_extentPx;  gl_Position = vec4((a + normal) / halfViewport, 0.0, 1.0); EmitVertex();
    v_acrossPx = -u_extentPx; gl_Position = vec4((b - normal) / halfViewport, 0.0, 1.0); EmitVertex();
    v_acrossPx = u_extentPx;  gl_Position = vec4((b + normal) / halfViewport, 0.0, 1.0); EmitVertex();
    EndPrimitive();
}
