// GeoPackage writing through GDAL's GPKG driver. GDAL owns the GeoPackage
// conformance (gpkg_contents, gpkg_geometry_columns, spatial index, metadata
// tables); this file adds the QGIS layer_styles table, created through GDAL
// too so it is registered in gpkg_contents as an attributes table.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <limits>
#include <memory>
#include <set>
#include <vector>

#include "core/crs/crs.hpp"
#include "core/export/gpkg_content.hpp"
#include "core/export/layer_style.hpp"
#include "core/io/gdal_env.hpp"

namespace geso::core {
namespace {

constexpr const char* kStylesTable = "layer_styles";
constexpr const char* kGeometryColumn = "geom";

bool isNullAt(const Column& c, size_t i) {
    if (i < c.isNull.size() && c.isNull[i]) return true;
    if (c.numeric()) return i >= c.num.size() || std::isnan(c.num[i]);
    return i >= c.text.size();
}

bool needsInteger64(const Column& c) {
    for (double v : c.num)
        if (!std::isnan(v) && (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max()))
            return true;
    return false;
}

OGRFieldType fieldType(const Column& c) {
    switch (c.type) {
        case FieldType::Integer: return needsInteger64(c) ? OFTInteger64 : OFTInteger;
        case FieldType::Real: return OFTReal;
        case FieldType::Date: return OFTDate;
        case FieldType::Text: break;
    }
    return OFTString;
}

std::string gdalError(const GdalErrorCapture& cap, const std::string& fallback) {
    const std::string msg = cap.firstFailure();
    if (!msg.empty()) return msg;
    const char* last = CPLGetLastErrorMsg();
    return (last && *last) ? std::string(last) : fallback;
}

// The coordinates of a layer in the output CRS (a copy, transformed when needed).
Result<std::vector<Vec2>> outputCoordinates(const std::vector<Vec2>& xy, const std::string& from,
                                            const std::string& to, const std::string& table) {
    std::vector<Vec2> out = xy;
    if (from.empty() || from == to || out.empty()) return out;
    Status st = transformPoints(out, from, to);
    if (!st.ok()) return Error{"table " + table + ": cannot transform coordinates from " + from + " to " + to +
                                   ": " + st.error().what,
                               st.error().where};
    return out;
}

std::unique_ptr<OGRGeometry> polygonGeometry(const AreaLayer& a, const std::vector<Vec2>& xy, size_t feature) {
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (uint32_t p = a.partStart[feature]; p < a.partStart[feature + 1]; ++p) {
        OGRPolygon poly;
        for (uint32_t r = a.ringStart[p]; r < a.ringStart[p + 1]; ++r) {
            OGRLinearRing ring;
            const uint32_t v0 = a.vertexStart[r], v1 = a.vertexStart[r + 1];
            if (v1 <= v0) continue;
            ring.setNumPoints(static_cast<int>(v1 - v0 + 1), FALSE);
            for (uint32_t v = v0; v < v1; ++v) ring.setPoint(static_cast<int>(v - v0), xy[v].x, xy[v].y);
            ring.setPoint(static_cast<int>(v1 - v0), xy[v0].x, xy[v0].y);  // rings are stored open
            poly.addRing(&ring);
        }
        if (!poly.IsEmpty()) multi->addGeometry(&poly);
    }
    if (multi->IsEmpty()) return nullptr;
    return multi;
}

Status setField(OGRFeature& f, int idx, const Column& c, size_t row) {
    if (isNullAt(c, row)) {
        f.SetFieldNull(idx);
        return Ok{};
    }
    switch (c.type) {
        case FieldType::Integer: f.SetField(idx, static_cast<GIntBig>(std::llround(c.num[row]))); break;
        case FieldType::Real: f.SetField(idx, c.num[row]); break;
        case FieldType::Text:
        case FieldType::Date: f.SetField(idx, c.text[row].c_str()); break;
    }
    return Ok{};
}

Status writeTable(GDALDataset& ds, const ExportTable& t, const std::string& crs, const std::string& path) {
    GdalErrorCapture cap;
    OGRSpatialReference srs;
    OGRwkbGeometryType gtype = wkbNone;
    if (t.geometry != TableGeometry::None) {
        if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
            return Error{"unknown output CRS " + crs, path};
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        gtype = t.geometry == TableGeometry::Polygon ? wkbMultiPolygon : wkbPoint;
    }
    CPLStringList opts;
    opts.SetNameValue("FID", "fid");
    opts.SetNameValue("IDENTIFIER", t.name.c_str());
    if (!t.description.empty()) opts.SetNameValue("DESCRIPTION", t.description.c_str());
    if (gtype != wkbNone) {
        opts.SetNameValue("GEOMETRY_NAME", kGeometryColumn);
        opts.SetNameValue("SPATIAL_INDEX", "YES");
    }
    OGRLayer* layer = ds.CreateLayer(t.name.c_str(), gtype == wkbNone ? nullptr : &srs, gtype, opts.List());
    if (!layer) return Error{"cannot create table " + t.name + ": " + gdalError(cap, "unknown GDAL error"), path};

    for (const Column& c : t.columns) {
        OGRFieldDefn def(c.name.c_str(), fieldType(c));
        if (layer->CreateField(&def) != OGRERR_NONE)
            return Error{"cannot create field " + t.name + "." + c.name + ": " + gdalError(cap, "GDAL error"), path};
    }

    std::vector<Vec2> xy;
    if (t.geometry == TableGeometry::Polygon) {
        auto r = outputCoordinates(t.areas->xy, t.sourceCrs, crs, t.name);
        if (!r.ok()) return Error{r.error().what, path};
        xy = std::move(r).value();
    } else if (t.geometry == TableGeometry::Point) {
        auto r = outputCoordinates(t.points->xy, t.sourceCrs, crs, t.name);
        if (!r.ok()) return Error{r.error().what, path};
        xy = std::move(r).value();
    }

    if (ds.StartTransaction() != OGRERR_NONE)
        return Error{"cannot start a transaction: " + gdalError(cap, "GDAL error"), path};
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (size_t row = 0; row < t.rows; ++row) {
        OGRFeature f(defn);
        for (size_t ci = 0; ci < t.columns.size(); ++ci) {
            Status st = setField(f, static_cast<int>(ci), t.columns[ci], row);
            if (!st.ok()) return st;
        }
        if (t.geometry == TableGeometry::Polygon) {
            if (auto g = polygonGeometry(*t.areas, xy, row)) f.SetGeometryDirectly(g.release());
        } else if (t.geometry == TableGeometry::Point) {
            f.SetGeometryDirectly(new OGRPoint(xy[row].x, xy[row].y));
        }
        if (layer->CreateFeature(&f) != OGRERR_NONE || cap.failed()) {
            ds.RollbackTransaction();
            return Error{"cannot write row " + std::to_string(row + 1) + " of " + t.name + ": " +
                             gdalError(cap, "GDAL error"),
                         path};
        }
    }
    if (ds.CommitTransaction() != OGRERR_NONE || cap.failed())
        return Error{"cannot write table " + t.name + ": " + gdalError(cap, "GDAL error"), path};

    if (!t.metadata.empty()) {
        CPLStringList md;
        for (const auto& [k, v] : t.metadata) md.SetNameValue(k.c_str(), v.c_str());
        layer->SetMetadata(md.List());
    }
    if (cap.failed()) return Error{"table " + t.name + ": " + gdalError(cap, "GDAL error"), path};
    return Ok{};
}

Result<OGRLayer*> stylesLayer(GDALDataset& ds, const std::string& path) {
    GdalErrorCapture cap;
    if (OGRLayer* existing = ds.GetLayerByName(kStylesTable)) return existing;
    // The schema QGIS creates (through OGR) when it saves a style into a GeoPackage.
    CPLStringList opts;
    opts.SetNameValue("FID", "id");
    opts.SetNameValue("DESCRIPTION", "QGIS layer styles");
    OGRLayer* layer = ds.CreateLayer(kStylesTable, nullptr, wkbNone, opts.List());
    if (!layer) return Error{"cannot create layer_styles: " + gdalError(cap, "GDAL error"), path};
    struct F { const char* name; OGRFieldType type; int width; bool boolean; };
    const F fields[] = {{"f_table_catalog", OFTString, 256, false}, {"f_table_schema", OFTString, 256, false},
                        {"f_table_name", OFTString, 256, false},    {"f_geometry_column", OFTString, 256, false},
                        {"styleName", OFTString, 30, false},        {"styleQML", OFTString, 0, false},
                        {"styleSLD", OFTString, 0, false},          {"useAsDefault", OFTInteger, 0, true},
                        {"description", OFTString, 0, false},       {"owner", OFTString, 30, false},
                        {"ui", OFTString, 30, false},               {"update_time", OFTDateTime, 0, false}};
    for (const F& f : fields) {
        OGRFieldDefn def(f.name, f.type);
        def.SetWidth(f.width);
        if (f.boolean) def.SetSubType(OFSTBoolean);
        if (f.type == OFTDateTime) def.SetDefault("CURRENT_TIMESTAMP");
        if (layer->CreateField(&def) != OGRERR_NONE)
            return Error{"cannot create layer_styles." + std::string(f.name) + ": " + gdalError(cap, "GDAL error"),
                         path};
    }
    return layer;
}

// SQLite table names are case-insensitive (ASCII), so GDAL's and QGIS's are too.
bool sameTableName(const std::string& a, const char* b) { return b && EQUAL(a.c_str(), b); }

// Before writing our styles into an existing file: removes the rows of ours
// (by table and style name) and takes useAsDefault from the user's styles on
// tables we give a default, so each table keeps exactly one default.
Status replaceOurStyles(OGRLayer& styles, const GpkgContent& content, const std::string& path) {
    GdalErrorCapture cap;
    std::vector<GIntBig> doomed, undefault;
    styles.ResetReading();
    for (auto& f : styles) {
        const char* table = f->GetFieldAsString("f_table_name");
        const std::string name = f->GetFieldAsString("styleName");
        for (const auto& t : content.tables) {
            if (t.styles.empty() || !sameTableName(t.name, table)) continue;
            const bool ours =
                std::any_of(t.styles.begin(), t.styles.end(), [&](const LayerStyle& s) { return s.name == name; }) ||
                std::find(t.ownedStyleNames.begin(), t.ownedStyleNames.end(), name) != t.ownedStyleNames.end();
            if (ours) doomed.push_back(f->GetFID());
            else if (f->GetFieldAsInteger("useAsDefault") != 0) undefault.push_back(f->GetFID());
            break;
        }
    }
    for (GIntBig fid : doomed)
        if (styles.DeleteFeature(fid) != OGRERR_NONE)
            return Error{"cannot remove old styles: " + gdalError(cap, "GDAL error"), path};
    for (GIntBig fid : undefault) {
        OGRFeatureUniquePtr f(styles.GetFeature(fid));
        if (!f) continue;
        f->SetField("useAsDefault", 0);
        if (styles.SetFeature(f.get()) != OGRERR_NONE)
            return Error{"cannot update the default style: " + gdalError(cap, "GDAL error"), path};
    }
    return Ok{};
}

Status writeStyles(GDALDataset& ds, const GpkgContent& content, bool update, const std::string& path) {
    bool any = false;
    for (const auto& t : content.tables) any = any || !t.styles.empty();
    if (!any) return Ok{};
    auto layerR = stylesLayer(ds, path);
    if (!layerR.ok()) return layerR.error();
    OGRLayer& styles = *layerR.value();
    GdalErrorCapture cap;
    OGRFeatureDefn* defn = styles.GetLayerDefn();
    for (const char* needed : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                               "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"})
        if (defn->GetFieldIndex(needed) < 0)
            return Error{"existing layer_styles table has no " + std::string(needed) + " column", path};
    if (update) {
        Status st = replaceOurStyles(styles, content, path);
        if (!st.ok()) return st;
    }
    const std::string now = isoNowUtc();
    if (ds.StartTransaction() != OGRERR_NONE)
        return Error{"cannot start a transaction: " + gdalError(cap, "GDAL error"), path};
    for (const auto& t : content.tables) {
        for (const LayerStyle& s : t.styles) {
            OGRFeature f(defn);
            f.SetField("f_table_catalog", "");
            f.SetField("f_table_schema", "");  // QGIS matches '' for GeoPackages, never NULL
            f.SetField("f_table_name", t.name.c_str());
            f.SetField("f_geometry_column", t.geometry == TableGeometry::None ? "" : kGeometryColumn);
            f.SetField("styleName", s.name.c_str());
            f.SetField("styleQML", styleQml(s).c_str());
            f.SetField("styleSLD", styleSld(s, t.name).c_str());
            f.SetField("useAsDefault", s.isDefault ? 1 : 0);
            f.SetField("description", s.description.c_str());
            f.SetField("owner", "");
            f.SetField("ui", "");
            f.SetField("update_time", now.c_str());
            if (styles.CreateFeature(&f) != OGRERR_NONE) {
                ds.RollbackTransaction();
                return Error{"cannot write style " + s.name + ": " + gdalError(cap, "GDAL error"), path};
            }
        }
    }
    if (ds.CommitTransaction() != OGRERR_NONE || cap.failed())
        return Error{"cannot write layer_styles: " + gdalError(cap, "GDAL error"), path};
    return Ok{};
}

}  // namespace

