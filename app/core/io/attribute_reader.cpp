#include "core/io/attribute_reader.hpp"

#include <cpl_string.h>

#include <cctype>
#include <cmath>
#include <cstdio>

namespace geso::core::io_detail {
namespace {

bool validUtf8(const char* s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s);
    while (*p) {
        if (*p < 0x80) { ++p; continue; }
        int extra = 0;
        if ((*p & 0xE0) == 0xC0 && *p >= 0xC2) extra = 1;
        else if ((*p & 0xF0) == 0xE0) extra = 2;
        else if ((*p & 0xF8) == 0xF0 && *p <= 0xF4) extra = 3;
        else return false;
        ++p;
        for (int i = 0; i < extra; ++i, ++p)
            if ((*p & 0xC0) != 0x80) return false;
    }
    return true;
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
    if (fallbackEncoding.empty() || validUtf8(raw)) return raw;
    char* utf8 = CPLRecode(raw, fallbackEncoding.c_str(), CPL_ENC_UTF8);
    std::string out = utf8 ? utf8 : raw;
    CPLFree(utf8);
    if (recoded) *recoded = true;
    return out;
}

AttributeReader::AttributeReader(OGRFeatureDefn& defn, std::string fallbackEncoding, size_t reserveRows)
    : m_fallback(std::move(fallbackEncoding)) {
    const int n = defn.GetFieldCount();
    m_columns.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const OGRFieldDefn* f = defn.GetFieldDefn(i);
        Column c;
        c.name = decodeText(f->GetNameRef(), m_fallback);
        c.type = fieldTypeOf(*f);
        if (c.numeric()) c.num.reserve(reserveRows);
        else c.text.reserve(reserveRows);
        c.isNull.reserve(reserveRows);
        m_columns.push_back(std::move(c));
        m_ogrTypes.push_back(f->GetType());
    }
    m_nameField = nameFieldOf(m_columns);
    m_codeField = codeFieldOf(m_columns);
}

std::string AttributeReader::text(const char* raw) {
    bool recoded = false;
    std::string s = decodeText(raw, m_fallback, &recoded);
    if (recoded) ++m_recoded;
    return s;
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
        c.text.push_back(text(f.GetFieldAsString(idx)));
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
