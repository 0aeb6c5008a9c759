#pragma once
// Internal to geom/: how a feature is named in reports.
#include <string>

#include "core/model/layer.hpp"

namespace geso::core::detail {

// Picks the column that names features: the first text column whose name
// contains "namn" or "name", else the first column whose name contains "kod"
// or "code". Null if the layer has neither.
const Column* labelColumn(const AreaLayer& layer);

// "<value in labelColumn> (fid N)", or "fid N" when the value is null or the
// layer has no such column.
std::string featureLabel(const AreaLayer& layer, const Column* column, size_t feature);

}  // namespace geso::core::detail
