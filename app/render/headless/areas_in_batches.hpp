#pragma once
// One image of an area layer too big to hold whole (`render` of the 100k-cell
// coverage): the geometry comes batch by batch (core streamAreaGeometry), and
// each batch is uploaded, coloured, drawn and dropped before the next is read,
// so neither geso-atlas nor llvmpipe ever holds more than one batch.
#include <cstddef>

#include "core/base/result.hpp"
#include "core/project/project.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/headless/map_content.hpp"
#include "render/mesh/camera.hpp"

namespace geso::render {

// Draws the areas of `p` (loaded with DataOptions::geometryInBatchesAbove) into
// the bound framebuffer with `camera`, the viewport cleared first, each feature
// in fill's colour of its row. Leaves `renderer` without areas and with
// clearBackground off, so a following draw adds points and overlay on top.
// `drawn` (optional) counts what went to the GPU, for --timings.
struct BatchesDrawn {
    size_t batches = 0, vertices = 0, triangles = 0;
};
core::Status drawAreasInBatches(core::Project& p, const FeatureFill& fill, MapRenderer& renderer,
                                const Camera& camera, RectPx viewport, float uiScale,
                                const core::BatchLimits& limits = {}, BatchesDrawn* drawn = nullptr);

}  // namespace geso::render
