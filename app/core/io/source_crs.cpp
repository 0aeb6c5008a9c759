#include "core/io/source_crs.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/crs/crs.hpp"

namespace geso::core::io_detail {
namespace {

std::string num(double v) {
    // %.0f of a value like 1e300 would print 301 digits; such numbers are
    // nonsense coordinates anyway, so %g keeps the message short.
    char buf[48];
    const double a = std::fabs(v);
    std::snprintf(buf, sizeof buf, a >= 1e12 ? "%.6g" : a >= 1000 ? "%.0f" : "%.4g", v);
    return buf;
}

Box lonLatBox(const std::string& def, const Box& b, bool* allFailed) {
    const double mx = 0.5 * (b.minX + b.maxX), my = 0.5 * (b.minY + b.maxY);
    std::vector<Vec2> pts{{b.minX, b.minY}, {b.maxX, b.minY}, {b.maxX, b.maxY}, {b.minX, b.maxY},
                          {mx, b.minY},     {mx, b.maxY},     {b.minX, my},     {b.maxX, my}, {mx, my}};
    std::vector<size_t> failed;
    Box out;
    *allFailed = true;
    if (!transformPoints(pts, def, "EPSG:4326", &failed)) return out;
    for (const Vec2& p : pts)
        if (std::isfinite(p.x) && std::isfinite(p.y)) { out.expand(p.x, p.y); *allFailed = false; }
    return out;
}

bool intersects(const Box& a, const Box& b) {
    return !a.empty() && !b.empty() && a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

bool contains(const Box& outer, const Box& inner) {
    return !outer.empty() && !inner.empty() && inner.minX >= outer.minX && inner.maxX <= outer.maxX &&
           inner.minY >= outer.minY && inner.maxY <= outer.maxY;
}

// An area of use with a little slack: data just over a zone border (all of
// Skåne in SWEREF 99 13 30, say) are projected well enough; data a degree or
// more outside a national CRS are not in it.
Box grown(const Box& b) {
    const double mx = std::fmax(0.5, 0.05 * (b.maxX - b.minX)), my = std::fmax(0.5, 0.05 * (b.maxY - b.minY));
    return {b.minX - mx, b.minY - my, b.maxX + mx, b.maxY + my};
}

// The CRSs Malmö data come in, whose coordinate ranges guessCrs tells apart.
bool isMalmoCrs(const std::string& code) {
    return code == "EPSG:3008" || code == "EPSG:3006" || code == "EPSG:4326" || code == "EPSG:3857";
}

std::string crsLabel(const SourceCrs& c) {
    if (!c.code.empty() && !c.name.empty()) return c.code + " (" + c.name + ")";
    return c.code.empty() ? c.name : c.code;
}

}  // namespace

std::string formatBox(const Box& b) {
    if (b.empty()) return "empty";
    return "x " + num(b.minX) + "…" + num(b.maxX) + ", y " + num(b.minY) + "…" + num(b.maxY);
}

SourceCrs declaredCrs(OGRLayer& layer) {
    SourceCrs out;
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs || srs->IsEmpty()) return out;
    out.name = srs->GetName() ? srs->GetName() : "";
    const char* auth = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);

    char* wkt = nullptr;
    const char* const wktOptions[] = {"FORMAT=WKT2_2019", nullptr};
    if (srs->exportToWkt(&wkt, wktOptions) == OGRERR_NONE && wkt) out.definition = wkt;
    CPLFree(wkt);

    if (auth && code) {
        out.code = std::string(auth) + ":" + code;
        // The registry's definition, when the file names one: PROJ then finds
        // the same operations ogr2ogr would.
        if (std::string(auth) == "EPSG") out.definition = out.code;
    } else if (!out.definition.empty()) {
        if (auto d = describeCrs(out.definition)) out.code = d.value().code;
    }

    // OGR hands out coordinates in the order of its data-axis mapping; with
    // proj_normalize_for_visualization we expect east first.
    const auto& mapping = srs->GetDataAxisToSRSAxisMapping();
    if (!mapping.empty()) {
        OGRAxisOrientation first = OAO_Other;
        srs->GetAxis(srs->IsProjected() ? "PROJCS" : "GEOGCS", std::abs(mapping[0]) - 1, &first);
        out.swapXY = first == OAO_North || first == OAO_South;
    }
    return out;
}

