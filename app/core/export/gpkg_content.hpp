#pragma once
// What goes into an exported GeoPackage, as plain data: tables (spatial or
// not) with their columns, metadata and QGIS styles. The GeoSO-specific
// assembly (export.hpp) fills this; gpkg_writer writes it with GDAL.
#include <map>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/export/layer_style.hpp"
#include "core/model/layer.hpp"

namespace geso::core {

enum class TableGeometry { None, Polygon, Point };

struct ExportTable {
    std::string name;         // table name (also gpkg_contents identifier)
    std::string description;  // gpkg_contents.description (DESCRIPTION layer creation option)
    TableGeometry geometry = TableGeometry::None;
    // Geometry source, not owned; must outlive the write. Feature i of the
    // table is feature i of the layer. Coordinates are in `sourceCrs`.
    const AreaLayer* areas = nullptr;   // TableGeometry::Polygon (written as MultiPolygon)
    const PointLayer* points = nullptr; // TableGeometry::Point
    std::string sourceCrs;              // e.g. "EPSG:3008"
    size_t rows = 0;
    // Integer → INTEGER (or INTEGER64 beyond 32 bits), Real → REAL, Text → TEXT,
    // Date → DATE ("YYYY-MM-DD"); NaN or isNull → NULL. Each holds `rows` values.
    std::vector<Column> columns;
    std::map<std::string, std::string> metadata;  // table-scoped gpkg_metadata (GDAL XML)
    std::vector<LayerStyle> styles;               // layer_styles rows; exactly one isDefault
    // On update: earlier styles of ours on this table to remove besides those
    // named in `styles` (other language, other --variable). Rows with any other
    // name are the user's (saved in QGIS) and are kept.
    std::vector<std::string> ownedStyleNames;
};

struct GpkgContent {
    std::string crs = "EPSG:3008";  // output CRS of every spatial table
    std::vector<ExportTable> tables;
    std::map<std::string, std::string> metadata;  // GeoPackage-scoped gpkg_metadata
};

// Checks what a writer relies on: unique non-empty table names, row counts that
// match columns and geometry, exactly one default style per table that has
// styles, style names of 1–30 characters and unique per table.
Status checkContent(const GpkgContent& content);

// Writes `content` with GDAL's GPKG driver.
// - update = false: `path` must not exist; a new GeoPackage is created.
// - update = true: `path` is an existing GeoPackage; tables of the same names
//   (compared case-insensitively, as SQLite does) are replaced, and so are
//   their layer_styles rows named in `styles` or `ownedStyleNames`; other
//   styles of those tables stay but lose useAsDefault when the table gets a
//   default of ours, so exactly one remains. Everything else is kept; dataset
//   metadata items are merged (ours win).
// Not atomic by itself: callers go through writeFileSafely (safe_write.hpp).
// Error.where = path.
Status writeGpkgContent(const std::string& path, const GpkgContent& content, bool update);

// The time now in UTC, ISO 8601 to the second ("2026-12-01T23:04:05Z"): the
// metadata DATE and the styles' update_time.
std::string isoNowUtc();

}  // namespace geso::core
