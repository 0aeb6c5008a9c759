#pragma once
// The colour type shared with core/classify (palette.hpp).
#include "core/classify/palette.hpp"

namespace geso::render {
using core::Rgba;
}
