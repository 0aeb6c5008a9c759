#pragma once
// From a loaded Project and a Choropleth to what the GL map draws: per-feature
// colours and no-data flags, and point symbols with their legend. The viewer
// and `render` use the same functions, so a PNG shows what the window shows
// (the overlay's model comes from render/overlay/overlay_from_project.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "core/project/choropleth.hpp"
#include "core/project/point_symbology.hpp"
#include "render/mesh/point_mesh.hpp"
#include "render/overlay/overlay_model.hpp"

namespace geso::render {

struct FeatureFill {
    std::vector<Rgba> color;      // = Choropleth::featureColor
    std::vector<uint8_t> noData;  // 1 where the value is NaN (drawn hatched)
};
FeatureFill featureFill(const core::Choropleth& map);

SymbolShape symbolShape(core::MarkerShape shape);

struct StyledPoints {
    std::vector<PointSymbol> symbols;
    PointLegendGroup legend;  // categories with at least one shown point, with their counts
};
// The symbols of `layer` as `symbology` says; `shown` (per feature, optional)
// filters points out (the viewer's nämnd/theme/status filters).
StyledPoints stylePoints(const core::PointLayer& layer, const core::PointSymbology& symbology, std::string title,
                         const std::vector<uint8_t>* shown = nullptr);

}  // namespace geso::render
