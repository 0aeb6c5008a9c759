#pragma once
// Internal to geso_io: OGR attribute fields → model Columns, row by row, and
// the text decoding of shapefiles that declare no encoding.
#include <ogrsf_frmts.h>

#include <string>
#include <vector>

#include "core/model/layer.hpp"

namespace geso::core::io_detail {

FieldType fieldTypeOf(const OGRFieldDefn& field);
std::string gdalTypeName(const OGRFieldDefn& field);  // "String(80)", "Integer64", "Real(24.15)"

// UTF-8 text from a raw value: kept when it is valid UTF-8, else converted from
// `fallbackEncoding` (an iconv name). An empty fallback returns `raw` as is.
std::string decodeText(const char* raw, const std::string& fallbackEncoding, bool* recoded = nullptr);

// Label of row `row` for issues, as AttributeReader::label: name, else code, else "fid N".
std::string labelFromColumns(const std::vector<Column>& columns, size_t row, int64_t fid);

class AttributeReader {
public:
    // `fallbackEncoding`: see OpenedLayer::fallbackEncoding ("" = GDAL already gives UTF-8).
    AttributeReader(OGRFeatureDefn& defn, std::string fallbackEncoding, size_t reserveRows);

    void append(OGRFeature& feature);           // one row per call
    std::string label(OGRFeature& feature) const;  // name, else code, else "fid N"
    std::vector<Column> take() { return std::move(m_columns); }
    size_t recodedValues() const { return m_recoded; }  // values converted from the fallback encoding

private:
    std::string text(const char* raw);

    std::vector<Column> m_columns;
    std::vector<OGRFieldType> m_ogrTypes;
    std::string m_fallback;
    int m_nameField = -1, m_codeField = -1;
    size_t m_recoded = 0;
};

}  // namespace geso::core::io_detail
