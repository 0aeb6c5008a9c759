// `geso-atlas classify` end to end: runs the built binary (skipped when it is not built).
// The environment variable GESO_BINARY overrides the compile-time path.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct CliRun {
    int exitCode = -1;
    std::string out, err;
};

std::string binary() {
    if (const char* env = std::getenv("GESO_BINARY"); env && *env) return env;
    return GESO_BINARY;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

CliRun run(const std::string& args) {
    const fs::path dir = fs::temp_directory_path() / ("geso_cli_classify_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string cmd = "'";
    cmd += binary();
    cmd += "' classify ";
    cmd += args;
    cmd += " >'";
    cmd += (dir / "out").string();
    cmd += "' 2>'";
    cmd += (dir / "err").string();
    cmd += "'";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir / "out");
    r.err = slurp(dir / "err");
    fs::remove_all(dir);
    return r;
}

int lineCount(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

class CliClassify : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(binary())) GTEST_SKIP() << "geso-atlas not built: " << binary();
    }
};

// A small table: six areas, del_valdeltagande 10..50 and one missing; the rest constant.
fs::path writeTable() {
    const fs::path p = fs::temp_directory_path() / ("geso_classify_table_" + std::to_string(::getpid()) + ".csv");
    std::ofstream f(p);
    f << "geso_kod,geso_namn,år,del_valdeltagande,del_fritid,del_svarsfrekvens,utb_forgymnasial,"
         "utb_yrkesbehorighet,utb_hogskolebehorighet,eko_forvarvsarbete,eko_utan_bistand,"
         "eko_ej_lag_standard,bo_kvarboende,bo_ej_trangbodda,bo_agt_bostadsratt\n";
    const std::string rest = ",50,50,50,50,50,50,50,50,50,50,50\n";
    f << "0,Malmö,2024,50" << rest;
    const char* values[] = {"10", "20", "30", "40", "50", ""};
    for (int i = 0; i < 6; ++i) f << i + 1 << ",Område " << i + 1 << ",2024," << values[i] << rest;
    return p;
}

}  // namespace

TEST_F(CliClassify, BundledTotalListsEveryArea) {
    const CliRun r = run("--total");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("method quantile, 5 classes"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("illustrativa"), std::string::npos);
    EXPECT_NE(r.out.find("GVF"), std::string::npos);
    EXPECT_NE(r.out.find("\n14    "), std::string::npos) << r.out;  // the 14th area's row
}

TEST_F(CliClassify, KnownTableEqualIntervals) {
    const fs::path table = writeTable();
    const CliRun r = run("--indicator del_valdeltagande --method equal --classes 4 --indicators '" +
                      table.string() + "'");
    fs::remove(table);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("upper 20.000000 30.000000 40.000000 50.000000"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("10\u201320"), std::string::npos) << r.out;  // Swedish legend, en dash
    EXPECT_NE(r.out.find("Uppgift saknas                    1"), std::string::npos) << r.out;
    // 20 is on the first break -> class 1; the missing area has no class.
    EXPECT_NE(r.out.find("20.00      1"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("     -      -"), std::string::npos) << r.out;
}

TEST_F(CliClassify, PooledAndCentredAndCompare) {
    const CliRun r = run("--dimension ekonomi --method centred --pooled --pool-dimensions --compare --lang en");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("centre 100.00"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("pooled"), std::string::npos);
    EXPECT_NE(r.out.find("No data"), std::string::npos);
    EXPECT_NE(r.out.find("jenks"), std::string::npos);  // the --compare table
}

TEST_F(CliClassify, UsageErrorsExitTwoWithOneLine) {
    for (const char* args : {"", "--total --dimension boende", "--total --method nope",
                             "--total --classes x", "--total --breaks 1,x,3", "--dimension nope",
                             "--total --palette Nope", "--total --frobnicate"}) {
        const CliRun r = run(args);
        EXPECT_EQ(r.exitCode, 2) << args;
        EXPECT_EQ(lineCount(r.err), 1) << args << ": " << r.err;
        EXPECT_EQ(r.err.rfind("geso-atlas: ", 0), 0u) << r.err;
    }
}

TEST_F(CliClassify, BadInputExitsOneWithOneLine) {
    for (const char* args : {"--total --indicators /nonexistent/x.csv", "--total --year 1990",
                             "--total --classes 12", "--total --method manual --breaks 90,100,110"}) {
        const CliRun r = run(args);
        EXPECT_EQ(r.exitCode, 1) << args;
        EXPECT_EQ(lineCount(r.err), 1) << args << ": " << r.err;
        EXPECT_TRUE(r.out.empty()) << args;  // nothing half-written
    }
}

// CSV for GIS colleagues: low turnout (challenged) gets the strong colour of YlOrRd.
TEST_F(CliClassify, CsvRowsWithColours) {
    const fs::path table = writeTable();
    const CliRun r = run("--indicator del_valdeltagande --method equal --classes 4 --format csv --indicators '" +
                         table.string() + "'");
    fs::remove(table);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("geso_kod,geso_namn,value,class,legend,colour\n", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("\n2,Område 2,20.000000,1,10\u201320,#e31a1c\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\n5,Område 5,50.000000,4,40\u201350,#ffffb2\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\n6,Område 6,,,Uppgift saknas,#c8c8c8\n"), std::string::npos) << r.out;
}
