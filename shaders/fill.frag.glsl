#version 330 core
// Per-feature colour lookup; no-data features get a 45° hatch of their colour
// and a lighter shade of it, laid out in screen pixels so it never scales.
flat in uint v_feature;

uniform samplerBuffer u_colors;  // RGBA8 per feature
uniform usamplerBuffer u_flags;  // R8UI per feature: bit 0 = no data (hatched)
uniform int u_hover;             // feature under the cursor, -1 = none
uniform float u_hatchPeriodPx;   // stripe period, px

out vec4 o_color;

void main() {
    int feature = int(v_feature);
    vec4 color = texelFetch(u_colors, feature);
    uint flags = texelFetch(u_flags, feature).r;
    if ((flags & 1u) != 0u) {
        float t = fract((gl_FragCoord.x + gl_FragCoord.y) / u_hatchPeriodPx);
        if (t >= 0.5) color.rgb = mix(color.rgb, vec3(1.0), 0.55);
    }
    if (feature == u_hover) color.rgb = mix(color.rgb, vec3(1.0), 0.3);
    o_color = color;
}
