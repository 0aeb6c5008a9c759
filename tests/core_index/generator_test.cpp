// The committed geodata/indikatorer.csv is exactly what tools/gen_indicators.py writes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.hpp"

namespace {

std::string slurpFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST(IndicatorGenerator, ReproducesTheBundledFile) {
    if (!std::filesystem::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
    geso::test::TempDir dir;
    const std::string out = dir.file("indikatorer.csv");
    const std::string cmd = std::string("/usr/bin/python3 '") + GESO_SOURCE_DIR + "/tools/gen_indicators.py' '" + out +
                            "' >/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    const std::string generated = slurpFile(out);
    ASSERT_FALSE(generated.empty());
    EXPECT_TRUE(generated == slurpFile(std::string(GESO_SOURCE_DIR) + "/geodata/indikatorer.csv"))
        << "rerun tools/gen_indicators.py and commit geodata/indikatorer.csv";
    EXPECT_FALSE(std::filesystem::exists(out + ".tmp"));
}
