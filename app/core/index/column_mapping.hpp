#pragma once
// Text forms of TableOptions for command lines and settings: the layout
// ("auto|wide|long") and a column mapping such as
//   code=Områdeskod,year=År,del_valdeltagande=Valdeltagande (%)
// Every front end (CLI commands, viewer) parses them here so they agree.
#include <optional>
#include <string_view>

#include "core/base/result.hpp"
#include "core/index/catalogue.hpp"
#include "core/index/indicator_table.hpp"

namespace geso::core {

// "auto", "wide" or "long" (case-insensitive); nullopt otherwise.
std::optional<TableOptions::Layout> parseLayout(std::string_view text);
std::string_view layoutId(TableOptions::Layout layout);  // "auto", "wide", "long"

// Parses comma-separated `key=column` items into `opts`:
//   code (kod), name (namn), year (år), indicator (indikator), value (värde)
//     -> codeColumn, nameColumn, yearColumn, indicatorColumn, valueColumn;
//   a catalogue indicator id -> indicatorColumns[id] (wide tables).
// Keys are case-insensitive; spaces around keys and columns are ignored. A
// column containing ',' or '=' is written in double quotes ("Andel, %"; "" is a
// quote inside). Errors (where = "column mapping"): an item without '=', an
// empty key or column, an unknown key (the message lists the valid ones), a key
// given twice, an unterminated quote. On error `opts` is left unchanged.
Status parseColumnMapping(std::string_view spec, const Catalogue& cat, TableOptions& opts);

}  // namespace geso::core
