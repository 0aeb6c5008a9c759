#version 330 core
// Point symbols without vertex attributes: vertex k is a corner of symbol k / 6's
// screen-aligned quad. Each symbol is two texels of the same buffer:
// texel 2i (as float) = x, y, size px, stroke px; texel 2i+1 (as uint) = shape,
// fill RGBA8, stroke RGBA8, unused.
uniform samplerBuffer u_pointsF;
uniform usamplerBuffer u_pointsU;
uniform vec4 u_transform;
uniform vec2 u_viewportPx;
uniform float u_uiScale;

out vec2 v_localPx;
flat out vec4 v_fill;
flat out vec4 v_stroke;
flat out uint v_shape;
flat out float v_radiusPx;
flat out float v_strokePx;

// Circumradius / radius per shape: circle, square, triangle (raised 0.15 r), diamond, hexagon, pentagon.
const float kReach[6] = float[6](1.0, 1.16, 1.40, 1.11, 1.04, 1.06);

const vec2 kCorners[6] = vec2[6](vec2(-1.0, -1.0), vec2(1.0, -1.0), vec2(-1.0, 1.0),
                                 vec2(-1.0, 1.0), vec2(1.0, -1.0), vec2(1.0, 1.0));

vec4 unpackRgba8(uint c) {
    return vec4(float(c & 255u), float((c >> 8) & 255u), float((c >> 16) & 255u), float(c >> 24)) / 255.0;
}

void main() {
    int symbol = gl_VertexID / 6;
    vec2 corner = kCorners[gl_VertexID % 6];
    vec4 f = texelFetch(u_pointsF, 2 * symbol);
    uvec4 u = texelFetch(u_pointsU, 2 * symbol + 1);
    v_shape = u.x;
    v_fill = unpackRgba8(u.y);
    v_stroke = unpackRgba8(u.z);
    v_radiusPx = 0.5 * f.z * u_uiScale;
    v_strokePx = f.w * u_uiScale;
    // The quad just covers the shape's circumradius (point.frag's polygons),
    // its stroke and the 1 px anti-aliasing ramp: every pixel of it is a fragment.
    float reach = kReach[min(v_shape, 5u)];
    float extentPx = reach * v_radiusPx + 0.5 * v_strokePx + 1.0;
    vec2 halfViewport = 0.5 * u_viewportPx;
    vec2 centrePx = (f.xy + u_transform.zw) * u_transform.xy * halfViewport;
    v_localPx = corner * extentPx;
    gl_Position = vec4((centrePx + v_localPx) / halfViewport, 0.0, 1.0);
}
