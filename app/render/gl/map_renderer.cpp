#include "render/gl/map_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "render/gl/gl_check.hpp"
#include "core/geom/triangulate.hpp"
#include "render/gl/shader_program.hpp"
#include "core/geom/decimate.hpp"

namespace geso::render {
namespace {

// Texture units, fixed per sampler.
constexpr GLuint kUnitColors = 0, kUnitFlags = 1, kUnitPointsF = 4, kUnitPointsU = 5;
constexpr uint8_t kFlagNoData = 1;
constexpr size_t kTrianglesPerBatch = 65536, kSegmentsPerBatch = 65536;

core::Result<std::string> readText(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return core::Error{"cannot read shader", p.string()};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

GLint uniform(GLuint program, const char* name) { return glGetUniformLocation(program, name); }

void setColor(GLuint program, const char* name, Rgba c) {
    glUniform4f(uniform(program, name), c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
}

void setTransform(GLuint program, const ClipTransform& t) {
    glUniform4f(uniform(program, "u_transform"), t.scaleX, t.scaleY, t.offsetX, t.offsetY);
}

template <class T>
void uploadBuffer(GlBuffer& buffer, GLenum target, std::span<const T> data) {
    if (!buffer) buffer = makeBuffer();
    glBindBuffer(target, buffer.id());
    glBufferData(target, static_cast<GLsizeiptr>(data.size_bytes()), data.data(), GL_STATIC_DRAW);
    glBindBuffer(target, 0);
}

}  // namespace

core::Status MapRenderer::buildPrograms(Programs& out, const std::filesystem::path* dir) {
    auto build = [&](const char* name) -> core::Result<GlProgram> {
        if (!dir) return buildEmbeddedProgram(name);
        auto vs = readText(*dir / (std::string(name) + ".vert.glsl"));
        if (!vs) return vs.error();
        auto fs = readText(*dir / (std::string(name) + ".frag.glsl"));
        if (!fs) return fs.error();
        std::string gs;
        const auto geomPath = *dir / (std::string(name) + ".geom.glsl");
        if (std::filesystem::exists(geomPath)) {
            auto g = readText(geomPath);
            if (!g) return g.error();
            gs = std::move(g.value());
        }
        return buildProgram(name, vs.value(), fs.value(), gs);
    };
    auto fill = build("fill");
    if (!fill) return fill.error();
    auto line = build("line");
    if (!line) return line.error();
    auto point = build("point");
    if (!point) return point.error();
    auto hairline = build("hairline");
    if (!hairline) return hairline.error();
    out.fill = std::move(fill.value());
    out.line = std::move(line.value());
    out.hairline = std::move(hairline.value());
    out.point = std::move(point.value());
    return core::Ok{};
}

core::Status MapRenderer::init() {
    if (!glCreateShader) return core::Error{"OpenGL functions are not loaded", "gl:init"};
    Programs p;
    if (auto s = buildPrograms(p, nullptr); !s) return s.error();
    m_programs = std::move(p);
    if (!m_emptyVao) m_emptyVao = makeVertexArray();
    m_ready = true;
    checkGl("MapRenderer::init");
    return core::Ok{};
}

core::Status MapRenderer::reloadShaders(const std::filesystem::path& dir) {
    Programs p;
    if (auto s = buildPrograms(p, &dir); !s) return s.error();  // keep the programs in use
    m_programs = std::move(p);
    return core::Ok{};
}

core::Status MapRenderer::setAreas(const core::AreaLayer& layer, const core::AreaGeometry& geometry,
                                  bool withLevels) {
    {
        auto mesh = buildAreaMesh(layer, geometry);
        if (!mesh) return mesh.error();
        if (auto st = setAreaMesh(mesh.value(), geometry.triangles); !st) return st;
    }
    if (!withLevels || layer.xy.size() <= kLodMinVertices || layer.extent.empty()) return core::Ok{};
    // Tolerances from a 1000 px wide view of the whole layer: ¼, ½, 1 and 2 of
    // its pixel size, so "zoom to all" on screens from ~700 px to 4K and
    // zoomed-out views each find a level within kLodTolerancePx.
    const double base = std::max(layer.extent.maxX - layer.extent.minX, layer.extent.maxY - layer.extent.minY) / 1000;
    size_t lastVertices = layer.xy.size();
    for (double f : {0.25, 0.5, 1.0, 2.0}) {
        const core::AreaLayer coarse = core::decimateForScale(layer, f * base);
        if (coarse.xy.size() > lastVertices * 9 / 10) continue;  // not worth a level
        core::GeometryOptions go;
        go.labelPoints = false;
        auto g = core::buildAreaGeometry(coarse, go);
        if (!g) return core::Ok{};  // keep the levels built so far
        auto mesh = buildAreaMesh(coarse, g.value());
        if (!mesh) return core::Ok{};
        if (auto st = addAreaLevel(mesh.value(), g.value().triangles, f * base); !st) return core::Ok{};
        lastVertices = coarse.xy.size();
    }
    return core::Ok{};
}

core::Status MapRenderer::uploadLevel(AreaLevel& level, const AreaMesh& mesh, std::span<const uint32_t> triangles) {
    if (triangles.size() != 3 * mesh.triangleCount)
        return core::Error{"triangle list does not match the mesh", "gl:areas"};
    level.xy = makeBuffer();
    level.featureOf = makeBuffer();
    level.outline = makeBuffer();
    level.triangles = makeBuffer();
    level.fillVao = makeVertexArray();
    level.lineVao = makeVertexArray();
    uploadBuffer(level.xy, GL_ARRAY_BUFFER, std::span<const float>(mesh.xy));
    uploadBuffer(level.featureOf, GL_ARRAY_BUFFER, std::span<const uint32_t>(mesh.featureOf));
    uploadBuffer(level.outline, GL_ARRAY_BUFFER, std::span<const uint32_t>(mesh.outline));

    glBindVertexArray(level.fillVao.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, level.triangles.id());  // recorded in the VAO
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(triangles.size_bytes()), triangles.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, level.xy.id());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, level.featureOf.id());
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 0, nullptr);

