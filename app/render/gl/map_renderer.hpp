#pragma once
// Draws an area layer (fills, no-data hatch, anti-aliased outlines, hover and
// selection) and point-symbol layers with the current context. The only map
// code that calls gl*. Geometry is uploaded once per layer; pan/zoom change
// uniforms only; colours change a per-feature buffer of 4 bytes per feature.
//
// Threading/lifetime: create, use and destroy on the thread whose GL 3.3 core
// context is current (glad loaded); destroy before the context goes away.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "core/base/result.hpp"
#include "core/model/layer.hpp"
#include "render/gl/framebuffer.hpp"
#include "render/gl/gl_objects.hpp"
#include "render/mesh/area_mesh.hpp"
#include "render/mesh/camera.hpp"
#include "render/mesh/point_mesh.hpp"
#include "render/mesh/rgba.hpp"

namespace geso::render {

// Above this many features a layer's outlines are hairlines (0.5 px at any UI
// scale, drawn as plain 1 px lines at half alpha): a dense coverage stays
// readable, and llvmpipe draws 2 M plain segments in a third of the time of widened ones.
constexpr size_t kHairlineFeatures = 5000;

struct RenderStyle {
    Rgba background{255, 255, 255, 255};
    bool clearBackground = true;       // clear the viewport before drawing
    Rgba outline{64, 64, 64, 255};
    float outlinePx = 1.0f;            // at UI scale 1; < 1 is drawn 1 px wide with less alpha
                                       // (layers above kHairlineFeatures: hairlines, whatever this says)
    Rgba selected{20, 20, 20, 255};    // selected area: dark line over a light halo
    Rgba selectedHalo{255, 255, 255, 230};
    float selectedPx = 3.0f;
    Rgba hover{40, 40, 40, 200};
    float hoverPx = 2.0f;
    float hatchPeriodPx = 8.0f;        // no-data stripes, at UI scale 1
    Rgba defaultFill{200, 200, 200, 255};  // features with no colour set
};

class MapRenderer {
public:
    MapRenderer() = default;
    MapRenderer(MapRenderer&&) noexcept = default;
    MapRenderer& operator=(MapRenderer&&) noexcept = default;
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Builds the shader programs from the embedded sources. Call once, with the context current.
    core::Status init();
    // Rebuilds the programs from <dir>/*.glsl (a debug key). On error the
    // programs in use are kept and the compile/link log is returned.
    core::Status reloadShaders(const std::filesystem::path& dir);

    // Builds the mesh, uploads it and frees the CPU copy. Resets colours to
    // style.defaultFill, selection and hover to none. For dense layers (more
    // than kLodMinVertices vertices) and withLevels, also builds coarser levels
    // of detail (decimated and re-triangulated once, uploaded once); draw()
    // picks the level for the camera's scale, so panning stays interactive.
    core::Status setAreas(const core::AreaLayer& layer, const core::AreaGeometry& geometry, bool withLevels = true);
    // Uploads a prebuilt mesh as the full-detail level; `triangles` =
    // AreaGeometry::triangles it was built with. Drops any other level.
    core::Status setAreaMesh(const AreaMesh& mesh, std::span<const uint32_t> triangles);
    // Adds a coarser level, used when toleranceMetres <= kLodTolerancePx × metres per px.
    // Same features in the same order as the full-detail level.
    core::Status addAreaLevel(const AreaMesh& mesh, std::span<const uint32_t> triangles, double toleranceMetres);
    size_t levelCount() const { return m_levels.size(); }
    // The level draw() uses at this scale (0 = full detail).
    size_t levelFor(double metresPerPx) const;

    static constexpr size_t kLodMinVertices = 200000;
    static constexpr double kLodTolerancePx = 0.75;
    void clearAreas();
    bool hasAreas() const { return m_featureCount > 0; }
    size_t featureCount() const { return m_featureCount; }

    // One colour per feature (extra entries ignored, missing ones get
    // style.defaultFill). noData[i] != 0 draws feature i hatched in its colour.
    void setFeatureColors(std::span<const Rgba> colors, std::span<const uint8_t> noData = {});
    void setSelected(int feature) { m_selected = feature; }  // -1 = none
    void setHover(int feature) { m_hover = feature; }        // -1 = none
    int selected() const { return m_selected; }

    // Point layers are drawn above the areas in ascending layerId order.
    void setPoints(int layerId, std::span<const PointSymbol> symbols);
    void setPointMesh(int layerId, const PointMesh& mesh);
    void setPointsVisible(int layerId, bool visible);
    void clearPoints(int layerId);

    void setStyle(const RenderStyle& style) { m_style = style; ++m_contentVersion; }
    const RenderStyle& style() const { return m_style; }

