#include "render/headless/map_image.hpp"

#include <algorithm>

#include "render/headless/overlay_painter.hpp"
#include "render/overlay/fonts.hpp"

namespace geso::render {

Camera fitMapCamera(int w, int h, const core::Box& extent, const OverlayModel* overlay,
                    const OverlayPainter* painter, double marginFraction) {
    Camera camera;
    camera.setViewportSize(w, h);
    const double margin = marginFraction * std::min(w, h);
    camera.fitBox(extent, margin);
    if (overlay && painter) {
        RectPx free = painter->layout(*overlay, camera, RectPx{0, 0, w, h}).fitRect;
        const int m = static_cast<int>(margin);
        if (free.w > 2 * m && free.h > 2 * m) free = {free.x + m, free.y + m, free.w - 2 * m, free.h - 2 * m};
        if (free.w > 0 && free.h > 0) camera.fitBoxInto(extent, free);
    }
    return camera;
}

core::Result<MapImage> renderMapImage(const Framebuffer& target, const MapRenderer& renderer,
                                      const OverlayModel* overlay, const core::Box& extent,
                                      std::optional<Camera> camera, const MapImageOptions& options,
                                      OverlayPainter* givenPainter) {
    const int w = target.widthPx(), h = target.heightPx();
    const float scale = options.scale > 0 ? options.scale : overlayScaleForSize(w, h);
    const RectPx full{0, 0, w, h};
    std::optional<OverlayPainter> ownPainter;
    OverlayPainter* painter = nullptr;
    if (overlay && givenPainter) {
        painter = givenPainter;
    } else if (overlay) {
        auto p = OverlayPainter::create(w, h, scale);
        if (!p) return p.error();
        ownPainter.emplace(std::move(p.value()));
        painter = &*ownPainter;
    }
    MapImage image;
    image.widthPx = w;
    image.heightPx = h;
    if (camera) {
        image.camera = *camera;
        image.camera.setViewportSize(w, h);
    } else {
        image.camera = fitMapCamera(w, h, extent, overlay, painter, options.marginFraction);
    }
    target.bind();
    renderer.draw(image.camera, full, scale);
    if (painter) painter->draw(*overlay, image.camera, full);
    glFinish();
    if (options.readBack) target.readPixels(image.rgba);
    return image;
}

}  // namespace geso::render
