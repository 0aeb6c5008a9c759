#include <gtest/gtest.h>

#include <cmath>
#include <gdal.h>
#include <ogrsf_frmts.h>

#include "core/index/index_model.hpp"
#include "core/index/indicator_table.hpp"
#include "core/io/gdal_env.hpp"
#include "test_support.hpp"

using namespace geso::core;
using geso::test::countIssues;
using geso::test::dumpIssues;
using geso::test::TempDir;
using Sev = TableIssue::Severity;

namespace {

const char* kHeader = "geso_kod,geso_namn,år,a1,a2,a3,b1,b2,b3\n";

IndicatorTable loadOk(const std::string& path, const Catalogue& cat, const TableOptions& opts = {}) {
    auto t = loadIndicatorTable(path, cat, opts);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().line());
    return t.ok() ? t.value() : IndicatorTable{};
}

}  // namespace

TEST(IndicatorTable, ReadsWideCsv) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("wide.csv", std::string(kHeader) +
                                                      "0,Malmö,2020,50,20,40,60,30,10\n"
                                                      "2,\"Två, m fl\",2020,60,10,20,30,15,20\n"
                                                      "1,Ett,2020,40,30,40,60,45,\n"
                                                      "1,Ett,2021,41,29,41,61,46,6\n"
                                                      "2,\"Två, m fl\",2021,61,11,21,31,16,21\n");
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(t.codes, (std::vector<int>{1, 2}));
    EXPECT_EQ(t.years, (std::vector<int>{2020, 2021}));
    EXPECT_EQ(t.names.at(2), "Två, m fl");
    EXPECT_EQ(t.driver, "CSV");
    EXPECT_EQ(t.encoding, "UTF-8");
    EXPECT_EQ(t.layout, TableOptions::Layout::Wide);
    EXPECT_DOUBLE_EQ(t.value(2, 2020, 0), 60.0);
    EXPECT_DOUBLE_EQ(t.value(1, 2021, 5), 6.0);
    EXPECT_TRUE(std::isnan(t.value(1, 2020, 5)));  // empty cell: missing, not zero
    EXPECT_TRUE(std::isnan(t.value(3, 2020, 0)));  // no such area
    EXPECT_TRUE(t.hasCity(2020));
    EXPECT_FALSE(t.hasCity(2021));
    EXPECT_DOUBLE_EQ(t.cityValue(2020, 1), 20.0);
    EXPECT_TRUE(std::isnan(t.cityValue(2021, 1)));
    EXPECT_FALSE(t.hasErrors()) << dumpIssues(t);
    // The only issue: 2021 has no city row.
    EXPECT_EQ(countIssues(t, Sev::Warning, "no city row"), 1) << dumpIssues(t);
    EXPECT_EQ(t.issues.size(), 1u) << dumpIssues(t);
}

TEST(IndicatorTable, SemicolonDecimalCommaCp1252WithoutBom) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    // CP1252: \xE5 = å, \xF6 = ö, \xA0 = no-break space; Excel's "CSV (semikolonavgränsad)".
    const std::string path = dir.write("cp1252.csv",
                                       "geso_kod;geso_namn;\xE5r;a1;a2;a3;b1;b2;b3\r\n"
                                       "0;Malm\xF6;2020;50,5;20;40;60;30;10\r\n"
                                       "01;R\xF6rsj\xF6staden;2020;12,5 %;..;NA;-;\xA0" "7,25\xA0;1\xA0" "0,0\r\n");
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(t.encoding, "CP1252");
    EXPECT_EQ(t.codes, (std::vector<int>{1}));
    EXPECT_EQ(t.names.at(1), "R\xC3\xB6rsj\xC3\xB6staden");  // recoded to UTF-8
    EXPECT_TRUE(t.hasCity(2020));                               // "Malmö" and code 0
    EXPECT_DOUBLE_EQ(t.cityValue(2020, 0), 50.5);
    EXPECT_DOUBLE_EQ(t.value(1, 2020, 0), 12.5);
    EXPECT_TRUE(std::isnan(t.value(1, 2020, 1)));  // ..
    EXPECT_TRUE(std::isnan(t.value(1, 2020, 2)));  // NA
    EXPECT_TRUE(std::isnan(t.value(1, 2020, 3)));  // -
    EXPECT_DOUBLE_EQ(t.value(1, 2020, 4), 7.25);
    // "1 0,0" with a no-break space is not a valid grouping: an error, value missing.
    EXPECT_TRUE(std::isnan(t.value(1, 2020, 5)));
    EXPECT_EQ(countIssues(t, Sev::Error, "not a number", 3, "b3"), 1) << dumpIssues(t);
    EXPECT_EQ(t.errorCount(), 1u) << dumpIssues(t);
}

