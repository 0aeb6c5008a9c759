#include "render/overlay/fonts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <system_error>

#include <imgui_freetype.h>

#ifndef GESO_FONT_DIR
#define GESO_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#endif

namespace geso::render {

namespace {

constexpr const char* kRegularFile = "DejaVuSans.ttf";
constexpr const char* kBoldFile = "DejaVuSans-Bold.ttf";
constexpr const char* kPackageHint = " (Debian package fonts-dejavu-core; or set GESO_FONT_DIR)";

// Glyphs the map text cannot do without (legend ranges, Swedish names).
constexpr std::array<ImWchar, 11> kRequiredGlyphs{
    0x00E5, 0x00E4, 0x00F6, 0x00C5, 0x00C4, 0x00D6,  // å ä ö Å Ä Ö
    0x2013, 0x2212, 0x2264, 0x2265, 0x00B7,          // – − ≤ ≥ ·
};

// Checks what ImGui would assert on (missing/empty file) and that it looks
// like a TrueType/OpenType font, before handing the path to ImGui.
core::Status checkFontFile(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return core::Error{std::string("font file not found") + kPackageHint, path.string()};
    if (!std::filesystem::is_regular_file(path, ec))
        return core::Error{"not a regular file (a font file was expected)", path.string()};
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 4> magic{};
    if (!in || !in.read(reinterpret_cast<char*>(magic.data()), 4))
        return core::Error{std::string("font file unreadable or too short") + kPackageHint, path.string()};
    const auto is = [&](unsigned char a, unsigned char b, unsigned char c, unsigned char d) {
        return magic[0] == a && magic[1] == b && magic[2] == c && magic[3] == d;
    };
    if (!(is(0, 1, 0, 0) || is('t', 'r', 'u', 'e') || is('O', 'T', 'T', 'O') || is('t', 't', 'c', 'f')))
        return core::Error{"not a TrueType/OpenType font", path.string()};
    return core::Ok{};
}

ImFont* addFont(ImFontAtlas& atlas, const std::filesystem::path& path, float sizePx, const char* name) {
    ImFontConfig cfg;
    // Light hinting snaps vertically only: crisp baselines, natural spacing.
    cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    std::snprintf(cfg.Name, sizeof cfg.Name, "%s, %.0fpx", name, static_cast<double>(sizePx));
    return atlas.AddFontFromFileTTF(path.c_str(), sizePx, &cfg, overlayGlyphRanges());
}

}  // namespace

std::filesystem::path defaultFontDir() {
    if (const char* env = std::getenv("GESO_FONT_DIR"); env && *env) return env;
    return GESO_FONT_DIR;
}

const ImWchar* overlayGlyphRanges() {
    static const ImWchar kRanges[] = {
        0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement: å ä ö é ü · × ° ² ³, no-break space
        0x0100, 0x017F,  // Latin Extended-A: names from neighbouring languages (ł, š, ő …)
        0x2000, 0x206F,  // General Punctuation: – — ‘ ’ “ ” … • U+2009 U+202F
        0x20AC, 0x20AC,  // €
        0x2190, 0x2193,  // ← ↑ → ↓ (north arrow, sort markers)
        0x2212, 0x2212,  // − minus sign
        0x2264, 0x2265,  // ≤ ≥
        0,
    };
    return kRanges;
}

float overlayScaleForSize(int widthPx, int heightPx) {
    const float byWidth = static_cast<float>(widthPx) / 1920.0f;
    const float byHeight = static_cast<float>(heightPx) / 1080.0f;
    return std::max(1.0f, std::min(byWidth, byHeight));
}

core::Result<FontSet> buildFonts(ImGuiIO& io, float scale, const std::filesystem::path& fontDir) {
    io.FontDefault = nullptr;
    auto fonts = buildFonts(*io.Fonts, scale, fontDir);
    if (fonts) io.FontDefault = fonts.value().regular;
    return fonts;
}

core::Result<FontSet> buildFonts(ImFontAtlas& atlas, float scale, const std::filesystem::path& fontDir) {
    if (!std::isfinite(scale)) scale = 1.0f;
    scale = std::clamp(scale, 0.5f, 8.0f);
    atlas.Clear();

    const std::filesystem::path regularPath = fontDir / kRegularFile;
    const std::filesystem::path boldPath = fontDir / kBoldFile;
    for (const auto& path : {regularPath, boldPath})
        if (auto ok = checkFontFile(path); !ok) return ok.error();

    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = 0;
    const auto px = [&](float base) { return std::max(6.0f, std::round(base * scale)); };

    FontSet fonts;
    fonts.regular = addFont(atlas, regularPath, px(kRegularFontPx), "DejaVu Sans");
    fonts.bold = addFont(atlas, boldPath, px(kRegularFontPx), "DejaVu Sans Bold");
    fonts.small = addFont(atlas, regularPath, px(kSmallFontPx), "DejaVu Sans small");
    fonts.title = addFont(atlas, boldPath, px(kTitleFontPx), "DejaVu Sans Bold title");
    if (!fonts.regular || !fonts.bold || !fonts.small || !fonts.title || !atlas.Build()) {
        atlas.Clear();
        return core::Error{"FreeType could not build the font atlas", regularPath.string()};
    }

    for (ImFont* font : {fonts.regular, fonts.bold, fonts.small, fonts.title}) {
        for (ImWchar c : kRequiredGlyphs) {
            if (!font->FindGlyphNoFallback(c)) {
                const std::string file = (font == fonts.regular || font == fonts.small ? regularPath : boldPath).string();
                atlas.Clear();
                char what[64];
                std::snprintf(what, sizeof what, "font lacks the glyph U+%04X", static_cast<unsigned>(c));
                return core::Error{what, file};
            }
        }
    }
    return fonts;
}

}  // namespace geso::render
