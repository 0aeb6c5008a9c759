#pragma once
// Internal: a table as read from GDAL before any interpretation. Cells keep
// their GDAL type (numbers from XLSX/ODS/GPKG stay numbers, CSV cells are text).
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.hpp"

namespace geso::core {

struct RawCell {
    bool null = true;
    bool numeric = false;
    double number = 0;
    std::string text;  // UTF-8
};

struct RawRow {
    int rowNumber = 0;  // see TableIssue::row
    std::vector<RawCell> cells;  // one per column
};

struct RawTable {
    std::vector<std::string> columns;  // UTF-8 names
    std::vector<RawRow> rows;
    std::string driver, layerName, encoding;
    // CSV rows with more fields than the header (GDAL ignores the extra ones):
    // row number and field count, so the caller can report them.
    std::vector<std::pair<int, int>> overlongRows;
    // CSV rows with fewer fields than the header (GDAL reads the rest as empty).
    std::vector<std::pair<int, int>> shortRows;
    int headerFieldCount = 0;
};

// Opens `path` with GDAL (CSV without type guessing and with forced headers, XLSX,
// ODS, GPKG, SQLite, anything else GDAL reads as a vector table) and reads one
// layer: `layer` if given, else the first with the highest `score` of its column
// names. CSV text that is not valid UTF-8 is read as CP1252.
using LayerScore = std::function<int(const std::vector<std::string>& columns)>;
Result<RawTable> readRawTable(const std::string& path, const std::string& layer, const LayerScore& score);

}  // namespace geso::core
