#include "render/mesh/area_mesh.hpp"

#include <string>

namespace geso::render {
namespace {

core::Error meshError(const std::string& what) { return core::Error{what, "render:mesh"}; }

}  // namespace

core::Result<AreaMesh> buildAreaMesh(const core::AreaLayer& layer, const core::AreaGeometry& geometry) {
    const size_t nFeatures = layer.featureCount();
    const size_t nVertices = layer.xy.size();
    if (layer.partStart.size() != nFeatures + 1) return meshError("partStart does not match the feature count");
    const size_t nParts = layer.partStart.back();
    if (layer.ringStart.size() != nParts + 1) return meshError("ringStart does not match the part count");
    const size_t nRings = layer.ringStart.back();
    if (layer.vertexStart.size() != nRings + 1 || layer.vertexStart.back() != nVertices)
        return meshError("vertexStart does not match the vertex count");
    if (nVertices >= kRingBreak) return meshError("too many vertices for 32-bit indices");
    if (geometry.triStart.size() != nFeatures + 1 || geometry.triStart.back() != geometry.triangles.size() ||
        geometry.triangles.size() % 3 != 0)
        return meshError("triangulation does not match the layer");
    for (uint32_t idx : geometry.triangles)
        if (idx >= nVertices) return meshError("triangle index out of range");

    AreaMesh m;
    if (!layer.extent.empty()) {
        m.originX = 0.5 * (layer.extent.minX + layer.extent.maxX);
        m.originY = 0.5 * (layer.extent.minY + layer.extent.maxY);
    }
    m.xy.resize(2 * nVertices);
    for (size_t i = 0; i < nVertices; ++i) {
        m.xy[2 * i] = static_cast<float>(layer.xy[i].x - m.originX);
        m.xy[2 * i + 1] = static_cast<float>(layer.xy[i].y - m.originY);
    }
    m.featureOf.resize(nVertices);
    m.outline.reserve(nVertices + 2 * nRings);
    m.outlineStart.reserve(nFeatures + 1);
    for (size_t f = 0; f < nFeatures; ++f) {
        m.outlineStart.push_back(static_cast<uint32_t>(m.outline.size()));
        for (uint32_t p = layer.partStart[f]; p < layer.partStart[f + 1]; ++p) {
            for (uint32_t r = layer.ringStart[p]; r < layer.ringStart[p + 1]; ++r) {
                const uint32_t v0 = layer.vertexStart[r], v1 = layer.vertexStart[r + 1];
                if (v1 < v0) return meshError("vertexStart is not ascending");
                for (uint32_t v = v0; v < v1; ++v) {
                    m.featureOf[v] = static_cast<uint32_t>(f);
                    m.outline.push_back(v);
                }
                if (v1 - v0 >= 2) m.outline.push_back(v0);  // close the ring
                m.outline.push_back(kRingBreak);
            }
        }
    }
    m.outlineStart.push_back(static_cast<uint32_t>(m.outline.size()));
    m.triangleCount = geometry.triangles.size() / 3;
    return m;
}

}  // namespace geso::render
