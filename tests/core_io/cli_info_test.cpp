// `geso-atlas info` as a user runs it: exit codes and the one-line error on stderr.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>

#include "fixtures.hpp"

using namespace geso::test;

namespace {

struct CliRun {
    int code = -1;
    std::string out, err;
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs `geso-atlas info ARGS` with stdout and stderr captured into files in `dir`.
CliRun info(const TempDir& dir, const std::string& args) {
    const std::string out = dir.file("stdout.txt"), err = dir.file("stderr.txt");
    const std::string cmd = quote(GESO_BINARY) + " info " + args + " >" + quote(out) + " 2>" + quote(err) + " </dev/null";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = readText(out);
    r.err = readText(err);
    return r;
}

size_t lines(const std::string& s) {
    size_t n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

class CliInfo : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(GESO_BINARY)) GTEST_SKIP() << "geso-atlas not built: " << GESO_BINARY;
    }
    // Exit 1 and exactly one line "geso-atlas: <path>: …" naming the file.
    void expectBadInput(const std::string& path, const std::string& fragment) {
        const CliRun r = info(m_dir, quote(path));
        EXPECT_EQ(r.code, 1) << r.err;
        EXPECT_EQ(lines(r.err), 1u) << r.err;
        EXPECT_EQ(r.err.rfind("geso-atlas: " + path + ": ", 0), 0u) << r.err;
        EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
    }
    TempDir m_dir;
};

}  // namespace

TEST_F(CliInfo, MissingFile) { expectBadInput(m_dir.file("saknas.shp"), "not found"); }

TEST_F(CliInfo, ZeroByteFile) {
    writeText(m_dir.file("tom.gpkg"), "");
    expectBadInput(m_dir.file("tom.gpkg"), "empty file");
}

TEST_F(CliInfo, DirectoryGivenAsFile) {
    fs::create_directory(m_dir.file("mapp"));
    expectBadInput(m_dir.file("mapp"), "directory");
}

TEST_F(CliInfo, TruncatedShapefile) {
    const std::string shp = m_dir.file("a.shp");
    writeLayer(shp, "ESRI Shapefile", {"a", 3008, wkbPolygon, {"ENCODING=UTF-8"}}, twoMalmoAreas());
    truncateFile(shp, 0.6);
    expectBadInput(shp, "truncated");
}

TEST_F(CliInfo, NoCrsSaysWhatToDoAndAssumeCrsFixesIt) {
    const std::string shp = m_dir.file("a.shp");
    writeLayer(shp, "ESRI Shapefile", {"a", 0, wkbPolygon, {"ENCODING=UTF-8"}}, twoMalmoAreas());
    expectBadInput(shp, "--assume-crs EPSG:3008");

    const CliRun ok = info(m_dir, quote(shp) + " --assume-crs EPSG:3008 --crs 3006");
    EXPECT_EQ(ok.code, 0) << ok.err;
    EXPECT_TRUE(ok.err.empty()) << ok.err;
    EXPECT_NE(ok.out.find("SWEREF99 TM (EPSG:3006)"), std::string::npos) << ok.out;
}

TEST_F(CliInfo, GoodFilePrintsTheReport) {
    const std::string shp = m_dir.file("omraden.shp");
    writeLayer(shp, "ESRI Shapefile", {"omraden", 3008, wkbPolygon, {"ENCODING=UTF-8"}}, twoMalmoAreas());
    const CliRun r = info(m_dir, quote(shp));
    EXPECT_EQ(r.code, 0) << r.err;
    for (const char* s : {"ESRI Shapefile", "features:      2", "SWEREF99 13 30 (EPSG:3008)", "geso_namn",
                          "String(80)", "(source CRS)", "(display CRS)", "validity report"})
        EXPECT_NE(r.out.find(s), std::string::npos) << "missing '" << s << "' in:\n" << r.out;
}

TEST_F(CliInfo, UsageErrorsExitTwo) {
    EXPECT_EQ(info(m_dir, "").code, 2);
    EXPECT_EQ(info(m_dir, "a.shp --no-such-option").code, 2);
    EXPECT_EQ(info(m_dir, "a.shp b.shp").code, 2);
    EXPECT_EQ(info(m_dir, "a.shp --crs EPSG:999999").code, 2);
    EXPECT_EQ(info(m_dir, "a.shp --assume-crs EPSG:999999").code, 2);
    EXPECT_EQ(info(m_dir, "a.shp --assume-crs nonsense").code, 2);
    const CliRun help = info(m_dir, "--help");
    EXPECT_EQ(help.code, 0);
    EXPECT_NE(help.out.find("--assume-crs"), std::string::npos);
}

TEST_F(CliInfo, HugeCoordinatesPrintWholeExtentLines) {
    // 1e300 printed with %.1f is 300 digits; the line used to be cut at 160 bytes.
    const std::string json = m_dir.file("stor.geojson");
    writeText(json, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"namn":"Stor"},
      "geometry":{"type":"Polygon","coordinates":[[[13.0,55.6],[1e300,55.6],[13.0,-1e300],[13.0,55.6]]]}}]})");
    const CliRun r = info(m_dir, quote(json));
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("  extent:        x 13.000000 … 1e+300, y -1e+300 … 55.600000 (source CRS)\n"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("skipped  Stor (fid 0)"), std::string::npos) << r.out;  // not silently kept either
}

TEST_F(CliInfo, AssumeCrsOverridesTheDeclaredCrsWithAWarningLine) {
    const std::string shp = m_dir.file("a.shp");
    writeLayer(shp, "ESRI Shapefile", {"a", 3006, wkbPolygon, {"ENCODING=UTF-8"}}, twoMalmoAreas());
    const CliRun plain = info(m_dir, quote(shp));
    EXPECT_EQ(plain.code, 0) << plain.err;
    EXPECT_NE(plain.out.find("look like EPSG:3008"), std::string::npos) << plain.out;
    const CliRun r = info(m_dir, quote(shp) + " --assume-crs 3008");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("warning  layer: the file declares EPSG:3006 (SWEREF99 TM); using EPSG:3008 (SWEREF99 13 30) "
                         "as --assume-crs says"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("extent:        x 118000.0 … 122000.0, y 6164000.0 … 6165000.0 (display CRS)"), std::string::npos)
        << r.out;
}
