// parseLayout / parseColumnMapping: the text forms of TableOptions that every
// front end (CLI, viewer) shares.
#include <gtest/gtest.h>

#include <cmath>

#include "core/index/column_mapping.hpp"
#include "test_support.hpp"

using namespace geso::core;
using geso::test::countIssues;
using geso::test::dumpIssues;
using geso::test::TempDir;
using Layout = TableOptions::Layout;

TEST(ColumnMapping, ParsesLayouts) {
    EXPECT_EQ(parseLayout("auto"), Layout::Auto);
    EXPECT_EQ(parseLayout("Wide"), Layout::Wide);
    EXPECT_EQ(parseLayout(" LONG "), Layout::Long);
    EXPECT_FALSE(parseLayout("tall").has_value());
    EXPECT_FALSE(parseLayout("").has_value());
    for (Layout l : {Layout::Auto, Layout::Wide, Layout::Long}) EXPECT_EQ(parseLayout(layoutId(l)), l);
}

TEST(ColumnMapping, KeysColumnsAndIndicatorIds) {
    const auto cat = geso::test::miniCatalogue();
    TableOptions o;
    ASSERT_TRUE(parseColumnMapping("code=Områdeskod,year=År,a1=Valdeltagande (%)", cat, o).ok());
    EXPECT_EQ(o.codeColumn, "Områdeskod");
    EXPECT_EQ(o.yearColumn, "År");
    EXPECT_EQ(o.nameColumn, "");
    EXPECT_EQ(o.indicatorColumns, (std::map<std::string, std::string>{{"a1", "Valdeltagande (%)"}}));

    // Swedish keys, any case, spaces around items; a later call adds to what is there.
    ASSERT_TRUE(parseColumnMapping(" Namn = Områdesnamn , INDIKATOR=Variabel, värde = Andel,B2=x,", cat, o).ok());
    EXPECT_EQ(o.nameColumn, "Områdesnamn");
    EXPECT_EQ(o.indicatorColumn, "Variabel");
    EXPECT_EQ(o.valueColumn, "Andel");
    EXPECT_EQ(o.codeColumn, "Områdeskod");
    EXPECT_EQ(o.indicatorColumns.at("b2"), "x");

    // Quotes keep ',' and '=' in a column name; "" is a quote.
    TableOptions q;
    ASSERT_TRUE(parseColumnMapping(R"(a1="Andel, %",a3="x=""y""",kod=nr)", cat, q).ok());
    EXPECT_EQ(q.indicatorColumns.at("a1"), "Andel, %");
    EXPECT_EQ(q.indicatorColumns.at("a3"), "x=\"y\"");
    EXPECT_EQ(q.codeColumn, "nr");

    TableOptions e;
    EXPECT_TRUE(parseColumnMapping("", cat, e).ok());
    EXPECT_TRUE(e.indicatorColumns.empty());
}

TEST(ColumnMapping, ErrorsSayWhatIsWrongAndLeaveOptionsAlone) {
    const auto cat = geso::test::miniCatalogue();
    auto err = [&](const char* spec) {
        TableOptions o;
        o.codeColumn = "keep";
        auto st = parseColumnMapping(spec, cat, o);
        EXPECT_FALSE(st.ok()) << spec;
        EXPECT_EQ(o.codeColumn, "keep") << spec;
        EXPECT_TRUE(o.indicatorColumns.empty()) << spec;
        return st.ok() ? std::string() : st.error().line();
    };
    EXPECT_EQ(err("code"), "column mapping: 'code' is not key=column");
    EXPECT_EQ(err("a1=x,=y"), "column mapping: an item has no key before '='");
    EXPECT_EQ(err("code= "), "column mapping: no column given for 'code'");
    EXPECT_EQ(err("a1=x,zz=y"), "column mapping: unknown key 'zz' (code, name, year, indicator, value, or an "
                                "indicator id: a1, a2, a3, b1, b2, b3)");
    EXPECT_EQ(err("code=a,Kod=b"), "column mapping: 'Kod' is given twice");
    EXPECT_EQ(err("a1=x,A1=y"), "column mapping: 'A1' is given twice");
    EXPECT_EQ(err("a1=\"open"), "column mapping: a double quote is not closed");
}

TEST(ColumnMapping, MappedWideTableLoads) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    const std::string path = dir.write("kommun.csv",
                                       "Områdeskod;Område;År;Valdeltagande (%);Andel lågutbildade\n"
                                       "0;Malmö;2022;80,0;10,0\n"
                                       "3;Tre;2022;72,0;16,0\n");
    TableOptions o;
    ASSERT_TRUE(parseColumnMapping("code=Områdeskod,name=Område,year=År,a1=Valdeltagande (%),"
                                   "a2=Andel lågutbildade",
                                   cat, o)
                    .ok());
    auto t = loadIndicatorTable(path, cat, o);
    ASSERT_TRUE(t.ok()) << t.error().line();
    EXPECT_EQ(t.value().codes, (std::vector<int>{3}));
    EXPECT_EQ(t.value().names.at(3), "Tre");
    EXPECT_DOUBLE_EQ(t.value().value(3, 2022, 0), 72.0);
    EXPECT_DOUBLE_EQ(t.value().value(3, 2022, 1), 16.0);
    EXPECT_DOUBLE_EQ(t.value().cityValue(2022, 1), 10.0);
}

TEST(ColumnMapping, ForcedLongLayoutWithMappedColumnsAndDefaultYear) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    // No year column: the year comes from TableOptions::defaultYear (--table-year).
    const std::string path = dir.write("lang.csv",
                                       "nr,variabel,andel\n"
                                       "0,a1,50\n"
                                       "2,a1,40\n"
                                       "2,b3,..\n");
    TableOptions o;
    o.layout = *parseLayout("long");
    o.defaultYear = 2021;
    ASSERT_TRUE(parseColumnMapping("code=nr,indicator=variabel,value=andel", cat, o).ok());
    auto t = loadIndicatorTable(path, cat, o);
    ASSERT_TRUE(t.ok()) << t.error().line();
    EXPECT_EQ(t.value().layout, Layout::Long);
    EXPECT_EQ(t.value().years, (std::vector<int>{2021}));
    EXPECT_DOUBLE_EQ(t.value().value(2, 2021, 0), 40.0);
    EXPECT_TRUE(std::isnan(t.value().value(2, 2021, 5)));
    EXPECT_DOUBLE_EQ(t.value().cityValue(2021, 0), 50.0);
    EXPECT_TRUE(t.value().issues.empty()) << dumpIssues(t.value());

    // A mapped column that is not in the file names the file and the columns there.
    TableOptions bad = o;
    ASSERT_TRUE(parseColumnMapping("value=värde", cat, bad).ok());
    auto missing = loadIndicatorTable(path, cat, bad);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().line(), path + ": no value column named 'värde' (columns: nr, variabel, andel)");
}

TEST(ColumnMapping, UnusedOptionsAreReported) {
    TempDir dir;
    const auto cat = geso::test::miniCatalogue();
    // A default year while the table has its own year column; an indicator mapping in a long table.
    const std::string path = dir.write("l.csv", "kod,år,indikator,värde\n1,2020,a1,5\n");
    TableOptions o;
    o.defaultYear = 2024;
    o.indicatorColumns = {{"a1", "värde"}};
    o.layout = Layout::Long;
    auto t = loadIndicatorTable(path, cat, o);
    ASSERT_TRUE(t.ok()) << t.error().line();
    EXPECT_EQ(t.value().years, (std::vector<int>{2020}));
    EXPECT_EQ(countIssues(t.value(), TableIssue::Severity::Warning,
                          "the table has a year column; the default year 2024 is not used", 0, "år"),
              1)
        << dumpIssues(t.value());
    EXPECT_EQ(countIssues(t.value(), TableIssue::Severity::Warning, "indicator column mapping (a1=…) is not used"),
              1)
        << dumpIssues(t.value());
}
