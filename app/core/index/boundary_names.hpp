#pragma once
// Area code → name of a boundary layer, for checkNames() (indicator_table.hpp).
#include <map>
#include <string>

#include "core/base/result.hpp"
#include "core/index/indicator_table.hpp"
#include "core/model/layer.hpp"

namespace geso::core {

// Reads the code column (integer-valued; "01" accepted) and the name column of
// `layer`. Empty column names mean the usual ones, matched case-insensitively:
// code geso_kod/geso_code/kod/code, name geso_namn/geso_name/namn/name.
// Error (where = the layer's path) when the code column is missing; features
// whose code is not an integer are left out of the map (the layer's own
// loader reports bad features).
Result<std::map<int, std::string>> boundaryNames(const AreaLayer& layer, const std::string& codeColumn = "",
                                                 const std::string& nameColumn = "");

// Reads the boundary layer at `areasPath` (any GDAL source; `layer` "" = its only
// polygon layer) and runs checkNames(table, …) against its codes and names. Only
// codes and names are used, so a layer without a CRS is read as EPSG:3008 rather
// than refused. Error (where = areasPath) when it cannot be read or has no code column.
Status checkNamesAgainstLayer(IndicatorTable& table, const std::string& areasPath, const std::string& layer = "");

}  // namespace geso::core
