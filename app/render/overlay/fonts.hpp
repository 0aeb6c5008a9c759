#pragma once
// FreeType-rendered DejaVu fonts for the viewer and the map overlay, with the
// glyphs Swedish map text needs: å ä ö é ü, – — ‘ ’ “ ” … • · (U+00B7),
// thin and narrow no-break spaces (U+2009, U+202F), − (U+2212), ≤ ≥, × ° ² ³.
// ImGui's default ranges stop at U+00FF, so dashes and ≤ would be '?'.
#include <filesystem>

#include <imgui.h>

#include "core/base/result.hpp"

namespace geso::render {

struct FontSet {
    ImFont* regular = nullptr;  // UI text, legend rows, labels
    ImFont* bold = nullptr;     // legend and panel titles
    ImFont* small = nullptr;    // counts, provenance, notes
    ImFont* title = nullptr;    // the map title
};

// Pixel sizes at scale 1 (1920×1080 at 96 dpi); buildFonts multiplies by scale
// and rounds to whole pixels, so glyphs stay crisp.
constexpr float kRegularFontPx = 15.0f;
constexpr float kSmallFontPx = 12.5f;
constexpr float kTitleFontPx = 22.0f;

// The directory searched by default: GESO_FONT_DIR at build time
// (/usr/share/fonts/truetype/dejavu, package fonts-dejavu-core), overridable at
// run time with the environment variable GESO_FONT_DIR.
std::filesystem::path defaultFontDir();

// The glyph ranges used for every font (zero-terminated pairs, static storage).
const ImWchar* overlayGlyphRanges();

// Clears io.Fonts (every ImFont* from before is invalid afterwards), loads
// DejaVuSans.ttf and DejaVuSans-Bold.ttf from fontDir with imgui_freetype,
// builds the atlas and sets io.FontDefault = regular. scale: HiDPI content
// scale in the viewer, overlayScaleForSize() for headless renders; clamped to
// [0.5, 8]. After a rebuild the viewer must re-upload the font texture.
// Call between frames (not between NewFrame and Render: the atlas is locked then).
// Errors (where = the font file): missing, unreadable, not a TrueType font, or a
// required glyph (å, –, ≤ …) missing; the atlas is left cleared.
core::Result<FontSet> buildFonts(ImGuiIO& io, float scale, const std::filesystem::path& fontDir = defaultFontDir());
// The same into an atlas of one's own, no ImGui context needed (e.g. on another
// thread while a GL context is made); pass it to OverlayPainter::create.
core::Result<FontSet> buildFonts(ImFontAtlas& atlas, float scale, const std::filesystem::path& fontDir = defaultFontDir());

// The overlay/text scale for a headless frame: 1 up to 1920×1080, growing with
// the smaller of the two ratios, so 3840×2160 → 2 and 7680×4320 → 4 (text keeps
// its share of the frame on a 4K projector). Never below 1.
float overlayScaleForSize(int widthPx, int heightPx);

}  // namespace geso::render
