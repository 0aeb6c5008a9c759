#pragma once
// One map picture, offscreen: the areas/points already given to `renderer`,
// then the overlay, into `target`, read back for writePng. Shared by
// `geso-atlas render` (headless EGL context) and the viewer's PNG export (its
// own context, a Framebuffer of the export size).
#include <cstdint>
#include <optional>
#include <vector>

#include "core/base/result.hpp"
#include "render/gl/framebuffer.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/mesh/camera.hpp"
#include "render/overlay/overlay_model.hpp"

namespace geso::render {

class OverlayPainter;

struct MapImageOptions {
    float scale = 0;        // UI/overlay scale; 0 = overlayScaleForSize(target size)
    double marginFraction = 0.02;  // "zoom to all": free margin around the extent, × min(w, h)
    bool readBack = true;   // false: leave the picture in `target` (MapImage::rgba stays empty),
                            // e.g. to stream it into a PNG strip by strip
};

struct MapImage {
    int widthPx = 0, heightPx = 0;
    std::vector<uint8_t> rgba;  // bottom row first (PngOptions::bottomUp = true)
    Camera camera;              // the camera used (label point → pixel: camera.worldToScreen)
};

// The camera renderMapImage uses when given none: `extent` fitted, with the
// margin, into the part of a w × h frame that `overlay`'s panels leave free
// (the whole frame when overlay or painter is null).
Camera fitMapCamera(int widthPx, int heightPx, const core::Box& extent, const OverlayModel* overlay,
                    const OverlayPainter* painter, double marginFraction);

// camera: the view to draw (its viewport is set to the target size); nullopt =
// fit `extent` into the part of the frame the overlay panels leave free.
// overlay: nullptr = map only. painter: one made for the target's size and
// scale (e.g. prepared on a worker thread), or nullptr to make one here.
core::Result<MapImage> renderMapImage(const Framebuffer& target, const MapRenderer& renderer,
                                      const OverlayModel* overlay, const core::Box& extent,
                                      std::optional<Camera> camera, const MapImageOptions& options = {},
                                      OverlayPainter* painter = nullptr);

}  // namespace geso::render
