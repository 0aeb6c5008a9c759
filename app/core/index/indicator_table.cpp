#include "core/index/indicator_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <span>
#include <tuple>

#include "core/index/raw_table.hpp"
#include "core/index/swedish_number.hpp"
#include "core/index/text_util.hpp"

namespace geso::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Folded (foldKey) aliases, most specific first.
constexpr std::string_view kCodeAliases[] = {"geso_kod", "geso_code", "gesokod", "geso_id", "geso",
                                             "kod", "code", "omradeskod", "omrades_kod", "omrade",
                                             "area_code", "area"};
constexpr std::string_view kNameAliases[] = {"geso_namn", "geso_name", "omradesnamn", "omrades_namn",
                                             "namn", "name", "area_name"};
constexpr std::string_view kYearAliases[] = {"ar", "year", "artal"};
constexpr std::string_view kIndicatorAliases[] = {"indikator", "indicator", "indikator_id",
                                                  "indicator_id", "variabel", "variable", "matt"};
constexpr std::string_view kValueAliases[] = {"varde", "value", "andel", "procent", "percent"};

constexpr int kNotFound = -1;
constexpr int kExplicitMissing = -2;

int findColumn(const std::vector<std::string>& folded, const std::string& explicitName,
               std::span<const std::string_view> aliases) {
    if (!explicitName.empty()) {
        const std::string key = foldKey(explicitName);
        for (size_t i = 0; i < folded.size(); ++i)
            if (folded[i] == key) return static_cast<int>(i);
        return kExplicitMissing;
    }
    for (auto alias : aliases)
        for (size_t i = 0; i < folded.size(); ++i)
            if (folded[i] == alias) return static_cast<int>(i);
    return kNotFound;
}

bool matchesAlias(const std::string& key, std::span<const std::string_view> aliases) {
    for (auto alias : aliases)
        if (key == alias) return true;
    return false;
}

std::string cellText(const RawCell& c) {
    if (c.null) return {};
    if (!c.numeric) return std::string(trimUnicodeSpace(c.text));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", c.number);
    return buf;
}

ParsedNumber cellNumber(const RawCell& c) {
    if (c.null) return {};
    if (c.numeric) {
        if (!std::isfinite(c.number)) return {ParsedNumber::Kind::Invalid, 0};
        return {ParsedNumber::Kind::Value, c.number};
    }
    return parseSwedishNumber(c.text);
}

std::optional<long long> cellInteger(const RawCell& c) {
    const ParsedNumber p = cellNumber(c);
    if (!p.isValue() || std::trunc(p.value) != p.value || std::fabs(p.value) > 1e9) return std::nullopt;
    return static_cast<long long>(p.value);
}

bool isCityName(std::string_view name) {
    const std::string n = lowerSwedish(trimUnicodeSpace(name));
    return n == "malm\xC3\xB6" || n == "malmo" || n == "malm\xC3\xB6 stad" || n == "malm\xC3\xB6 kommun" ||
           n == "hela malm\xC3\xB6";
}

