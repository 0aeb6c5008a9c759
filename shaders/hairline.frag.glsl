#version 330 core
// One colour; a line thinner than 1 px is 1 px with proportionally less alpha.
uniform vec4 u_color;
uniform float u_alphaScale;

out vec4 o_color;

void main() { o_color = vec4(u_color.rgb, u_color.a * u_alphaScale); }
