#pragma once
// All user-visible strings of the viewer, the map overlay and headless renders,
// in one table (strings_table.inc), Swedish by default and English.
//
// Contract:
// - every StringId has a non-empty Swedish and English text (valid UTF-8);
// - tr() returns a view into static storage that is NUL-terminated, so
//   trc(id, lang) can go straight to ImGui (const char*);
// - keys are stable ASCII ("menu.file") for logs, tests and ImGui ids
//   (e.g. `label + "###" + key` keeps a window's id when the language changes).
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/text/lang.hpp"

namespace geso::core {

enum class StringId : uint16_t {
#define GESO_STRING(id, key, sv, en) id,
#include "core/text/strings_table.inc"
#undef GESO_STRING
    IdCount  // not a string: the number of ids
};

constexpr std::size_t kStringCount = static_cast<std::size_t>(StringId::IdCount);

std::string_view tr(StringId id, Lang lang);
const char* trc(StringId id, Lang lang);

// tr() with "{0}", "{1}", … replaced by args[0], args[1], …; a placeholder
// without an argument is left as written (visible, never a crash).
std::string trFormat(StringId id, Lang lang, std::initializer_list<std::string_view> args);

std::string_view stringKey(StringId id);
std::optional<StringId> findStringId(std::string_view key);

}  // namespace geso::core
