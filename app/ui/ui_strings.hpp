#pragma once
// The panels' words come from the one string table of the project
// (core/text/strings_table.inc), Swedish by default and English:
// trc(S::MenuFile, lang) gives the text as a C string for ImGui.
#include "core/text/strings.hpp"
#include "ui/lang.hpp"

namespace geso::ui {

using S = core::StringId;
using core::trc;
using core::trFormat;

}  // namespace geso::ui
