#version 330 core
// Area fills. Positions are metres relative to the mesh origin; every vertex
// carries its feature index so colours come from a per-feature lookup.
layout(location = 0) in vec2 a_xy;
layout(location = 1) in uint a_feature;

uniform vec4 u_transform;  // xy = scale, zw = offset: clip = (a_xy + offset) * scale

flat out uint v_feature;

void main() {
    v_feature = a_feature;
    gl_Position = vec4((a_xy + u_transform.zw) * u_transform.xy, 0.0, 1.0);
}
