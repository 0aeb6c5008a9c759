// geso-atlas render: the viewer's map (fills, outlines, points, legend, labels,
// title, provenance) drawn offscreen with no display (EGL, Mesa llvmpipe on
// machines without a GPU) and written as a PNG.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <optional>
#include <string>

#include "cli/args.hpp"
#include "cli/report.hpp"
#include "cli/commands.hpp"
#include "cli/map_options.hpp"
#include "core/classify/classify.hpp"
#include "core/geom/triangulate.hpp"
#include "core/project/choropleth.hpp"
#include "core/project/point_symbology.hpp"
#include "core/project/project.hpp"
#include "core/text/strings.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/gl/png_writer.hpp"
#include "render/headless/areas_in_batches.hpp"
#include "render/headless/headless_context.hpp"
#include "render/headless/map_content.hpp"
#include "render/headless/map_image.hpp"
#include "render/headless/overlay_painter.hpp"
#include "render/overlay/overlay_from_project.hpp"

namespace geso::cli {
namespace {

using namespace geso::core;

constexpr int kMinSidePx = 16;
constexpr int kMaxSidePx = 16384;
constexpr int kPointsInitiatives = 1, kPointsTrygghet = 2;
constexpr int kWarmUpPx = 16;
// Above this many vertices the render drops vertices closer than kLodTolerancePx
// on the image (DataOptions::imageDetail; docs/benchmarks-render.md).
constexpr size_t kLodMinVertices = 200000;
constexpr double kLodTolerancePx = 0.75;
// Layers of more than kBatchAboveFeatures are read twice: values first, then the
// geometry in batches (core::BatchLimits), each drawn and dropped (peak memory
// of the 100k-cell coverage at 4K: 485 → 214 MiB, docs/benchmarks-render.md).
// The threshold is DataOptions::maxLabelFeatures: above it labels do not need
// the whole geometry either.
constexpr size_t kBatchAboveFeatures = 5000;

constexpr const char* kHelp =
    "usage: geso-atlas render --out FILE.png [options]\n"
    "\n"
    "Draws the same map as the viewer (areas, point layers, legend, labels, title, provenance)\n"
    "without any display and writes a PNG (written to a temporary file, then renamed).\n"
    "\n"
    "  --out FILE.png       the image to write\n"
    "  --size WxH           pixels (default 1920x1080; 16..16384 per side, e.g. 7680x4320)\n"
    "  what to map (one of; default --total):\n"
    "  --total              the total index\n"
    "  --dimension D        a dimension index, e.g. utbildning\n"
    "  --indicator I        a single indicator, e.g. utb_forgymnasial\n"
    "  --field NAME         any numeric field of the area layer\n"
    "  --year Y             default: the latest year of the indicator table\n"
    "  --normalize N        malmo100 (default) | zscore | minmax\n"
    "  --weights W          what-if weights, e.g. utb_forgymnasial=2,ekonomi=0.5 (default: the\n"
    "                       city's equal weights; the map's title says when they differ)\n"
    "  --method M           quantile | equal | jenks | stddev | pretty | boxmap | centred | manual\n"
    "                       (default: centred on the city for indices, else quantile)\n"
    "  --classes K          3..9 (default 5)\n"
    "  --breaks a,b,c       manual classes: ascending upper bounds, the last covers the largest value\n"
    "  --single-year        breaks from this year only (default: pooled over all years, comparable maps)\n"
    "  --palette P          ColorBrewer scheme, e.g. YlOrRd, RdBu (default: by method)\n"
    "  --reverse            flip the colours\n"
    "  --crs EPSG:N         display CRS (default EPSG:3008, SWEREF 99 13 30)\n"
    "  --areas FILE         area layer (default: bundled schematic GeSO boundaries)\n"
    "  --areas-layer NAME   layer in a multi-layer source\n"
    "  --assume-crs EPSG:N  CRS of the area layer when it declares none or a wrong one\n"
    "  --indicators FILE    indicator table (default: bundled illustrative values; 'none' = without)\n"
    "  --indicators-layer S sheet or table of the indicator file\n"
    "  --layout L           auto (default) | wide | long\n"
    "  --columns MAP        column names, e.g. code=Områdeskod,year=År,del_valdeltagande=Valdeltagande\n"
    "  --table-year Y       the year of a table without a year column\n"
    "  --initiatives FILE   point layer of ongoing initiatives ('none' = without)\n"
    "  --trygghet FILE      point layer of safety areas ('none' = without)\n"
    "  --lang sv|en         language of title, legend and notes (default sv)\n"
    "  --no-overlay         the map alone: no title, legend, labels or scale bar\n"
    "  --timings            print the time of each phase on stderr\n"
    "  --pan-frames N       benchmark: draw N frames while panning, print frames per second\n"
    "\n"
    "With --areas naming another file, the bundled indicator table is read only for index and\n"
    "indicator maps, and the bundled (Malmö) point layers are not drawn unless named.\n"
    "An area layer of more than 5000 features is read twice, values first, then its geometry in\n"
    "batches that are drawn and dropped: memory stays low; the map is fitted to its declared extent.\n"
    "Exit codes: 0 ok, 1 bad input or failed render/write, 2 usage error.\n"
    "Bundled data: schematic boundaries and illustrative values, not official statistics.\n";



bool parseSize(const std::string& s, int& w, int& h) {
    const auto x = s.find_first_of("xX");
    if (x == std::string::npos) return false;
    auto a = parseInt(s.substr(0, x)), b = parseInt(s.substr(x + 1));
    if (!a || !b) return false;
    w = *a;
    h = *b;
    return true;
}

// Peak resident set so far (VmHWM), for --timings.
long peakMiB() {
    long kib = -1;
    if (FILE* f = std::fopen("/proc/self/status", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f))
            if (std::sscanf(line, "VmHWM: %ld kB", &kib) == 1) break;
        std::fclose(f);
    }
    return kib < 0 ? -1 : kib / 1024;
}

class PhaseTimer {
public:
    explicit PhaseTimer(bool on) : m_on(on), m_last(Clock::now()) {}
    void mark(const char* phase) {
        if (!m_on) return;
        const auto now = Clock::now();
        std::fprintf(stderr, "phase %-10s %.4f s  peak %ld MiB\n", phase,
                     std::chrono::duration<double>(now - m_last).count(), peakMiB());
        m_last = now;
    }

private:
    using Clock = std::chrono::steady_clock;
    bool m_on;
    Clock::time_point m_last;
};

// Pans the camera across the map for `frames` frames (map + overlay each frame,
// glFinish so every frame is really drawn) and prints frames per second.
int panBenchmark(render::HeadlessContext& ctx, const render::MapRenderer& renderer,
                 const render::OverlayModel* overlay, render::Camera camera, int frames) {
    const int w = ctx.widthPx(), h = ctx.heightPx();
    std::optional<render::OverlayPainter> painter;
    const float scale = render::overlayScaleForSize(w, h);
    if (overlay) {
        auto p = render::OverlayPainter::create(w, h, scale);
        if (!p) return reportFailure(p.error());
        painter.emplace(std::move(p.value()));
    }
    const render::RectPx full{0, 0, w, h};
    ctx.framebuffer().bind();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) {
        // A brisk drag: 12 px per frame (720 px/s at 60 Hz), back and forth
        // every 100 frames so the view stays over the data.
        camera.panByPx((i / 100) % 2 == 0 ? 12.0 : -12.0, 3.0 * ((i / 50) % 2 == 0 ? 1 : -1));
        renderer.draw(camera, full, scale);
        if (painter) painter->draw(*overlay, camera, full);
        glFinish();
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("pan: %d frames %dx%d in %.3f s = %.1f frames/s (%s)\n", frames, w, h, secs, frames / secs,
                ctx.rendererName().c_str());
    return kExitOk;
}

struct GpuSetup {
    std::optional<render::HeadlessContext> context;
    render::MapRenderer renderer;
    std::optional<render::OverlayPainter> painter;
};

// llvmpipe compiles each shader for the GL state it meets at its first draw:
// one tiny draw of every pass the map will use here, on the worker, takes that
// off the critical path (the point pass: ~4 ms of it, only when there are points).
void warmUp(GpuSetup& gpu, bool withPoints) {
    AreaLayer layer;
    layer.fid = {0};
    layer.xy = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    layer.partStart = {0, 1};
    layer.ringStart = {0, 1};
    layer.vertexStart = {0, 4};
    layer.extent.expand(0, 0);
    layer.extent.expand(1, 1);
    layer.bbox = {layer.extent};
    AreaGeometry geometry;
    geometry.triangles = {0, 1, 2, 0, 2, 3};
    geometry.triStart = {0, 6};
    if (!gpu.renderer.setAreas(layer, geometry, false)) return;
    const uint8_t noData[] = {1};
    const Rgba grey[] = {Rgba{200, 200, 200, 255}};
    gpu.renderer.setFeatureColors(grey, noData);
    render::PointSymbol symbol;
    symbol.xy = {0.5, 0.5};
    if (withPoints) gpu.renderer.setPoints(0, std::span<const render::PointSymbol>(&symbol, 1));
    // A 16 px corner: the compiled variants do not depend on the viewport size.
    render::Camera camera(kWarmUpPx, kWarmUpPx);
    camera.fitBox(layer.extent);
    gpu.context->framebuffer().bind();
    gpu.renderer.draw(camera, {0, 0, kWarmUpPx, kWarmUpPx}, 1.0f);
    if (gpu.painter) gpu.painter->draw(render::OverlayModel{}, camera, {0, 0, kWarmUpPx, kWarmUpPx});
    glFinish();
    gpu.renderer.clearAreas();
    gpu.renderer.clearPoints(0);
}

// The overlay's fonts, rasterised by FreeType on the main thread (no GL needed)
// while the worker starts EGL and llvmpipe.
struct OverlayFonts {
    std::unique_ptr<ImFontAtlas> atlas;
    render::FontSet fonts;
};

Result<OverlayFonts> buildOverlayFonts(float scale) {
    OverlayFonts f;
    f.atlas = std::make_unique<ImFontAtlas>();
    auto fonts = render::buildFonts(*f.atlas, scale);
    if (!fonts) return fonts.error();
    f.fonts = fonts.value();
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    f.atlas->GetTexDataAsRGBA32(&pixels, &tw, &th);  // the RGBA copy the GL backend uploads, made here
    return f;
}

// The image's colour buffer (33 MB at 3840×2160, zero-filled by llvmpipe: 15 ms)
// is made by whichever thread is free first: the main thread once the data are
// loaded, in a second context (HeadlessContext::ImageMaker), or the worker after
// its warm-up. Measured on 14 areas: the worker is ~35 ms later, so the main
// thread takes it (docs/benchmarks-render.md).
struct ImageTask {
    std::atomic<bool> claimed{false};
    std::promise<Result<render::HeadlessContext::ImageMaker>> maker;  // set by the worker
    std::promise<void> made;  // set by the main thread once done with `maker`, if it claimed the task
};

// Shaders, overlay painter and warm-up, on the worker.
Status prepareRenderer(GpuSetup& gpu, int w, int h, std::future<Result<OverlayFonts>>* fonts, bool withPoints,
                       PhaseTimer& timer) {
    if (Status st = gpu.renderer.init(); !st) return st.error();
    timer.mark("gl:shaders");
    if (fonts) {
        auto f = fonts->get();
        if (!f) return f.error();
        timer.mark("gl:fontwait");
        auto painter = render::OverlayPainter::create(w, h, render::overlayScaleForSize(w, h),
                                                      std::move(f.value().atlas), f.value().fonts);
        if (!painter) return painter.error();
        gpu.painter.emplace(std::move(painter.value()));
        timer.mark("gl:painter");
    }
    warmUp(gpu, withPoints);
    timer.mark("gl:warm-up");
    return Ok{};
}

// Runs on a worker thread; leaves the context released for the main thread.
// `fonts` (nullptr: no overlay) is waited for only when the GL side is ready.
Result<GpuSetup> prepareGpu(int w, int h, ImageTask& image, std::future<Result<OverlayFonts>>* fonts,
                            bool withPoints, PhaseTimer& timer) {
    // The warm-up draws into a 16 px corner; the image's buffer comes after (ImageTask).
    auto context = render::HeadlessContext::create(kWarmUpPx, kWarmUpPx);
    if (!context) {
        image.maker.set_value(context.error());
        return context.error();
    }
    image.maker.set_value(context.value().imageMaker());
    timer.mark("gl:context");
    GpuSetup gpu;
    gpu.context.emplace(std::move(context.value()));
    const Status ready = prepareRenderer(gpu, w, h, fonts, withPoints, timer);
    if (!image.claimed.exchange(true)) {
        if (ready)
            if (Status st = gpu.context->replaceImage(w, h); !st) return st.error();
        timer.mark("gl:image");
    } else {
        image.made.get_future().wait();  // the main thread's ImageMaker uses this context until then
    }
    if (!ready) return ready.error();
    if (Status st = gpu.context->releaseCurrent(); !st) return st.error();
    return gpu;
}

}  // namespace