    // Outlines: the same positions, the outline indices as a line strip with
    // primitive restart at kRingBreak.
    glBindVertexArray(level.lineVao.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, level.outline.id());
    glBindBuffer(GL_ARRAY_BUFFER, level.xy.id());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    level.triangleCount = mesh.triangleCount;
    level.segmentCount = mesh.segmentCount();
    level.outlineStart = mesh.outlineStart;
    checkGl("MapRenderer::uploadLevel");
    return core::Ok{};
}

core::Status MapRenderer::setAreaMesh(const AreaMesh& mesh, std::span<const uint32_t> triangles) {
    if (!m_ready) return core::Error{"MapRenderer::init() was not called", "gl:areas"};
    GLint maxTexels = 0;
    glGetIntegerv(GL_MAX_TEXTURE_BUFFER_SIZE, &maxTexels);
    const size_t nFeatures = mesh.outlineStart.empty() ? 0 : mesh.outlineStart.size() - 1;
    if (nFeatures > static_cast<size_t>(maxTexels))
        return core::Error{"layer has " + std::to_string(nFeatures) + " features; this GL allows " +
                               std::to_string(maxTexels) + " per colour buffer",
                           "gl:areas"};
    clearAreas();
    AreaLevel level;
    if (auto st = uploadLevel(level, mesh, triangles); !st) return st;
    m_levels.push_back(std::move(level));
    m_featureCount = nFeatures;
    m_originX = mesh.originX;
    m_originY = mesh.originY;
    m_colors.assign(nFeatures, m_style.defaultFill);
    m_flags.assign(nFeatures, 0);
    m_selected = m_hover = -1;
    uploadColors();
    checkGl("MapRenderer::setAreaMesh");
    return core::Ok{};
}

core::Status MapRenderer::addAreaLevel(const AreaMesh& mesh, std::span<const uint32_t> triangles,
                                       double toleranceMetres) {
    if (m_levels.empty()) return core::Error{"no full-detail level yet", "gl:areas"};
    if (mesh.outlineStart.size() != m_featureCount + 1)
        return core::Error{"level has a different feature count", "gl:areas"};
    if (mesh.originX != m_originX || mesh.originY != m_originY)
        return core::Error{"level has a different origin", "gl:areas"};
    if (!(toleranceMetres > m_levels.back().toleranceMetres))
        return core::Error{"levels must be added coarser and coarser", "gl:areas"};
    AreaLevel level;
    if (auto st = uploadLevel(level, mesh, triangles); !st) return st;
    level.toleranceMetres = toleranceMetres;
    m_levels.push_back(std::move(level));
    ++m_contentVersion;
    return core::Ok{};
}

size_t MapRenderer::levelFor(double metresPerPx) const {
    size_t best = 0;
    for (size_t i = 1; i < m_levels.size(); ++i)
        if (m_levels[i].toleranceMetres <= kLodTolerancePx * metresPerPx) best = i;
    return best;
}

void MapRenderer::clearAreas() {
    ++m_contentVersion;
    m_cache.reset();
    m_featureCount = 0;
    m_levels.clear();
    m_colors.clear();
    m_flags.clear();
    m_selected = m_hover = -1;
}

