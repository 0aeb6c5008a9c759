// Runs the geso-atlas binary's `index` subcommand end to end.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using geso::test::TempDir;

namespace {

struct CliRun {
    int exitCode = -1;
    std::string out, err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// Arguments are single-quoted for the shell; none of ours contain a quote.
CliRun runIndex(const TempDir& dir, const std::vector<std::string>& args) {
    std::string cmd = std::string("'") + GESO_BINARY + "' index";
    for (const auto& a : args) cmd += " '" + a + "'";
    cmd += " >'" + dir.file("out.txt") + "' 2>'" + dir.file("err.txt") + "'";
    CliRun r;
    const int status = std::system(cmd.c_str());
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir.file("out.txt"));
    r.err = slurp(dir.file("err.txt"));
    return r;
}

class CliIndex : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(GESO_BINARY)) GTEST_SKIP() << "geso-atlas not built: " << GESO_BINARY;
    }
    TempDir dir;
};

const char* kWideHeader =
    "geso_kod,geso_namn,år,del_valdeltagande,del_fritid,del_svarsfrekvens,utb_forgymnasial,"
    "utb_yrkesbehorighet,utb_hogskolebehorighet,eko_forvarvsarbete,eko_utan_bistand,"
    "eko_ej_lag_standard,bo_kvarboende,bo_ej_trangbodda,bo_agt_bostadsratt\n";

}  // namespace

TEST_F(CliIndex, BundledTableFormat) {
    const CliRun r = runIndex(dir, {});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("Illustrativa värden, inte officiell statistik."), std::string::npos);
    EXPECT_NE(r.out.find("GeSO index 2024, Malmö = 100 (malmo100), equal weights"), std::string::npos);
    const auto ls = lines(r.out);
    size_t headerLine = 0;
    while (headerLine < ls.size() && ls[headerLine].rfind("geso_kod", 0) != 0) ++headerLine;
    ASSERT_LT(headerLine, ls.size()) << r.out;
    const std::string& h = ls[headerLine];
    for (const char* col : {"del_valdeltagande", "bo_agt_bostadsratt_norm", "delaktighet", "utbildning", "ekonomi",
                            "boende", "total", "rank", "flags"})
        EXPECT_NE(h.find(col), std::string::npos) << col;
    EXPECT_EQ(ls.size() - headerLine - 1, 14u);
    // Decimal comma, no decimal points in the numbers.
    const std::string& row10 = ls[headerLine + 10];
    EXPECT_EQ(row10.find("10  Örtagården, Herrgården m fl"), row10.find_first_not_of(' ')) << row10;
    EXPECT_NE(row10.find(','), std::string::npos);
    EXPECT_EQ(row10.find('.'), std::string::npos) << row10;
}

