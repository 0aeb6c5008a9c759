#include "core/io/dataset_open.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <cctype>

#include "core/io/gdal_env.hpp"

namespace geso::core {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool endsWithNoCase(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && lower(s.substr(s.size() - suffix.size())) == suffix;
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// "PG:dbname=…", "WFS:https://…": GDAL connection strings, not files.
// Two letters at least, so a Windows drive ("C:") stays a path.
bool isConnectionString(const std::string& path) {
    const size_t colon = path.find(':');
    if (colon == std::string::npos || colon < 2 || startsWith(path, "/vsi")) return false;
    return std::all_of(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(colon),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool isVectorFileName(const std::string& name) {
    static const char* const kExt[] = {".shp", ".gpkg", ".geojson", ".json", ".fgb", ".csv",
                                       ".gml", ".kml", ".tab", ".sqlite", ".geojsonl"};
    for (const char* e : kExt)
        if (endsWithNoCase(name, e)) return true;
    return false;
}

// Vector files inside a zip archive (relative paths, '/' separated).
std::vector<std::string> vectorFilesInZip(const std::string& vsiZip) {
    std::vector<std::string> out;
    char** list = VSIReadDirRecursive(vsiZip.c_str());
    for (char** p = list; p && *p; ++p)
        if (isVectorFileName(*p)) out.emplace_back(*p);
    CSLDestroy(list);
    return out;
}

bool exists(const std::string& p) {
    VSIStatBufL st;
    return VSIStatExL(p.c_str(), &st, VSI_STAT_EXISTS_FLAG) == 0;
}

std::string baseName(const std::string& p) {
    const size_t slash = p.find_last_of("/\\");
    return slash == std::string::npos ? p : p.substr(slash + 1);
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string s;
    const size_t shown = std::min<size_t>(names.size(), 12);
    for (size_t i = 0; i < shown; ++i) s += (i ? ", " : "") + names[i];
    if (names.size() > shown) s += ", … (" + std::to_string(names.size()) + " in all)";
    return s;
}

}  // namespace

std::string gdalPathFor(const std::string& path) {
    if (!endsWithNoCase(path, ".zip") || startsWith(path, "/vsi") || isConnectionString(path)) return path;
    ensureGdal();
    const std::string vsi = "/vsizip/" + path;
    const auto inner = vectorFilesInZip(vsi);
    return inner.size() == 1 ? vsi + "/" + inner.front() : vsi;
}

namespace io_detail {

LayerKind layerKindOf(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
    case wkbPolygon: case wkbMultiPolygon: case wkbCurvePolygon: case wkbMultiSurface:
    case wkbSurface: case wkbPolyhedralSurface: case wkbTIN: case wkbTriangle:
        return LayerKind::Areas;
    case wkbPoint: case wkbMultiPoint:
        return LayerKind::Points;
    case wkbUnknown: case wkbGeometryCollection:
        return LayerKind::Mixed;
    case wkbNone:
        return LayerKind::Table;
    default:
        return LayerKind::Other;
    }
}

const char* kindNoun(LayerKind kind) {
    switch (kind) {
    case LayerKind::Areas: return "polygon";
    case LayerKind::Points: return "point";
    case LayerKind::Mixed: return "mixed-geometry";
    case LayerKind::Table: return "table (no geometry)";
    case LayerKind::Other: return "line";
    }
    return "";
}

Result<GDALDatasetUniquePtr> openVector(const std::string& path, bool rawShapeText) {
    ensureGdal();
    if (path.empty()) return Error{"no file given", "gdal:open"};
    const bool connection = isConnectionString(path);
    const std::string gdalPath = gdalPathFor(path);
    bool isDir = false;

    if (!connection) {
        VSIStatBufL st;
        if (VSIStatL(path.c_str(), &st) != 0) return Error{"file not found", path};
        isDir = VSI_ISDIR(st.st_mode);
        if (!isDir && st.st_size == 0) return Error{"empty file (0 bytes)", path};
        if (gdalPath != path && startsWith(gdalPath, "/vsizip/") && vectorFilesInZip("/vsizip/" + path).empty())
            return Error{"zip archive holds no vector file (.shp, .gpkg, .geojson, .fgb, .csv …)", path};
        if (!isDir && endsWithNoCase(gdalPath, ".shp")) {
            const std::string stem = gdalPath.substr(0, gdalPath.size() - 4);
            for (const char* side : {".shx", ".dbf"}) {
                std::string upper = side;
                for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                if (!exists(stem + side) && !exists(stem + upper))
                    return Error{"missing " + baseName(stem) + side +
                                     " beside the .shp (a shapefile needs its .shp, .shx and .dbf files)",
                                 path};
            }
        }
    }

    CPLStringList options;
    const char* const shapeOnly[] = {"ESRI Shapefile", nullptr};
    if (rawShapeText) options.AddNameValue("ENCODING", "");
    if (endsWithNoCase(gdalPath, ".csv") || endsWithNoCase(gdalPath, ".tsv")) {
        // Point tables: the coordinate columns by their usual names.
        options.AddNameValue("X_POSSIBLE_NAMES", "lon,longitude,lng,long,x,easting,east,e");
        options.AddNameValue("Y_POSSIBLE_NAMES", "lat,latitude,y,northing,north,n");
        options.AddNameValue("AUTODETECT_TYPE", "YES");
        options.AddNameValue("KEEP_GEOM_COLUMNS", "NO");
    }

    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(gdalPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              rawShapeText ? shapeOnly : nullptr, options.List(), nullptr));
    const std::string where = connection ? "gdal:open" : path;
    if (!ds || (isDir && ds->GetLayerCount() == 0)) {
        if (isDir)
            return Error{"is a directory, and GDAL finds no vector data in it (give the .shp, .gpkg or .geojson "
                         "file itself)",
                         path};
        std::string why = capture.failed() ? capture.firstFailure() : std::string(CPLGetLastErrorMsg());
        if (why.empty() || why.find("not recognized as") != std::string::npos ||
            why.find("not recognised as") != std::string::npos)
            return Error{"not a vector format GDAL can read, or the file is damaged", where};
        return Error{"cannot open: " + why, where};
    }
    return ds;
}

Result<OGRLayer*> pickLayer(GDALDataset& ds, const std::string& path, const std::string& layerName,
                            LayerKind want) {
    const int count = ds.GetLayerCount();
    if (count == 0) return Error{"contains no layers", path};

    std::vector<std::string> all;
    std::vector<OGRLayer*> candidates;
    std::vector<std::string> candidateNames;
    for (int i = 0; i < count; ++i) {
        OGRLayer* l = ds.GetLayer(i);
        const LayerKind k = layerKindOf(l->GetGeomType());
        all.push_back(std::string(l->GetName()) + " (" + kindNoun(k) + ")");
        if (k == want || k == LayerKind::Mixed) {
            candidates.push_back(l);
            candidateNames.emplace_back(l->GetName());
        }
    }

    auto checkKind = [&](OGRLayer* l) -> Result<OGRLayer*> {
        const LayerKind k = layerKindOf(l->GetGeomType());
        if (k != want && k != LayerKind::Mixed)
            return Error{"layer '" + std::string(l->GetName()) + "' is a " + kindNoun(k) + " layer, not a " +
                             kindNoun(want) + " layer",
                         path};
        return l;
    };

    if (!layerName.empty()) {
        OGRLayer* l = ds.GetLayerByName(layerName.c_str());
        if (!l) return Error{"no layer '" + layerName + "' (layers: " + joinNames(all) + ")", path};
        return checkKind(l);
    }
    if (count == 1) return checkKind(ds.GetLayer(0));
    if (candidates.size() == 1) return candidates.front();
    if (candidates.empty())
        return Error{std::string("no ") + kindNoun(want) + " layer (layers: " + joinNames(all) + ")", path};
    return Error{std::to_string(candidates.size()) + " " + kindNoun(want) + " layers (" + joinNames(candidateNames) +
                     "); choose one with --layer NAME",
                 path};
}

Result<OpenedLayer> openLayer(const std::string& path, const std::string& layerName, LayerKind want) {
    auto ds = openVector(path);
    if (!ds) return ds.error();
    auto layer = pickLayer(*ds.value(), path, layerName, want);
    if (!layer) return layer.error();

    OpenedLayer out;
    out.driver = ds.value()->GetDriver() ? ds.value()->GetDriver()->GetDescription() : "";
    out.layer = layer.value();
    out.ds = std::move(ds).value();

    // Shapefiles without .cpg: GDAL decodes by the DBF code page byte, or
    // assumes ISO-8859-1; files written as UTF-8 without .cpg then come out
    // garbled. Reopen without recoding and decide per value (see OpenedLayer).
    if (out.driver == "ESRI Shapefile" && !out.layer->GetMetadataItem("ENCODING_FROM_CPG", "SHAPEFILE")) {
        const char* src = out.layer->GetMetadataItem("ENCODING_FROM_LDID", "SHAPEFILE");
        std::string fallback = src && *src ? src : "CP1252";
        if (lower(fallback) == "iso-8859-1") fallback = "CP1252";  // a superset for every printable character
        const std::string name = out.layer->GetName();
        auto raw = openVector(path, true);
        if (!raw) return raw.error();
        OGRLayer* rawLayer = raw.value()->GetLayerByName(name.c_str());
        if (!rawLayer) return Error{"layer '" + name + "' vanished on reopening", path};
        out.layer = rawLayer;
        out.ds = std::move(raw).value();
        out.fallbackEncoding = fallback;
    }
    return out;
}

}  // namespace io_detail
}  // namespace geso::core