void MapRenderer::uploadColors() {
    if (m_colors.empty()) return;
    // Buffer textures need at least one texel; sizes match the feature count.
    uploadBuffer(m_colorBuffer, GL_TEXTURE_BUFFER, std::span<const Rgba>(m_colors));
    uploadBuffer(m_flagBuffer, GL_TEXTURE_BUFFER, std::span<const uint8_t>(m_flags));
    m_colorTex.attach(m_colorBuffer.id(), GL_RGBA8);
    m_flagTex.attach(m_flagBuffer.id(), GL_R8UI);
}

void MapRenderer::setFeatureColors(std::span<const Rgba> colors, std::span<const uint8_t> noData) {
    for (size_t i = 0; i < m_featureCount; ++i) {
        m_colors[i] = i < colors.size() ? colors[i] : m_style.defaultFill;
        m_flags[i] = (i < noData.size() && noData[i]) ? kFlagNoData : 0;
    }
    ++m_contentVersion;
    if (!m_ready) return;
    uploadColors();
    checkGl("MapRenderer::setFeatureColors");
}

void MapRenderer::setPoints(int layerId, std::span<const PointSymbol> symbols) {
    setPointMesh(layerId, buildPointMesh(symbols));
}

void MapRenderer::setPointMesh(int layerId, const PointMesh& mesh) {
    if (!m_ready) return;
    PointLayerGpu& layer = m_points[layerId];
    layer.originX = mesh.originX;
    layer.originY = mesh.originY;
    layer.count = mesh.instances.size();
    if (mesh.instances.empty()) {
        layer.buffer.reset();
        return;
    }
    uploadBuffer(layer.buffer, GL_TEXTURE_BUFFER, std::span<const PointInstance>(mesh.instances));
    layer.asFloat.attach(layer.buffer.id(), GL_RGBA32F);
    layer.asUint.attach(layer.buffer.id(), GL_RGBA32UI);
    checkGl("MapRenderer::setPointMesh");
}

void MapRenderer::setPointsVisible(int layerId, bool visible) {
    if (auto it = m_points.find(layerId); it != m_points.end()) it->second.visible = visible;
}

void MapRenderer::clearPoints(int layerId) { m_points.erase(layerId); }

