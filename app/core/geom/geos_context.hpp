#pragma once
// Internal to geom/: one GEOS reentrant context per thread, with handlers that
// keep the last error/notice text so failures become Error values, and RAII
// for the geometries it creates. Not thread-safe: make one per thread.
#include <geos_c.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/model/layer.hpp"

namespace geso::core::geos {

class Context {
public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    // Text of the last GEOS error (or notice) since clearError(); "" if none.
    const std::string& lastError() const { return m_lastError; }
    void clearError() { m_lastError.clear(); }

private:
    static void onMessage(const char* message, void* userdata);
    GEOSContextHandle_t m_handle = nullptr;
    std::string m_lastError;
};

struct GeomDeleter {
    GEOSContextHandle_t handle = nullptr;
    void operator()(GEOSGeometry* g) const { if (g) GEOSGeom_destroy_r(handle, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;
inline GeomPtr own(const Context& ctx, GEOSGeometry* g) { return GeomPtr(g, GeomDeleter{ctx.handle()}); }

// Flat polygonal geometry, rings OPEN, as in AreaLayer.
struct FlatPolygons {
    std::vector<uint32_t> ringsPerPart;
    std::vector<uint32_t> verticesPerRing;
    std::vector<Vec2> xy;
    bool empty() const { return ringsPerPart.empty(); }
};

// Builds a GEOS Polygon (one part) or MultiPolygon (several parts) from feature
// `feature` of `layer`. Rings are closed for GEOS; rings with fewer than 3
// vertices cannot be represented and make this return null (as does any GEOS
// failure, with ctx.lastError() set). `scratch` is reused to avoid allocations.
GeomPtr makeFeatureGeometry(Context& ctx, const AreaLayer& layer, size_t feature,
                            std::vector<double>& scratch);
// The same from flat polygons (e.g. a cleaned copy of a feature).
GeomPtr makeGeometry(Context& ctx, const FlatPolygons& poly, std::vector<double>& scratch);


// Appends the polygonal components (Polygon, MultiPolygon, and those inside
// collections; lines and points are ignored) of `g` to `out`, dropping closing
// vertices and empty polygons. Returns false if GEOS failed.
bool appendPolygonal(Context& ctx, const GEOSGeometry* g, FlatPolygons& out);

}  // namespace geso::core::geos
