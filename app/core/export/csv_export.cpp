#include "core/export/csv_export.hpp"

#include <cmath>
#include <cstdio>

#include "core/export/number_text.hpp"
#include "core/export/safe_write.hpp"

namespace geso::core {
namespace {

std::string quoteField(const std::string& field, char separator) {
    const bool needs = field.find_first_of(std::string{separator, '"', '\n', '\r'}) != std::string::npos ||
                       (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needs) return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string numberText(const Column& c, size_t row, const CsvOptions& o) {
    const double v = c.num[row];
    if (std::isnan(v)) return {};
    std::string s;
    if (c.type == FieldType::Integer) {
        s = std::to_string(std::llround(v));
    } else if (o.decimals >= 0) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", o.decimals, v);  // "C" locale: the process never sets LC_NUMERIC
        s = buf;
        if (o.swedishExcel)
            for (char& ch : s)
                if (ch == '.') ch = ',';
    } else {
        s = o.swedishExcel ? formatShortestDecimalComma(v) : formatShortest(v);
    }
    // Excel's "−" would be the minus sign in Swedish; keep ASCII '-' which both locales parse.
    return s;
}

}  // namespace

Result<std::string> formatCsv(const std::vector<Column>& columns, const CsvOptions& o) {
    const char sep = o.swedishExcel ? ';' : ',';
    size_t rows = 0;
    for (size_t i = 0; i < columns.size(); ++i) {
        const size_t n = columns[i].numeric() ? columns[i].num.size() : columns[i].text.size();
        if (i == 0) rows = n;
        else if (n != rows)
            return Error{"column " + columns[i].name + " has " + std::to_string(n) + " rows, expected " +
                             std::to_string(rows),
                         "csv"};
    }
    std::string out = "\xEF\xBB\xBF";
    for (size_t i = 0; i < columns.size(); ++i) {
        if (i) out += sep;
        out += quoteField(columns[i].name, sep);
    }
    out += "\r\n";
    for (size_t r = 0; r < rows; ++r) {
        for (size_t i = 0; i < columns.size(); ++i) {
            if (i) out += sep;
            const Column& c = columns[i];
            const bool null = r < c.isNull.size() && c.isNull[r];
            if (null) continue;
            out += c.numeric() ? numberText(c, r, o) : quoteField(c.text[r], sep);
        }
        out += "\r\n";
    }
    return out;
}

Status exportCsv(const std::string& path, const std::vector<Column>& columns, const CsvOptions& options) {
    Result<std::string> text = Error{"", ""};
    try {
        text = formatCsv(columns, options);
    } catch (const std::exception& e) {
        return Error{std::string("export failed: ") + e.what(), path};
    }
    if (!text.ok()) return Error{text.error().what, path};
    return writeFileSafely(path, {}, [&](const std::string& temp) -> Status {
        std::FILE* f = std::fopen(temp.c_str(), "wb");
        if (!f) return Error{"cannot open for writing", path};
        const std::string& s = text.value();
        const size_t n = std::fwrite(s.data(), 1, s.size(), f);
        const bool flushed = std::fflush(f) == 0;
        const bool closed = std::fclose(f) == 0;
        if (n != s.size() || !flushed || !closed) return Error{"write failed (disk full?)", path};
        return Ok{};
    });
}

}  // namespace geso::core
