#include "render/gl/png_writer.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <cstring>
#include <fstream>
#include <vector>

using namespace geso::render;
namespace fs = std::filesystem;

namespace {

fs::path tempDir() {
    // One folder per test and process: CTest runs the tests of this file in parallel.
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    auto d = fs::temp_directory_path() / ("geso_png_" + std::string(test->name()) + "_" + std::to_string(::getpid()));
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

TEST(PngWriter, RoundTripRgbTopDownAndBottomUpOnAnyThreadCount) {
    const auto dir = tempDir();
    // 201 rows: three full strips of 64 rows and a short one.
    const int w = 37, h = 201;
    auto px = pattern(w, h);
    for (bool bottomUp : {false, true}) {
        for (int threads : {1, 2, 5}) {
            PngOptions o;
            o.bottomUp = bottomUp;
            o.threads = threads;
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

TEST(PngWriter, EveryLevelRoundTripsAndFlatAreasCompress) {
    const auto dir = tempDir();
    // A map-like image: flat colour with a noisy band, over several strips.
    const int w = 512, h = 300;
    std::vector<uint8_t> px(static_cast<size_t>(w * h * 4), 0);
    for (size_t i = 0; i < px.size(); i += 4) {
        const size_t y = i / 4 / static_cast<size_t>(w);
        const bool band = y >= 100 && y < 110;
        px[i] = band ? static_cast<uint8_t>(i * 31) : 200;
        px[i + 1] = band ? static_cast<uint8_t>(i * 17) : 120;
        px[i + 2] = 40;
        px[i + 3] = 255;
    }
    for (int level : {0, 1, 2, 3}) {
        PngOptions o;
        o.level = level;
        const auto path = dir / ("level" + std::to_string(level) + ".png");
        ASSERT_TRUE(writePng(path, w, h, px, o).ok()) << level;
        auto img = readPng(path);
        ASSERT_TRUE(img.ok()) << img.error().line();
        for (size_t i = 0; i < px.size(); i += 4)
            ASSERT_TRUE(std::memcmp(&px[i], &img.value().rgba[i], 4) == 0) << "level " << level << " byte " << i;
        // 460 kB of rows; the flat part must not be stored as it is.
        EXPECT_LT(fs::file_size(path), 40000u) << "level " << level;
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
    EXPECT_FALSE(writePng(dir / "y.png", 0, 4, std::span<const uint8_t>{}).ok());
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

TEST(PngWriter, StripsFromASourceInOrderAndASourceErrorLeavesNoFile) {
    const auto dir = tempDir();
    const int w = 50, h = 130;
    auto px = pattern(w, h);
    std::vector<int> asked;
    const PngRowSource source = [&](int firstRow, int rowCount, uint8_t* out) -> geso::core::Status {
        asked.push_back(firstRow);
        std::memcpy(out, px.data() + static_cast<size_t>(firstRow) * w * 4, static_cast<size_t>(rowCount) * w * 4);
        return geso::core::Ok{};
    };
    ASSERT_TRUE(writePng(dir / "s.png", w, h, source).ok());
    EXPECT_EQ(asked, (std::vector<int>{0, 64, 128}));
    auto img = readPng(dir / "s.png");
    ASSERT_TRUE(img.ok()) << img.error().line();
    for (size_t i = 0; i < img.value().rgba.size(); i += 4) ASSERT_EQ(img.value().rgba[i], px[i]) << i;

    const PngRowSource failing = [&](int firstRow, int, uint8_t*) -> geso::core::Status {
        if (firstRow > 0) return geso::core::Error{"the GPU went away", "gl"};
        return geso::core::Ok{};
    };
    auto st = writePng(dir / "f.png", w, h, failing);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().what.find("the GPU went away"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "f.png"));
    int files = 0;
    for (auto& e : fs::directory_iterator(dir)) { (void)e; ++files; }
    EXPECT_EQ(files, 1);  // s.png only: no temporary left
    fs::remove_all(dir);
}

TEST(PngWriter, OnePixelImage) {
    const auto dir = tempDir();
    const std::vector<uint8_t> px{10, 20, 30, 255};
    ASSERT_TRUE(writePng(dir / "1.png", 1, 1, px).ok());
    auto img = readPng(dir / "1.png");
    ASSERT_TRUE(img.ok());
    EXPECT_EQ(img.value().rgba, px);
    fs::remove_all(dir);
}