TEST(IndicatorTable, SemicolonUtf8WithBom) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("bom.csv",
                                       "\xEF\xBB\xBFGESO_KOD;Namn;\xC3\x85r;A1;a2;a3;b1;b2;b3\n"
                                       "0;MALM\xC3\x96;2024;1\xC2\xA0" "0,5;20;40;60;30;10\n"
                                       "3;Tre;2024;10,5;20;40;60;30;10\n");
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(t.encoding, "UTF-8 (BOM)");
    EXPECT_EQ(t.codes, (std::vector<int>{3}));
    EXPECT_EQ(t.years, (std::vector<int>{2024}));
    EXPECT_TRUE(t.hasCity(2024));
    EXPECT_TRUE(std::isnan(t.cityValue(2024, 0)));  // "1 0,5" is no number
    EXPECT_EQ(countIssues(t, Sev::Error, "not a number", 2, "A1"), 1) << dumpIssues(t);
    EXPECT_DOUBLE_EQ(t.value(3, 2024, 0), 10.5);
}

TEST(IndicatorTable, ReadsLongCsvWithAliases) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("long.csv",
                                       "Område;Namn;År;Indikator;Värde\n"
                                       "1;Ett;2022;a1;41,5\n"
                                       "1;Ett;2022;A2;12\n"
                                       "1;Ett;2022;a tre;33\n"  // Swedish name works too
                                       "0;Malmö;2022;a1;50\n"
                                       "2;Två;2022;b3;..\n"
                                       "2;Två;2022;zz;5\n");
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(t.layout, TableOptions::Layout::Long);
    EXPECT_EQ(t.codes, (std::vector<int>{1, 2}));
    EXPECT_DOUBLE_EQ(t.value(1, 2022, 0), 41.5);
    EXPECT_DOUBLE_EQ(t.value(1, 2022, 1), 12.0);
    EXPECT_DOUBLE_EQ(t.value(1, 2022, 2), 33.0);
    EXPECT_TRUE(std::isnan(t.value(1, 2022, 3)));
    EXPECT_TRUE(t.hasRow(2, 2022));
    EXPECT_TRUE(std::isnan(t.value(2, 2022, 5)));
    EXPECT_DOUBLE_EQ(t.cityValue(2022, 0), 50.0);
    EXPECT_EQ(countIssues(t, Sev::Warning, "'zz' is not in the catalogue", 7, "Indikator"), 1) << dumpIssues(t);
    EXPECT_FALSE(t.hasErrors()) << dumpIssues(t);
}

TEST(IndicatorTable, LongDuplicateIsAnError) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("long.csv",
                                       "geso_kod,ar,indicator,value\n"
                                       "1,2022,a1,41\n"
                                       "1,2022,a1,42\n");
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_DOUBLE_EQ(t.value(1, 2022, 0), 41.0);  // the first is kept
    EXPECT_EQ(countIssues(t, Sev::Error, "duplicate value of a1 for area 1, 2022 (first in row 2)", 3), 1)
        << dumpIssues(t);
}

TEST(IndicatorTable, ForcedLayoutAndExplicitColumns) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("custom.csv",
                                       "nr,period,first,second\n"
                                       "4,2023,10,20\n");
    TableOptions o;
    o.codeColumn = "NR";
    o.yearColumn = "period";
    o.indicatorColumns = {{"a1", "first"}, {"b2", "Second"}};
    const IndicatorTable t = loadOk(path, cat, o);
    EXPECT_DOUBLE_EQ(t.value(4, 2023, 0), 10.0);
    EXPECT_DOUBLE_EQ(t.value(4, 2023, 4), 20.0);
    EXPECT_EQ(countIssues(t, Sev::Warning, "no column for indicator 'a2'"), 1) << dumpIssues(t);

    o.indicatorColumns = {{"a1", "third"}};
    auto bad = loadIndicatorTable(path, cat, o);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().what.find("no column named 'third' for indicator 'a1'"), std::string::npos);

    TableOptions longOnly;
    longOnly.layout = TableOptions::Layout::Long;
    auto noLong = loadIndicatorTable(dir.write("w.csv", std::string(kHeader) + "1,x,2020,1,2,3,4,5,6\n"), cat, longOnly);
    ASSERT_FALSE(noLong.ok());
    EXPECT_NE(noLong.error().what.find("long layout needs"), std::string::npos);

    TableOptions noYear;
    noYear.defaultYear = 2019;
    const IndicatorTable y = loadOk(dir.write("ny.csv", "kod,a1\n5,12\n"), cat, noYear);
    EXPECT_DOUBLE_EQ(y.value(5, 2019, 0), 12.0);
}