namespace {

// Why a declared CRS cannot be used to place the data ("" = usable).
std::string unusableCrs(OGRLayer& layer, const SourceCrs& crs, const std::string& displayCrs) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    const std::string name = crs.name.empty() ? std::string("unnamed") : crs.name;
    if (srs && srs->IsLocal())
        return "a local (engineering) CRS '" + name + "', which is not tied to a place on Earth";
    if (!describeCrs(crs.definition)) return "a CRS '" + name + "' that PROJ cannot read";
    std::vector<Vec2> none;
    if (!transformPoints(none, crs.definition, displayCrs))
        return "a CRS '" + name + "' that PROJ cannot transform to " + displayCrs;
    return {};
}

// The .prj GDAL would have read for this shapefile layer ("" if none exists).
std::string shapefilePrj(const std::string& path, OGRLayer& layer) {
    const std::string g = gdalPathFor(path);
    const bool shp = g.size() > 4 && (g.compare(g.size() - 4, 4, ".shp") == 0 || g.compare(g.size() - 4, 4, ".SHP") == 0);
    const std::string stem = shp ? g.substr(0, g.size() - 4) : g + "/" + layer.GetName();
    for (const char* ext : {".prj", ".PRJ"}) {
        VSIStatBufL st;
        if (VSIStatL((stem + ext).c_str(), &st) == 0 && VSI_ISREG(st.st_mode)) return stem + ext;
    }
    return {};
}

// "; it looks like EPSG:3008 (SWEREF 99 13 30) — rerun with --assume-crs EPSG:3008", or the fallback advice.
std::string guessAdvice(const Box& srcExtent) {
    if (srcExtent.empty()) return " — rerun with --assume-crs EPSG:NNNN";
    const CrsGuess guess = guessCrs(srcExtent);
    if (guess.code.empty())
        return "; its coordinates (" + formatBox(srcExtent) +
               ") match no CRS this tool can guess — rerun with --assume-crs EPSG:NNNN";
    if (guess.axisSwapped)
        return "; it looks like " + guess.code + " (" + guess.name +
               ") with x and y swapped — swap them, then rerun with --assume-crs " + guess.code;
    return "; it looks like " + guess.code + " (" + guess.name + ") — rerun with --assume-crs " + guess.code;
}

}  // namespace

Result<SourceCrs> resolveSourceCrs(OGRLayer& layer, const std::string& path, const std::string& driver,
                                   const LoadOptions& opts, const Box& srcExtent,
                                   std::vector<FeatureIssue>& issues) {
    const SourceCrs declared = declaredCrs(layer);
    const std::string unusable =
        declared.definition.empty() ? std::string() : unusableCrs(layer, declared, opts.displayCrs);
    // GDAL treats a .prj it cannot parse as no .prj at all.
    const bool badPrj = declared.definition.empty() && driver == "ESRI Shapefile" && !shapefilePrj(path, layer).empty();

    if (!opts.assumeCrs.empty()) {
        auto d = describeCrs(opts.assumeCrs);
        if (!d) return Error{"--assume-crs " + opts.assumeCrs + ": " + d.error().what, path};
        if (unusable.empty() && !declared.code.empty() && declared.code == d.value().code) return declared;
        const SourceCrs assumed{opts.assumeCrs, d.value().name, d.value().code, false};
        std::string says;
        if (!unusable.empty()) says = "the file declares " + unusable;
        else if (!declared.definition.empty()) says = "the file declares " + crsLabel(declared);
        else if (badPrj) says = "its .prj could not be read as a CRS";
        if (!says.empty())
            issues.push_back({FeatureIssue::Kind::Warning, -1, "layer",
                              says + "; using " + crsLabel(assumed) + " as --assume-crs says"});
        return assumed;
    }
    if (!unusable.empty()) return Error{"declares " + unusable + guessAdvice(srcExtent), path};
    if (!declared.definition.empty()) return declared;

    const CrsGuess guess = guessCrs(srcExtent);
    if (driver == "CSV" && guess.code == "EPSG:4326" && !guess.axisSwapped)
        return SourceCrs{"EPSG:4326", "WGS 84", "EPSG:4326", false};

    std::string what = "no CRS";
    if (badPrj) what = "its .prj could not be read as a CRS";
    else if (driver == "ESRI Shapefile") what += " (no .prj file beside it)";
    return Error{what + guessAdvice(srcExtent), path};
}

