#pragma once
// The UI language is the project-wide one (core/text, helper E1b).
#include "core/text/lang.hpp"

namespace geso::ui {
using Lang = geso::core::Lang;
}
