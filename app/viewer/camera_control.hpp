#pragma once
// Applies the panels' camera requests (pan, zoom about a point, zoom to an
// area, a rectangle or everything) to the map camera. GL-free.
//
// Coordinates: Actions carry ImGui (window) pixels, absolute; the camera works
// in framebuffer pixels relative to the map rectangle. fbScale converts
// (framebuffer px per window px: 1 on X11, 2 on a Retina-style display).
#include "render/mesh/camera.hpp"
#include "ui/actions.hpp"
#include "ui/panels.hpp"

namespace geso::viewer {

struct MapViewport {
    ui::MapRect rect;          // ImGui pixels
    float fbScale = 1;         // framebuffer px per ImGui px
    render::RectPx fitRect;    // where "zoom to all" puts the map (camera px, free of legend/title)
};

// Window point → camera screen point.
core::Vec2 toCameraPx(const MapViewport& vp, float x, float y);

// Zoom to all = the layer extent into fitRect; zoom to an area = its box with a
// margin. Returns true if the camera changed.
bool applyCameraActions(render::Camera& cam, const ui::Actions& a, const ui::AppState& s, const core::Box& extent,
                        const MapViewport& vp);

// The largest part of `fit` left, right, above or below `covered` (camera px);
// `fit` itself when `covered` misses it or leaves less than a fifth of it.
render::RectPx freeRectBeside(const render::RectPx& fit, const render::RectPx& covered);

// Fits `box` into the viewport's free part (fitRect), with `marginShare` of the
// box's size added on every side.
void fitInto(render::Camera& cam, const core::Box& box, const render::RectPx& fitRect, double marginShare);

}  // namespace geso::viewer
