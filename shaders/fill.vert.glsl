#version 330 core
// Area fills. Positions are metres relative to the mesh origin; every vertex
// carries its feature index, and its colour comes from a per-feature lookup
// here, once per vertex: a software rasteriser (llvmpipe) pays per fragment for
// what the fragment shader fetches (4K, 14 areas: fills 18 → see docs).
layout(location = 0) in vec2 a_xy;
layout(location = 1) in uint a_feature;

uniform vec4 u_transform;        // xy = scale, zw = offset: clip = (a_xy + offset) * scale
uniform samplerBuffer u_colors;  // RGBA8 per feature
uniform usamplerBuffer u_flags;  // R8UI per feature: bit 0 = no data (hatched)
uniform int u_hover;             // feature under the cursor, -1 = none

flat out vec4 v_color;
flat out uint v_hatched;

void main() {
    int feature = int(a_feature);
    vec4 color = texelFetch(u_colors, feature);
    if (feature == u_hover) color.rgb = mix(color.rgb, vec3(1.0), 0.3);
    v_color = color;
    v_hatched = texelFetch(u_flags, feature).r & 1u;
    gl_Position = vec4((a_xy + u_transform.zw) * u_transform.xy, 0.0, 1.0);
}
