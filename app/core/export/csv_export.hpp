#pragma once
// CSV export of an attribute table (what the viewer's table shows), for Excel
// and LibreOffice: UTF-8 with BOM so Excel detects the encoding, CRLF line ends,
// RFC 4180 quoting. Written through writeFileSafely: the target is replaced only
// when the whole file is on disk.
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/model/layer.hpp"

namespace geso::core {

struct CsvOptions {
    // false: ',' between fields and '.' decimals (international);
    // true: ';' between fields and ',' decimals (Swedish Excel).
    bool swedishExcel = false;
    // Digits after the decimal point for Real columns; -1 = shortest exact form.
    int decimals = -1;
};

// One column per Column (its name is the header), in order; every column holds
// the same number of rows. Integer columns print without decimals; NULL/NaN is
// an empty field. Error.where = path.
Status exportCsv(const std::string& path, const std::vector<Column>& columns, const CsvOptions& options = {});

// The CSV text itself (with BOM), for tests and clipboards.
Result<std::string> formatCsv(const std::vector<Column>& columns, const CsvOptions& options = {});

}  // namespace geso::core