int cmdRender(int argc, char** argv) {
    OptionSpec spec{{"--out", "--size", "--pan-frames"}, {"--help", "--no-overlay", "--timings"}, 0};
    addDataOptions(spec);
    addVariableOptions(spec);
    addStyleOptions(spec);
    addLangOption(spec);
    Args args(argc, argv, 1, spec);
    if (!args.ok()) return reportUsage("render", args.error());
    if (args.has("--help")) {
        std::fputs(kHelp, stdout);
        return kExitOk;
    }
    PhaseTimer timer(args.has("--timings"));
    const std::string out = args.valueOr("--out", "");
    if (out.empty()) return reportUsage("render", "--out FILE.png is required");
    int w = 1920, h = 1080;
    if (auto s = args.value("--size")) {
        if (!parseSize(*s, w, h)) return reportUsage("render", "--size must be WxH, e.g. 3840x2160");
        if (w < kMinSidePx || h < kMinSidePx || w > kMaxSidePx || h > kMaxSidePx)
            return reportUsage("render", "--size: each side must be " + std::to_string(kMinSidePx) + ".." +
                         std::to_string(kMaxSidePx) + " pixels");
    }
    int panFrames = 0;
    if (auto f = args.value("--pan-frames")) {
        auto parsed = parseInt(*f);
        if (!parsed || *parsed < 1 || *parsed > 100000) return reportUsage("render", "--pan-frames must be 1..100000");
        panFrames = *parsed;
    }
    // The GL side (EGL + llvmpipe start-up, shader compiles, font atlas) does
    // not need the data: prepare it on a second core, from here on, while the
    // options are checked and the data loads. (An early return waits for it:
    // a std::async future joins in its destructor.)
    const bool withOverlay = !args.has("--no-overlay");
    std::promise<Result<OverlayFonts>> fontsPromise;
    std::future<Result<OverlayFonts>> fontsFuture = fontsPromise.get_future();
    const bool withPoints = drawsPointLayers(args);
    PhaseTimer gpuTimer(args.has("--timings"));
    ImageTask imageTask;
    std::future<Result<render::HeadlessContext::ImageMaker>> imageMaker = imageTask.maker.get_future();
    std::future<Result<GpuSetup>> gpuFuture =
        std::async(std::launch::async, [w, h, withOverlay, withPoints, &fontsFuture, &gpuTimer, &imageTask] {
            return prepareGpu(w, h, imageTask, withOverlay ? &fontsFuture : nullptr, withPoints, gpuTimer);
        });
    if (withOverlay) fontsPromise.set_value(buildOverlayFonts(render::overlayScaleForSize(w, h)));
    timer.mark("fonts");
    auto joinGpu = [&]() -> Result<GpuSetup> {
        auto gpu = gpuFuture.get();
        if (!gpu) return gpu;
        if (Status st = gpu.value().context->makeCurrent(); !st) return st.error();
        return gpu;
    };

    Lang lang = kDefaultLang;
    VariableChoice choice;
    MapStyle style;
    DataOptions data;
    for (const std::string& problem :
         {parseLangOption(args, lang), parseVariableOptions(args, choice),
          parseStyleOptions(args, choice.variable, style),
          parseDataOptions(args, choice.variable.kind == VariableKind::Field, data)})
        if (!problem.empty()) return reportUsage("render", problem);
    MapVariable& variable = choice.variable;
    if (Status st = checkOutputPath(out); !st) return reportFailure(st.error());
    // One image: dense layers lose the vertices it cannot show before they are
    // reprojected and triangulated (not for --pan-frames: it measures the viewer's full detail).
    if (panFrames == 0) {
        data.imageDetail = {.widthPx = w, .heightPx = h, .tolerancePx = kLodTolerancePx, .minVertices = kLodMinVertices};
        data.geometryInBatchesAbove = kBatchAboveFeatures;
    }
    timer.mark("args");

    auto project = loadProject(data);
    if (!project) {
        (void)joinGpu();  // the worker must finish before the process exits
        return reportFailure(project.error());
    }
    Project& p = project.value();
    for (const auto& warning : p.warnings) std::fprintf(stderr, "geso-atlas: note: %s\n", warning.c_str());
    if (const std::string problem = applyWeights(choice, p.catalogue, variable); !problem.empty()) {
        (void)joinGpu();
        return reportUsage("render", problem);
    }
    timer.mark("load");
    auto map = buildChoropleth(p, variable, style, lang);
    if (!map) {
        (void)joinGpu();
        return reportFailure(map.error());
    }
    if (!p.areas.geometryRead) {
        // Peak memory of a big layer: the values are in the choropleth now, the
        // names in areaName; the columns (5 MB for 100k cells) are not read again.
        std::vector<Column>().swap(p.areas.columns);
    }
    timer.mark("classify");

    std::optional<render::HeadlessContext::SharedImage> imageBuffer;
    Status imageMade = Ok{};
    if (!imageTask.claimed.exchange(true)) {  // this thread is free before the worker: the image is made here
        if (auto maker = imageMaker.get()) {
            auto made = maker.value().make(w, h);
            if (made) imageBuffer = made.value();
            else imageMade = made.error();
        }  // else: the worker failed to make its context, and says why below
        imageTask.made.set_value();
        timer.mark("image");
    }
    auto gpuResult = joinGpu();
    if (!gpuResult) return reportFailure(gpuResult.error());
    if (!imageMade) return reportFailure(imageMade.error());
    GpuSetup& gpu = gpuResult.value();
    render::HeadlessContext& ctx = *gpu.context;
    if (imageBuffer)
        if (Status st = ctx.adoptImage(*imageBuffer); !st) return reportFailure(st.error());
    render::MapRenderer& renderer = gpu.renderer;
    timer.mark("gpu-wait");

    const bool inBatches = !p.areas.geometryRead;
    if (!inBatches) {
        if (args.has("--timings"))
            std::fprintf(stderr, "areas: %zu features, %zu vertices drawn\n", p.areas.featureCount(), p.areas.xy.size());
        // One image, one scale: no pyramid (withLevels = false), except for --pan-frames (the viewer's case).
        const Status st = renderer.setAreas(p.areas, p.geometry, panFrames > 0);
        if (!st) return reportFailure(Error{st.error().what, out});
        if (panFrames == 0) {  // peak memory: the GPU has the geometry now (labels and extent stay)
            std::vector<Vec2>().swap(p.areas.xy);
            std::vector<uint32_t>().swap(p.geometry.triangles);
        }
    }
    renderer.setPanCache(panFrames > 0);  // one image: nothing to reuse
    renderer.setWaitBetweenBatches(panFrames == 0);  // one image: memory before overlap
    const render::FeatureFill fill = render::featureFill(map.value());
    render::OverlayModel overlay = render::makeOverlayModel(p, map.value(), lang);
    const render::OverlayModel* overlayPtr = withOverlay ? &overlay : nullptr;
    std::optional<render::Camera> camera;
    if (inBatches) {
        // The camera first (from the declared extent), then the areas batch by
        // batch; the overlay is made again after, with the label points they gave.
        const float scale = render::overlayScaleForSize(w, h);
        camera = render::fitMapCamera(w, h, p.areas.extent, overlayPtr, gpu.painter ? &*gpu.painter : nullptr,
                                      render::MapImageOptions{}.marginFraction);
        ctx.framebuffer().bind();
        const size_t notesBefore = p.warnings.size();
        render::BatchesDrawn drawn;
        const Status st = render::drawAreasInBatches(p, fill, renderer, *camera, {0, 0, w, h}, scale, {}, &drawn);
        if (args.has("--timings"))
            std::fprintf(stderr, "areas: %zu features in %zu batches, %zu vertices, %zu triangles drawn\n",
                         p.areas.featureCount(), drawn.batches, drawn.vertices, drawn.triangles);
        for (size_t i = notesBefore; i < p.warnings.size(); ++i)
            std::fprintf(stderr, "geso-atlas: note: %s\n", p.warnings[i].c_str());
        if (!st) return reportFailure(st.error());
        const double minLabelRadius = gpu.painter ? gpu.painter->minLabelRadiusPx() * camera->metresPerPx() : 0;
        overlay = render::makeOverlayModel(p, map.value(), lang, minLabelRadius);
        timer.mark("batches");
    } else {
        renderer.setFeatureColors(fill.color, fill.noData);
    }
    const auto addPoints = [&](const std::optional<PointLayer>& layer, PointLayerKind kind, StringId title, int slot) {
        if (!layer) return;
        auto pts = render::stylePoints(*layer, symbolizePoints(*layer, kind), std::string(tr(title, lang)));
        renderer.setPoints(slot, pts.symbols);
        overlay.pointLegends.push_back(std::move(pts.legend));
    };
    addPoints(p.initiatives, PointLayerKind::Initiatives, StringId::LayerInitiatives, kPointsInitiatives);
    addPoints(p.trygghet, PointLayerKind::Trygghet, StringId::LayerTrygghet, kPointsTrygghet);
    timer.mark("upload");

    render::MapImageOptions imageOptions;
    imageOptions.readBack = panFrames > 0;  // the PNG reads the framebuffer strip by strip
    auto image = render::renderMapImage(ctx.framebuffer(), renderer, overlayPtr, p.areas.extent, camera,
                                        imageOptions, gpu.painter ? &*gpu.painter : nullptr);
    if (!image) return reportFailure(image.error());
    timer.mark(panFrames > 0 ? "draw+read" : "draw");
    if (panFrames > 0) return panBenchmark(ctx, renderer, overlayPtr, image.value().camera, panFrames);

    // Strips are read back while the ones before are compressed on the other cores.
    render::PngOptions png;
    png.bottomUp = true;
    const render::Framebuffer& fb = ctx.framebuffer();
    const auto readStrip = [&fb](int firstRow, int rowCount, uint8_t* rgba) -> Status {
        fb.readRows(firstRow, rowCount, rgba);
        return Ok{};
    };
    if (Status st = render::writePng(out, w, h, readStrip, png); !st) return reportFailure(st.error());
    timer.mark("png");
    // The file is complete. Tearing down llvmpipe's threads, the EGL display and
    // ~100 MB of buffers only delays the exit (measured ~30 ms at 3840×2160).
    std::fflush(nullptr);
    std::_Exit(kExitOk);
}

}  // namespace geso::cli
