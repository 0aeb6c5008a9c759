#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "imgui_fixture.hpp"

using namespace geso::render;
using geso::render::test::ImGuiHeadless;

namespace fs = std::filesystem;

using FontsTest = ImGuiHeadless;

TEST_F(FontsTest, SwedishLettersAndLegendPunctuationAreInEveryFont) {
    // å ä ö Å Ä Ö é ü – — − ≤ ≥ · … • × ° ² ³ U+2009 U+202F U+00A0
    const ImWchar needed[] = {0x00E5, 0x00E4, 0x00F6, 0x00C5, 0x00C4, 0x00D6, 0x00E9, 0x00FC, 0x2013,
                              0x2014, 0x2212, 0x2264, 0x2265, 0x00B7, 0x2026, 0x2022, 0x00D7, 0x00B0,
                              0x00B2, 0x00B3, 0x2009, 0x202F, 0x00A0, 0x2018, 0x2019, 0x201C, 0x201D};
    for (ImFont* f : {m_fonts.regular, m_fonts.bold, m_fonts.small, m_fonts.title}) {
        ASSERT_NE(f, nullptr);
        for (ImWchar c : needed)
            EXPECT_NE(f->FindGlyphNoFallback(c), nullptr) << "U+" << std::hex << static_cast<int>(c);
    }
    EXPECT_EQ(ImGui::GetIO().FontDefault, m_fonts.regular);
}

TEST_F(FontsTest, SizesFollowTheScaleInWholePixels) {
    EXPECT_FLOAT_EQ(m_fonts.regular->FontSize, 15.0f);
    EXPECT_FLOAT_EQ(m_fonts.title->FontSize, 22.0f);
    makeContext(3840, 2160, 2.0f);
    EXPECT_FLOAT_EQ(m_fonts.regular->FontSize, 30.0f);
    EXPECT_FLOAT_EQ(m_fonts.small->FontSize, 25.0f);
    EXPECT_FLOAT_EQ(m_fonts.title->FontSize, 44.0f);
    makeContext(1920, 1080, 1.5f);
    EXPECT_EQ(m_fonts.small->FontSize, std::round(m_fonts.small->FontSize));  // 18.75 → 19
}

TEST_F(FontsTest, GlyphsAreRasterisedNotBlank) {
    // The FreeType builder drew something for 'å': its bitmap area is non-empty.
    const ImFontGlyph* g = m_fonts.regular->FindGlyphNoFallback(0x00E5);
    ASSERT_NE(g, nullptr);
    EXPECT_GT(g->X1 - g->X0, 3.0f);
    EXPECT_GT(g->Y1 - g->Y0, 5.0f);
    const ImFontGlyph* dash = m_fonts.regular->FindGlyphNoFallback(0x2013);
    const ImFontGlyph* hyphen = m_fonts.regular->FindGlyphNoFallback('-');
    ASSERT_TRUE(dash && hyphen);
    EXPECT_GT(dash->AdvanceX, hyphen->AdvanceX);  // an en dash is wider than a hyphen
}

TEST_F(FontsTest, MissingFontFileIsAnErrorNamingTheFileAndPackage) {
    const fs::path dir = fs::temp_directory_path() / "geso_e1b_no_fonts";
    fs::create_directories(dir);
    auto r = buildFonts(ImGui::GetIO(), 1.0f, dir);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().where.find("DejaVuSans.ttf"), std::string::npos) << r.error().line();
    EXPECT_NE(r.error().what.find("fonts-dejavu-core"), std::string::npos) << r.error().line();
    fs::remove_all(dir);
}

TEST_F(FontsTest, EmptyOrGarbageFontFileIsAnErrorNotACrash) {
    const fs::path dir = fs::temp_directory_path() / "geso_e1b_bad_fonts";
    fs::create_directories(dir);
    fs::copy_file(defaultFontDir() / "DejaVuSans.ttf", dir / "DejaVuSans.ttf", fs::copy_options::overwrite_existing);
    { std::ofstream(dir / "DejaVuSans-Bold.ttf", std::ios::binary); }  // zero bytes
    auto empty = buildFonts(ImGui::GetIO(), 1.0f, dir);
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().where.find("DejaVuSans-Bold.ttf"), std::string::npos);
    { std::ofstream(dir / "DejaVuSans-Bold.ttf", std::ios::binary) << "<html>not a font</html>"; }
    auto garbage = buildFonts(ImGui::GetIO(), 1.0f, dir);
    ASSERT_FALSE(garbage.ok());
    EXPECT_NE(garbage.error().what.find("TrueType"), std::string::npos) << garbage.error().line();
    fs::remove_all(dir);
    // A later good build still works in the same context.
    auto again = buildFonts(ImGui::GetIO(), 1.0f);
    ASSERT_TRUE(again.ok()) << again.error().line();
}

TEST(OverlayScale, GrowsWithTheSmallerRatioAndNeverShrinksBelowOne) {
    EXPECT_FLOAT_EQ(overlayScaleForSize(1920, 1080), 1.0f);
    EXPECT_FLOAT_EQ(overlayScaleForSize(1280, 720), 1.0f);
    EXPECT_FLOAT_EQ(overlayScaleForSize(3840, 2160), 2.0f);
    EXPECT_FLOAT_EQ(overlayScaleForSize(7680, 4320), 4.0f);
    EXPECT_FLOAT_EQ(overlayScaleForSize(3840, 1080), 1.0f);
    EXPECT_FLOAT_EQ(overlayScaleForSize(2880, 2160), 1.5f);
    EXPECT_FLOAT_EQ(overlayScaleForSize(0, 0), 1.0f);
}

TEST_F(FontsTest, NonsenseScalesAreClampedNotPropagated) {
    auto nan = buildFonts(ImGui::GetIO(), NAN);
    ASSERT_TRUE(nan.ok()) << nan.error().line();
    EXPECT_FLOAT_EQ(nan.value().regular->FontSize, 15.0f);
    auto tiny = buildFonts(ImGui::GetIO(), 0.0f);
    ASSERT_TRUE(tiny.ok()) << tiny.error().line();
    EXPECT_FLOAT_EQ(tiny.value().regular->FontSize, std::round(15.0f * 0.5f));
}
