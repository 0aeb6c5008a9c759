#include "render/gl/png_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace geso::render;
namespace fs = std::filesystem;

namespace {

fs::path tempDir() {
    auto d = fs::temp_directory_path() / ("geso_e1a_png_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::create_directories(d);
    return d;
}

std::vector<uint8_t> pattern(int w, int h) {
    std::vector<uint8_t> px(static_cast<size_t>(w * h * 4));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &px[static_cast<size_t>((y * w + x) * 4)];
            p[0] = static_cast<uint8_t>(x * 7);
            p[1] = static_cast<uint8_t>(y * 13);
            p[2] = static_cast<uint8_t>((x ^ y) * 3);
            p[3] = static_cast<uint8_t>(255 - x);
        }
    return px;
}

}  // namespace

TEST(PngWriter, RoundTripRgbTopDownAndBottomUp) {
    const auto dir = tempDir();
    const int w = 37, h = 23;
    auto px = pattern(w, h);
    for (bool bottomUp : {false, true}) {
        for (int filter : {-1, 0, 2}) {
            PngOptions o;
            o.bottomUp = bottomUp;
            o.filter = filter;
            const auto path = dir / "rt.png";
            ASSERT_TRUE(writePng(path, w, h, px, o).ok());
            auto img = readPng(path);
            ASSERT_TRUE(img.ok()) << img.error().line();
            ASSERT_EQ(img.value().widthPx, w);
            ASSERT_EQ(img.value().heightPx, h);
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x) {
                    const int srcY = bottomUp ? h - 1 - y : y;
                    const uint8_t* a = &px[static_cast<size_t>((srcY * w + x) * 4)];
                    const uint8_t* b = &img.value().rgba[static_cast<size_t>((y * w + x) * 4)];
                    ASSERT_EQ(a[0], b[0]);
                    ASSERT_EQ(a[1], b[1]);
                    ASSERT_EQ(a[2], b[2]);
                    ASSERT_EQ(b[3], 255);  // RGB file: opaque
                }
        }
    }
    fs::remove_all(dir);
}

TEST(PngWriter, KeepAlphaRoundTrip) {
    const auto dir = tempDir();
    auto px = pattern(16, 9);
    PngOptions o;
    o.keepAlpha = true;
    ASSERT_TRUE(writePng(dir / "a.png", 16, 9, px, o).ok());
    auto img = readPng(dir / "a.png");
    ASSERT_TRUE(img.ok());
    EXPECT_EQ(img.value().rgba, px);
    fs::remove_all(dir);
}

TEST(PngWriter, ErrorsLeaveNoFileAndKeepExistingOne) {
    const auto dir = tempDir();
    auto px = pattern(4, 4);
    auto bad = writePng(dir / "missing_dir" / "x.png", 4, 4, px);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().where, (dir / "missing_dir" / "x.png").string());
    EXPECT_FALSE(writePng(dir / "y.png", 5, 4, px).ok());  // size mismatch
    EXPECT_FALSE(writePng(dir / "y.png", 0, 4, {}).ok());
    EXPECT_FALSE(fs::exists(dir / "y.png"));
    // An existing file stays intact when a write fails.
    { std::ofstream(dir / "keep.png") << "old"; }
    EXPECT_FALSE(writePng(dir / "keep.png", 5, 4, px).ok());
    std::ifstream in(dir / "keep.png");
    std::string s;
    in >> s;
    EXPECT_EQ(s, "old");
    // No temporary files left behind.
    int files = 0;
    for (auto& e : fs::directory_iterator(dir)) { (void)e; ++files; }
    EXPECT_EQ(files, 1);
    fs::remove_all(dir);
}

TEST(PngWriter, ReadRejectsNonPng) {
    const auto dir = tempDir();
    { std::ofstream(dir / "not.png") << "hello"; }
    EXPECT_FALSE(readPng(dir / "not.png").ok());
    EXPECT_FALSE(readPng(dir / "absent.png").ok());
    fs::remove_all(dir);
}
