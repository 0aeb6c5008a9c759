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
    EXPECT_NE(r.out.find("Ingen data                        1"), std::string::npos) << r.out;
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
                             "--total --palette Nope", "--total --frobnicate",
                             // Out-of-range option values are usage errors too.
                             "--total --classes 10", "--total --classes 12", "--total --classes 2",
                             "--total --method boxmap --classes 10", "--total --year 1800",
                             "--total --year 99999", "--total --breaks 1,2", "--total --breaks 3,2,1",
                             "--total --breaks 1,2,3,4,5,6,7,8,9,10", "--total --pooled --single-year",
                             "--total --layout tall", "--total --columns nosuch=x", "--total --table-year x",
                             "--total --weights utbildning=0,delaktighet=0,ekonomi=0,boende=0",
                             "--total --weights utb_forgymnasial=0,utb_yrkesbehorighet=0,"
                             "utb_hogskolebehorighet=0"}) {
        const CliRun r = run(args);
        EXPECT_EQ(r.exitCode, 2) << args;
        EXPECT_EQ(lineCount(r.err), 1) << args << ": " << r.err;
        EXPECT_EQ(r.err.rfind("geso-atlas: ", 0), 0u) << r.err;
    }
}

TEST_F(CliClassify, BadInputExitsOneWithOneLine) {
    for (const char* args : {"--total --indicators /nonexistent/x.csv", "--total --year 1990",
                             "--total --year 2030", "--total --method manual --breaks 90,100,110",
                             "--total --areas /nonexistent/areas.shp", "--total --layer nosuch"}) {
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
    EXPECT_NE(r.out.find("\n6,Område 6,,,Ingen data,#c8c8c8\n"), std::string::npos) << r.out;
}

namespace {

const char* kHeader =
    "geso_kod,geso_namn,år,del_valdeltagande,del_fritid,del_svarsfrekvens,utb_forgymnasial,"
    "utb_yrkesbehorighet,utb_hogskolebehorighet,eko_forvarvsarbete,eko_utan_bistand,"
    "eko_ej_lag_standard,bo_kvarboende,bo_ej_trangbodda,bo_agt_bostadsratt\n";

fs::path writeFile(const std::string& name, const std::string& text) {
    const fs::path p = fs::temp_directory_path() / (std::to_string(::getpid()) + "_" + name);
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

// Six areas in 2023 and 2024; del_valdeltagande 10..50 in 2023 and 60..100 in 2024, area 6
// missing both years; everything else 50 (the city too).
fs::path writeTwoYears() {
    const std::string rest = ",50,50,50,50,50,50,50,50,50,50,50\n";
    std::string t = kHeader;
    for (int year : {2023, 2024}) {
        t += "0,Malmö," + std::to_string(year) + ",50" + rest;
        const int base = year == 2023 ? 10 : 60;
        for (int i = 0; i < 6; ++i)
            t += std::to_string(i + 1) + ",Område " + std::to_string(i + 1) + "," + std::to_string(year) + "," +
                 (i < 5 ? std::to_string(base + 10 * i) : std::string()) + rest;
    }
    return writeFile("two_years.csv", t);
}

// Single-quoted for the shell (built with += : GCC 12 warns falsely on "'" + s + "'").
std::string q(const fs::path& p) {
    std::string s = "'";
    s += p.string();
    s += "'";
    return s;
}

}  // namespace

// Pooled breaks are the default (as in the viewer and the export): equal intervals over
// 10..100 are 32,5 / 55 / 77,5 / 100; --single-year 2024 alone gives 70 / 80 / 90 / 100.
TEST_F(CliClassify, BreaksArePooledOverAllYearsByDefault) {
    const fs::path table = writeTwoYears();
    const std::string base = "--indicator del_valdeltagande --method equal --classes 4 --areas none --indicators " +
                             q(table);
    const CliRun pooled = run(base);
    const CliRun alias = run(base + " --pooled");
    const CliRun single = run(base + " --single-year");
    fs::remove(table);
    ASSERT_EQ(pooled.exitCode, 0) << pooled.err;
    EXPECT_NE(pooled.out.find("year 2024 (the latest with area rows)"), std::string::npos) << pooled.out;
    // Two areas are missing: they are not counted among the values the breaks come from.
    EXPECT_NE(pooled.out.find("breaks pooled over 2023\u20132024 (2 years, 10 values; 2 missing left out)\n"),
              std::string::npos)
        << pooled.out;
    EXPECT_NE(pooled.out.find("upper 32.500000 55.000000 77.500000 100.000000"), std::string::npos) << pooled.out;
    EXPECT_EQ(alias.out, pooled.out);
    ASSERT_EQ(single.exitCode, 0) << single.err;
    EXPECT_NE(single.out.find("breaks from 2024 only (5 values; 1 missing left out; --single-year)\n"),
              std::string::npos)
        << single.out;
    EXPECT_NE(single.out.find("upper 70.000000 80.000000 90.000000 100.000000"), std::string::npos) << single.out;
}

// A year with only a city row (a preliminary city figure) must not become the default year.
TEST_F(CliClassify, DefaultYearIsTheLatestWithAreaRows) {
    const std::string rest = ",50,50,50,50,50,50,50,50,50,50,50\n";
    std::string t = kHeader;
    t += "0,Malmö,2024,50" + rest + "0,Malmö,2025,51" + rest;
    for (int i = 1; i <= 5; ++i) t += std::to_string(i) + ",Område " + std::to_string(i) + ",2024," +
                                      std::to_string(10 * i) + rest;
    const fs::path table = writeFile("city_only.csv", t);
    const CliRun r = run("--indicator del_valdeltagande --method equal --classes 4 --areas none --indicators " +
                         q(table));
    const CliRun csv = run("--indicator del_valdeltagande --method equal --classes 4 --areas none --format csv "
                           "--indicators " + q(table));
    fs::remove(table);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("classify del_valdeltagande (raw %), year 2024 (the latest with area rows),", 0), 0u)
        << r.out;
    // 2025 has no area rows: left out of the pool, and said so.
    EXPECT_NE(r.out.find("breaks pooled over 2024 (1 year, 5 values)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("note: 2025 left out of the pool: no area rows for 2025"), std::string::npos) << r.out;
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_NE(csv.err.find("geso-atlas: note: year 2024 (the latest with area rows)"), std::string::npos) << csv.err;
}

TEST_F(CliClassify, ClassesThatAMethodFixesGiveANote) {
    const CliRun box = run("--total --method boxmap --classes 7");
    ASSERT_EQ(box.exitCode, 0) << box.err;
    EXPECT_NE(box.err.find("geso-atlas: note: --classes 7 is not used: boxmap gives 6 classes"), std::string::npos)
        << box.err;
    const CliRun sd = run("--total --method stddev --classes 5");
    ASSERT_EQ(sd.exitCode, 0) << sd.err;
    EXPECT_NE(sd.err.find("geso-atlas: note: --classes 5 is not used: stddev gives "), std::string::npos) << sd.err;
    const CliRun plain = run("--total --method boxmap");
    EXPECT_EQ(plain.err.find("--classes"), std::string::npos) << plain.err;  // not asked: nothing to say
}

TEST_F(CliClassify, PaletteSaysWhetherItIsColourBlindSafe) {
    const CliRun safe = run("--total");
    ASSERT_EQ(safe.exitCode, 0) << safe.err;
    EXPECT_NE(safe.out.find("\npalette YlOrRd (colour-blind safe)\n"), std::string::npos) << safe.out;
    EXPECT_EQ(safe.err.find("colour-blind"), std::string::npos) << safe.err;
    const CliRun spectral = run("--total --method centred --palette spectral");
    ASSERT_EQ(spectral.exitCode, 0) << spectral.err;
    EXPECT_NE(spectral.out.find("\npalette Spectral (not colour-blind safe)\n"), std::string::npos) << spectral.out;
    EXPECT_NE(spectral.err.find("geso-atlas: warning: palette Spectral is not colour-blind safe (ColorBrewer); "
                                "safe diverging schemes: BrBG, PiYG, PRGn, PuOr, RdBu, RdYlBu"),
              std::string::npos)
        << spectral.err;
    const CliRun rdylgn = run("--total --palette RdYlGn --format csv");
    EXPECT_NE(rdylgn.err.find("palette RdYlGn is not colour-blind safe"), std::string::npos) << rdylgn.err;
}

// Malmö = 100: centred classes read under / kring / över Malmö.
TEST_F(CliClassify, MalmoHundredLegendReadsAgainstTheCity) {
    const CliRun r = run("--total --method centred --classes 5");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const char* text : {"under Malmö", "kring Malmö", "över Malmö",
                             "Malmö = 100 (staden som helhet); högre är bättre."})
        EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
    const CliRun en = run("--total --method centred --classes 5 --lang en");
    for (const char* text : {"below Malmö", "about Malmö", "above Malmö"})
        EXPECT_NE(en.out.find(text), std::string::npos) << text << "\n" << en.out;
    // Raw shares and z-scores have no "Malmö = 100" reading.
    const CliRun raw = run("--indicator del_fritid");
    EXPECT_EQ(raw.out.find("Malmö = 100"), std::string::npos) << raw.out;
    const CliRun z = run("--total --normalize zscore");
    EXPECT_EQ(z.out.find("kring Malmö"), std::string::npos) << z.out;
}

TEST_F(CliClassify, TableOptionsAndBoundaryCheck) {
    // The city's own headings and no year column.
    const std::string rest = ";50;50;50;50;50;50;50;50;50;50;50\n";
    std::string t = "Områdeskod;Namn;Valdeltagande (%);del_fritid;del_svarsfrekvens;utb_forgymnasial;"
                    "utb_yrkesbehorighet;utb_hogskolebehorighet;eko_forvarvsarbete;eko_utan_bistand;"
                    "eko_ej_lag_standard;bo_kvarboende;bo_ej_trangbodda;bo_agt_bostadsratt\n";
    t += "0;Malmö;50" + rest;
    for (int i = 1; i <= 5; ++i) t += std::to_string(i) + ";Område " + std::to_string(i) + ";" +
                                      std::to_string(10 * i) + rest;
    const fs::path table = writeFile("egen.csv", t);
    const std::string opts = "--indicator del_valdeltagande --method equal --classes 4 --indicators " + q(table) +
                             " --columns 'code=Områdeskod,del_valdeltagande=Valdeltagande (%)' --layout wide";
    const CliRun r = run(opts + " --table-year 2022 --areas none --layer " + table.stem().string());
    const CliRun noYear = run(opts + " --areas none");
    const CliRun checked = run(opts + " --table-year 2022");  // names differ from the bundled boundaries
    fs::remove(table);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("year 2022 (the latest with area rows)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("upper 20.000000 30.000000 40.000000 50.000000"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("table warnings"), std::string::npos) << r.out;
    EXPECT_EQ(noYear.exitCode, 1);
    EXPECT_NE(noYear.err.find("no year column (expected e.g. 'år'"), std::string::npos) << noYear.err;
    ASSERT_EQ(checked.exitCode, 0) << checked.err;
    // 5 names differ and 9 bundled areas have no rows.
    EXPECT_NE(checked.out.find("table warnings: 14 (see geso-atlas index)"), std::string::npos) << checked.out;
}
