#pragma once
// Shorter forms of GeSO area names for places with little room. The city's
// names list two parts of the area and "m fl" ("Lindeborg, Borgmästaregården
// m fl"); the first part names it well enough on a crowded map.
#include <string>

namespace geso::core {

// "Lindeborg, Borgmästaregården m fl" → "Lindeborg m fl" (withSuffix) or
// "Lindeborg"; a name without ", " is returned as it is.
std::string shortAreaName(const std::string& name, bool withSuffix);

}  // namespace geso::core
