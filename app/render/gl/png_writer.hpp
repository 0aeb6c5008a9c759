#pragma once
// PNG writing. The file appears complete or not at all: it is written to a
// temporary file in the target directory and renamed into place.
//
// The encoder is our own framing around ISA-L's deflate (png_writer.cpp says why): rows
// arrive in strips — e.g. read back from the GPU strip by strip — and the
// strips are compressed on all cores while the next ones are read.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <vector>

#include "core/base/result.hpp"

namespace geso::render {

struct PngOptions {
    bool bottomUp = false;  // rows in GL order (glReadPixels): the bottom row first
    bool keepAlpha = false; // false: RGB (the map is opaque; 25 % less to compress)
    // ISA-L deflate level (0..3), no PNG filter: level 1 is the fastest of the
    // variants measured on 3840×2160 maps (docs/benchmarks-render.md), for files
    // ~20 % larger than libpng's defaults.
    int level = 1;
    int threads = 0;        // compressing threads; 0 = the machine's cores
};

// Fills `rgba` (rowCount × width × 4 bytes) with the image rows
// firstRow … firstRow + rowCount − 1, counted from the top; within the strip
// the rows are top first, or bottom first with PngOptions::bottomUp.
// Called on the caller's thread, strip after strip, top to bottom.
using PngRowSource = std::function<core::Status(int firstRow, int rowCount, uint8_t* rgba)>;

// Errors: where = path; what = the OS message, or the source's error.
core::Status writePng(const std::filesystem::path& path, int widthPx, int heightPx, const PngRowSource& rows,
                      const PngOptions& options = {});
// The whole image in memory: rgba is w*h*4 bytes (top row first, or bottom first with bottomUp).
core::Status writePng(const std::filesystem::path& path, int widthPx, int heightPx,
                      std::span<const uint8_t> rgba, const PngOptions& options = {});

// Reads an 8-bit RGB/RGBA PNG back as RGBA rows (top row first), e.g. for tests.
struct PngImage {
    int widthPx = 0, heightPx = 0;
    std::vector<uint8_t> rgba;
};
core::Result<PngImage> readPng(const std::filesystem::path& path);

}  // namespace geso::render