TEST(IndicatorTable, ExtraFieldsAreReportedNotDropped) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("ragged.csv",
                                       "kod,år,a1\n"
                                       "1,2020\n"          // row 2: short, a1 missing
                                       "2,2020,5,6,7\n"    // row 3: two extra fields
                                       "3,2020,4,,\n");    // empty extras are harmless
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_TRUE(std::isnan(t.value(1, 2020, 0)));
    EXPECT_DOUBLE_EQ(t.value(2, 2020, 0), 5.0);
    EXPECT_EQ(countIssues(t, Sev::Warning, "the row has 5 fields but the header 3", 3), 1) << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, "the row has 2 fields but the header 3", 2), 1) << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, "fields but the header"), 2) << dumpIssues(t);
}

TEST(IndicatorTable, ShortRowsAreWarningsWithTheirRowNumber) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    // A blank line is skipped by GDAL and gets no row number; the counting must agree.
    const std::string path = dir.write("short.csv",
                                       "kod;år;a1;b1\n"
                                       "1;2020;5;6\n"
                                       "\n"
                                       "2;2020;7\n"      // row 3: b1 missing
                                       "3;2020;8;9\n");
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_DOUBLE_EQ(t.value(2, 2020, 0), 7.0);
    EXPECT_TRUE(std::isnan(t.value(2, 2020, 3)));
    EXPECT_EQ(countIssues(t, Sev::Warning,
                          "the row has 3 fields but the header 4; the missing fields are read as empty (missing "
                          "values)",
                          3),
              1)
        << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, "fields but the header"), 1) << dumpIssues(t);
    EXPECT_DOUBLE_EQ(t.value(3, 2020, 3), 9.0);
}

TEST(IndicatorTable, BinaryGarbageIsAnErrorNotACrash) {
    TempDir dir;
    std::string junk;
    for (int i = 0; i < 4000; ++i) junk.push_back(static_cast<char>((i * 7919 + 13) % 256));
    auto t = loadIndicatorTable(dir.write("junk.csv", junk), geso::test::miniCatalogue());
    ASSERT_FALSE(t.ok());
    EXPECT_LT(t.error().what.size(), 1000u);  // the column list is cut short
    auto e = loadIndicatorTable(dir.write("empty.csv", ""), geso::test::miniCatalogue());
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().what, "the file is empty");
}

TEST(IndicatorTable, TabSeparatedTextFile) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("tab.txt", "kod\tår\ta1\tb1\n7\t2020\t12,5\t3\n");
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(t.driver, "CSV");
    EXPECT_DOUBLE_EQ(t.value(7, 2020, 0), 12.5);
    EXPECT_DOUBLE_EQ(t.value(7, 2020, 3), 3.0);
}

TEST(IndicatorTable, CodeWithLeadingZeroAndCityByName) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("c.csv", std::string(kHeader) +
                                                   "01,Ett,2020,1,2,3,4,5,6\n"
                                                   ",malmö,2020,10,20,30,40,50,60\n");
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(t.codes, (std::vector<int>{1}));
    EXPECT_TRUE(t.hasCity(2020));
    EXPECT_DOUBLE_EQ(t.cityValue(2020, 5), 60.0);
    EXPECT_TRUE(t.issues.empty()) << dumpIssues(t);
}

