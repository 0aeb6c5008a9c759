#include "core/io/dataset_open.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>

#include "core/crs/crs.hpp"
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

bool exists(const std::string& p) {
    VSIStatBufL st;
    return VSIStatExL(p.c_str(), &st, VSI_STAT_EXISTS_FLAG) == 0;
}

// Prefixes of connection strings: those GDAL's vector drivers declare (PG:,
// MYSQL:, WFS:, …) and a few GDAL understands without declaring them, or that
// a build without the driver should still pass on (so GDAL names the problem).
bool knownConnectionPrefix(const std::string& prefix) {
    static const std::vector<std::string> known = [] {
        std::vector<std::string> v{"pg", "mysql", "mssql", "oci", "odbc", "wfs", "oapif", "http", "https", "ftp"};
        GDALDriverManager* m = GetGDALDriverManager();
        for (int i = 0; i < m->GetDriverCount(); ++i) {
            GDALDriver* d = m->GetDriver(i);
            const char* p = d->GetMetadataItem(GDAL_DMD_CONNECTION_PREFIX);
            if (!p || !d->GetMetadataItem(GDAL_DCAP_VECTOR)) continue;
            std::string s = lower(p);
            if (!s.empty() && s.back() == ':') s.pop_back();
            v.push_back(s);
        }
        return v;
    }();
    return std::find(known.begin(), known.end(), lower(prefix)) != known.end();
}

