#include "core/io/source_crs.hpp"

#include <cmath>
#include <cstdio>

#include "core/crs/crs.hpp"

namespace geso::core::io_detail {
namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, std::fabs(v) >= 1000 ? "%.0f" : "%.4g", v);
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

Box grown(const Box& b) {
    const double mx = std::fmax(1.0, 0.25 * (b.maxX - b.minX)), my = std::fmax(1.0, 0.25 * (b.maxY - b.minY));
    return {b.minX - mx, b.minY - my, b.maxX + mx, b.maxY + my};
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

Result<SourceCrs> resolveSourceCrs(OGRLayer& layer, const std::string& path, const std::string& driver,
                                   const LoadOptions& opts, const Box& srcExtent,
                                   std::vector<FeatureIssue>& issues) {
    SourceCrs crs = declaredCrs(layer);
    if (!crs.definition.empty()) {
        if (!opts.assumeCrs.empty() && opts.assumeCrs != crs.code)
            issues.push_back({FeatureIssue::Kind::Warning, -1, "layer",
                              "--assume-crs " + opts.assumeCrs + " ignored: the file declares " + crsLabel(crs)});
        return crs;
    }
    if (!opts.assumeCrs.empty()) {
        auto d = describeCrs(opts.assumeCrs);
        if (!d) return Error{"--assume-crs " + opts.assumeCrs + ": " + d.error().what, path};
        return SourceCrs{opts.assumeCrs, d.value().name, d.value().code, false};
    }
    const CrsGuess guess = guessCrs(srcExtent);
    if (driver == "CSV" && guess.code == "EPSG:4326" && !guess.axisSwapped)
        return SourceCrs{"EPSG:4326", "WGS 84", "EPSG:4326", false};

    std::string what = "no CRS";
    if (driver == "ESRI Shapefile") what += " (no .prj file beside it)";
    if (srcExtent.empty()) return Error{what + " — rerun with --assume-crs EPSG:NNNN", path};
    if (guess.code.empty())
        return Error{what + "; its coordinates (" + formatBox(srcExtent) +
                         ") match no CRS this tool can guess — rerun with --assume-crs EPSG:NNNN",
                     path};
    if (guess.axisSwapped)
        return Error{what + "; it looks like " + guess.code + " (" + guess.name +
                         ") with x and y swapped — swap them, then rerun with --assume-crs " + guess.code,
                     path};
    return Error{what + "; it looks like " + guess.code + " (" + guess.name + ") — rerun with --assume-crs " +
                     guess.code,
                 path};
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
    auto d = describeCrs(crs.definition);
    if (!d || d.value().areaOfUseLonLat.empty()) return;
    const Box area = d.value().areaOfUseLonLat;

    bool allFailed = false;
    const Box ll = lonLatBox(crs.definition, srcExtent, &allFailed);
    if (!allFailed && intersects(ll, grown(area))) return;

    const Box swapped{srcExtent.minY, srcExtent.minX, srcExtent.maxY, srcExtent.maxX};
    bool swappedFailed = false;
    const Box llSwapped = lonLatBox(crs.definition, swapped, &swappedFailed);
    if (!swappedFailed && intersects(llSwapped, area)) {
        issues.push_back({FeatureIssue::Kind::Warning, -1, "layer",
                          "coordinates look axis-swapped for " + crsLabel(crs) + " (" + formatBox(srcExtent) +
                              "): with x and y exchanged they fall inside its area of use"});
        return;
    }
    const std::string where = allFailed ? "cannot be placed on Earth" : "lie at lon/lat " + formatBox(ll);
    issues.push_back({FeatureIssue::Kind::Warning, -1, "layer",
                      "coordinates (" + formatBox(srcExtent) + ") " + where + ", far outside the area of use of " +
                          crsLabel(crs) + " (lon/lat " + formatBox(area) + "); is the declared CRS right?"});
}

}  // namespace geso::core::io_detail
