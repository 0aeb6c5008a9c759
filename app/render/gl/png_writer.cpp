#include "render/gl/png_writer.hpp"

#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <png.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

namespace geso::render {
namespace {

// Why not libpng for writing: it takes the rows on one thread and deflates them
// as one stream, so the PNG of a 3840×2160 map cost 43 ms after the 19 ms
// readback. Here each strip of rows is deflated on its own (raw deflate,
// ending in a flush to a byte boundary so the pieces join into one valid
// stream, as pigz does) on every core while the next strip is read from the
// GPU; the Adler-32s are joined with zlib's adler32_combine. libpng still
// reads PNGs (readPng, tests).
// Why ISA-L's deflate, not zlib's: on the 25 MB of rows of a 3840×2160 RGB
// map (14 areas), one core, strips of 64 rows, zlib level 1 took 53 ms and
// ISA-L level 1 4 ms, for 416 vs 419 kB (docs/benchmarks-render.md).
// The Adler-32 comes from libdeflate (SIMD; already in the process as a GDAL
// dependency): 0.8 ms for those 25 MB, against ISA-L's 2.2 and zlib's 11.
constexpr int kRowsPerStrip = 64;

void putU32(std::vector<uint8_t>& out, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<uint8_t>(v >> s));
}

bool writeChunk(FILE* f, const char type[4], std::span<const uint8_t> a, std::span<const uint8_t> b = {},
                std::span<const uint8_t> c = {}) {
    std::vector<uint8_t> head;
    putU32(head, static_cast<uint32_t>(a.size() + b.size() + c.size()));
    head.insert(head.end(), type, type + 4);
    uLong crc = crc32(0, reinterpret_cast<const Bytef*>(type), 4);
    for (auto part : {a, b, c})  // not for empty parts: crc32(…, NULL, 0) restarts at 0
        if (!part.empty()) crc = crc32(crc, part.data(), static_cast<uInt>(part.size()));
    std::vector<uint8_t> tail;
    putU32(tail, static_cast<uint32_t>(crc));
    for (auto part : {std::span<const uint8_t>(head), a, b, c, std::span<const uint8_t>(tail)})
        if (!part.empty() && std::fwrite(part.data(), 1, part.size(), f) != part.size()) return false;
    return true;
}

struct Strip {
    std::vector<uint8_t> rgba;        // as the source gave it; freed once compressed
    int rows = 0;
    std::vector<uint8_t> compressed;  // raw deflate, ending in a sync flush (the last: finished)
    uLong adler = 1;
    size_t filteredBytes = 0;
    bool done = false, failed = false;
};

// A worker's buffers, kept from strip to strip: fresh megabyte-sized vectors
// come from mmap and cost a page fault per 4 KiB on first touch (~10 ms per
// 3840×2160 image).
struct Scratch {
    std::vector<uint8_t> filtered, deflated, levelBuffer;
};

// The work buffer ISA-L needs for each level (its header's defaults).
size_t levelBufferSize(int level) {
    switch (level) {
    case 1: return ISAL_DEF_LVL1_DEFAULT;
    case 2: return ISAL_DEF_LVL2_DEFAULT;
    case 3: return ISAL_DEF_LVL3_DEFAULT;
    default: return 0;
    }
}

// One strip: filter type 0 rows (RGB or RGBA), deflated on its own.
void compressStrip(Strip& s, int width, const PngOptions& o, bool last, Scratch& scratch) {
    const size_t channels = o.keepAlpha ? 4 : 3;
    const size_t rowBytes = 1 + static_cast<size_t>(width) * channels;
    std::vector<uint8_t>& filtered = scratch.filtered;
    filtered.resize(rowBytes * static_cast<size_t>(s.rows));
    for (int r = 0; r < s.rows; ++r) {
        const int src = o.bottomUp ? s.rows - 1 - r : r;
        const uint8_t* in = s.rgba.data() + static_cast<size_t>(src) * static_cast<size_t>(width) * 4;
        uint8_t* out = filtered.data() + rowBytes * static_cast<size_t>(r);
        *out++ = 0;
        if (o.keepAlpha) {
            std::memcpy(out, in, static_cast<size_t>(width) * 4);
        } else {
            for (int x = 0; x < width; ++x, in += 4, out += 3) {
                out[0] = in[0];
                out[1] = in[1];
                out[2] = in[2];
            }
        }
    }
    s.adler = libdeflate_adler32(1, filtered.data(), filtered.size());
    s.filteredBytes = filtered.size();
    const int level = std::clamp(o.level, 0, 3);
    scratch.levelBuffer.resize(levelBufferSize(level));
    // Stateless: the whole strip in one call, so the output must fit: at worst
    // stored blocks, 5 bytes per 64 KiB, plus a block header.
    scratch.deflated.resize(filtered.size() + filtered.size() / 1024 + 1024);
    isal_zstream z;
    isal_deflate_stateless_init(&z);  // raw deflate, 32 KiB window
    z.level = static_cast<uint32_t>(level);
    z.level_buf = scratch.levelBuffer.empty() ? nullptr : scratch.levelBuffer.data();
    z.level_buf_size = static_cast<uint32_t>(scratch.levelBuffer.size());
    z.next_in = filtered.data();
    z.avail_in = static_cast<uint32_t>(filtered.size());
    z.next_out = scratch.deflated.data();
    z.avail_out = static_cast<uint32_t>(scratch.deflated.size());
    z.end_of_stream = last ? 1 : 0;
    z.flush = last ? NO_FLUSH : FULL_FLUSH;  // FULL_FLUSH ends on a byte boundary
    const int rc = isal_deflate_stateless(&z);
    s.failed = rc != COMP_OK || z.avail_in != 0;
    s.compressed.assign(scratch.deflated.begin(), scratch.deflated.begin() + static_cast<std::ptrdiff_t>(z.total_out));
}

// Reads strips on this thread, compresses them on `threads` workers, writes them in order.
std::string encode(FILE* f, int width, int height, const PngRowSource& source, const PngOptions& o) {
    const int stripCount = (height + kRowsPerStrip - 1) / kRowsPerStrip;
    const int threads = std::max(1, o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency()));
    const int maxInFlight = 2 * threads;  // bounds memory: a few strips of rows at a time
    std::vector<Strip> strips(static_cast<size_t>(stripCount));
    std::mutex m;
    std::condition_variable cv;
    int queued = 0, taken = 0, written = 0;
    bool stop = false;

