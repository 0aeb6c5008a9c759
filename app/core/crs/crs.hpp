#pragma once
// Coordinate reference systems through PROJ. Every transform here uses
// proj_normalize_for_visualization, so x is always east/longitude and y north/
// latitude, whatever axis order the CRS's official definition has (EPSG:4326
// is lat/lon and EPSG:3006 is northing/easting in the EPSG registry).
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/model/layer.hpp"

namespace geso::core {

struct CrsDescription {
    std::string name;        // e.g. "SWEREF99 13 30"
    std::string code;        // "EPSG:3008", or "" when no authority code is known
    Box areaOfUseLonLat;     // degrees, x = longitude; empty when PROJ knows none
    bool geographic = false; // degrees rather than metres
};

// `definition`: "EPSG:3008", WKT (1 or 2, ESRI .prj too), PROJJSON or a PROJ string.
// A definition without an authority code is identified against the EPSG database
// (accepted at confidence >= 90 %). Error.where = "proj:create".
Result<CrsDescription> describeCrs(const std::string& definition);

// Transforms `pts` in place from srcDef to dstDef (any describeCrs definition).
// Points whose input or output is not finite (NaN, Inf, PROJ's HUGE_VAL) are
// left NaN and their indices appended, ascending, to `failed`. When `failed` is
// null, any such point makes the call return an Error instead (never silently kept).
// Arrays larger than kParallelTransformMin points are split across up to
// `maxThreads` threads (0 = std::thread::hardware_concurrency()), each with its
// own PJ_CONTEXT (PROJ objects are not thread-safe). The work is pure CPU
// (~0.3 µs per point for SWEREF 99 13 30 → Web Mercator), so it scales with
// free cores; maxThreads = 1 gives the serial baseline for benchmarks.
Status transformPoints(std::span<Vec2> pts, const std::string& srcDef, const std::string& dstDef,
                       std::vector<size_t>* failed = nullptr, unsigned maxThreads = 0);

constexpr size_t kParallelTransformMin = 200000;

// What a CRS-less extent most likely is, from Malmö-area coordinate ranges:
// degrees → EPSG:4326; eastings ~0.5–2.5e5 m with Swedish northings → EPSG:3008
// (SWEREF 99 13 30); eastings ~2.5–9.5e5 m → EPSG:3006 (SWEREF 99 TM).
// axisSwapped: the ranges only fit with x and y exchanged (e.g. lat/lon or N/E order).
struct CrsGuess {
    std::string code;        // "" when nothing fits
    std::string name;        // human name of `code`
    bool axisSwapped = false;
};
CrsGuess guessCrs(const Box& extent);

// guessCrs(extent).code; "" when nothing fits.
std::string guessCrsFromExtent(const Box& extent);

}  // namespace geso::core