TEST(IndicatorTable, BadKeysAreReportedWithRowAndColumn) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("k.csv", std::string(kHeader) +
                                                   "1,Ett,2020,1,2,3,4,5,6\n"
                                                   ",Ingen,2020,1,2,3,4,5,6\n"    // row 3: no code
                                                   "x7,Sju,2020,1,2,3,4,5,6\n"    // row 4: bad code
                                                   "-2,Neg,2020,1,2,3,4,5,6\n"    // row 5: negative
                                                   "2,Två,tjugo,1,2,3,4,5,6\n"    // row 6: bad year
                                                   "5,Malmö,2020,1,2,3,4,5,6\n"   // row 7: city name, area code
                                                   "1,Ett,2020,9,9,9,9,9,9\n");   // row 8: duplicate
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(t.codes, (std::vector<int>{1}));
    EXPECT_DOUBLE_EQ(t.value(1, 2020, 0), 1.0);  // the first row wins
    EXPECT_EQ(countIssues(t, Sev::Error, "missing area code", 3, "geso_kod"), 1) << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Error, "'x7' is not a GeSO area code", 4, "geso_kod"), 1);
    EXPECT_EQ(countIssues(t, Sev::Error, "'-2' is not a GeSO area code", 5, "geso_kod"), 1);
    EXPECT_EQ(countIssues(t, Sev::Error, "'tjugo' is not a year", 6, "år"), 1);
    EXPECT_EQ(countIssues(t, Sev::Error, "marks the city row", 7), 1);
    EXPECT_EQ(countIssues(t, Sev::Error, "duplicate row for area 1, 2020 (first in row 2)", 8, "geso_kod"), 1);
    EXPECT_EQ(t.errorCount(), 6u) << dumpIssues(t);
    const TableIssue* first = t.firstError();
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->line(), path + ": row 3, column geso_kod: missing area code; row not used");
}

TEST(IndicatorTable, SharesOutsideRangeWarnAndNonNumbersError) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("r.csv", std::string(kHeader) +
                                                   "1,Ett,2020,100.5,-1,50,abc,5,6\n"
                                                   "0,Malmö,2020,1,2,3,4,5,6\n");
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_DOUBLE_EQ(t.value(1, 2020, 0), 100.5);  // kept, with a warning
    EXPECT_DOUBLE_EQ(t.value(1, 2020, 1), -1.0);
    EXPECT_TRUE(std::isnan(t.value(1, 2020, 3)));
    EXPECT_EQ(countIssues(t, Sev::Warning, "share 100,5 % (a1) is outside 0–100", 2, "a1"), 1) << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, "outside 0–100", 2, "a2"), 1);
    EXPECT_EQ(countIssues(t, Sev::Error, "'abc' is not a number", 2, "b1"), 1);
}

TEST(IndicatorTable, MissingAreasUnusedColumnsAndBoundaryCheck) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("m.csv",
                                       "geso_kod,geso_namn,år,a1,a2,a3,b1,b2,b3,kommentar\n"
                                       "1,Ett,2020,1,2,3,4,5,6,x\n"
                                       "2,Två,2020,1,2,3,4,5,6,\n"
                                       "1,Ett,2021,1,2,3,4,5,6,\n"
                                       "99,Okänd,2021,1,2,3,4,5,6,\n"
                                       "0,Malmö,2020,1,2,3,4,5,6,\n"
                                       "0,Malmö,2021,1,2,3,4,5,6,\n");
    IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(countIssues(t, Sev::Warning, "column not used", 0, "kommentar"), 1) << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, "area 2 (Två) has no row for 2021"), 1) << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, "area 99 (Okänd) has no row for 2020"), 1);
    EXPECT_EQ(countIssues(t, Sev::Warning, "area 1 (Ett) has no row"), 0);

    checkNames(t, {{1, "ETT"}, {2, "Tvåan"}, {3, "Tre"}});
    // The table row and column where the code (or name) first appears.
    EXPECT_EQ(countIssues(t, Sev::Warning, "area 99 is not in the boundary layer", 5, "geso_kod"), 1)
        << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, "area 2 is called 'Två' in the table but 'Tvåan'", 3, "geso_namn"), 1)
        << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, "area 1 is called"), 0);  // case-insensitive match
    EXPECT_EQ(countIssues(t, Sev::Warning, "area 3 (Tre) has no rows in the table", 0), 1);
    EXPECT_FALSE(t.hasErrors());
    for (const auto& i : t.issues)
        if (i.message.find("area 99 is not") != std::string::npos) {
            EXPECT_EQ(i.line(), path + ": row 5, column geso_kod: area 99 is not in the boundary layer; it cannot "
                                       "be mapped");
        }
}

TEST(IndicatorTable, RowsAndColumnsOfAreasAndLatestAreaYear) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    // 2023 has only a city row: latestYear() counts it, latestAreaYear() does not.
    const std::string path = dir.write("y.csv",
                                       "Kod;Namn;År;a1\n"
                                       "2;;2021;5\n"       // row 2: area 2 first, without a name
                                       "1;Ett;2021;5\n"
                                       "2;Två;2022;6\n"    // row 4: area 2's name
                                       "0;Malmö;2023;7\n");
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(t.latestYear(), 2023);
    EXPECT_EQ(t.latestAreaYear(), 2022);
    EXPECT_EQ(t.firstRow, (std::map<int, int>{{1, 3}, {2, 2}}));
    EXPECT_EQ(t.nameRow, (std::map<int, int>{{1, 3}, {2, 4}}));
    EXPECT_EQ(t.codeColumn, "Kod");
    EXPECT_EQ(t.nameColumn, "Namn");
    EXPECT_EQ(t.yearColumn, "År");
    EXPECT_EQ(IndicatorTable{}.latestAreaYear(), 0);
}