std::string isoNowUtc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Status checkContent(const GpkgContent& content) {
    std::set<std::string> names;
    for (const auto& t : content.tables) {
        if (t.name.empty()) return Error{"a table has no name", "export"};
        std::string key = t.name;  // table names are case-insensitive in SQLite
        for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (key == kStylesTable || !names.insert(key).second)
            return Error{"table name " + t.name + " used twice or reserved", "export"};
        for (const Column& c : t.columns) {
            const size_t n = c.numeric() ? c.num.size() : c.text.size();
            if (n != t.rows) return Error{t.name + "." + c.name + " has " + std::to_string(n) + " values, expected " +
                                              std::to_string(t.rows),
                                          "export"};
        }
        if (t.geometry == TableGeometry::Polygon && (!t.areas || t.areas->featureCount() != t.rows))
            return Error{t.name + ": polygon count does not match its rows", "export"};
        if (t.geometry == TableGeometry::Point && (!t.points || t.points->featureCount() != t.rows))
            return Error{t.name + ": point count does not match its rows", "export"};
        if (t.styles.empty()) continue;
        int defaults = 0;
        std::set<std::string> styleNames;
        for (const auto& s : t.styles) {
            defaults += s.isDefault ? 1 : 0;
            const size_t len = utf8Length(s.name);
            if (len == 0 || len > kMaxStyleNameChars)
                return Error{t.name + ": style name '" + s.name + "' must have 1–30 characters", "export"};
            if (!styleNames.insert(s.name).second)
                return Error{t.name + ": style name '" + s.name + "' used twice", "export"};
        }
        if (defaults != 1)
            return Error{t.name + ": " + std::to_string(defaults) + " default styles, expected exactly 1", "export"};
    }
    return Ok{};
}

