#include "core/io/attribute_reader.hpp"

#include <cpl_string.h>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "core/text/utf8.hpp"

namespace geso::core::io_detail {
namespace {

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Windows-1252 → UTF-8 without iconv: every byte maps to a character, so nothing
// is lost (the five bytes CP1252 leaves undefined map to the C1 controls of the
// same value, as WHATWG's decoder does), and no GDAL recoding warning fires.
std::string cp1252ToUtf8(const char* raw) {
    static constexpr uint16_t k80to9F[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    std::string out;
    for (const auto* p = reinterpret_cast<const unsigned char*>(raw); *p; ++p)
        appendUtf8(out, *p >= 0x80 && *p <= 0x9F ? k80to9F[*p - 0x80] : uint32_t{*p});
    return out;
}

bool isCp1252(const std::string& encoding) {
    const std::string e = [&] {
        std::string l;
        for (char c : encoding)
            if (std::isalnum(static_cast<unsigned char>(c))) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return l;
    }();
    return e == "cp1252" || e == "windows1252" || e == "1252";
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The field that names a feature, for issue labels: exact names first, then
// any field containing one of the stems.
int findField(const std::vector<Column>& cols, std::initializer_list<const char*> exact,
              std::initializer_list<const char*> stems) {
    for (const char* e : exact)
        for (size_t i = 0; i < cols.size(); ++i)
            if (lower(cols[i].name) == e) return static_cast<int>(i);
    for (const char* s : stems)
        for (size_t i = 0; i < cols.size(); ++i)
            if (lower(cols[i].name).find(s) != std::string::npos) return static_cast<int>(i);
    return -1;
}

int nameFieldOf(const std::vector<Column>& cols) {
    return findField(cols, {"geso_namn", "namn", "name", "omrade", "område", "label"}, {"namn", "name"});
}
int codeFieldOf(const std::vector<Column>& cols) {
    return findField(cols, {"geso_kod", "kod", "code", "delomrade", "id"}, {"kod", "code"});
}

std::string numberText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

}  // namespace

std::string labelFromColumns(const std::vector<Column>& columns, size_t row, int64_t fid) {
    for (int field : {nameFieldOf(columns), codeFieldOf(columns)}) {
        if (field < 0) continue;
        const Column& c = columns[static_cast<size_t>(field)];
        if (row >= c.isNull.size() || c.isNull[row]) continue;
        std::string v = c.numeric() ? numberText(c.num[row]) : c.text[row];
        if (!v.empty()) return v + " (fid " + std::to_string(fid) + ")";
    }
    return "fid " + std::to_string(fid);
}

FieldType fieldTypeOf(const OGRFieldDefn& field) {
    switch (field.GetType()) {
    case OFTInteger: case OFTInteger64: return FieldType::Integer;
    case OFTReal: return FieldType::Real;
    case OFTDate: case OFTDateTime: return FieldType::Date;
    default: return FieldType::Text;
    }
}

std::string gdalTypeName(const OGRFieldDefn& field) {
    std::string s = OGRFieldDefn::GetFieldTypeName(field.GetType());
    if (field.GetSubType() != OFSTNone) s += std::string("/") + OGRFieldDefn::GetFieldSubTypeName(field.GetSubType());
    if (field.GetWidth() > 0) {
        // Appended piecewise: GCC 12 warns (-Wrestrict, a known false positive)
        // on "(" + std::to_string(…).
        s.append(1, '(').append(std::to_string(field.GetWidth()));
        if (field.GetType() == OFTReal && field.GetPrecision() > 0)
            s.append(1, '.').append(std::to_string(field.GetPrecision()));
        s.append(1, ')');
    }
    return s;
}

std::string decodeText(const char* raw, const std::string& fallbackEncoding, bool* recoded) {
    if (recoded) *recoded = false;
    if (!raw) return {};
    if (isValidUtf8(raw)) return raw;
    if (recoded) *recoded = true;
    if (fallbackEncoding.empty() || isCp1252(fallbackEncoding)) return cp1252ToUtf8(raw);
    char* utf8 = CPLRecode(raw, fallbackEncoding.c_str(), CPL_ENC_UTF8);
    std::string out = utf8 && isValidUtf8(utf8) ? std::string(utf8) : cp1252ToUtf8(raw);
    CPLFree(utf8);
    return out;
}

AttributeReader::AttributeReader(OGRFeatureDefn& defn, std::string fallbackEncoding, size_t reserveRows)
    : m_fallback(std::move(fallbackEncoding)) {
    const int n = defn.GetFieldCount();
    m_columns.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const OGRFieldDefn* f = defn.GetFieldDefn(i);
        Column c;
        bool nameRecoded = false;
        c.name = decodeText(f->GetNameRef(), m_fallback, &nameRecoded);
        c.type = fieldTypeOf(*f);
        if (c.numeric()) c.num.reserve(reserveRows);
        else c.text.reserve(reserveRows);
        c.isNull.reserve(reserveRows);
        m_columns.push_back(std::move(c));
        m_ogrTypes.push_back(f->GetType());
        m_nameRecoded.push_back(nameRecoded);
        m_names.push_back(m_columns.back().name);  // take() empties m_columns
    }
    m_recodedPerColumn.assign(m_columns.size(), 0);
    m_nameField = nameFieldOf(m_columns);
    m_codeField = codeFieldOf(m_columns);
}

std::string AttributeReader::text(const char* raw, size_t column) {
    bool recoded = false;
    std::string s = decodeText(raw, m_fallback, &recoded);
    if (recoded) {
        ++m_recoded;
        ++m_recodedPerColumn[column];
    }
    return s;
}

void AttributeReader::addEncodingWarnings(const std::string& path, std::vector<FeatureIssue>& issues) const {
    const std::string encoding = m_fallback.empty() ? "CP1252" : m_fallback;
    // Without a .cpg the encoding was a guess; otherwise the source claimed UTF-8 (.cpg, GeoJSON, CSV) and lied.
    const std::string why = m_fallback.empty() ? "were not valid UTF-8" : "were not UTF-8 and there is no .cpg file";
    for (size_t i = 0; i < m_names.size(); ++i) {
        if (!m_recodedPerColumn[i] && !m_nameRecoded[i]) continue;
        std::string detail = path + ": column '" + m_names[i] + "': ";
        if (m_recodedPerColumn[i])
            detail += std::to_string(m_recodedPerColumn[i]) + " text value(s) " + why + "; read as " + encoding;
        else
            detail += "the column name " + why + "; read as " + encoding;
        issues.push_back({FeatureIssue::Kind::Warning, -1, "layer", std::move(detail)});
    }
}

void AttributeReader::append(OGRFeature& f) {
    for (size_t i = 0; i < m_columns.size(); ++i) {
        Column& c = m_columns[i];
        const int idx = static_cast<int>(i);
        const bool isNull = !f.IsFieldSetAndNotNull(idx);
        c.isNull.push_back(isNull);
        if (c.numeric()) {
            c.num.push_back(isNull ? std::nan("") : f.GetFieldAsDouble(idx));
            continue;
        }
        if (isNull) { c.text.emplace_back(); continue; }
        if (c.type == FieldType::Date) {
            int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
            float sec = 0;
            f.GetFieldAsDateTime(idx, &y, &mo, &d, &h, &mi, &sec, &tz);
            char buf[40];
            if (m_ogrTypes[i] == OFTDate)
                std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
            else
                std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi,
                              static_cast<int>(sec));
            c.text.emplace_back(buf);
            continue;
        }
        c.text.push_back(text(f.GetFieldAsString(idx), i));
    }
}

std::string AttributeReader::label(OGRFeature& f) const {
    for (int field : {m_nameField, m_codeField}) {
        if (field < 0 || !f.IsFieldSetAndNotNull(field)) continue;
        std::string v = decodeText(f.GetFieldAsString(field), m_fallback);
        if (!v.empty()) return v + " (fid " + std::to_string(f.GetFID()) + ")";
    }
    return "fid " + std::to_string(f.GetFID());
}

}  // namespace geso::core::io_detail
