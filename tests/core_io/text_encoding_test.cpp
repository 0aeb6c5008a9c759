// Swedish names through every way a shapefile can (or fails to) declare its
// text encoding: .cpg, the DBF code page byte, or nothing at all.
#include <gtest/gtest.h>

#include "core/io/vector_reader.hpp"
#include "fixtures.hpp"

using namespace geso::core;
using namespace geso::test;

namespace {

const std::string kUtf8Names[] = {"Västra hamnen, Gamla staden m fl", "Örtagården, Herrgården m fl",
                                  "Lindängen – Almvik"};

// The same names as ISO-8859-1 / CP1252 bytes (– is 0x96 in CP1252 only).
const std::string kLatin1Names[] = {"V\xe4stra hamnen, Gamla staden m fl", "\xd6rtag\xe5rden, Herrg\xe5rden m fl",
                                    "Lind\xe4ngen \x96 Almvik"};

std::vector<Feat> features(const std::string (&names)[3]) {
    std::vector<Feat> f;
    for (int i = 0; i < 3; ++i)
        f.push_back({"POLYGON((118000 6164000,119000 6164000,119000 6165000,118000 6164000))", i + 1, names[i]});
    return f;
}

std::vector<std::string> loadNames(const std::string& shp, std::vector<FeatureIssue>* issues = nullptr) {
    auto r = loadAreas(shp);
    EXPECT_TRUE(r.ok()) << r.error().line();
    if (!r.ok()) return {};
    if (issues) *issues = r.value().issues;
    return r.value().column("geso_namn")->text;
}

const std::vector<std::string> kExpected(std::begin(kUtf8Names), std::end(kUtf8Names));

}  // namespace

TEST(TextEncoding, Utf8WithCpg) {
    TempDir dir;
    writeLayer(dir.file("a.shp"), "ESRI Shapefile", {"a", 3008, wkbPolygon, {"ENCODING=UTF-8"}}, features(kUtf8Names));
    ASSERT_TRUE(fs::exists(dir.file("a.cpg")));
    EXPECT_EQ(loadNames(dir.file("a.shp")), kExpected);
}

TEST(TextEncoding, Cp1252WithCpg) {
    TempDir dir;
    // GDAL recodes our UTF-8 to CP1252 on write and says so in the .cpg.
    writeLayer(dir.file("a.shp"), "ESRI Shapefile", {"a", 3008, wkbPolygon, {"ENCODING=CP1252"}},
               features(kUtf8Names));
    ASSERT_TRUE(fs::exists(dir.file("a.cpg")));
    ASSERT_NE(readText(dir.file("a.dbf")).find("V\xe4stra"), std::string::npos) << "DBF is not CP1252";
    EXPECT_EQ(loadNames(dir.file("a.shp")), kExpected);
}

TEST(TextEncoding, Latin1WithoutCpgOrCodePage) {
    TempDir dir;
    // ENCODING="" writes our bytes unchanged and no code page byte; then drop the .cpg.
    writeLayer(dir.file("a.shp"), "ESRI Shapefile", {"a", 3008, wkbPolygon, {"ENCODING="}}, features(kLatin1Names));
    fs::remove(dir.file("a.cpg"));
    ASSERT_EQ(static_cast<unsigned char>(readText(dir.file("a.dbf"))[29]), 0u) << "expected no DBF code page";
    std::vector<FeatureIssue> issues;
    EXPECT_EQ(loadNames(dir.file("a.shp"), &issues), kExpected);
    ASSERT_EQ(issues.size(), 1u);  // the guess is reported
    EXPECT_NE(issues[0].detail.find("CP1252"), std::string::npos) << issues[0].detail;
}

TEST(TextEncoding, Utf8WithoutCpgOrCodePage) {
    TempDir dir;
    // A UTF-8 DBF without .cpg: GDAL alone would read it as ISO-8859-1 ("VÃ¤stra").
    writeLayer(dir.file("a.shp"), "ESRI Shapefile", {"a", 3008, wkbPolygon, {"ENCODING="}}, features(kUtf8Names));
    fs::remove(dir.file("a.cpg"));
    std::vector<FeatureIssue> issues;
    EXPECT_EQ(loadNames(dir.file("a.shp"), &issues), kExpected);
    EXPECT_TRUE(issues.empty());
}

TEST(TextEncoding, DbfCodePageByteWithoutCpg) {
    TempDir dir;
    // GDAL's default: recode to ISO-8859-1 and mark the DBF with code page byte 0x57 (ANSI).
    writeLayer(dir.file("a.shp"), "ESRI Shapefile", {"a", 3008, wkbPolygon, {}}, features(kUtf8Names));
    fs::remove(dir.file("a.cpg"));
    ASSERT_EQ(static_cast<unsigned char>(readText(dir.file("a.dbf"))[29]), 0x57u);
    auto names = loadNames(dir.file("a.shp"));
    ASSERT_EQ(names.size(), 3u);
    EXPECT_EQ(names[0], kExpected[0]);
    EXPECT_EQ(names[1], kExpected[1]);
}

TEST(TextEncoding, FieldNamesAndLabelsAreDecodedToo) {
    TempDir dir;
    writeLayer(dir.file("a.shp"), "ESRI Shapefile", {"a", 3008, wkbPolygon, {"ENCODING="}},
               {{"", 1, "\xd6stra kyrkog\xe5rden"}});
    fs::remove(dir.file("a.cpg"));
    auto r = loadAreas(dir.file("a.shp"));
    ASSERT_TRUE(r.ok()) << r.error().line();
    bool labelled = false;
    for (const auto& i : r.value().issues)
        labelled = labelled || (i.kind == FeatureIssue::Kind::Skipped && i.label.find("Östra kyrkogården") == 0);
    EXPECT_TRUE(labelled) << "the skipped NULL geometry should be labelled with its UTF-8 name";
}