    std::vector<std::thread> workers;
    std::vector<std::vector<uint8_t>> freeRgba;  // strip buffers back from the workers, for reuse
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&] {
            Scratch scratch;
            for (;;) {
                int i;
                {
                    std::unique_lock lock(m);
                    cv.wait(lock, [&] { return stop || taken < queued; });
                    if (taken >= queued) return;
                    i = taken++;
                }
                Strip& s = strips[static_cast<size_t>(i)];
                compressStrip(s, width, o, i == stripCount - 1, scratch);
                {
                    std::lock_guard lock(m);
                    freeRgba.push_back(std::move(s.rgba));
                    s.done = true;
                }
                cv.notify_all();
            }
        });

    std::string error;
    uLong adler = 1;
    const uint8_t zlibHeader[2] = {0x78, 0x01};  // deflate, 32 KiB window, fastest (CMF·256 + FLG ≡ 0 mod 31)
    // Writes the next strip in order if it is compressed (or, with `wait`, once it is).
    const auto writeNext = [&](bool wait) {
        {
            std::unique_lock lock(m);
            if (written >= queued) return false;
            const Strip& next = strips[static_cast<size_t>(written)];
            if (!next.done && !wait) return false;
            cv.wait(lock, [&] { return next.done; });
        }
        Strip& s = strips[static_cast<size_t>(written)];  // only this thread moves `written`
        if (s.failed && error.empty()) error = "ISA-L could not compress the image";
        adler = adler32_combine(adler, s.adler, static_cast<z_off_t>(s.filteredBytes));
        std::vector<uint8_t> trailer;
        const bool first = written == 0, last = written == stripCount - 1;
        if (last) putU32(trailer, static_cast<uint32_t>(adler));
        if (error.empty() &&
            !writeChunk(f, "IDAT", first ? std::span<const uint8_t>(zlibHeader) : std::span<const uint8_t>{},
                        s.compressed, trailer))
            error = std::strerror(errno);
        std::vector<uint8_t>().swap(s.compressed);
        std::lock_guard lock(m);
        ++written;
        return true;
    };

    for (int i = 0; i < stripCount && error.empty(); ++i) {
        while (queued - written >= maxInFlight) writeNext(true);
        Strip& s = strips[static_cast<size_t>(i)];
        s.rows = std::min(kRowsPerStrip, height - i * kRowsPerStrip);
        {
            std::lock_guard lock(m);
            if (!freeRgba.empty()) {
                s.rgba = std::move(freeRgba.back());
                freeRgba.pop_back();
            }
        }
        s.rgba.resize(static_cast<size_t>(s.rows) * static_cast<size_t>(width) * 4);
        if (core::Status st = source(i * kRowsPerStrip, s.rows, s.rgba.data()); !st) {
            error = st.error().what;
            break;
        }
        {
            std::lock_guard lock(m);
            ++queued;
        }
        cv.notify_all();
        while (writeNext(false)) {}
    }
    while (writeNext(true)) {}  // the rest, in order (after an error: drained, not written)
    {
        std::lock_guard lock(m);
        stop = true;
    }
    cv.notify_all();
    for (auto& w : workers) w.join();
    if (error.empty() && written != stripCount) error = "the image was not complete";
    if (error.empty() && !writeChunk(f, "IEND", {})) error = std::strerror(errno);
    return error;
}

}  // namespace

