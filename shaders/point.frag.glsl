#version 330 core
// Symbol shapes as signed distances in pixels (negative inside). Polygons are
// regular n-gons: fold the angle into one sector, then the distance to that
// sector's edge is |p|·cos(angle) − apothem (exact inside, close enough within
// the 1 px anti-aliasing ramp outside).
in vec2 v_localPx;  // y up
flat in vec4 v_fill;
flat in vec4 v_stroke;
flat in uint v_shape;
flat in float v_radiusPx;
flat in float v_strokePx;

out vec4 o_color;

const float kPi = 3.14159265358979;

float regularPolygon(vec2 p, float n, float apothem, float normalAngle) {
    float sector = 2.0 * kPi / n;
    float a = atan(p.y, p.x) - normalAngle;
    a = mod(a + 0.5 * sector, sector) - 0.5 * sector;
    return length(p) * cos(a) - apothem;
}

float shapeDistance(vec2 p, uint shape, float r) {
    if (shape == 1u) return regularPolygon(p, 4.0, 0.82 * r, 0.0);                // square
    if (shape == 2u) return regularPolygon(p - vec2(0.0, -0.15 * r), 3.0, 0.62 * r, -0.5 * kPi);  // triangle, point up
    if (shape == 3u) return regularPolygon(p, 4.0, 0.78 * r, 0.25 * kPi);         // diamond
    if (shape == 4u) return regularPolygon(p, 6.0, 0.9 * r, 0.0);                 // hexagon
    if (shape == 5u) return regularPolygon(p, 5.0, 0.85 * r, -0.5 * kPi);         // pentagon
    return length(p) - r;                                                         // circle
}

void main() {
    float d = shapeDistance(v_localPx, v_shape, v_radiusPx);
    float outer = clamp(0.5 - (d - 0.5 * v_strokePx), 0.0, 1.0);
    float inner = clamp(0.5 - (d + 0.5 * v_strokePx), 0.0, 1.0);
    vec4 color = mix(v_stroke, v_fill, inner);
    float alpha = color.a * outer;
    if (alpha <= 0.0) discard;
    o_color = vec4(color.rgb, alpha);
}