Status writeGpkgContent(const std::string& path, const GpkgContent& content, bool update) {
    Status valid = checkContent(content);
    if (!valid.ok()) return Error{valid.error().what, path};
    GdalErrorCapture cap;
    GDALDataset* raw = nullptr;  // owned by `ds` below
    if (update) {
        const char* const drivers[] = {"GPKG", nullptr};
        raw = GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr);
        if (!raw) return Error{"not a GeoPackage that can be updated: " + gdalError(cap, "cannot open"), path};
    } else {
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (!drv) return Error{"GDAL has no GPKG driver", "gdal:driver"};
        raw = drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        if (!raw) return Error{"cannot create GeoPackage: " + gdalError(cap, "GDAL error"), path};
    }
    GDALDatasetUniquePtr ds(raw);

    if (update) {
        for (const auto& t : content.tables) {
            for (int i = 0; i < ds->GetLayerCount(); ++i) {
                if (sameTableName(t.name, ds->GetLayer(i)->GetName())) {
                    if (ds->DeleteLayer(i) != OGRERR_NONE)
                        return Error{"cannot replace table " + t.name + ": " + gdalError(cap, "GDAL error"), path};
                    break;
                }
            }
        }
    }
    for (const auto& t : content.tables) {
        Status st = writeTable(*ds, t, content.crs, path);
        if (!st.ok()) return st;
    }
    Status st = writeStyles(*ds, content, update, path);
    if (!st.ok()) return st;

    if (!content.metadata.empty()) {
        CPLStringList md(CSLDuplicate(ds->GetMetadata()));
        for (const auto& [k, v] : content.metadata) md.SetNameValue(k.c_str(), v.c_str());
        ds->SetMetadata(md.List());
    }
    cap.clear();
    ds.reset();  // closing writes metadata and flushes SQLite; failures are reported through CPLError
    if (cap.failed()) return Error{"writing failed: " + cap.firstFailure(), path};
    return Ok{};
}

}  // namespace geso::core
