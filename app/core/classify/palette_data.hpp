#pragma once
// Internal: the ColorBrewer 2.0 colour values (see palette.hpp for the attribution).
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/classify/palette.hpp"

namespace geso::core::palette_data {

constexpr int kMinK = 3;
constexpr int kMaxK = 9;

struct Scheme {
    std::string_view id;
    PaletteKind kind;
    bool colorBlindSafe;
    // colors[k - 3] holds the k colours (0xRRGGBB) for k classes, class 0 first.
    std::vector<std::vector<uint32_t>> colors;
};

const std::vector<Scheme>& schemes();

}  // namespace geso::core::palette_data
