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
}
