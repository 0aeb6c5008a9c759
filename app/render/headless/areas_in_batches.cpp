#include "render/headless/areas_in_batches.hpp"

#include <glad/gl.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace geso::render {
namespace {

// One batch between the reading thread and the GL thread: the next batch is
// read, validated and triangulated while this one is drawn (100k cells at 4K:
// 1.69 → 1.31 s, docs/benchmarks-render.md). At most three batches exist: one
// being read, one waiting here, one being drawn.
class BatchHandOver {
public:
    // Reader side: waits for the slot; false when the drawing side has stopped.
    bool put(core::AreaBatch& batch) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_slot || m_stopped; });
        if (m_stopped) return false;
        m_slot.emplace(std::move(batch));
        m_changed.notify_all();
        return true;
    }
    void finish() {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }
    // GL side: the next batch, or nullopt once the reader has finished.
    std::optional<core::AreaBatch> take() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_slot || m_finished; });
        std::optional<core::AreaBatch> out;
        if (m_slot) out.emplace(std::move(*m_slot));
        m_slot.reset();
        m_changed.notify_all();
        return out;
    }
    void stop() {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<core::AreaBatch> m_slot;
    bool m_finished = false, m_stopped = false;
};

}  // namespace

core::Status drawAreasInBatches(core::Project& p, const FeatureFill& fill, MapRenderer& renderer,
                                const Camera& camera, RectPx viewport, float uiScale,
                                const core::BatchLimits& limits, BatchesDrawn* drawn) {
    BatchHandOver handOver;
    core::Status readStatus = core::Ok{};
    std::thread reader([&] {
        readStatus = core::streamAreaGeometry(p, limits, [&](core::AreaBatch& b) -> core::Status {
            if (b.rows.empty() || handOver.put(b)) return core::Ok{};
            return core::Error{"stopped", "render"};  // the GL side failed; its error is the one reported
        });
        handOver.finish();
    });

    RenderStyle style = renderer.style();
    const auto setClear = [&](bool clear) {
        style.clearBackground = clear;
        renderer.setStyle(style);
    };
    setClear(true);  // the first batch clears; the rest draw over it
    renderer.setWholeLayerFeatureCount(p.areas.featureCount());
    std::vector<Rgba> colors;
    std::vector<uint8_t> noData;
    core::Status drawStatus = core::Ok{};
    BatchesDrawn counted;
    while (std::optional<core::AreaBatch> b = handOver.take()) {
        if (core::Status s = renderer.setAreas(b->layer, b->geometry, false); !s) {
            drawStatus = s;
            handOver.stop();
            break;
        }
        colors.clear();
        noData.clear();
        for (uint32_t row : b->rows) {
            colors.push_back(row < fill.color.size() ? fill.color[row] : Rgba{});
            noData.push_back(row < fill.noData.size() ? fill.noData[row] : uint8_t{1});
        }
        renderer.setFeatureColors(colors, noData);
        renderer.draw(camera, viewport, uiScale);
        glFinish();  // this batch's buffers and bins go before the next is uploaded
        setClear(false);
        ++counted.batches;
        counted.vertices += b->layer.xy.size();
        counted.triangles += b->geometry.triangles.size() / 3;
    }
    reader.join();
    renderer.clearAreas();
    renderer.setWholeLayerFeatureCount(0);
    if (drawn) *drawn = counted;
    if (counted.batches == 0) renderer.draw(camera, viewport, uiScale);  // nothing drawable: the background still
    setClear(false);
    if (!drawStatus) return drawStatus;
    return readStatus;
}

}  // namespace geso::render
