#pragma once
// A headless context + framebuffer for GL tests, and pixel access in top-left
// coordinates. Tests GTEST_SKIP when EGL cannot give a context.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "render/headless/headless_context.hpp"
#include "render/mesh/rgba.hpp"

namespace geso::test {

struct Pixels {
    int w = 0, h = 0;
    std::vector<uint8_t> rgba;  // bottom row first (GL order)
    render::Rgba at(int x, int yTop) const {
        const size_t i = (static_cast<size_t>(h - 1 - yTop) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 4;
        return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
    }
};

inline Pixels readBack(const render::HeadlessContext& ctx) {
    Pixels p;
    p.w = ctx.widthPx();
    p.h = ctx.heightPx();
    ctx.readPixels(p.rgba);
    return p;
}

inline int channelDiff(render::Rgba a, render::Rgba b) {
    auto d = [](uint8_t x, uint8_t y) { return x > y ? x - y : y - x; };
    return std::max({d(a.r, b.r), d(a.g, b.g), d(a.b, b.b)});
}

}  // namespace geso::test

#define GESO_REQUIRE_CONTEXT(var, w, h)                                                  \
    auto var##Result = geso::render::HeadlessContext::create(w, h);                       \
    if (!var##Result) GTEST_SKIP() << "no EGL context: " << var##Result.error().line();  \
    geso::render::HeadlessContext& var = var##Result.value()
