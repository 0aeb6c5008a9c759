#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/export/csv_export.hpp"
#include "test_util.hpp"

using namespace geso::core;
using namespace geso::testing;

namespace {

std::vector<Column> table() {
    return {numberColumn("geso_kod", FieldType::Integer, {1, 9}),
            textColumn("geso_namn", {"Västra hamnen, Gamla staden m fl", "Möllevången \"M\""}),
            numberColumn("total", FieldType::Real, {104.25, NAN}),
            numberColumn("rank", FieldType::Integer, {14, 2})};
}

const std::string kBom = "\xEF\xBB\xBF";

}  // namespace

TEST(CsvExport, DefaultIsCommaSeparatedWithDotDecimalsAndBom) {
    auto r = formatCsv(table());
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_EQ(r.value(), kBom +
                             "geso_kod,geso_namn,total,rank\r\n"
                             "1,\"Västra hamnen, Gamla staden m fl\",104.25,14\r\n"
                             "9,\"Möllevången \"\"M\"\"\",,2\r\n");
}

TEST(CsvExport, SwedishExcelUsesSemicolonAndDecimalComma) {
    auto r = formatCsv(table(), {.swedishExcel = true});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), kBom +
                             "geso_kod;geso_namn;total;rank\r\n"
                             "1;Västra hamnen, Gamla staden m fl;104,25;14\r\n"
                             "9;\"Möllevången \"\"M\"\"\";;2\r\n");
}

TEST(CsvExport, FixedDecimals) {
    auto r = formatCsv({numberColumn("v", FieldType::Real, {1.0 / 3.0, 2})}, {.swedishExcel = true, .decimals = 2});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), kBom + "v\r\n0,33\r\n2,00\r\n");
}

TEST(CsvExport, ShortestFormRoundTrips) {
    auto r = formatCsv({numberColumn("v", FieldType::Real, {0.1 + 0.2})});
    ASSERT_TRUE(r.ok());
    const std::string body = r.value().substr(kBom.size() + 3);
    EXPECT_EQ(std::stod(body), 0.1 + 0.2);
}

TEST(CsvExport, MismatchedColumnsAreAnError) {
    auto cols = table();
    cols[2].num.push_back(1);
    EXPECT_FALSE(formatCsv(cols).ok());
}

TEST(CsvExport, WritesFileAtomically) {
    TempDir dir;
    const std::string path = dir.file("tabell.csv");
    Status st = exportCsv(path, table(), {.swedishExcel = true});
    ASSERT_TRUE(st.ok()) << st.error().line();
    EXPECT_EQ(readFile(path).substr(0, 3), kBom);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"tabell.csv"});
    Status bad = exportCsv(dir.file("tabell.csv/x.csv"), table());
    EXPECT_FALSE(bad.ok());
    EXPECT_EQ(readFile(path).substr(0, 3), kBom);
}
