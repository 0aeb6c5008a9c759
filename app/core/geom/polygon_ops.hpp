#pragma once
// Small planar helpers on AreaLayer geometry (display CRS, rings OPEN).
#include <cstddef>
#include <span>
#include <vector>

#include "core/model/layer.hpp"

namespace geso::core {

// Signed area of an OPEN ring (shoelace): > 0 counter-clockwise, < 0 clockwise.
// In the ring's units squared; 0 for fewer than 3 vertices.
double ringArea(std::span<const Vec2> ring);

// Bounding box of feature `feature`: layer.bbox[feature] when the layer has
// boxes, else computed from its vertices (empty for a feature without rings).
Box featureBox(const AreaLayer& layer, size_t feature);

// Area of feature `feature`: exteriors minus holes, whatever their orientation.
double featureArea(const AreaLayer& layer, size_t feature);

// True if p lies inside feature `feature` (any part, outside its holes), by the
// even-odd rule over all its rings. Points exactly on a boundary may go either
// way. Uses layer.bbox as a quick reject when present.
bool pointInFeature(const AreaLayer& layer, size_t feature, Vec2 p);

// Distance from p to the nearest edge of any ring of `feature` (CRS units).
double distanceToBoundary(const AreaLayer& layer, size_t feature, Vec2 p);

// For each point, the index of the first feature (lowest index) containing it,
// or -1 if it lies outside every area. A uniform grid over the feature bounding
// boxes keeps this near-linear for large layers (100k areas × 100k points).
std::vector<int> featureOfPoints(const AreaLayer& layer, std::span<const Vec2> pts);

}  // namespace geso::core