// "PG:dbname=…", "WFS:https://…": GDAL connection strings, not files. A path
// that exists is a file whatever it looks like ("omr:2024.geojson"), and an
// unknown prefix makes a missing file ("nope:2024.shp" is not found, not a
// database). Two letters at least, so a Windows drive ("C:") stays a path.
bool isConnectionString(const std::string& path) {
    const size_t colon = path.find(':');
    if (colon == std::string::npos || colon < 2 || startsWith(path, "/vsi")) return false;
    const bool word = std::all_of(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(colon),
                                  [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
    if (!word || exists(path)) return false;
    ensureGdal();
    return knownConnectionPrefix(path.substr(0, colon));
}

bool isVectorFileName(const std::string& name) {
    static const char* const kExt[] = {".shp", ".gpkg", ".geojson", ".json", ".fgb", ".csv",
                                       ".gml", ".kml", ".tab", ".sqlite", ".geojsonl"};
    for (const char* e : kExt)
        if (endsWithNoCase(name, e)) return true;
    return false;
}

// Vector files inside a zip archive (relative paths, '/' separated). `listed`
// is false when GDAL cannot read the archive's directory at all.
std::vector<std::string> vectorFilesInZip(const std::string& vsiZip, bool* listed = nullptr) {
    std::vector<std::string> out;
    char** list = VSIReadDirRecursive(vsiZip.c_str());
    if (listed) *listed = list != nullptr;
    for (char** p = list; p && *p; ++p)
        if (isVectorFileName(*p)) out.emplace_back(*p);
    CSLDestroy(list);
    return out;
}

std::string baseName(const std::string& p) {
    const size_t slash = p.find_last_of("/\\");
    return slash == std::string::npos ? p : p.substr(slash + 1);
}

// Local files only (/vsi… paths and archives' members have no permissions of
// their own). GDAL reports an unreadable file as "not recognised", and an
// unreadable .dbf or .prj not at all (the attributes or the CRS just vanish).
bool unreadable(const std::string& p, bool isDir = false) {
    if (startsWith(p, "/vsi")) return false;
    return access(p.c_str(), isDir ? R_OK | X_OK : R_OK) != 0 && errno == EACCES;
}

// The sidecar `stem + ext` as it exists on disk (.dbf or .DBF), "" if neither.
std::string sidecar(const std::string& stem, const char* ext) {
    std::string upper = ext;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (exists(stem + ext)) return stem + ext;
    if (exists(stem + upper)) return stem + upper;
    return {};
}

// Record counts from the headers: the .shx has one 8-byte entry per shape after
// its 100-byte header; the .dbf keeps its count in bytes 4–7 (little-endian).
// -1 when the file is too short to tell (GDAL then reports it).
int64_t shxRecords(const std::string& shx) {
    VSIStatBufL st;
    if (VSIStatL(shx.c_str(), &st) != 0 || st.st_size < 100) return -1;
    return (static_cast<int64_t>(st.st_size) - 100) / 8;
}

int64_t dbfRecords(const std::string& dbf) {
    VSILFILE* f = VSIFOpenL(dbf.c_str(), "rb");
    if (!f) return -1;
    unsigned char head[8] = {};
    const size_t got = VSIFReadL(head, 1, sizeof head, f);
    VSIFCloseL(f);
    if (got != sizeof head) return -1;
    return static_cast<int64_t>(head[4]) | static_cast<int64_t>(head[5]) << 8 | static_cast<int64_t>(head[6]) << 16 |
           static_cast<int64_t>(head[7]) << 24;
}

// Missing, unreadable or mismatched sidecars of `shp` (GDAL would open the
// .shp alone, or silently read only as many features as the shorter file has).
std::string shapefileProblem(const std::string& shp) {
    const std::string stem = shp.substr(0, shp.size() - 4);
    std::string files[2];
    int i = 0;
    for (const char* side : {".shx", ".dbf"}) {
        files[i] = sidecar(stem, side);
        if (files[i].empty())
            return "missing " + baseName(stem) + side + " beside the .shp (a shapefile needs its .shp, .shx and .dbf files)";
        ++i;
    }
    for (const char* side : {".shx", ".dbf", ".prj", ".cpg"}) {
        const std::string f = sidecar(stem, side);
        if (!f.empty() && unreadable(f)) return "permission denied reading " + baseName(f);
    }
    const int64_t shapes = shxRecords(files[0]), records = dbfRecords(files[1]);
    if (shapes >= 0 && records >= 0 && shapes != records)
        return baseName(files[0]) + " lists " + std::to_string(shapes) + " shapes but " + baseName(files[1]) +
               " holds " + std::to_string(records) +
               " records: the files do not belong together, or one is truncated or damaged";
    return {};
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
        // A FIFO or /dev/zero would make GDAL block or read forever.
        if (!isDir && !VSI_ISREG(st.st_mode))
            return Error{"not a regular file (a device, pipe or socket); give the vector file itself", path};
        if (!isDir && st.st_size == 0) return Error{"empty file (0 bytes)", path};
        if (unreadable(path, isDir)) return Error{"permission denied", path};
        if (gdalPath != path && startsWith(gdalPath, "/vsizip/")) {
            bool listed = false;
            const auto inner = vectorFilesInZip("/vsizip/" + path, &listed);
            if (!listed) return Error{"zip archive is damaged or unreadable (GDAL cannot list its contents)", path};
            if (inner.empty())
                return Error{"zip archive holds no vector file (.shp, .gpkg, .geojson, .fgb, .csv …)", path};
        }
        if (!isDir && endsWithNoCase(gdalPath, ".shp")) {
            if (const std::string why = shapefileProblem(gdalPath); !why.empty()) return Error{why, path};
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
            why.find("not recognised as") != std::string::npos) {
            // A GeoPackage or SQLite file without tables opens as nothing, silently.
            if (GDALDriverH id = GDALIdentifyDriverEx(gdalPath.c_str(), GDAL_OF_VECTOR, nullptr, nullptr)) {
                const std::string name = GDALGetDriverShortName(id);
                if (name == "GPKG") return Error{"GeoPackage has no layers", where};
                if (name == "SQLite") return Error{"SQLite database has no layers (no tables GDAL can read)", where};
            }
            return Error{"not a vector format GDAL can read, or the file is damaged", where};
        }
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
    // No option name here: each command spells its own (--layer, --areas-layer).
    return Error{std::to_string(candidates.size()) + " " + kindNoun(want) + " layers (" + joinNames(candidateNames) +
                     "): name the one to use",
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

Result<LayerToRead> openLayerToRead(const std::string& path, const LoadOptions& opts, LayerKind want,
                                    LayerSource& source) {
    ensureGdal();
    if (auto d = describeCrs(opts.displayCrs); !d)
        return Error{"display CRS '" + opts.displayCrs + "': " + d.error().what, "proj:create"};
    auto opened = openLayer(path, opts.layerName, want);
    if (!opened) return opened.error();
    LayerToRead out;
    out.opened = std::move(opened).value();
    OGRLayer& layer = *out.opened.layer;
    source.path = path;
    source.layerName = layer.GetName();
    source.driver = out.opened.driver;
    source.crsCode = opts.displayCrs;
    out.declaredCount = layer.GetFeatureCount(FALSE);
    return out;
}

}  // namespace io_detail
}  // namespace geso::core