    // Pan cache for dense layers (more than kCacheMinSegments outline segments
    // in the level drawn): fills and outlines are drawn once into an offscreen
    // texture with a margin of kCacheMarginFraction around the viewport, and
    // while only the centre moves (same scale, size, UI scale and content) that
    // texture is copied, shifted by whole pixels; hover and selection outlines
    // and points are drawn live on top (in this mode hover is shown by its
    // outline only). On by default; a one-shot render turns it off.
    void setPanCache(bool enabled) { m_cacheEnabled = enabled; m_cache.reset(); }
    bool lastDrawUsedCache() const { return m_lastDrawUsedCache; }
    static constexpr size_t kCacheMinSegments = 200000;
    static constexpr double kCacheMarginFraction = 0.25;

    // Between the batches of a large layer: true waits until each batch is
    // drawn (glFinish) before the next is handed over; false only flushes, so
    // llvmpipe bins the next while it rasterises this one. Waiting bounds
    // llvmpipe's binning memory to about one batch (10k-cell coverage at 4K:
    // peak 342 → 226 MiB, docs/benchmarks-render.md) for a few per cent more
    // time: right for a one-shot render, not for the viewer's frames.
    void setWaitBetweenBatches(bool wait) { m_waitBetweenBatches = wait; }

    // When the areas given are one batch of a bigger layer (drawAreasInBatches),
    // the whole layer's feature count decides its outline style
    // (kHairlineFeatures), so every batch is outlined alike. 0 = the areas given.
    void setWholeLayerFeatureCount(size_t features) { m_wholeLayerFeatures = features; }

    // Draws into the bound framebuffer. viewportGl is in glViewport's
    // convention (origin bottom-left; see toGlViewport) and should have the
    // camera's size. uiScale multiplies line widths, symbol sizes and hatch.
    // Sets all GL state it needs (viewport, scissor, blend, no depth/cull).
    void draw(const Camera& camera, RectPx viewportGl, float uiScale) const;

private:
    struct Programs {
        GlProgram fill, line, hairline, point;
    };
    struct PointLayerGpu {
        double originX = 0, originY = 0;
        size_t count = 0;
        bool visible = true;
        GlBuffer buffer;
        GlBufferTexture asFloat, asUint;
    };

    struct AreaLevel {
        double toleranceMetres = 0;  // 0 = full detail
        size_t triangleCount = 0, segmentCount = 0;
        std::vector<uint32_t> outlineStart;  // per feature, for drawing one feature's outline
        GlVertexArray fillVao, lineVao;
        GlBuffer xy, featureOf, triangles, outline;
    };

    core::Status buildPrograms(Programs& out, const std::filesystem::path* dir);
    core::Status uploadLevel(AreaLevel& level, const AreaMesh& mesh, std::span<const uint32_t> triangles);
    void uploadColors();
    void endBatch() const;  // glFinish or glFlush, by setWaitBetweenBatches
    void drawFills(const AreaLevel& level, const ClipTransform& t, float uiScale, int hover) const;
    void drawLayerOutlines(const AreaLevel& level, const ClipTransform& t, RectPx vp, float uiScale) const;
    // plain: 1 px rasterised lines (no anti-aliasing quads), alpha × min(1, widthPx).
    void drawOutlineRange(const AreaLevel& level, const ClipTransform& t, RectPx vp, size_t firstSegment,
                          size_t segmentCount, Rgba color, float widthPx, bool plain) const;
    void drawFeatureOutline(const AreaLevel& level, const ClipTransform& t, RectPx vp, int feature, Rgba color,
                            float widthPx) const;
    void drawPoints(const Camera& camera, RectPx vp, float uiScale) const;

    RenderStyle m_style;
    Programs m_programs;
    bool m_ready = false;

    // Areas
    size_t m_featureCount = 0;
    double m_originX = 0, m_originY = 0;
    std::vector<AreaLevel> m_levels;       // [0] full detail, then coarser (ascending tolerance)
    std::vector<Rgba> m_colors;            // per feature, CPU mirror of the colour buffer
    std::vector<uint8_t> m_flags;          // per feature: bit 0 = no data
    GlVertexArray m_emptyVao;
    GlBuffer m_colorBuffer, m_flagBuffer;
    GlBufferTexture m_colorTex, m_flagTex;
    int m_selected = -1, m_hover = -1;

    std::map<int, PointLayerGpu> m_points;

    struct PanCache {
        std::optional<Framebuffer> target;
        Camera camera;  // the view drawn into it (viewport = target size)
        int marginPx = 0, viewW = 0, viewH = 0;
        float uiScale = 0;
        size_t level = 0;
        uint64_t version = 0;
    };
    bool drawFromCache(const Camera& camera, RectPx vp, float uiScale, size_t level) const;
    bool m_cacheEnabled = true;
    bool m_waitBetweenBatches = false;
    size_t m_wholeLayerFeatures = 0;
    uint64_t m_contentVersion = 1;  // bumped by every change that alters fills/outlines
    mutable std::optional<PanCache> m_cache;
    mutable bool m_lastDrawUsedCache = false;
};

}  // namespace geso::render
