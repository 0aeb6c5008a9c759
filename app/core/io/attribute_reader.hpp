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
// `fallbackEncoding` (an iconv name), or from CP1252 when the fallback is empty
// (the source claimed UTF-8 but was not) or the conversion fails. *recoded
// tells whether the value was converted.
std::string decodeText(const char* raw, const std::string& fallbackEncoding, bool* recoded = nullptr);

// Label of row `row` for issues, as AttributeReader::label: name, else code, else "fid N".
std::string labelFromColumns(const std::vector<Column>& columns, size_t row, int64_t fid);

class AttributeReader {
public:
    // `fallbackEncoding`: see OpenedLayer::fallbackEncoding ("" = the source
    // declares UTF-8, or GDAL recodes to it; invalid bytes are then read as CP1252).
    AttributeReader(OGRFeatureDefn& defn, std::string fallbackEncoding, size_t reserveRows);

    void append(OGRFeature& feature);           // one row per call
    std::string label(OGRFeature& feature) const;  // name, else code, else "fid N"
    std::vector<Column> take() { return std::move(m_columns); }
    size_t recodedValues() const { return m_recoded; }  // values converted from the fallback encoding

    // One Warning per column whose values (or name) were not valid UTF-8 and
    // were converted, naming `path`, the column and the encoding used.
    void addEncodingWarnings(const std::string& path, std::vector<FeatureIssue>& issues) const;

private:
    std::string text(const char* raw, size_t column);

    std::vector<Column> m_columns;
    std::vector<OGRFieldType> m_ogrTypes;
    std::string m_fallback;
    int m_nameField = -1, m_codeField = -1;
    size_t m_recoded = 0;
    std::vector<size_t> m_recodedPerColumn;
    std::vector<bool> m_nameRecoded;
    std::vector<std::string> m_names;
};

}  // namespace geso::core::io_detail
