#pragma once
// The UI language is the project-wide one (core/text).
#include "core/text/lang.hpp"

namespace geso::ui {
using Lang = geso::core::Lang;
}