void checkExtentAgainstCrs(const SourceCrs& crs, const Box& srcExtent, std::vector<FeatureIssue>& issues) {
    if (srcExtent.empty() || crs.definition.empty()) return;
    const CrsGuess guess = guessCrs(srcExtent);
    if (guess.axisSwapped && !guess.code.empty() && guess.code == crs.code) {
        issues.push_back({FeatureIssue::Kind::Warning, -1, "layer",
                          "coordinates look axis-swapped for " + crsLabel(crs) + " (" + formatBox(srcExtent) +
                              "): x holds northings/latitudes"});
        return;
    }
    // SWEREF 99 13 30, SWEREF 99 TM, degrees and Web Mercator have disjoint
    // ranges around Malmö, so a guess that differs from the label is a mix-up
    // (3008 numbers labelled 3006 would otherwise land 250 km west, in the sea,
    // still inside 3006's generous area of use).
    if (!guess.code.empty() && !guess.axisSwapped && isMalmoCrs(crs.code) && guess.code != crs.code) {
        issues.push_back({FeatureIssue::Kind::Warning, -1, "layer",
                          "coordinates (" + formatBox(srcExtent) + ") look like " + guess.code + " (" + guess.name +
                              "), not " + crsLabel(crs) + ", the CRS they are read in; is that CRS right?"});
        return;
    }
    auto d = describeCrs(crs.definition);
    if (!d || d.value().areaOfUseLonLat.empty()) return;
    const Box area = d.value().areaOfUseLonLat;

    bool allFailed = false;
    const Box ll = lonLatBox(crs.definition, srcExtent, &allFailed);
    if (!allFailed && contains(grown(area), ll)) return;

    const Box swapped{srcExtent.minY, srcExtent.minX, srcExtent.maxY, srcExtent.maxX};
    bool swappedFailed = false;
    const Box llSwapped = lonLatBox(crs.definition, swapped, &swappedFailed);
    if (!swappedFailed && contains(grown(area), llSwapped)) {
        issues.push_back({FeatureIssue::Kind::Warning, -1, "layer",
                          "coordinates look axis-swapped for " + crsLabel(crs) + " (" + formatBox(srcExtent) +
                              "): with x and y exchanged they fall inside its area of use"});
        return;
    }
    std::string where = "cannot be placed on Earth";
    if (!allFailed) where = (intersects(ll, area) ? "reach lon/lat " : "lie at lon/lat ") + formatBox(ll);
    issues.push_back({FeatureIssue::Kind::Warning, -1, "layer",
                      "coordinates (" + formatBox(srcExtent) + ") " + where + ", " +
                          (intersects(ll, area) ? "beyond" : "far outside") + " the area of use of " + crsLabel(crs) +
                          " (lon/lat " + formatBox(area) + "); is that CRS right?"});
}

void checkExtent(const SourceCrs& crs, const Box& srcExtent, const std::string& displayCrs,
                 std::vector<FeatureIssue>& issues) {
    const size_t before = issues.size();
    checkExtentAgainstCrs(crs, srcExtent, issues);
    // A wrong source CRS already explains a misplaced map; one warning is enough.
    if (issues.size() != before || srcExtent.empty() || crs.definition.empty()) return;
    auto display = describeCrs(displayCrs);
    if (!display || display.value().areaOfUseLonLat.empty()) return;
    const Box area = display.value().areaOfUseLonLat;
    bool allFailed = false;
    const Box ll = lonLatBox(crs.definition, srcExtent, &allFailed);
    if (allFailed || contains(grown(area), ll)) return;
    const std::string label = display.value().code.empty() ? display.value().name
                                                           : display.value().code + " (" + display.value().name + ")";
    issues.push_back({FeatureIssue::Kind::Warning, -1, "layer",
                      "the data (lon/lat " + formatBox(ll) + ") lie outside the area of use of the display CRS " +
                          label + " (lon/lat " + formatBox(area) +
                          "), so the map will be distorted; choose a display CRS made for this region"});
}

Result<SourceCrs> settleSourceCrs(OGRLayer& layer, const std::string& path, const std::string& driver,
                                  const LoadOptions& opts, const Box& srcExtent, LayerSource& source,
                                  std::vector<FeatureIssue>& issues) {
    auto crs = resolveSourceCrs(layer, path, driver, opts, srcExtent, issues);
    if (!crs) return crs;
    source.srcCrsName = crs.value().name;
    source.srcCrsCode = crs.value().code;
    source.srcExtent = srcExtent;
    checkExtent(crs.value(), srcExtent, opts.displayCrs, issues);
    return crs;
}

}  // namespace geso::core::io_detail
