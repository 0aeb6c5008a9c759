// Swedish names through every way a shapefile can (or fails to) declare its
// text encoding: .cpg, the DBF code page byte, or nothing at all.
#include <gtest/gtest.h>

#include "core/io/attribute_reader.hpp"
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

namespace {

size_t countWarnings(const std::vector<FeatureIssue>& issues, const std::string& fragment) {
    size_t n = 0;
    for (const auto& i : issues) n += i.kind == FeatureIssue::Kind::Warning && i.detail.find(fragment) != std::string::npos;
    return n;
}

}  // namespace

TEST(TextEncoding, CpgThatSaysUtf8OverLatin1BytesIsCaughtAndReported) {
    TempDir dir;
    writeLayer(dir.file("a.shp"), "ESRI Shapefile", {"a", 3008, wkbPolygon, {"ENCODING="}}, features(kLatin1Names));
    writeText(dir.file("a.cpg"), "UTF-8");  // the .cpg lies
    std::vector<FeatureIssue> issues;
    EXPECT_EQ(loadNames(dir.file("a.shp"), &issues), kExpected);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].detail, dir.file("a.shp") + ": column 'geso_namn': 3 text value(s) were not valid UTF-8; read as CP1252");
}

TEST(TextEncoding, Latin1BytesInCsvAndGeoJsonAreDecodedWithOneWarningPerColumn) {
    TempDir dir;
    const std::string csv = dir.file("insatser.csv");
    writeText(csv, "id,namn,ansvar,lon,lat\n1,L\xe4xhj\xe4lp,F\xf6rvaltning,13.0,55.6\n2,Fritidsg\xe5rd,Stad,13.01,55.6\n");
    auto p = loadPoints(csv);
    ASSERT_TRUE(p.ok()) << p.error().line();
    EXPECT_EQ(p.value().column("namn")->text, (std::vector<std::string>{"Läxhjälp", "Fritidsgård"}));
    EXPECT_EQ(p.value().column("ansvar")->text, (std::vector<std::string>{"Förvaltning", "Stad"}));
    EXPECT_EQ(p.value().issues.size(), 2u);
    EXPECT_EQ(countWarnings(p.value().issues, csv + ": column 'namn': 2 text value(s) were not valid UTF-8; read as CP1252"), 1u);
    EXPECT_EQ(countWarnings(p.value().issues, csv + ": column 'ansvar': 1 text value(s)"), 1u);

    const std::string json = dir.file("omraden.geojson");
    writeText(json, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                    "\"properties\":{\"geso_kod\":9,\"geso_namn\":\"M\xf6llev\xe5ngen \x96 R\xe5" "dmansv\xe5ngen\"},"
                    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[13.0,55.6],[13.01,55.6],[13.01,55.61],[13.0,55.6]]]}}]}");
    auto a = loadAreas(json);
    ASSERT_TRUE(a.ok()) << a.error().line();
    EXPECT_EQ(a.value().column("geso_namn")->text[0], "Möllevången – Rådmansvången");
    EXPECT_EQ(countWarnings(a.value().issues, json + ": column 'geso_namn': 1 text value(s) were not valid UTF-8"), 1u);
}

TEST(TextEncoding, ValidUtf8SourcesGiveNoWarning) {
    TempDir dir;
    const std::string csv = dir.file("insatser.csv");
    writeText(csv, "id,namn,lon,lat\n1,Läxhjälp – Öster,13.0,55.6\n");
    auto p = loadPoints(csv);
    ASSERT_TRUE(p.ok()) << p.error().line();
    EXPECT_EQ(p.value().column("namn")->text[0], "Läxhjälp – Öster");
    EXPECT_TRUE(p.value().issues.empty());
}

TEST(TextEncoding, DecodeTextIsStrictAboutUtf8AndLosesNoByte) {
    using io_detail::decodeText;
    bool recoded = false;
    EXPECT_EQ(decodeText("Malm\xc3\xb6", "", &recoded), "Malmö");
    EXPECT_FALSE(recoded);
    EXPECT_EQ(decodeText("Malm\xf6", "", &recoded), "Malmö");
    EXPECT_TRUE(recoded);
    // Overlong "/" and a UTF-16 surrogate are not UTF-8: read as CP1252.
    EXPECT_EQ(decodeText("\xc0\xaf", "", &recoded), "À¯");
    EXPECT_EQ(decodeText("\xed\xa0\x80", "", &recoded), "í\xc2\xa0€");
    // CP1252's undefined 0x81 survives as U+0081, the euro sign is 0x80.
    EXPECT_EQ(decodeText("\x80\x81", "", &recoded), "€\xc2\x81");
    EXPECT_EQ(decodeText("\x80", "CP1252", &recoded), "€");
    EXPECT_EQ(decodeText("\x94", "CP850", &recoded), "ö");  // a DBF code page other than CP1252
}
