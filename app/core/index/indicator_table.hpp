#pragma once
// Indicator values per GeSO area and year, read through GDAL from CSV, XLSX,
// ODS or GPKG/SQLite attribute tables, in wide (one row per area and year, one
// column per indicator) or long (area, year, indicator, value) layout.
//
// Every problem is reported as a TableIssue with file, row and column; rows and
// values that cannot be used are reported, never dropped silently. Missing
// values stay NaN, never zero. A row with area code 0 or the name "Malmö" holds
// the city's reference values.
//
// Percent-formatted spreadsheet cells store 82,4 % as 0.824: a "%" indicator
// whose every value in the table lies in [0, 1], at least one strictly between,
// and none written with a "%" sign, is multiplied by 100, with a warning naming
// its column.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.hpp"
#include "core/index/catalogue.hpp"

namespace geso::core {

struct TableIssue {
    enum class Severity { Warning, Error };
    Severity severity = Severity::Warning;
    std::string file;
    // Row as a spreadsheet shows it (header = row 1, first data row = 2) for CSV,
    // XLSX and ODS; the feature id for GPKG/SQLite; 0 = the file as a whole.
    int row = 0;
    std::string column;  // "" = the whole row
    std::string message;

    bool isError() const { return severity == Severity::Error; }
    // "row 5, column del_fritid: message" (without the file).
    std::string location() const;
    // "file: row 5, column del_fritid: message"
    std::string line() const;
};

struct TableOptions {
    enum class Layout { Auto, Wide, Long };
    Layout layout = Layout::Auto;
    // Column names (case-insensitive); empty = found through the usual aliases:
    // code: geso_kod, kod, område/omrade, code; name: geso_namn, namn, name;
    // year: år/ar, year, årtal; indicator: indikator, indicator; value: värde/varde, value.
    std::string codeColumn, nameColumn, yearColumn, indicatorColumn, valueColumn;
    // Wide layout: catalogue id -> column name. Unmapped indicators are matched by
    // id (or their Swedish/English name or label), case-insensitively.
    std::map<std::string, std::string> indicatorColumns;
    std::string layer;    // layer/sheet/table; empty = the first one with an area-code column
    int defaultYear = 0;  // used when the table has no year column; 0 = a year column is required
};

struct IndicatorTable {
    std::vector<int> codes;            // area codes, ascending, without the city (0)
    std::vector<int> years;            // ascending; years with area or city rows
    std::map<int, std::string> names;  // area code -> name as written in the table (may be absent)
    size_t indicatorCount = 0;         // = catalogue.indicators.size()
    // (code, year) -> value per catalogue indicator (NaN = missing).
    std::map<std::pair<int, int>, std::vector<double>> rows;
    std::map<int, std::vector<double>> city;  // year -> city values per indicator
    std::vector<TableIssue> issues;
    std::string sourcePath;
    std::string driver;     // GDAL short name, e.g. "CSV"
    std::string layerName;  // the layer/sheet read
    std::string encoding;   // CSV only: "UTF-8", "UTF-8 (BOM)" or "CP1252"
    TableOptions::Layout layout = TableOptions::Layout::Wide;  // as detected/used
    // Where things are, for reports that come after loading (checkNames):
    std::map<int, int> firstRow;  // area code -> row it first appears in (TableIssue::row numbering)
    std::map<int, int> nameRow;   // area code -> row its name in `names` was taken from
    std::string codeColumn, nameColumn, yearColumn;  // the columns used, as written ("" = none)

    bool hasRow(int code, int year) const { return rows.count({code, year}) > 0; }
    double value(int code, int year, int indicator) const;  // NaN if missing
    double cityValue(int year, int indicator) const;        // NaN if missing
    bool hasCity(int year) const { return city.count(year) > 0; }
    // The latest year of any row, city-only years included (kept for callers that want it).
    int latestYear() const { return years.empty() ? 0 : years.back(); }
    // The latest year with area rows: the default year to compute and map (a year
    // with only a city row has nothing to show). 0 if there are no area rows.
    int latestAreaYear() const;

    size_t errorCount() const;
    size_t warningCount() const;
    bool hasErrors() const { return errorCount() > 0; }
    const TableIssue* firstError() const;
};

// Loads a table. Returns an Error (where = path) when the file cannot be read,
// no layer/columns fit, or no usable area row is left; otherwise the table with
// its issues (the caller decides whether Error-severity issues stop it; the CLI
// does).
Result<IndicatorTable> loadIndicatorTable(const std::string& path, const Catalogue& cat,
                                          const TableOptions& opts = {});

// Compares the table's areas with a boundary layer (code -> name): codes not in
// the layer, layer areas without rows, and names that differ (case-insensitive)
// are added as warnings (layer areas without rows: one line each up to 20, else
// one line with their count and the first five). The first two name the table row where the code first
// appears and the code column; a different name names the row and name column
// it was read from. Layer areas without rows have no row (0).
void checkNames(IndicatorTable& table, const std::map<int, std::string>& boundaryNames);

}  // namespace geso::core
