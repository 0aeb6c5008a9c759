#pragma once
// GL-free vertex data for an area layer, built once per layer and uploaded once
// by MapRenderer. Colours are NOT in here: every vertex carries its feature
// index and the shader looks the colour up, so reclassifying touches only a
// small per-feature colour buffer.
#include <cstdint>
#include <vector>

#include "core/base/result.hpp"
#include "core/model/layer.hpp"

namespace geso::render {

// Separates rings in AreaMesh::outline; a segment touching it is not drawn.
inline constexpr uint32_t kRingBreak = 0xFFFFFFFFu;

struct AreaMesh {
    // Float coordinates are relative to this point (the layer extent's centre):
    // SWEREF99 northings (~6.16e6 m) would lose metres in float32.
    double originX = 0, originY = 0;
    std::vector<float> xy;            // 2 per vertex: AreaLayer::xy[i] - origin (metres)
    std::vector<uint32_t> featureOf;  // per vertex: its feature index
    // Outline as vertex indices: each ring closed (v0 … vn-1 v0) and followed by
    // kRingBreak, so the pair (outline[i], outline[i+1]) is segment i; pairs that
    // contain kRingBreak are skipped by the shader. Shared edges of a coverage
    // are drawn once per side (identical pixels).
    std::vector<uint32_t> outline;
    std::vector<uint32_t> outlineStart;  // per feature: first index into outline; size features+1
    size_t triangleCount = 0;            // = AreaGeometry::triangles.size() / 3 (indices used as is)

    size_t vertexCount() const { return featureOf.size(); }
    // Segment instances to draw for features [first, last): pairs starting in that range.
    size_t segmentCount() const { return outline.empty() ? 0 : outline.size() - 1; }
};

// Checks that `geometry` matches `layer` (sizes, indices in range) and builds
// the mesh. Errors: where = "render:mesh", what says which array is inconsistent.
core::Result<AreaMesh> buildAreaMesh(const core::AreaLayer& layer, const core::AreaGeometry& geometry);

}  // namespace geso::render
