#pragma once
// The indicator catalogue: dimensions and indicators of the city's index, read
// from a JSON file at start (geodata/indikatorer.json). Nothing else in the code
// knows the indicators; everything iterates over a Catalogue.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace geso::core {

struct IndicatorDef {
    std::string id;         // also the column name in wide tables, e.g. "utb_forgymnasial"
    std::string nameSv, nameEn;
    std::string labelSv, labelEn;  // short labels for legends and table headers
    std::string unit;       // "%" for shares (checked against 0–100 on load)
    std::string dimension;  // DimensionDef::id
    bool negative = false;  // true: higher is worse; oriented as 100 − value
};

struct DimensionDef {
    std::string id;         // also the output column name, e.g. "utbildning"
    std::string nameSv, nameEn;
};

struct Catalogue {
    std::vector<DimensionDef> dimensions;
    std::vector<IndicatorDef> indicators;   // file order
    std::string totalId = "total", totalNameSv = "Totalindex", totalNameEn = "Total index";
    std::string sourcePath;

    // Index into `indicators` / `dimensions`, -1 if unknown. Exact id match.
    int indicatorIndex(std::string_view id) const;
    int dimensionIndex(std::string_view id) const;
    // Indicator indices of a dimension, in file order.
    std::vector<int> indicatorsOf(int dimension) const;
    // Dimension index of an indicator.
    int dimensionOf(int indicator) const;
};

// Reads and validates a catalogue: at least one dimension; every dimension has
// at least one indicator; ids non-empty, unique (indicators, dimensions and the
// total share one namespace) and made of [a-z0-9_]; every indicator names an
// existing dimension; direction is "positive" or "negative".
// Error.where = path.
Result<Catalogue> loadCatalogue(const std::string& path);
// Same, from JSON text (for tests and embedded use); `where` names the source.
Result<Catalogue> parseCatalogue(std::string_view jsonText, const std::string& where);

// $GESO_DATA_DIR/indikatorer.json if GESO_DATA_DIR is set, else the repository's
// geodata/indikatorer.json.
std::string bundledCatalogPath();
// $GESO_DATA_DIR/indikatorer.csv, else geodata/indikatorer.csv (illustrative values).
std::string bundledIndicatorsPath();
// $GESO_DATA_DIR/geso_omraden.shp, else geodata/geso_omraden.shp (schematic boundaries),
// for checking a table's codes and names (boundary_names.hpp).
std::string bundledAreasPath();

}  // namespace geso::core