TEST_F(CliIndex, CsvAndJsonFormats) {
    const CliRun csv = runIndex(dir, {"--format", "csv", "--year", "2020", "--normalize", "minmax"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    const auto ls = lines(csv.out);
    ASSERT_EQ(ls.size(), 15u);
    EXPECT_EQ(ls[0].rfind("geso_kod,geso_namn,del_valdeltagande,", 0), 0u) << ls[0];
    EXPECT_NE(ls[0].find(",delaktighet,utbildning,ekonomi,boende,total,rank,flags,weights"), std::string::npos);
    EXPECT_EQ(ls[1].rfind("1,\"Västra hamnen, Gamla staden m fl\",", 0), 0u) << ls[1];
    EXPECT_NE(ls[4].find("delaktighet: 2 of 3 indicators"), std::string::npos) << ls[4];  // area 4, 2020
    EXPECT_NE(csv.err.find("illustrativa värden"), std::string::npos);

    const CliRun js = runIndex(dir, {"--format=json", "--normalize", "zscore"});
    ASSERT_EQ(js.exitCode, 0) << js.err;
    const auto doc = nlohmann::json::parse(js.out, nullptr, false);
    ASSERT_FALSE(doc.is_discarded()) << js.out;
    EXPECT_EQ(doc["normalization"], "zscore");
    EXPECT_EQ(doc["year"], 2024);
    EXPECT_EQ(doc["illustrative"], true);
    EXPECT_EQ(doc["custom_weights"], false);
    ASSERT_EQ(doc["areas"].size(), 14u);
    EXPECT_EQ(doc["areas"][0]["geso_kod"], 1);
    EXPECT_TRUE(doc["areas"][0]["values"].contains("utb_forgymnasial"));
    double sum = 0;
    for (const auto& a : doc["areas"]) sum += a["normalized"]["del_fritid"].get<double>();
    EXPECT_NEAR(sum, 0.0, 1e-9);  // z-scores centre on the mean of the areas
}

TEST_F(CliIndex, CustomWeightsAreAnnounced) {
    const CliRun r = runIndex(dir, {"--weights", "utb_forgymnasial=2,ekonomi=0.5"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("custom weights (utb_forgymnasial=2, utb_yrkesbehorighet=1, utb_hogskolebehorighet=1, "
                         "delaktighet=1, utbildning=1, ekonomi=0.5, boende=1)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("CUSTOM WEIGHTS"), std::string::npos);
    EXPECT_NE(r.out.find("not the city's index"), std::string::npos);

    const CliRun same = runIndex(dir, {"--weights", "del_fritid=1", "--format", "csv"});
    ASSERT_EQ(same.exitCode, 0);
    EXPECT_NE(same.err.find("same result as the city's equal weights"), std::string::npos) << same.err;
    EXPECT_NE(same.out.find(",equal\n"), std::string::npos);
}

TEST_F(CliIndex, BadCellIsOneLineAndExitOne) {
    const std::string path = dir.write("bad.csv", std::string(kWideHeader) +
                                                     "0,Malmö,2024,80,60,40,10,80,70,70,90,80,85,80,50\n"
                                                     "1,Ett,2024,80,abc,40,10,80,70,70,90,80,85,80,50\n"
                                                     "1,Ett,2024,80,60,40,10,80,70,70,90,80,85,80,50\n");
    const CliRun r = runIndex(dir, {"--indicators", path});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, "");
    const auto ls = lines(r.err);
    ASSERT_EQ(ls.size(), 1u) << r.err;
    EXPECT_EQ(ls[0], "geso-atlas: " + path +
                         ": row 3, column del_fritid: 'abc' is not a number (del_fritid); value treated as missing"
                         " (and 1 more errors)");
}

TEST_F(CliIndex, BadFilesAndValues) {
    const CliRun missing = runIndex(dir, {"--indicators", dir.file("nope.csv")});
    EXPECT_EQ(missing.exitCode, 1);
    ASSERT_EQ(lines(missing.err).size(), 1u) << missing.err;
    EXPECT_EQ(missing.err.rfind("geso-atlas: " + dir.file("nope.csv") + ": ", 0), 0u) << missing.err;

    const std::string noCity = dir.write("nocity.csv", std::string(kWideHeader) +
                                                          "1,Ett,2024,80,60,40,10,80,70,70,90,80,85,80,50\n");
    const CliRun r = runIndex(dir, {"--indicators", noCity});
    EXPECT_EQ(r.exitCode, 1);
    ASSERT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find("no city row"), std::string::npos);
    // Without the city, z-score still works (the warning about the city goes to stderr).
    const CliRun z = runIndex(dir, {"--indicators", noCity, "--normalize", "zscore"});
    EXPECT_EQ(z.exitCode, 0) << z.err;
    EXPECT_NE(z.err.find("geso-atlas: warning: " + noCity + ": no city row"), std::string::npos) << z.err;

    const CliRun year = runIndex(dir, {"--year", "1999"});
    EXPECT_EQ(year.exitCode, 1);
    EXPECT_NE(year.err.find("no data for 1999 (years in the table: 2018–2024)"), std::string::npos) << year.err;

    const CliRun badCatalogue = runIndex(dir, {"--catalogue", dir.write("c.json", "{")});
    EXPECT_EQ(badCatalogue.exitCode, 1);
    EXPECT_EQ(lines(badCatalogue.err).size(), 1u);
}

TEST_F(CliIndex, ChecksNamesAgainstTheBoundaryLayer) {
    const std::string areas = std::string(GESO_SOURCE_DIR) + "/geodata/geso_omraden.shp";
    if (!std::filesystem::exists(areas)) GTEST_SKIP() << "no bundled boundaries";
    const CliRun ok = runIndex(dir, {"--areas", areas, "--format", "csv"});
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_EQ(ok.err.find("warning"), std::string::npos) << ok.err;  // the bundled files agree

    const std::string path = dir.write("names.csv", std::string(kWideHeader) +
                                                       "0,Malmö,2024,80,60,40,10,80,70,70,90,80,85,80,50\n"
                                                       "1,Fel namn,2024,80,60,40,10,80,70,70,90,80,85,80,50\n"
                                                       "15,Okänt,2024,80,60,40,10,80,70,70,90,80,85,80,50\n");
    const CliRun r = runIndex(dir, {"--indicators", path, "--areas", areas, "--format", "csv"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("area 1 is called 'Fel namn' in the table but 'Västra hamnen, Gamla staden m fl'"),
              std::string::npos) << r.err;
    EXPECT_NE(r.err.find("area 15 is not in the boundary layer"), std::string::npos);
    EXPECT_NE(r.err.find("area 2 (Kirsebergsstaden, Värnhem m fl) has no rows in the table"), std::string::npos);
}

namespace {

// The hand-worked table of index_model_test on the mini catalogue, for 2020 and 2021:
//            a1  a2  a3   b1  b2  b3
//   city     50  20  40   60  30  10     (both years)
//   area 1   40  30  40   60  45   5     2021: the city's values
//   area 2   60  10  20   30  15  20     (both years)
// 2020, Malmö = 100: area 1 a = (80 + 87,5 + 100) / 3 = 89,1667, b = (100 + 150 + 50) / 3 = 100,
// total 94,5833 (rank 1); area 2 a = (120 + 112,5 + 50) / 3 = 94,1667, b = (50 + 50 + 200) / 3 = 100,
// total 97,0833 (rank 2). 2021: area 1 is 100 everywhere (rank 2), area 2 unchanged (rank 1).
std::string writeMiniCatalogue(const TempDir& dir) { return dir.write("mini.json", geso::test::kMiniCatalogue); }

std::string writeHandTable(const TempDir& dir) {
    return dir.write("hand.csv",
                     "geso_kod,geso_namn,år,a1,a2,a3,b1,b2,b3\n"
                     "0,Malmö,2020,50,20,40,60,30,10\n"
                     "1,Ett,2020,40,30,40,60,45,5\n"
                     "2,Två,2020,60,10,20,30,15,20\n"
                     "0,Malmö,2021,50,20,40,60,30,10\n"
                     "1,Ett,2021,50,20,40,60,30,10\n"
                     "2,Två,2021,60,10,20,30,15,20\n");
}

std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream ss(line);
    for (std::string f; std::getline(ss, f, ',');) out.push_back(f);
    if (!line.empty() && line.back() == ',') out.emplace_back();
    return out;
}

}  // namespace

TEST_F(CliIndex, ChangeFromGivesDimensionTotalAndRankChanges) {
    const std::string cat = writeMiniCatalogue(dir), table = writeHandTable(dir);
    const CliRun csv = runIndex(dir, {"--catalogue", cat, "--indicators", table, "--areas", "none",
                                      "--change-from", "2020", "--format", "csv"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    const auto ls = lines(csv.out);
    ASSERT_EQ(ls.size(), 3u) << csv.out;
    EXPECT_EQ(ls[0], "geso_kod,geso_namn,a_change,b_change,total_from,total_to,total_change,rank_from,rank_to,"
                     "rank_change");
    const auto one = splitCsv(ls[1]), two = splitCsv(ls[2]);
    ASSERT_EQ(one.size(), 10u) << ls[1];
    EXPECT_EQ(one[0], "1");
    EXPECT_NEAR(std::stod(one[2]), 100.0 - 535.0 / 6.0, 1e-6);  // a: 100 − 89,1667 = 10,8333
    EXPECT_NEAR(std::stod(one[3]), 0.0, 1e-9);
    EXPECT_NEAR(std::stod(one[4]), 567.5 / 6.0, 1e-6);  // 94,5833
    EXPECT_NEAR(std::stod(one[5]), 100.0, 1e-9);
    EXPECT_NEAR(std::stod(one[6]), 100.0 - 567.5 / 6.0, 1e-6);
    EXPECT_EQ((std::vector<std::string>{one[7], one[8], one[9]}), (std::vector<std::string>{"1", "2", "1"}));
    ASSERT_EQ(two.size(), 10u) << ls[2];
    EXPECT_NEAR(std::stod(two[6]), 0.0, 1e-9);
    EXPECT_EQ((std::vector<std::string>{two[7], two[8], two[9]}), (std::vector<std::string>{"2", "1", "-1"}));

    // The default "to" year is the latest with area rows (2021); the table says both years.
    const CliRun table1 = runIndex(dir, {"--catalogue", cat, "--indicators", table, "--areas", "none",
                                         "--change-from", "2020"});
    ASSERT_EQ(table1.exitCode, 0) << table1.err;
    EXPECT_NE(table1.out.find("GeSO index change 2020 → 2021, Malmö = 100"), std::string::npos) << table1.out;
    EXPECT_NE(table1.out.find("rank_change = rank 2021 − rank 2020 (negative = more challenged"), std::string::npos);
    const auto tl = lines(table1.out);
    ASSERT_GE(tl.size(), 2u);
    std::istringstream row(tl[tl.size() - 2]);
    std::vector<std::string> cells;
    for (std::string c; row >> c;) cells.push_back(c);
    EXPECT_EQ(cells, (std::vector<std::string>{"1", "Ett", "+10,8", "0,0", "94,6", "100,0", "+5,4", "1", "2", "+1"}))
        << table1.out;

    const CliRun js = runIndex(dir, {"--catalogue", cat, "--indicators", table, "--areas", "none",
                                     "--change-from=2020", "--year=2021", "--format=json"});
    ASSERT_EQ(js.exitCode, 0) << js.err;
    const auto doc = nlohmann::json::parse(js.out, nullptr, false);
    ASSERT_FALSE(doc.is_discarded()) << js.out;
    EXPECT_EQ(doc["from"], 2020);
    EXPECT_EQ(doc["to"], 2021);
    EXPECT_NEAR(doc["areas"][0]["a"]["change"].get<double>(), 100.0 - 535.0 / 6.0, 1e-9);
    EXPECT_NEAR(doc["areas"][0]["total"]["from"].get<double>(), 567.5 / 6.0, 1e-9);
    EXPECT_EQ(doc["areas"][1]["rank"]["change"], -1);
}

TEST_F(CliIndex, ColumnsLayoutAndTableYearOptions) {
    const std::string cat = writeMiniCatalogue(dir);
    // The city's own headings, no year column: the year comes from --table-year.
    const std::string table = dir.write("egen.csv",
                                        "Områdeskod;Område;Valdeltagande (%);a2;a3;b1;b2;b3\n"
                                        "0;Malmö;50;20;40;60;30;10\n"
                                        "1;Ett;40;30;40;60;45;5\n"
                                        "2;Två;60;10;20;30;15;20\n");
    const CliRun r = runIndex(dir, {"--catalogue", cat, "--indicators", table, "--areas", "none", "--table-year",
                                    "2020", "--layout", "wide", "--columns",
                                    "code=Områdeskod,name=Område,a1=Valdeltagande (%)", "--format", "csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto ls = lines(r.out);
    ASSERT_EQ(ls.size(), 3u) << r.out;
    const auto one = splitCsv(ls[1]);
    EXPECT_EQ(one[1], "Ett");
    EXPECT_EQ(one[2], "40");                                 // a1 read from "Valdeltagande (%)"
    EXPECT_NEAR(std::stod(one[8]), 80.0, 1e-9);              // a1_norm = 40 / 50 × 100
    EXPECT_NEAR(std::stod(one[16]), 567.5 / 6.0, 1e-6);      // total, as in the hand example

    // The same file in long layout does not fit: a data error, one line.
    const CliRun longLayout = runIndex(dir, {"--catalogue", cat, "--indicators", table, "--areas", "none",
                                             "--table-year", "2020", "--layout", "long", "--columns",
                                             "code=Områdeskod"});
    EXPECT_EQ(longLayout.exitCode, 1);
    EXPECT_EQ(lines(longLayout.err).size(), 1u) << longLayout.err;
    EXPECT_NE(longLayout.err.find("long layout needs"), std::string::npos) << longLayout.err;
    // Without --table-year the missing year column is named with its real alias.
    const CliRun noYear = runIndex(dir, {"--catalogue", cat, "--indicators", table, "--areas", "none",
                                         "--columns", "code=Områdeskod"});
    EXPECT_EQ(noYear.exitCode, 1);
    EXPECT_NE(noYear.err.find("no year column (expected e.g. 'år'"), std::string::npos) << noYear.err;
}

TEST_F(CliIndex, NamesAreCheckedAgainstTheBundledBoundariesByDefault) {
    const std::string path = dir.write("names.csv", std::string(kWideHeader) +
                                                       "0,Malmö,2024,80,60,40,10,80,70,70,90,80,85,80,50\n"
                                                       "1,Fel namn,2024,80,60,40,10,80,70,70,90,80,85,80,50\n");
    const CliRun r = runIndex(dir, {"--indicators", path, "--format", "csv"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("geso-atlas: warning: " + path +
                         ": row 3, column geso_namn: area 1 is called 'Fel namn' in the table but 'Västra hamnen, "
                         "Gamla staden m fl' in the boundary layer"),
              std::string::npos)
        << r.err;
    const CliRun none = runIndex(dir, {"--indicators", path, "--format", "csv", "--areas", "none"});
    EXPECT_EQ(none.exitCode, 0) << none.err;
    EXPECT_EQ(none.err.find("boundary layer"), std::string::npos) << none.err;
    const CliRun badAreas = runIndex(dir, {"--indicators", path, "--areas", dir.file("nope.shp")});
    EXPECT_EQ(badAreas.exitCode, 1);
    EXPECT_EQ(lines(badAreas.err).size(), 1u) << badAreas.err;
}

TEST_F(CliIndex, ExitCodesForYearsAndWeights) {
    // A valid year the table lacks is bad input (1); a value out of range is a usage error (2).
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--year", "2030"}, {"--change-from", "2010"}}) {
        const CliRun r = runIndex(dir, args);
        EXPECT_EQ(r.exitCode, 1) << args[0] << ": " << r.err;
        EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
        EXPECT_EQ(r.out, "");
    }
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--year", "1800"}, {"--change-from", "99999"}, {"--table-year", "x"},
          {"--layout", "tall"}, {"--columns", "nosuch=x"}, {"--columns", "code"},
          {"--change-from", "2024", "--year", "2024"},
          {"--weights", "utb_forgymnasial=0,utb_yrkesbehorighet=0,utb_hogskolebehorighet=0"},
          {"--weights", "delaktighet=0,utbildning=0,ekonomi=0,boende=0"}}) {
        const CliRun r = runIndex(dir, args);
        EXPECT_EQ(r.exitCode, 2) << args[0] << " " << args[1] << ": " << r.err;
        EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
        EXPECT_EQ(r.out, "");
    }
    const CliRun zero = runIndex(dir, {"--weights", "utb_forgymnasial=0,utb_yrkesbehorighet=0,utb_hogskolebehorighet=0"});
    EXPECT_NE(zero.err.find("all indicator weights of utbildning are 0"), std::string::npos) << zero.err;
    // A single 0 is a what-if and announced as custom.
    const CliRun single = runIndex(dir, {"--weights", "utb_forgymnasial=0", "--format", "csv"});
    EXPECT_EQ(single.exitCode, 0) << single.err;
    EXPECT_NE(single.err.find("custom weights (utb_forgymnasial=0"), std::string::npos) << single.err;
}

TEST_F(CliIndex, UsageErrorsExitTwo) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--normalize", "rank"}, {"--format", "xml"}, {"--bogus"}, {"--year", "twenty"},
          {"--weights", "nosuch=2"}, {"--weights", "del_fritid"}, {"extra"}}) {
        const CliRun r = runIndex(dir, args);
        EXPECT_EQ(r.exitCode, 2) << args[0];
        EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
        EXPECT_EQ(r.out, "");
    }
    const CliRun help = runIndex(dir, {"--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--normalize"), std::string::npos);
    for (const char* opt : {"--layout", "--columns", "--table-year", "--change-from", "--areas FILE|none"})
        EXPECT_NE(help.out.find(opt), std::string::npos) << opt;
}