void MapRenderer::draw(const Camera& camera, RectPx vp, float uiScale) const {
    if (!m_ready || vp.w <= 0 || vp.h <= 0) return;
    uiScale = uiScale > 0 ? uiScale : 1.0f;
    glViewport(vp.x, vp.y, vp.w, vp.h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(vp.x, vp.y, vp.w, vp.h);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_CULL_FACE);
    glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    // Destination alpha accumulates coverage, so an opaque map reads back opaque.
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    if (m_style.clearBackground) {
        const Rgba b = m_style.background;
        glClearColor(b.r / 255.f, b.g / 255.f, b.b / 255.f, b.a / 255.f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    if (m_featureCount > 0) {
        const ClipTransform t = camera.clipTransform(m_originX, m_originY);
        const size_t levelIndex = levelFor(camera.metresPerPx());
        const AreaLevel& level = m_levels[levelIndex];
        m_lastDrawUsedCache = drawFromCache(camera, vp, uiScale, levelIndex);
        if (!m_lastDrawUsedCache) {
            drawFills(level, t, uiScale, m_hover);
            drawLayerOutlines(level, t, vp, uiScale);
        }
        if (m_hover >= 0 && m_hover != m_selected)
            drawFeatureOutline(level, t, vp, m_hover, m_style.hover, m_style.hoverPx * uiScale);
        if (m_selected >= 0) {
            drawFeatureOutline(level, t, vp, m_selected, m_style.selectedHalo, (m_style.selectedPx + 2.0f) * uiScale);
            drawFeatureOutline(level, t, vp, m_selected, m_style.selected, m_style.selectedPx * uiScale);
        }
    }
    drawPoints(camera, vp, uiScale);
    glBindVertexArray(0);
    glUseProgram(0);
    glDisable(GL_SCISSOR_TEST);
    checkGl("MapRenderer::draw");
}

bool MapRenderer::drawFromCache(const Camera& camera, RectPx vp, float uiScale, size_t levelIndex) const {
    const AreaLevel& level = m_levels[levelIndex];
    if (!m_cacheEnabled || level.segmentCount < kCacheMinSegments) {
        m_cache.reset();
        return false;
    }
    const double mpp = camera.metresPerPx();
    auto offsetPx = [&](const PanCache& c, double& dx, double& dy) {
        dx = (camera.centre().x - c.camera.centre().x) / mpp;
        dy = (camera.centre().y - c.camera.centre().y) / mpp;
    };
    double dx = 0, dy = 0;
    bool valid = m_cache && m_cache->version == m_contentVersion && m_cache->level == levelIndex &&
                 m_cache->viewW == vp.w && m_cache->viewH == vp.h && m_cache->uiScale == uiScale &&
                 m_cache->camera.metresPerPx() == mpp;
    if (valid) {
        offsetPx(*m_cache, dx, dy);
        valid = std::fabs(dx) <= m_cache->marginPx - 1 && std::fabs(dy) <= m_cache->marginPx - 1;
    }
    GLint drawFb = 0, readFb = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &drawFb);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &readFb);
    if (!valid) {
        const int margin = static_cast<int>(kCacheMarginFraction * std::max(vp.w, vp.h));
        const int cw = vp.w + 2 * margin, ch = vp.h + 2 * margin;
        if (!m_cache || !m_cache->target || m_cache->target->widthPx() != cw || m_cache->target->heightPx() != ch) {
            auto fb = Framebuffer::create(cw, ch);
            if (!fb) {  // too big for this GL: draw directly
                m_cache.reset();
                return false;
            }
            m_cache.emplace();
            m_cache->target.emplace(std::move(fb.value()));
        }
        PanCache& c = *m_cache;
        c.camera = camera;
        c.camera.setViewportSize(cw, ch);
        c.marginPx = margin;
        c.viewW = vp.w;
        c.viewH = vp.h;
        c.uiScale = uiScale;
        c.level = levelIndex;
        c.version = m_contentVersion;
        c.target->bind();
        glViewport(0, 0, cw, ch);
        glScissor(0, 0, cw, ch);
        const Rgba b = m_style.background;
        glClearColor(b.r / 255.f, b.g / 255.f, b.b / 255.f, b.a / 255.f);
        glClear(GL_COLOR_BUFFER_BIT);
        const ClipTransform ct = c.camera.clipTransform(m_originX, m_originY);
        drawFills(level, ct, uiScale, -1);
        drawLayerOutlines(level, ct, RectPx{0, 0, cw, ch}, uiScale);
        dx = dy = 0;
    }
    // Copy the viewport's part of the cache (GL y up: north = +y in both).
    const int sx = m_cache->marginPx + static_cast<int>(std::lround(dx));
    const int sy = m_cache->marginPx + static_cast<int>(std::lround(dy));
    m_cache->target->bind();
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(drawFb));
    glViewport(vp.x, vp.y, vp.w, vp.h);
    glScissor(vp.x, vp.y, vp.w, vp.h);
    glBlitFramebuffer(sx, sy, sx + vp.w, sy + vp.h, vp.x, vp.y, vp.x + vp.w, vp.y + vp.h, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(readFb));
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(drawFb));
    return true;
}

void MapRenderer::endBatch() const {
    if (m_waitBetweenBatches) glFinish();
    else glFlush();
}

void MapRenderer::drawFills(const AreaLevel& level, const ClipTransform& t, float uiScale, int hover) const {
    const GLuint p = m_programs.fill.id();
    glUseProgram(p);
    setTransform(p, t);
    glUniform1i(uniform(p, "u_colors"), static_cast<GLint>(kUnitColors));
    glUniform1i(uniform(p, "u_flags"), static_cast<GLint>(kUnitFlags));
    glUniform1i(uniform(p, "u_hover"), hover);
    glUniform1f(uniform(p, "u_hatchPeriodPx"), std::max(2.0f, m_style.hatchPeriodPx * uiScale));
    m_colorTex.bindTo(kUnitColors);
    m_flagTex.bindTo(kUnitFlags);
    glBindVertexArray(level.fillVao.id());
    // Batches with a flush between them: a software rasteriser (llvmpipe) bins
    // a whole scene before drawing, so one 4M-triangle call holds ~100 MB of
    // bins; batches bound that (docs/benchmarks-render.md).
    for (size_t first = 0; first < level.triangleCount; first += kTrianglesPerBatch) {
        const size_t n = std::min(kTrianglesPerBatch, level.triangleCount - first);
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(3 * n), GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(3 * first * sizeof(uint32_t)));
        if (level.triangleCount > kTrianglesPerBatch) endBatch();
    }
}

