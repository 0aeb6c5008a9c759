#include "render/gl/png_writer.hpp"

#include <png.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>

namespace geso::render {
namespace {

struct WriteJob {
    FILE* file = nullptr;
    png_uint_32 width = 0, height = 0;
    const uint8_t* rgba = nullptr;
    PngOptions options;
    char error[256] = {};
};

void onPngError(png_structp png, png_const_charp msg) {
    auto* job = static_cast<WriteJob*>(png_get_error_ptr(png));
    std::snprintf(job->error, sizeof job->error, "%s", msg ? msg : "libpng error");
    png_longjmp(png, 1);
}

void onPngWarning(png_structp, png_const_charp) {}

int filterMask(int filter) {
    switch (filter) {
        case 0: return PNG_FILTER_NONE;
        case 1: return PNG_FILTER_SUB;
        case 2: return PNG_FILTER_UP;
        case 3: return PNG_FILTER_AVG;
        case 4: return PNG_FILTER_PAETH;
        default: return PNG_ALL_FILTERS;
    }
}

// No C++ objects with destructors live in this frame: libpng reports errors by longjmp.
bool writeRows(WriteJob& job) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &job, onPngError, onPngWarning);
    if (!png) {
        std::snprintf(job.error, sizeof job.error, "libpng: out of memory");
        return false;
    }
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        if (!job.error[0]) std::snprintf(job.error, sizeof job.error, "libpng: out of memory");
        return false;
    }
    png_init_io(png, job.file);
    const bool alpha = job.options.keepAlpha;
    png_set_IHDR(png, info, job.width, job.height, 8, alpha ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, job.options.zlibLevel);
    png_set_compression_strategy(png, job.options.rle ? Z_RLE : Z_DEFAULT_STRATEGY);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filterMask(job.options.filter));
    png_write_info(png, info);
    if (!alpha) png_set_filler(png, 0, PNG_FILLER_AFTER);  // input stays RGBA; the 4th byte is dropped
    const size_t stride = static_cast<size_t>(job.width) * 4;
    for (png_uint_32 y = 0; y < job.height; ++y) {
        const png_uint_32 src = job.options.bottomUp ? job.height - 1 - y : y;
        png_write_row(png, job.rgba + static_cast<size_t>(src) * stride);
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

}  // namespace

core::Status writePng(const std::filesystem::path& path, int widthPx, int heightPx, std::span<const uint8_t> rgba,
                      const PngOptions& options) {
    const std::string where = path.string();
    if (widthPx < 1 || heightPx < 1) return core::Error{"image size must be at least 1x1", where};
    if (rgba.size() != static_cast<size_t>(widthPx) * static_cast<size_t>(heightPx) * 4)
        return core::Error{"pixel buffer does not match the image size", where};
    if (path.filename().empty()) return core::Error{"no file name", where};

    // Temporary file beside the target, so the rename is atomic on one file system.
    std::filesystem::path tmp = path;
    std::string tmpName(1, '.');  // appended piecewise: GCC 12 warns (-Wrestrict) on "." + string
    tmpName.append(path.filename().string()).append(".tmp").append(std::to_string(::getpid()));
    tmp.replace_filename(tmpName);
    WriteJob job;
    job.file = std::fopen(tmp.c_str(), "wb");
    if (!job.file) return core::Error{std::string("cannot write: ") + std::strerror(errno), where};
    static thread_local char ioBuffer[1 << 20];
    std::setvbuf(job.file, ioBuffer, _IOFBF, sizeof ioBuffer);
    job.width = static_cast<png_uint_32>(widthPx);
    job.height = static_cast<png_uint_32>(heightPx);
    job.rgba = rgba.data();
    job.options = options;
    job.options.zlibLevel = std::clamp(options.zlibLevel, 0, 9);

    const bool wrote = writeRows(job);
    const bool flushed = std::fflush(job.file) == 0;
    const int savedErrno = errno;
    const bool closed = std::fclose(job.file) == 0;
    if (!wrote || !flushed || !closed) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        std::string what = job.error[0] ? job.error : std::strerror(savedErrno);
        return core::Error{"cannot write PNG: " + what, where};
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return core::Error{"cannot replace the file: " + ec.message(), where};
    }
    return core::Ok{};
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