TEST(IndicatorTable, UnusableTablesAreErrors) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    auto empty = loadIndicatorTable(dir.write("e.csv", kHeader), cat);
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().what.find("no usable area rows"), std::string::npos);
    EXPECT_EQ(empty.error().where, dir.file("e.csv"));

    auto onlyBad = loadIndicatorTable(dir.write("b.csv", std::string(kHeader) + "x,Ett,2020,1,2,3,4,5,6\n"), cat);
    ASSERT_FALSE(onlyBad.ok());
    EXPECT_NE(onlyBad.error().what.find("row 2, column geso_kod"), std::string::npos) << onlyBad.error().what;

    auto cityOnly = loadIndicatorTable(dir.write("c.csv", std::string(kHeader) + "0,Malmö,2020,1,2,3,4,5,6\n"), cat);
    EXPECT_FALSE(cityOnly.ok());

    auto noCode = loadIndicatorTable(dir.write("n.csv", "namn,år,a1\nEtt,2020,5\n"), cat);
    ASSERT_FALSE(noCode.ok());
    EXPECT_NE(noCode.error().what.find("no area code column"), std::string::npos);

    auto noYear = loadIndicatorTable(dir.write("y.csv", "kod,a1\n1,5\n"), cat);
    ASSERT_FALSE(noYear.ok());
    EXPECT_NE(noYear.error().what.find("no year column (expected e.g. 'år'; columns: kod, a1)"), std::string::npos)
        << noYear.error().what;

    auto noInd = loadIndicatorTable(dir.write("i.csv", "kod,år,foo\n1,2020,5\n"), cat);
    ASSERT_FALSE(noInd.ok());
    EXPECT_NE(noInd.error().what.find("no indicator columns"), std::string::npos);

    auto missing = loadIndicatorTable(dir.file("nope.csv"), cat);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().where, dir.file("nope.csv"));

    auto garbage = loadIndicatorTable(dir.write("g.xlsx", "this is not a spreadsheet"), cat);
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().where, dir.file("g.xlsx"));
}

namespace {

// Writes a wide table with GDAL: geso_kod (integer), geso_namn, år (integer),
// a1 as text with Swedish formatting, the rest as reals (b3 left NULL).
void writeWithGdal(const std::string& path, const char* driverName, const char* layerName, bool decoyFirst = false) {
    ensureGdal();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driverName);
    ASSERT_NE(drv, nullptr) << driverName;
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_NE(ds, nullptr) << CPLGetLastErrorMsg();
    if (decoyFirst) {  // like a boundary layer: an area code but no indicators
        OGRLayer* decoy = ds->CreateLayer("geso_omraden", nullptr, wkbNone, nullptr);
        ASSERT_NE(decoy, nullptr);
        OGRFieldDefn code("geso_kod", OFTInteger);
        ASSERT_EQ(decoy->CreateField(&code), OGRERR_NONE);
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(decoy->GetLayerDefn()));
        f->SetField("geso_kod", 7);
        ASSERT_EQ(decoy->CreateFeature(f.get()), OGRERR_NONE);
    }
    OGRLayer* layer = ds->CreateLayer(layerName, nullptr, wkbNone, nullptr);
    ASSERT_NE(layer, nullptr);
    OGRFieldDefn code("geso_kod", OFTInteger), name("geso_namn", OFTString), year("år", OFTInteger),
        a1("a1", OFTString);
    ASSERT_EQ(layer->CreateField(&code), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&name), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&year), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&a1), OGRERR_NONE);
    for (const char* id : {"a2", "a3", "b1", "b2", "b3"}) {
        OGRFieldDefn f(id, OFTReal);
        ASSERT_EQ(layer->CreateField(&f), OGRERR_NONE);
    }
    struct Row { int code; const char* name; const char* a1; double rest; };
    for (const Row& r : {Row{0, "Malmö", "50", 40.0}, Row{1, "Ett", "12,5 %", 30.25}, Row{2, "Två", "..", 20.0}}) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("geso_kod", r.code);
        f->SetField("geso_namn", r.name);
        f->SetField("år", 2023);
        f->SetField("a1", r.a1);
        for (const char* id : {"a2", "a3", "b1", "b2"}) f->SetField(id, r.rest);
        ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
    }
}

