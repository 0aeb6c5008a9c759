#pragma once
// From a loaded Project and a Choropleth to what the map draws: per-feature
// colours and no-data flags, point symbols with their legend, and the overlay
// model (title, legend, labels, provenance). The viewer and `render` use the
// same functions, so a PNG shows what the window shows.
#include <cstdint>
#include <vector>

#include "core/project/choropleth.hpp"
#include "core/project/project.hpp"
#include "core/text/lang.hpp"
#include "render/mesh/point_mesh.hpp"
#include "render/overlay/overlay_model.hpp"

namespace geso::render {

// Area labels are left out above this many features (they would not fit, and
// the label points of big layers are only bbox centres).
constexpr size_t kMaxLabelledFeatures = 2000;

struct FeatureFill {
    std::vector<Rgba> color;      // = Choropleth::featureColor
    std::vector<uint8_t> noData;  // 1 where the value is NaN (drawn hatched)
};
FeatureFill featureFill(const core::Choropleth& map);

struct StyledPoints {
    std::vector<PointSymbol> symbols;
    PointLegendGroup legend;
};
// Symbols by category: the first column of `categoryColumns` the layer has
// (e.g. "tema"); each category gets a shape (shapeForCategory) and, when
// colourByCategory, a colour from a colour-blind-safe qualitative set.
StyledPoints stylePoints(const core::PointLayer& layer, std::initializer_list<const char*> categoryColumns,
                         std::string title, bool colourByCategory, float sizePx);

// Initiatives by theme ("tema"/"theme"), trygghet areas by type ("typ"/"type").
StyledPoints styleInitiatives(const core::PointLayer& layer, core::Lang lang);
StyledPoints styleTrygghet(const core::PointLayer& layer, core::Lang lang);

OverlayModel makeOverlayModel(const core::Project& project, const core::Choropleth& map, core::Lang lang);

}  // namespace geso::render
