#pragma once
// Internal to geom/: how a feature is named in reports.
#include <string>

#include "core/model/layer.hpp"

namespace geso::core::detail {

// Picks the column that names features: the first text column whose name
// contains "namn" or "name", else the first column whose name contains "kod"
// or "code". Null if the layer has neither.
const Column* labelColumn(const AreaLayer& layer);

// The feature's value in `labelColumn` (null → none), else "fid N".
std::string featureLabel(const AreaLayer& layer, const Column* column, size_t feature);

}  // namespace geso::core::detail