std::string formatValue(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    std::string s = buf;
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

class Builder {
public:
    Builder(RawTable raw, const Catalogue& cat, const TableOptions& opts, std::string path)
        : m_raw(std::move(raw)), m_cat(cat), m_opts(opts), m_path(std::move(path)) {
        m_table.sourcePath = m_path;
        m_table.driver = m_raw.driver;
        m_table.layerName = m_raw.layerName;
        m_table.encoding = m_raw.encoding;
        m_table.indicatorCount = cat.indicators.size();
        for (const auto& c : m_raw.columns) m_folded.push_back(foldKey(c));
    }

    Result<IndicatorTable> build() {
        if (auto st = mapColumns(); !st.ok()) return st.error();
        for (auto [row, fields] : m_raw.overlongRows)
            warning(row, -1, "the row has " + std::to_string(fields) + " fields but the header " +
                                 std::to_string(m_raw.headerFieldCount) + "; the extra fields are ignored");
        for (auto [row, fields] : m_raw.shortRows)
            warning(row, -1, "the row has " + std::to_string(fields) + " fields but the header " +
                                 std::to_string(m_raw.headerFieldCount) +
                                 "; the missing fields are read as empty (missing values)");
        for (const RawRow& row : m_raw.rows) {
            if (m_table.layout == TableOptions::Layout::Wide) readWideRow(row);
            else readLongRow(row);
        }
        return finish();
    }

private:
    void add(TableIssue::Severity sev, int row, int col, std::string msg) {
        m_table.issues.push_back(
            {sev, m_path, row, col >= 0 ? m_raw.columns[static_cast<size_t>(col)] : std::string(), std::move(msg)});
    }
    void error(int row, int col, std::string msg) { add(TableIssue::Severity::Error, row, col, std::move(msg)); }
    void warning(int row, int col, std::string msg) { add(TableIssue::Severity::Warning, row, col, std::move(msg)); }

    // `example` is the alias as a user writes it ("år"); the aliases are folded ("ar").
    Status requireColumn(int& col, const std::string& explicitName, std::span<const std::string_view> aliases,
                         const char* what, const char* example, bool required) {
        col = findColumn(m_folded, explicitName, aliases);
        if (col == kExplicitMissing)
            return Error{std::string("no ") + what + " column named '" + explicitName + "' (columns: " +
                             columnList() + ")", m_path};
        if (col == kNotFound && required)
            return Error{std::string("no ") + what + " column (expected e.g. '" + example + "'; columns: " +
                             columnList() + ")", m_path};
        return Ok{};
    }

    // At most 12 names of at most 40 bytes: a binary file read as CSV has one huge "column".
    std::string columnList() const {
        constexpr size_t kMaxColumns = 12, kMaxBytes = 40;
        std::string s;
        for (size_t i = 0; i < m_raw.columns.size() && i < kMaxColumns; ++i) {
            if (!s.empty()) s += ", ";
            const std::string& c = m_raw.columns[i];
            if (c.size() <= kMaxBytes) {
                s += c;
            } else {
                size_t cut = kMaxBytes;
                while (cut > 0 && (static_cast<unsigned char>(c[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
                s += c.substr(0, cut);
                s += "…";
            }
        }
        if (m_raw.columns.size() > kMaxColumns) s += ", …";
        return s.empty() ? "none" : s;
    }

    int indicatorByKey(const std::string& key) const {
        for (size_t i = 0; i < m_cat.indicators.size(); ++i) {
            const IndicatorDef& d = m_cat.indicators[i];
            if (key == foldKey(d.id) || key == foldKey(d.labelSv) || key == foldKey(d.labelEn) ||
                key == foldKey(d.nameSv) || key == foldKey(d.nameEn))
                return static_cast<int>(i);
        }
        return -1;
    }

    Status mapColumns() {
        if (auto st = requireColumn(m_codeCol, m_opts.codeColumn, kCodeAliases, "area code", "geso_kod", true);
            !st.ok())
            return st;
        if (auto st = requireColumn(m_nameCol, m_opts.nameColumn, kNameAliases, "area name", "geso_namn", false);
            !st.ok())
            return st;
        if (auto st = requireColumn(m_yearCol, m_opts.yearColumn, kYearAliases, "year", "år",
                                    m_opts.defaultYear == 0);
            !st.ok())
            return st;
        if (auto st = requireColumn(m_indCol, m_opts.indicatorColumn, kIndicatorAliases, "indicator", "indikator",
                                    false);
            !st.ok())
            return st;
        if (auto st = requireColumn(m_valueCol, m_opts.valueColumn, kValueAliases, "value", "värde", false);
            !st.ok())
            return st;

        // Wide: one column per catalogue indicator.
        m_indicatorCol.assign(m_cat.indicators.size(), kNotFound);
        int matched = 0;
        for (const auto& [id, column] : m_opts.indicatorColumns)
            if (m_cat.indicatorIndex(id) < 0) return Error{"--columns: unknown indicator id '" + id + "'", m_path};
        for (size_t i = 0; i < m_cat.indicators.size(); ++i) {
            const IndicatorDef& d = m_cat.indicators[i];
            auto it = m_opts.indicatorColumns.find(d.id);
            int col = kNotFound;
            if (it != m_opts.indicatorColumns.end()) {
                col = findColumn(m_folded, it->second, {});
                if (col == kExplicitMissing)
                    return Error{"no column named '" + it->second + "' for indicator '" + d.id + "' (columns: " +
                                     columnList() + ")", m_path};
            } else {
                for (size_t c = 0; c < m_folded.size() && col == kNotFound; ++c)
                    if (indicatorByKey(m_folded[c]) == static_cast<int>(i)) col = static_cast<int>(c);
            }
            m_indicatorCol[i] = col;
            if (col >= 0) ++matched;
        }

        using Layout = TableOptions::Layout;
        Layout layout = m_opts.layout;
        const bool longColumns = m_indCol >= 0 && m_valueCol >= 0;
        if (layout == Layout::Auto) {
            if (matched > 0) layout = Layout::Wide;
            else if (longColumns) layout = Layout::Long;
            else
                return Error{"no indicator columns: expected wide columns named like '" +
                                 m_cat.indicators.front().id +
                                 "' or long columns 'indikator' and 'värde' (columns: " + columnList() + ")",
                             m_path};
        }
        if (layout == Layout::Wide && matched == 0)
            return Error{"wide layout: no column matches a catalogue indicator (columns: " + columnList() + ")",
                         m_path};
        if (layout == Layout::Long && !longColumns)
            return Error{"long layout needs an indicator column ('indikator') and a value column ('värde') "
                         "(columns: " + columnList() + ")", m_path};
        m_table.layout = layout;
        auto columnName = [&](int col) { return col >= 0 ? m_raw.columns[static_cast<size_t>(col)] : std::string(); };
        m_table.codeColumn = columnName(m_codeCol);
        m_table.nameColumn = columnName(m_nameCol);
        m_table.yearColumn = columnName(m_yearCol);

        // Report what is not used, so nothing is ignored silently.
        if (m_opts.defaultYear != 0 && m_yearCol >= 0)
            warning(0, m_yearCol, "the table has a year column; the default year " +
                                      std::to_string(m_opts.defaultYear) + " is not used");
        if (layout == Layout::Long && !m_opts.indicatorColumns.empty())
            warning(0, -1, "long layout: the indicator column mapping (" + m_opts.indicatorColumns.begin()->first +
                               "=…) is not used; indicators come from the '" +
                               m_raw.columns[static_cast<size_t>(m_indCol)] + "' column");
        std::set<int> used = {m_codeCol, m_nameCol, m_yearCol};
        if (layout == Layout::Wide) {
            used.insert(m_indicatorCol.begin(), m_indicatorCol.end());
            for (size_t i = 0; i < m_indicatorCol.size(); ++i)
                if (m_indicatorCol[i] < 0)
                    warning(0, -1, "no column for indicator '" + m_cat.indicators[i].id + "'; its values are missing");
        } else {
            used.insert(m_indCol);
            used.insert(m_valueCol);
        }
        for (size_t c = 0; c < m_raw.columns.size(); ++c)
            if (!used.count(static_cast<int>(c)))
                warning(0, static_cast<int>(c), "column not used (not an indicator in the catalogue)");
        return Ok{};
    }

    struct Key {
        bool ok = false;
        bool city = false;
        int code = 0, year = 0;
        std::string name;
    };

    Key readKey(const RawRow& row) {
        Key k;
        auto cell = [&](int col) -> const RawCell& {
            static const RawCell kNull;
            return col >= 0 ? row.cells[static_cast<size_t>(col)] : kNull;
        };
        k.name = m_nameCol >= 0 ? cellText(cell(m_nameCol)) : std::string();
        const RawCell& codeCell = cell(m_codeCol);
        const std::string codeText = cellText(codeCell);
        const bool cityName = isCityName(k.name);
        const ParsedNumber codeNum = cellNumber(codeCell);
        if (codeNum.kind == ParsedNumber::Kind::Missing) {
            if (!cityName) {
                error(row.rowNumber, m_codeCol, "missing area code; row not used");
                return k;
            }
            k.city = true;
        } else {
            auto code = cellInteger(codeCell);
            if (!code || *code < 0) {
                error(row.rowNumber, m_codeCol, "'" + codeText + "' is not a GeSO area code; row not used");
                return k;
            }
            if (*code == 0) {
                k.city = true;
            } else if (cityName) {
                error(row.rowNumber, m_codeCol,
                      "the name '" + k.name + "' marks the city row but the code is " + codeText +
                          " (use 0); row not used");
                return k;
            }
            k.code = static_cast<int>(*code);
        }
        if (m_yearCol < 0) {
            k.year = m_opts.defaultYear;
        } else {
            const RawCell& yearCell = cell(m_yearCol);
            auto year = cellInteger(yearCell);
            if (!year || *year < 1900 || *year > 2200) {
                const std::string t = cellText(yearCell);
                error(row.rowNumber, m_yearCol,
                      t.empty() ? "missing year; row not used" : "'" + t + "' is not a year; row not used");
                return k;
            }
            k.year = static_cast<int>(*year);
        }
        if (!k.city) m_table.firstRow.emplace(k.code, row.rowNumber);
        if (!k.city && !k.name.empty()) {
            auto [it, inserted] = m_table.names.emplace(k.code, k.name);
            if (inserted) m_table.nameRow.emplace(k.code, row.rowNumber);
            if (!inserted && lowerSwedish(it->second) != lowerSwedish(k.name))
                warning(row.rowNumber, m_nameCol,
                        "area " + std::to_string(k.code) + " is called '" + k.name + "' here but '" + it->second +
                            "' earlier");
        }
        k.ok = true;
        return k;
    }

    // Parses one value cell; reports non-numbers (error) and shares outside 0–100 (warning).
    double readValue(const RawRow& row, int col, int indicator) {
        const RawCell& c = row.cells[static_cast<size_t>(col)];
        const ParsedNumber p = cellNumber(c);
        const IndicatorDef& def = m_cat.indicators[static_cast<size_t>(indicator)];
        if (p.kind == ParsedNumber::Kind::Invalid) {
            error(row.rowNumber, col, "'" + cellText(c) + "' is not a number (" + def.id + "); value treated as missing");
            return kNaN;
        }
        if (p.kind == ParsedNumber::Kind::Missing) return kNaN;
        if (!c.numeric && c.text.find('%') != std::string::npos)
            m_explicitPercent[static_cast<size_t>(indicator)] = true;
        if (def.unit == "%" && (p.value < 0 || p.value > 100))
            warning(row.rowNumber, col, "share " + formatValue(p.value) + " % (" + def.id + ") is outside 0–100");
        return p.value;
    }

    std::vector<double>* slotFor(const Key& k, int rowNumber, bool createOnly) {
        const auto key = std::make_pair(k.city ? 0 : k.code, k.year);
        auto [it, inserted] = m_firstRow.emplace(key, rowNumber);
        if (!inserted && createOnly) {
            const std::string who = k.city ? "the city" : "area " + std::to_string(k.code);
            error(rowNumber, m_codeCol,
                  "duplicate row for " + who + ", " + std::to_string(k.year) + " (first in row " +
                      std::to_string(it->second) + "); row not used");
            return nullptr;
        }
        if (k.city) return &m_table.city.try_emplace(k.year, m_cat.indicators.size(), kNaN).first->second;
        return &m_table.rows.try_emplace({k.code, k.year}, m_cat.indicators.size(), kNaN).first->second;
    }

    void readWideRow(const RawRow& row) {
        const Key k = readKey(row);
        if (!k.ok) return;
        std::vector<double>* slot = slotFor(k, row.rowNumber, true);
        if (!slot) return;
        for (size_t i = 0; i < m_indicatorCol.size(); ++i)
            if (m_indicatorCol[i] >= 0) (*slot)[i] = readValue(row, m_indicatorCol[i], static_cast<int>(i));
    }

    void readLongRow(const RawRow& row) {
        const Key k = readKey(row);
        if (!k.ok) return;
        const std::string indText = cellText(row.cells[static_cast<size_t>(m_indCol)]);
        if (indText.empty()) {
            error(row.rowNumber, m_indCol, "missing indicator; row not used");
            return;
        }
        const int ind = indicatorByKey(foldKey(indText));
        if (ind < 0) {
            warning(row.rowNumber, m_indCol, "indicator '" + indText + "' is not in the catalogue; row not used");
            return;
        }
        const auto key = std::make_tuple(k.city ? 0 : k.code, k.year, ind);
        auto [it, inserted] = m_firstLongRow.emplace(key, row.rowNumber);
        if (!inserted) {
            const std::string who = k.city ? "the city" : "area " + std::to_string(k.code);
            error(row.rowNumber, m_indCol,
                  "duplicate value of " + m_cat.indicators[static_cast<size_t>(ind)].id + " for " + who + ", " +
                      std::to_string(k.year) + " (first in row " + std::to_string(it->second) + "); row not used");
            return;
        }
        std::vector<double>* slot = slotFor(k, row.rowNumber, false);
        (*slot)[static_cast<size_t>(ind)] = readValue(row, m_valueCol, ind);
    }

    // Spreadsheet cells in percent format store 82,4 % as 0.824. A share whose
    // every value lies in [0, 1], one of them strictly between (a lone "1" is more
    // likely 1 %), is read as such fractions -- unless a cell wrote "%" itself,
    // which makes 0,5 % a real half percent.
    void scalePercentFractions() {
        for (size_t i = 0; i < m_cat.indicators.size(); ++i) {
            if (m_cat.indicators[i].unit != "%" || m_explicitPercent[i]) continue;
            bool anyFraction = false, allInUnit = true;
            auto scan = [&](const std::vector<double>& v) {
                if (std::isnan(v[i])) return;
                allInUnit = allInUnit && v[i] >= 0 && v[i] <= 1;
                anyFraction = anyFraction || (v[i] > 0 && v[i] < 1);
            };
            for (const auto& [key, values] : m_table.rows) scan(values);
            for (const auto& [year, values] : m_table.city) scan(values);
            if (!anyFraction || !allInUnit) continue;
            for (auto& [key, values] : m_table.rows) values[i] *= 100.0;
            for (auto& [year, values] : m_table.city) values[i] *= 100.0;
            const bool wide = m_table.layout == TableOptions::Layout::Wide;
            // Long tables share one value column, so the message names the indicator.
            warning(0, wide ? m_indicatorCol[i] : m_valueCol,
                    (wide ? std::string() : m_cat.indicators[i].id + ": ") +
                        "all values between 0 and 1: read as fractions (percent-formatted cells) and "
                        "multiplied by 100");
        }
    }

    Result<IndicatorTable> finish() {
        scalePercentFractions();
        std::set<int> codes, areaYears, years;
        for (const auto& [key, values] : m_table.rows) {
            codes.insert(key.first);
            areaYears.insert(key.second);
            years.insert(key.second);
        }
        for (const auto& [year, values] : m_table.city) years.insert(year);
        if (codes.empty()) {
            std::string why = "no usable area rows";
            if (m_raw.rows.empty()) why += " (the table is empty)";
            else if (const TableIssue* e = m_table.firstError()) why += " (" + e->location() + ")";
            return Error{why, m_path};
        }
        m_table.codes.assign(codes.begin(), codes.end());
        m_table.years.assign(years.begin(), years.end());
        for (int year : areaYears) {
            for (int code : m_table.codes)
                if (!m_table.hasRow(code, year)) {
                    auto n = m_table.names.find(code);
                    warning(0, -1, "area " + std::to_string(code) +
                                       (n != m_table.names.end() ? " (" + n->second + ")" : std::string()) +
                                       " has no row for " + std::to_string(year));
                }
            if (!m_table.hasCity(year))
                warning(0, -1, "no city row (code 0 or 'Malmö') for " + std::to_string(year) +
                                   "; Malmö = 100 cannot be computed for that year");
        }
        return std::move(m_table);
    }

    RawTable m_raw;
    const Catalogue& m_cat;
    const TableOptions& m_opts;
    std::string m_path;
    IndicatorTable m_table;
    std::vector<std::string> m_folded;
    int m_codeCol = kNotFound, m_nameCol = kNotFound, m_yearCol = kNotFound;
    int m_indCol = kNotFound, m_valueCol = kNotFound;
    std::vector<int> m_indicatorCol;
    std::vector<bool> m_explicitPercent = std::vector<bool>(m_cat.indicators.size(), false);
    std::map<std::pair<int, int>, int> m_firstRow;
    std::map<std::tuple<int, int, int>, int> m_firstLongRow;
};

}  // namespace

std::string TableIssue::location() const {
    std::string s;
    if (row > 0) s = "row " + std::to_string(row);
    if (!column.empty()) s += (s.empty() ? "column " : ", column ") + column;
    return s.empty() ? message : s + ": " + message;
}

std::string TableIssue::line() const { return file.empty() ? location() : file + ": " + location(); }

double IndicatorTable::value(int code, int year, int indicator) const {
    auto it = rows.find({code, year});
    if (it == rows.end() || indicator < 0 || static_cast<size_t>(indicator) >= it->second.size()) return kNaN;
    return it->second[static_cast<size_t>(indicator)];
}

double IndicatorTable::cityValue(int year, int indicator) const {
    auto it = city.find(year);
    if (it == city.end() || indicator < 0 || static_cast<size_t>(indicator) >= it->second.size()) return kNaN;
    return it->second[static_cast<size_t>(indicator)];
}

int IndicatorTable::latestAreaYear() const {
    int year = 0;
    for (const auto& [key, values] : rows) year = std::max(year, key.second);
    return year;
}

size_t IndicatorTable::errorCount() const {
    size_t n = 0;
    for (const auto& i : issues) n += i.isError() ? 1 : 0;
    return n;
}

size_t IndicatorTable::warningCount() const { return issues.size() - errorCount(); }

const TableIssue* IndicatorTable::firstError() const {
    for (const auto& i : issues)
        if (i.isError()) return &i;
    return nullptr;
}

Result<IndicatorTable> loadIndicatorTable(const std::string& path, const Catalogue& cat, const TableOptions& opts) {
    if (cat.indicators.empty()) return Error{"the indicator catalogue is empty", path};
    // Without a named layer, prefer a table with an area code and indicator
    // columns (a GeoPackage may also hold the boundary layer with geso_kod).
    auto score = [&](const std::vector<std::string>& columns) {
        bool code = false, indicators = false, indicator = false, value = false;
        for (const auto& c : columns) {
            const std::string key = foldKey(c);
            code = code || (opts.codeColumn.empty() ? matchesAlias(key, kCodeAliases) : key == foldKey(opts.codeColumn));
            indicator = indicator || matchesAlias(key, kIndicatorAliases);
            value = value || matchesAlias(key, kValueAliases);
            for (const auto& d : cat.indicators)
                indicators = indicators || key == foldKey(d.id);
        }
        return (code ? 2 : 0) + (indicators || (indicator && value) ? 1 : 0);
    };
    auto raw = readRawTable(path, opts.layer, score);
    if (!raw.ok()) return raw.error();
    return Builder(std::move(raw).value(), cat, opts, path).build();
}

void checkNames(IndicatorTable& table, const std::map<int, std::string>& boundaryNames) {
    auto warn = [&](int row, const std::string& column, std::string msg) {
        table.issues.push_back({TableIssue::Severity::Warning, table.sourcePath, row, column, std::move(msg)});
    };
    auto rowOf = [](const std::map<int, int>& rows, int code) {
        auto it = rows.find(code);
        return it == rows.end() ? 0 : it->second;
    };
    for (int code : table.codes) {
        auto b = boundaryNames.find(code);
        if (b == boundaryNames.end()) {
            warn(rowOf(table.firstRow, code), table.codeColumn,
                 "area " + std::to_string(code) + " is not in the boundary layer; it cannot be mapped");
            continue;
        }
        auto n = table.names.find(code);
        if (n != table.names.end() && !b->second.empty() &&
            lowerSwedish(trimUnicodeSpace(n->second)) != lowerSwedish(trimUnicodeSpace(b->second)))
            warn(rowOf(table.nameRow, code), table.nameColumn,
                 "area " + std::to_string(code) + " is called '" + n->second + "' in the table but '" + b->second +
                     "' in the boundary layer");
    }
    // Boundary areas without rows: one line each for a GeSO-sized layer; for a
    // big layer (a boundary file of another division) one line with the count
    // and the first few, so the report stays readable.
    constexpr size_t kListed = 20;
    std::vector<std::pair<int, std::string>> missing;
    for (const auto& [code, name] : boundaryNames)
        if (!std::binary_search(table.codes.begin(), table.codes.end(), code)) missing.emplace_back(code, name);
    if (missing.size() <= kListed) {
        for (const auto& [code, name] : missing)
            warn(0, {}, "area " + std::to_string(code) + " (" + name + ") has no rows in the table");
        return;
    }
    std::string first;
    for (size_t i = 0; i < 5; ++i)
        first += (i ? ", " : "") + std::to_string(missing[i].first) + " (" + missing[i].second + ")";
    warn(0, {}, std::to_string(missing.size()) + " of the boundary layer's " + std::to_string(boundaryNames.size()) +
                    " areas have no rows in the table: " + first + " …");
}

}  // namespace geso::core
