#include "render/overlay/draw_primitives.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace geso::render {

namespace {

constexpr float kPi = 3.14159265f;

}  // namespace

void drawSwatch(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 fill, float scale) {
    dl->AddRectFilled(min, max, fill);
    dl->AddRect(min, max, IM_COL32(60, 60, 60, 255), 0.0f, 0, std::max(1.0f, scale));
}

void drawHatchedSwatch(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 fill, float scale) {
    dl->AddRectFilled(min, max, fill);
    dl->PushClipRect(min, max, true);
    const float step = 5.0f * std::max(scale, 0.5f);
    const float h = max.y - min.y;
    // 45° lines from bottom-left to top-right, covering the swatch.
    for (float x = min.x - h; x < max.x; x += step)
        dl->AddLine({x, max.y}, {x + h, min.y}, IM_COL32(90, 90, 90, 255), std::max(1.0f, scale));
    dl->PopClipRect();
    dl->AddRect(min, max, IM_COL32(60, 60, 60, 255), 0.0f, 0, std::max(1.0f, scale));
}

void drawSymbol(ImDrawList* dl, ImVec2 c, float sizePx, SymbolShape shape, ImU32 fill, ImU32 stroke,
                float strokePx) {
    const float r = 0.5f * sizePx;
    // The same regular n-gons as shaders/point.frag.glsl (n, apothem, edge-normal
    // angle, centre offset; y up there), so legend symbols match the map's.
    struct Polygon {
        int n;
        float apothem, normalAngle, offsetUp;
    };
    Polygon poly{0, 0, 0, 0};
    switch (static_cast<uint32_t>(shape)) {  // by value: the enum's names may change, the shader's ids do not
    case 1: poly = {4, 0.82f * r, 0.0f, 0.0f}; break;                 // square
    case 2: poly = {3, 0.62f * r, -0.5f * kPi, -0.15f * r}; break;    // triangle, point up
    case 3: poly = {4, 0.78f * r, 0.25f * kPi, 0.0f}; break;          // diamond
    case 4: poly = {6, 0.9f * r, 0.0f, 0.0f}; break;                  // hexagon
    case 5: poly = {5, 0.85f * r, -0.5f * kPi, 0.0f}; break;          // pentagon
    default: break;                                                   // circle
    }
    if (poly.n == 0) {
        dl->AddCircleFilled(c, r, fill, 0);
        if (strokePx > 0) dl->AddCircle(c, r, stroke, 0, strokePx);
        return;
    }
    const float sector = 2.0f * kPi / static_cast<float>(poly.n);
    const float circumradius = poly.apothem / std::cos(0.5f * sector);
    std::array<ImVec2, 6> p{};
    for (int i = 0; i < poly.n; ++i) {
        const float a = poly.normalAngle + 0.5f * sector + static_cast<float>(i) * sector;
        p[static_cast<size_t>(i)] = {c.x + circumradius * std::cos(a), c.y - poly.offsetUp - circumradius * std::sin(a)};
    }
    dl->AddConvexPolyFilled(p.data(), poly.n, fill);
    if (strokePx > 0) dl->AddPolyline(p.data(), poly.n, stroke, ImDrawFlags_Closed, strokePx);
}

void drawHaloText(ImDrawList* dl, const ImFont* font, float sizePx, ImVec2 pos, ImU32 text, ImU32 halo,
                  float haloPx, std::string_view s) {
    const char* begin = s.data();
    const char* end = s.data() + s.size();
    if (haloPx > 0) {
        const float d = haloPx, e = haloPx * 0.7071f;
        const ImVec2 offsets[8] = {{-d, 0}, {d, 0}, {0, -d}, {0, d}, {-e, -e}, {e, -e}, {-e, e}, {e, e}};
        for (const ImVec2& o : offsets) dl->AddText(font, sizePx, {pos.x + o.x, pos.y + o.y}, halo, begin, end);
    }
    dl->AddText(font, sizePx, pos, text, begin, end);
}

}  // namespace geso::render
