#pragma once
// The GeoPackage and CSV exports of a Project, for the CLI (`geso-atlas export`)
// and the viewer's export menu. Both compute the index, classes and colours
// through buildChoropleth, so QGIS opens the file with the map the app shows.
//
// GeoPackage layout (docs/export.md):
//   geso_omraden       MultiPolygon in the output CRS: geso_kod, geso_namn, the
//                      catalogue's indicator values for the year (by id), the
//                      dimension indices, total, rank, klass_<dimension>,
//                      klass_total (1 = lowest class; NULL = no data), ar,
//                      normalisering, vikter;
//   indikatorer        attributes table, long: geso_kod, geso_namn, ar, indikator,
//                      varde — every area (and the city, geso_kod 0) × year × indicator;
//   pagaende_insatser, trygghetsomraden   the point layers with all attributes;
//   layer_styles       QGIS styles: graduated per dimension and total on
//                      geso_omraden, categorized on the point layers;
//   gpkg_metadata      provenance for the GeoPackage and each table.
#include <optional>
#include <string>
#include <map>
#include <vector>

#include "core/base/result.hpp"
#include "core/export/csv_export.hpp"
#include "core/export/gpkg_content.hpp"
#include "core/index/index_model.hpp"
#include "core/project/choropleth.hpp"
#include "core/project/project.hpp"
#include "core/text/lang.hpp"

namespace geso::core {

struct ExportRequest {
    std::string outPath;          // the .gpkg to write
    int year = 0;                 // 0 = the indicator table's latest year
    std::string crs;              // output CRS, e.g. "EPSG:3006"; "" = the project's display CRS
    bool update = false;          // add/replace our tables in an existing GeoPackage
    IndexOptions index;           // normalisation and what-if weights (empty = the city's equal weights)
    // Classification of the styles; nullopt = defaultStyle() per variable, as the app does.
    std::optional<MapStyle> style;
    // A variable's own style (its id, "total" for the total), before `style`:
    // the viewer passes the one on screen, every other variable keeps its default.
    std::map<std::string, MapStyle> variableStyles;
    // The style QGIS opens geso_omraden with: "total", a dimension id, or an
    // indicator id (then that indicator also gets a style).
    std::string defaultVariable = "total";
    Lang lang = Lang::Sv;
};

// Layer names in the GeoPackage.
inline constexpr const char* kAreasTable = "geso_omraden";
inline constexpr const char* kIndicatorTable = "indikatorer";
inline constexpr const char* kInitiativesTable = "pagaende_insatser";
inline constexpr const char* kTrygghetTable = "trygghetsomraden";

// What exportGeoPackage writes, without writing it (tests, previews). The
// returned content points into `project` (geometry): keep the project alive.
Result<GpkgContent> buildGpkgContent(const Project& project, const ExportRequest& request);

// Writes built content safely to `path` (temporary file + rename), updating an
// existing GeoPackage when `update`. Error.where = path.
Status writeGpkgSafely(const std::string& path, const GpkgContent& content, bool update);

// buildGpkgContent + writeGpkgSafely. Writes the GeoPackage safely (temporary file + rename; see safe_write.hpp).
// Errors name request.outPath: bad year or weights, unwritable folder or file, GDAL
// write failures. The target is never left half-written.
Status exportGeoPackage(const Project& project, const ExportRequest& request);

// The attribute table the viewer shows for one year: geso_kod, geso_namn, the
// indicator values (by id), the dimension indices, total, rank. Without an
// indicator table: code and name only.
Result<std::vector<Column>> attributeTable(const Project& project, int year, const IndexOptions& index);

// attributeTable written as CSV (csv_export.hpp). Error.where = path.
Status exportCsv(const std::string& path, const Project& project, int year, const IndexOptions& index,
                 const CsvOptions& options = {});

}  // namespace geso::core
