#version 330 core
// Coverage of a line of half width u_halfWidthPx at distance |v_acrossPx| from
// its centre: a 1 px ramp gives the anti-aliased edge. Lines thinner than 1 px
// are drawn 1 px wide with proportionally less alpha.
noperspective in float v_acrossPx;

uniform vec4 u_color;
uniform float u_halfWidthPx;
uniform float u_alphaScale;

out vec4 o_color;

void main() {
    float coverage = clamp(u_halfWidthPx + 0.5 - abs(v_acrossPx), 0.0, 1.0);
    float alpha = u_color.a * coverage * u_alphaScale;
    if (alpha <= 0.0) discard;
    o_color = vec4(u_color.rgb, alpha);
}