void expectGdalTable(const IndicatorTable& t) {
    EXPECT_EQ(t.codes, (std::vector<int>{1, 2})) << dumpIssues(t);
    EXPECT_EQ(t.years, (std::vector<int>{2023}));
    EXPECT_EQ(t.names.at(2), "Två");
    EXPECT_TRUE(t.hasCity(2023));
    EXPECT_DOUBLE_EQ(t.cityValue(2023, 0), 50.0);
    EXPECT_DOUBLE_EQ(t.value(1, 2023, 0), 12.5);
    EXPECT_DOUBLE_EQ(t.value(1, 2023, 1), 30.25);
    EXPECT_TRUE(std::isnan(t.value(2, 2023, 0)));
    EXPECT_TRUE(std::isnan(t.value(1, 2023, 5)));  // NULL is missing, never zero
    EXPECT_FALSE(t.hasErrors()) << dumpIssues(t);
}

}  // namespace

TEST(IndicatorTable, ReadsXlsxWrittenByGdal) {
    TempDir dir;
    const std::string path = dir.file("t.xlsx");
    writeWithGdal(path, "XLSX", "Indikatorer");
    const IndicatorTable t = loadOk(path, geso::test::miniCatalogue());
    EXPECT_EQ(t.driver, "XLSX");
    EXPECT_EQ(t.layerName, "Indikatorer");
    expectGdalTable(t);
}

TEST(IndicatorTable, ReadsOdsWrittenByGdal) {
    TempDir dir;
    const std::string path = dir.file("t.ods");
    writeWithGdal(path, "ODS", "Blad1");
    const IndicatorTable t = loadOk(path, geso::test::miniCatalogue());
    EXPECT_EQ(t.driver, "ODS");
    expectGdalTable(t);
}

TEST(IndicatorTable, ReadsGpkgAttributeTable) {
    TempDir dir;
    const std::string path = dir.file("t.gpkg");
    writeWithGdal(path, "GPKG", "indikatorer", /*decoyFirst=*/true);
    const IndicatorTable t = loadOk(path, geso::test::miniCatalogue());
    EXPECT_EQ(t.driver, "GPKG");
    EXPECT_EQ(t.layerName, "indikatorer");
    expectGdalTable(t);

    TableOptions o;
    o.layer = "nosuch";
    auto bad = loadIndicatorTable(path, geso::test::miniCatalogue(), o);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().what.find("no layer or sheet named 'nosuch'"), std::string::npos);
}

// ogr2ogr -f SQLite (and GDAL's SQLite driver) writes plain tables that the
// driver lists only with LIST_ALL_TABLES; its bookkeeping tables must not be picked.
TEST(IndicatorTable, ReadsSqliteTableWrittenLikeOgr2ogr) {
    TempDir dir;
    const std::string path = dir.file("t.sqlite");
    writeWithGdal(path, "SQLite", "indikatorer");
    const IndicatorTable t = loadOk(path, geso::test::miniCatalogue());
    EXPECT_EQ(t.driver, "SQLite");
    EXPECT_EQ(t.layerName, "indikatorer");
    expectGdalTable(t);

    TableOptions o;
    o.layer = "indikatorer";
    EXPECT_EQ(loadOk(path, geso::test::miniCatalogue(), o).layerName, "indikatorer");
}

TEST(IndicatorTable, XlsxRowNumbersMatchTheSheet) {
    TempDir dir;
    const std::string path = dir.file("rows.xlsx");
    writeWithGdal(path, "XLSX", "Blad1");
    // Add a duplicate of area 1 in sheet row 5.
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_NE(ds, nullptr);
        OGRLayer* layer = ds->GetLayer(0);
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("geso_kod", 1);
        f->SetField("år", 2023);
        ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
    }
    const IndicatorTable t = loadOk(path, geso::test::miniCatalogue());
    EXPECT_EQ(countIssues(t, Sev::Error, "duplicate row for area 1, 2023 (first in row 3)", 5), 1) << dumpIssues(t);
}

