#pragma once
// PNG writing with libpng. The file appears complete or not at all: it is
// written to a temporary file in the target directory and renamed into place.
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "core/base/result.hpp"

namespace geso::render {

struct PngOptions {
    bool bottomUp = false;  // rows in GL order (glReadPixels): written flipped, without a copy
    bool keepAlpha = false; // false: RGB (the map is opaque; 25 % less to compress)
    // zlib level 1, no PNG filter, default strategy: the fastest of the variants
    // measured on 3840×2160 maps (docs/benchmarks-render.md), 3–4× faster than
    // libpng's defaults (level 6, adaptive filters) for files ~20 % larger.
    int zlibLevel = 1;
    bool rle = false;      // Z_RLE strategy
    int filter = 0;        // PNG filter: 0 none, 1 sub, 2 up, 3 avg, 4 paeth, -1 libpng's adaptive choice
};

// rgba: w*h*4 bytes. Errors: where = path; what = the OS or libpng message.
core::Status writePng(const std::filesystem::path& path, int widthPx, int heightPx,
                      std::span<const uint8_t> rgba, const PngOptions& options = {});

// Reads an 8-bit RGB/RGBA PNG back as RGBA rows (top row first), e.g. for tests.
struct PngImage {
    int widthPx = 0, heightPx = 0;
    std::vector<uint8_t> rgba;
};
core::Result<PngImage> readPng(const std::filesystem::path& path);

}  // namespace geso::render
