#pragma once
// Internal to geom/: runs work over [0, n) in chunks on a few threads. Each
// thread calls makeState() once (e.g. its own GEOS context) and then
// work(state, begin, end) for the chunks it claims. Chunks are claimed in
// order from an atomic counter, so the split adapts to uneven features.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace geso::core::detail {

inline int resolveThreads(int requested, size_t items, size_t minItemsPerThread) {
    int t = requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const size_t useful = std::max<size_t>(1, items / std::max<size_t>(1, minItemsPerThread));
    return static_cast<int>(std::min<size_t>(static_cast<size_t>(t), useful));
}

template <class MakeState, class Work>
void parallelChunks(size_t n, int threads, size_t chunk, MakeState makeState, Work work) {
    std::atomic<size_t> next{0};
    auto run = [&] {
        auto state = makeState();
        for (;;) {
            const size_t begin = next.fetch_add(chunk);
            if (begin >= n) break;
            work(state, begin, std::min(n, begin + chunk));
        }
    };
    if (threads <= 1) {
        run();
        return;
    }
    std::vector<std::thread> pool;
    pool.reserve(static_cast<size_t>(threads - 1));
    for (int t = 1; t < threads; ++t) {
        try {
            pool.emplace_back(run);
        } catch (...) {  // no more threads: the calling thread takes the remaining chunks
            break;
        }
    }
    run();
    for (auto& th : pool) th.join();
}

}  // namespace geso::core::detail