core::Status writePng(const std::filesystem::path& path, int widthPx, int heightPx, const PngRowSource& rows,
                      const PngOptions& options) {
    const std::string where = path.string();
    if (widthPx < 1 || heightPx < 1) return core::Error{"image size must be at least 1x1", where};
    if (path.filename().empty()) return core::Error{"no file name", where};

    // Temporary file beside the target, so the rename is atomic on one file system.
    std::filesystem::path tmp = path;
    std::string tmpName(1, '.');  // appended piecewise: GCC 12 warns (-Wrestrict) on "." + string
    tmpName.append(path.filename().string()).append(".tmp").append(std::to_string(::getpid()));
    tmp.replace_filename(tmpName);
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return core::Error{std::string("cannot write: ") + std::strerror(errno), where};
    static thread_local char ioBuffer[1 << 20];
    std::setvbuf(f, ioBuffer, _IOFBF, sizeof ioBuffer);

    static constexpr uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<uint8_t> ihdr;
    putU32(ihdr, static_cast<uint32_t>(widthPx));
    putU32(ihdr, static_cast<uint32_t>(heightPx));
    ihdr.insert(ihdr.end(), {8, static_cast<uint8_t>(options.keepAlpha ? 6 : 2), 0, 0, 0});  // 8 bit RGB(A)
    std::string error;
    if (std::fwrite(kSignature, 1, sizeof kSignature, f) != sizeof kSignature || !writeChunk(f, "IHDR", ihdr))
        error = std::strerror(errno);
    if (error.empty()) error = encode(f, widthPx, heightPx, rows, options);
    const bool flushed = std::fflush(f) == 0;
    const int savedErrno = errno;
    const bool closed = std::fclose(f) == 0;
    if (error.empty() && (!flushed || !closed)) error = std::strerror(savedErrno);
    if (!error.empty()) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        return core::Error{"cannot write PNG: " + error, where};
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return core::Error{"cannot replace the file: " + ec.message(), where};
    }
    return core::Ok{};
}

core::Status writePng(const std::filesystem::path& path, int widthPx, int heightPx, std::span<const uint8_t> rgba,
                      const PngOptions& options) {
    if (widthPx < 1 || heightPx < 1) return core::Error{"image size must be at least 1x1", path.string()};
    if (rgba.size() != static_cast<size_t>(widthPx) * static_cast<size_t>(heightPx) * 4)
        return core::Error{"pixel buffer does not match the image size", path.string()};
    const size_t stride = static_cast<size_t>(widthPx) * 4;
    return writePng(
        path, widthPx, heightPx,
        [&](int firstRow, int rowCount, uint8_t* out) -> core::Status {
            // Bottom-up buffers hold the strip's rows bottom first already.
            const int start = options.bottomUp ? heightPx - firstRow - rowCount : firstRow;
            std::memcpy(out, rgba.data() + static_cast<size_t>(start) * stride, static_cast<size_t>(rowCount) * stride);
            return core::Ok{};
        },
        options);
}

core::Result<PngImage> readPng(const std::filesystem::path& path) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path.c_str()))
        return core::Error{std::string("cannot read PNG: ") + image.message, path.string()};
    image.format = PNG_FORMAT_RGBA;
    PngImage out;
    out.widthPx = static_cast<int>(image.width);
    out.heightPx = static_cast<int>(image.height);
    out.rgba.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, out.rgba.data(), 0, nullptr)) {
        std::string msg = image.message;
        png_image_free(&image);
        return core::Error{"cannot read PNG: " + msg, path.string()};
    }
    return out;
}

}  // namespace geso::render