TEST(IndicatorTable, BundledFileLoadsCleanly) {
    const auto cat = geso::test::bundledCatalogue();
    const IndicatorTable t = loadOk(std::string(GESO_SOURCE_DIR) + "/geodata/indikatorer.csv", cat);
    std::vector<int> codes, years;
    for (int c = 1; c <= 14; ++c) codes.push_back(c);
    for (int y = 2018; y <= 2024; ++y) years.push_back(y);
    EXPECT_EQ(t.codes, codes);
    EXPECT_EQ(t.years, years);
    for (int y : years) EXPECT_TRUE(t.hasCity(y)) << y;
    EXPECT_TRUE(t.issues.empty()) << dumpIssues(t);
    EXPECT_EQ(t.names.at(1), "Västra hamnen, Gamla staden m fl");
    EXPECT_EQ(t.names.at(10), "Örtagården, Herrgården m fl");
    EXPECT_EQ(t.names.at(14), "Hyllievång, Kroksbäck m fl");
    // Every value is a share; the one deliberate gap is area 4, svarsfrekvens, 2020.
    int missing = 0;
    for (const auto& [key, values] : t.rows)
        for (double v : values) {
            if (std::isnan(v)) { ++missing; continue; }
            EXPECT_GE(v, 0.0);
            EXPECT_LE(v, 100.0);
        }
    EXPECT_EQ(missing, 1);
    // The city row is a weighted mean of the areas: inside their range.
    for (int y : years)
        for (int i = 0; i < 12; ++i) {
            double lo = 100, hi = 0;
            for (int c : codes)
                if (!std::isnan(t.value(c, y, i))) {
                    lo = std::min(lo, t.value(c, y, i));
                    hi = std::max(hi, t.value(c, y, i));
                }
            EXPECT_GE(t.cityValue(y, i), lo) << y << " " << i;
            EXPECT_LE(t.cityValue(y, i), hi) << y << " " << i;
        }
    EXPECT_TRUE(std::isnan(t.value(4, 2020, cat.indicatorIndex("del_svarsfrekvens"))));
    // Illustrative geography: Rosengård's area (10) has a lower employment share than Limhamn's (6).
    const int emp = cat.indicatorIndex("eko_forvarvsarbete");
    EXPECT_LT(t.value(10, 2024, emp), t.cityValue(2024, emp));
    EXPECT_GT(t.value(6, 2024, emp), t.cityValue(2024, emp));
}

namespace {

// An XLSX as Excel stores cells in percent format: 82,4 % is the number 0.824.
// Wide: one real column per indicator; long: indikator + värde.
void writeFractionXlsx(const std::string& path, bool longLayout) {
    ensureGdal();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("XLSX");
    ASSERT_NE(drv, nullptr);
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_NE(ds, nullptr) << CPLGetLastErrorMsg();
    OGRLayer* layer = ds->CreateLayer("Blad1", nullptr, wkbNone, nullptr);
    ASSERT_NE(layer, nullptr);
    OGRFieldDefn code("geso_kod", OFTInteger), year("år", OFTInteger);
    ASSERT_EQ(layer->CreateField(&code), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&year), OGRERR_NONE);
    const char* ids[] = {"a1", "a2", "b1"};
    if (longLayout) {
        OGRFieldDefn ind("indikator", OFTString), value("värde", OFTReal);
        ASSERT_EQ(layer->CreateField(&ind), OGRERR_NONE);
        ASSERT_EQ(layer->CreateField(&value), OGRERR_NONE);
    } else {
        for (const char* id : ids) {
            OGRFieldDefn f(id, OFTReal);
            ASSERT_EQ(layer->CreateField(&f), OGRERR_NONE);
        }
    }
    // a1 and a2 in percent format (fractions); b1 typed in as plain percent numbers.
    struct Row { int code; double a1, a2, b1; };
    for (const Row& r : {Row{0, 0.5, 0.2, 40}, Row{1, 0.824, 0.085, 60}, Row{2, 0.25, 0.0, 1}}) {
        const double v[] = {r.a1, r.a2, r.b1};
        for (int i = 0; i < (longLayout ? 3 : 1); ++i) {
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            f->SetField("geso_kod", r.code);
            f->SetField("år", 2024);
            if (longLayout) {
                f->SetField("indikator", ids[i]);
                f->SetField("värde", v[i]);
            } else {
                for (int k = 0; k < 3; ++k) f->SetField(ids[k], v[k]);
            }
            ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
        }
    }
}

