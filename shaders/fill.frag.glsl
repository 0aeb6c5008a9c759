#version 330 core
// The feature's colour (looked up per vertex); no-data features get a 45° hatch
// of their colour and a lighter shade of it, laid out in screen pixels so it never scales.
flat in vec4 v_color;
flat in uint v_hatched;

uniform float u_hatchPeriodPx;   // stripe period, px

out vec4 o_color;

void main() {
    vec4 color = v_color;
    if (v_hatched != 0u) {
        float t = fract((gl_FragCoord.x + gl_FragCoord.y) / u_hatchPeriodPx);
        if (t >= 0.5) color.rgb = mix(color.rgb, vec3(1.0), 0.55);
    }
    o_color = color;
}
