#pragma once
// Internal to geso_io: opening a GDAL vector dataset with clear errors, and
// choosing the layer to read.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdint>
#include <string>

#include "core/base/result.hpp"
#include "core/io/vector_reader.hpp"

namespace geso::core::io_detail {

// Opens `path` read-only as a vector dataset after checking what GDAL would
// report vaguely or not at all: missing file, directory, 0 bytes, a shapefile
// without .shx/.dbf. `rawShapeText` opens shapefiles without recoding text.
// Error.where = path.
Result<GDALDatasetUniquePtr> openVector(const std::string& path, bool rawShapeText = false);

LayerKind layerKindOf(OGRwkbGeometryType type);
const char* kindNoun(LayerKind kind);  // "polygon", "point", …

struct OpenedLayer {
    GDALDatasetUniquePtr ds;
    OGRLayer* layer = nullptr;
    std::string driver;
    // Non-empty for a shapefile without .cpg: text fields hold the raw DBF bytes;
    // decode each value as UTF-8 when it is valid UTF-8, else from this encoding
    // (the DBF code page GDAL found, or CP1252 when the DBF names none).
    std::string fallbackEncoding;
};

// Opens `path` and picks the layer: `layerName` if given (Error listing the
// layers if absent), else the only layer of kind `want` (Mixed layers count).
Result<OpenedLayer> openLayer(const std::string& path, const std::string& layerName, LayerKind want);

// The start of loadAreas and loadPoints, called inside their GdalErrorCapture:
// GDAL set up, the display CRS known to PROJ (else Error, where = "proj:create"),
// the layer opened as openLayer does, and `source` told the path, layer name,
// driver and display CRS.
struct LayerToRead {
    OpenedLayer opened;
    // What the file says it holds (header, .shx, gpkg_ogr_contents): the
    // yardstick for a read that ended early; -1 when the driver would have to scan.
    int64_t declaredCount = -1;
    size_t reserveRows() const { return declaredCount > 0 ? static_cast<size_t>(declaredCount) : 0; }
};
Result<LayerToRead> openLayerToRead(const std::string& path, const LoadOptions& opts, LayerKind want,
                                    LayerSource& source);

// Picks the layer as openLayer does, on an open dataset.
Result<OGRLayer*> pickLayer(GDALDataset& ds, const std::string& path, const std::string& layerName,
                            LayerKind want);

}  // namespace geso::core::io_detail
