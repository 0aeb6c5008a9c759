#pragma once
// The one place that turns a project + choropleth into the overlay's model,
// so the viewer and `geso-atlas render` show identical map furniture.
#include "core/project/choropleth.hpp"
#include "core/project/project.hpp"
#include "render/overlay/overlay_model.hpp"

namespace geso::render {

// Fills title, subtitle, legend (class colours, labels, counts; the no-data row
// with its count; the "value on a break" note), area labels (display names at
// AreaGeometry::labelPoint with labelRadius, or ½·√(area/π) where the layer
// was too big for inscribed circles; empty areas get none), provenance line, the
// "illustrativa värden" notice (index/indicator maps of illustrative data; not
// for a field of the user's own boundary file) and the CRS for the scale bar.
// Point-layer legends are left empty: the caller knows its symbols.
// minLabelRadius (display-CRS units, 0 = keep all): areas whose label circle is
// smaller get no label entry — for one image of known scale, where they could
// never show (the 100k-cell coverage at 4K: 12 MB of labels).
OverlayModel makeOverlayModel(const core::Project& project, const core::Choropleth& map, core::Lang lang,
                              double minLabelRadius = 0);

}  // namespace geso::render