void expectFractionsScaled(const IndicatorTable& t, const Catalogue& cat, bool longLayout) {
    EXPECT_DOUBLE_EQ(t.value(1, 2024, 0), 82.4);
    EXPECT_DOUBLE_EQ(t.value(1, 2024, 1), 8.5);
    EXPECT_DOUBLE_EQ(t.value(2, 2024, 1), 0.0);
    EXPECT_DOUBLE_EQ(t.cityValue(2024, 0), 50.0);
    EXPECT_DOUBLE_EQ(t.value(1, 2024, 3), 60.0);  // b1 has values above 1: kept as written
    EXPECT_DOUBLE_EQ(t.value(2, 2024, 3), 1.0);
    const std::string msg =
        "all values between 0 and 1: read as fractions (percent-formatted cells) and multiplied by 100";
    // Wide: the column names the indicator; long: the message does, at the value column.
    EXPECT_EQ(countIssues(t, Sev::Warning, longLayout ? "a1: " + msg : msg, 0, longLayout ? "värde" : "a1"), 1)
        << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, longLayout ? "a2: " + msg : msg, 0, longLayout ? "värde" : "a2"), 1)
        << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, msg), 2) << dumpIssues(t);  // not b1
    EXPECT_EQ(countIssues(t, Sev::Warning, "outside 0–100"), 0) << dumpIssues(t);
    // The negative indicator is oriented from the scaled share: 100 − 8,5 = 91,5 against the
    // city's 100 − 20 = 80, so Malmö = 100 gives 91,5 / 80 × 100 = 114,375.
    auto r = computeIndex(t, cat, 2024);
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_DOUBLE_EQ(r.value().find(1)->oriented[1], 91.5);
    EXPECT_DOUBLE_EQ(r.value().find(1)->normalized[1], 114.375);
    EXPECT_DOUBLE_EQ(r.value().find(1)->normalized[0], 82.4 / 50.0 * 100.0);
}

}  // namespace

TEST(IndicatorTable, PercentFormattedXlsxCellsAreScaledWide) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.file("pct.xlsx");
    writeFractionXlsx(path, false);
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(t.layout, TableOptions::Layout::Wide);
    expectFractionsScaled(t, cat, false);
    for (const auto& i : t.issues)
        if (i.message.find("fractions") != std::string::npos) {
            EXPECT_EQ(i.file, path);
        }
}

TEST(IndicatorTable, PercentFormattedXlsxCellsAreScaledLong) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.file("pct_long.xlsx");
    writeFractionXlsx(path, true);
    const IndicatorTable t = loadOk(path, cat);
    EXPECT_EQ(t.layout, TableOptions::Layout::Long);
    expectFractionsScaled(t, cat, true);
}

TEST(IndicatorTable, SmallSharesWrittenWithPercentSignAreNotScaled) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string csv = dir.write("small2.csv",
                                      "geso_kod;år;a1;a2\n"
                                      "0;2020;0,5 %;0,5\n"
                                      "1;2020;0,25 %;0,25\n");
    const IndicatorTable t = loadOk(csv, cat);
    EXPECT_DOUBLE_EQ(t.value(1, 2020, 0), 0.25);   // "%" in the cell: a real quarter percent
    EXPECT_DOUBLE_EQ(t.value(1, 2020, 1), 25.0);   // bare fractions: scaled
    EXPECT_EQ(countIssues(t, Sev::Warning, "all values between 0 and 1", 0, "a1"), 0) << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning, "all values between 0 and 1", 0, "a2"), 1) << dumpIssues(t);

    // Only 0 and 1: whole percents as likely as fractions, so nothing is scaled.
    const IndicatorTable whole = loadOk(dir.write("whole.csv", "geso_kod;år;a1\n1;2020;1\n2;2020;0\n"), cat);
    EXPECT_DOUBLE_EQ(whole.value(1, 2020, 0), 1.0);
    EXPECT_EQ(countIssues(whole, Sev::Warning, "fractions"), 0) << dumpIssues(whole);
}

TEST(IndicatorTable, ManyBoundaryAreasWithoutRowsAreOneLine) {
    // A boundary layer of another division: 30 areas, none in the table.
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("m.csv", std::string(kHeader) +
                                                   "1,Ett,2020,1,2,3,4,5,6\n"
                                                   "0,Malmö,2020,1,2,3,4,5,6\n");
    IndicatorTable t = loadOk(path, cat);
    std::map<int, std::string> layer;
    for (int code = 101; code <= 130; ++code) layer[code] = "Område " + std::to_string(code);
    checkNames(t, layer);
    EXPECT_EQ(countIssues(t, Sev::Warning, "has no rows in the table"), 0) << dumpIssues(t);
    EXPECT_EQ(countIssues(t, Sev::Warning,
                          "30 of the boundary layer's 30 areas have no rows in the table: 101 (Område 101), "
                          "102 (Område 102), 103 (Område 103), 104 (Område 104), 105 (Område 105) …", 0),
              1)
        << dumpIssues(t);
}