void MapRenderer::drawLayerOutlines(const AreaLevel& level, const ClipTransform& t, RectPx vp, float uiScale) const {
    // Dense layers (the benchmark's 100k cells): hairlines of 0.5 px whatever the
    // UI scale, like QGIS's default: they show the cells without darkening them.
    if ((m_wholeLayerFeatures ? m_wholeLayerFeatures : m_featureCount) > kHairlineFeatures)
        drawOutlineRange(level, t, vp, 0, level.segmentCount, m_style.outline, 0.5f, true);
    else
        drawOutlineRange(level, t, vp, 0, level.segmentCount, m_style.outline, m_style.outlinePx * uiScale, false);
}

void MapRenderer::drawOutlineRange(const AreaLevel& level, const ClipTransform& t, RectPx vp, size_t firstSegment,
                                   size_t segmentCount, Rgba color, float widthPx, bool plain) const {
    if (segmentCount == 0 || widthPx <= 0 || color.a == 0) return;
    // Hairlines: plain rasterised 1 px lines. Widening every segment into an
    // anti-aliased quad in line.geom costs llvmpipe ~0.3 µs per segment — 0.6 s
    // of the 0.84 s draw of the 100k coverage at 4K (docs/benchmarks-render.md).
    const bool hair = plain || widthPx < 1.0f;
    const GLuint p = hair ? m_programs.hairline.id() : m_programs.line.id();
    const float halfWidth = 0.5f * std::max(1.0f, widthPx);
    glUseProgram(p);
    setTransform(p, t);
    if (!hair) {
        glUniform2f(uniform(p, "u_viewportPx"), static_cast<float>(vp.w), static_cast<float>(vp.h));
        glUniform1f(uniform(p, "u_extentPx"), halfWidth + 1.0f);
        glUniform1f(uniform(p, "u_halfWidthPx"), halfWidth);
    }
    glUniform1f(uniform(p, "u_alphaScale"), std::min(1.0f, widthPx));
    setColor(p, "u_color", color);
    glBindVertexArray(level.lineVao.id());
    glEnable(GL_PRIMITIVE_RESTART);
    glPrimitiveRestartIndex(kRingBreak);
    // Batches as in drawFills; consecutive strips share one index, so every
    // segment is drawn exactly once.
    const size_t end = firstSegment + segmentCount + 1;  // one past the last index
    for (size_t first = firstSegment; first + 1 < end; first += kSegmentsPerBatch) {
        const size_t n = std::min(kSegmentsPerBatch + 1, end - first);
        glDrawElements(GL_LINE_STRIP, static_cast<GLsizei>(n), GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(first * sizeof(uint32_t)));
        if (segmentCount > kSegmentsPerBatch) endBatch();
    }
    glDisable(GL_PRIMITIVE_RESTART);
}

void MapRenderer::drawFeatureOutline(const AreaLevel& level, const ClipTransform& t, RectPx vp, int feature,
                                     Rgba color, float widthPx) const {
    if (feature < 0 || static_cast<size_t>(feature) >= m_featureCount) return;
    const size_t begin = level.outlineStart[static_cast<size_t>(feature)];
    const size_t end = level.outlineStart[static_cast<size_t>(feature) + 1];
    if (end < begin + 2) return;
    drawOutlineRange(level, t, vp, begin, end - 1 - begin, color, widthPx, false);
}

void MapRenderer::drawPoints(const Camera& camera, RectPx vp, float uiScale) const {
    const GLuint p = m_programs.point.id();
    bool bound = false;
    for (const auto& [id, layer] : m_points) {
        if (!layer.visible || layer.count == 0) continue;
        if (!bound) {
            glUseProgram(p);
            glUniform1i(uniform(p, "u_pointsF"), static_cast<GLint>(kUnitPointsF));
            glUniform1i(uniform(p, "u_pointsU"), static_cast<GLint>(kUnitPointsU));
            glUniform2f(uniform(p, "u_viewportPx"), static_cast<float>(vp.w), static_cast<float>(vp.h));
            glUniform1f(uniform(p, "u_uiScale"), uiScale);
            glBindVertexArray(m_emptyVao.id());
            bound = true;
        }
        setTransform(p, camera.clipTransform(layer.originX, layer.originY));
        layer.asFloat.bindTo(kUnitPointsF);
        layer.asUint.bindTo(kUnitPointsU);
        // Two triangles a point (point.vert finds its point from gl_VertexID,
        // which counts from `first`), batched like the fills.
        constexpr size_t kPointsPerBatch = kTrianglesPerBatch / 2;
        for (size_t first = 0; first < layer.count; first += kPointsPerBatch) {
            const size_t n = std::min(kPointsPerBatch, layer.count - first);
            glDrawArrays(GL_TRIANGLES, static_cast<GLint>(6 * first), static_cast<GLsizei>(6 * n));
            if (layer.count > kPointsPerBatch) endBatch();
        }
    }
}

}  // namespace geso::render
