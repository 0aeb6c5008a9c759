#include "core/crs/crs.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <thread>

namespace geso::core {
namespace {

// RAII for PROJ handles. Each call (and each worker thread) owns its own
// context: PJ_CONTEXT is not thread-safe, and contexts are cheap next to the
// transform itself.
struct CtxDeleter { void operator()(PJ_CONTEXT* c) const { proj_context_destroy(c); } };
struct PjDeleter { void operator()(PJ* p) const { proj_destroy(p); } };
using CtxPtr = std::unique_ptr<PJ_CONTEXT, CtxDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

CtxPtr makeContext() {
    CtxPtr ctx(proj_context_create());
    if (ctx) proj_log_level(ctx.get(), PJ_LOG_NONE);  // errors come back as values
    return ctx;
}

std::string lastProjError(PJ_CONTEXT* ctx, const std::string& fallback) {
    const int err = proj_context_errno(ctx);
    if (err == 0) return fallback;
    const char* s = proj_context_errno_string(ctx, err);
    return s ? fallback + ": " + s : fallback;
}

bool isCrsType(PJ_TYPE t) {
    switch (t) {
    case PJ_TYPE_GEODETIC_CRS: case PJ_TYPE_GEOCENTRIC_CRS: case PJ_TYPE_GEOGRAPHIC_CRS:
    case PJ_TYPE_GEOGRAPHIC_2D_CRS: case PJ_TYPE_GEOGRAPHIC_3D_CRS: case PJ_TYPE_VERTICAL_CRS:
    case PJ_TYPE_PROJECTED_CRS: case PJ_TYPE_COMPOUND_CRS: case PJ_TYPE_TEMPORAL_CRS:
    case PJ_TYPE_ENGINEERING_CRS: case PJ_TYPE_BOUND_CRS: case PJ_TYPE_OTHER_CRS:
        return true;
    default:
        return false;
    }
}

bool isGeographicType(PJ_TYPE t) {
    return t == PJ_TYPE_GEOGRAPHIC_CRS || t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS;
}

// proj_create accepts codes, WKT and PROJJSON; a bare PROJ string describes a
// CRS only with +type=crs, which users rarely write.
PjPtr createCrs(PJ_CONTEXT* ctx, const std::string& definition) {
    PjPtr crs(proj_create(ctx, definition.c_str()));
    if (crs && isCrsType(proj_get_type(crs.get()))) return crs;
    if (definition.rfind('+', 0) == 0 && definition.find("+type=crs") == std::string::npos) {
        PjPtr retry(proj_create(ctx, (definition + " +type=crs").c_str()));
        if (retry && isCrsType(proj_get_type(retry.get()))) return retry;
    }
    return nullptr;
}

std::string authorityCode(const PJ* crs) {
    const char* auth = proj_get_id_auth_name(crs, 0);
    const char* code = proj_get_id_code(crs, 0);
    if (!auth || !code) return {};
    return std::string(auth) + ":" + code;
}

Box areaOfUse(PJ_CONTEXT* ctx, const PJ* crs) {
    double w = 0, s = 0, e = 0, n = 0;
    Box box;
    if (!proj_get_area_of_use(ctx, crs, &w, &s, &e, &n, nullptr) || w < -180.5 || s < -90.5) return box;
    if (w > e) { w = -180; e = 180; }  // crosses the antimeridian: keep it simple
    box.expand(w, s);
    box.expand(e, n);
    return box;
}

// A definition as messages show it: codes as they are, WKT/PROJJSON by the
// CRS's name (a WKT dump would turn a one-line error into a screenful).
std::string shownDefinition(PJ_CONTEXT* ctx, const std::string& def) {
    // Built with append: GCC 12 warns (-Wrestrict, a known false positive) on "'" + std::string.
    std::string out(1, '\'');
    if (def.size() <= 60 && def.find('\n') == std::string::npos) return out.append(def).append(1, '\'');
    PjPtr crs = createCrs(ctx, def);
    const char* name = crs ? proj_get_name(crs.get()) : nullptr;
    if (name && *name) return out.append(name).append("' (WKT)");
    return out.append(def, 0, 40).append("…'");
}

// Per thread, kept: one PROJ context (PJ_CONTEXT is not thread-safe, and a new
// one opens proj.db again) and the transformations last made in it (creating
// one, with its proj.db lookups and choice of operation, costs 2–10 ms, which a
// layer read in batches would pay per batch: 100k cells in 13 batches, +0.15 s).
// Rendering 14 areas asks for 3 transformations and 5 CRS descriptions: 8
// contexts before, 1 now. Errors are worded from a fresh context, so an earlier
// failure's errno never shows in a later message.
constexpr size_t kKeptTransforms = 4;

struct ThreadProj {
    CtxPtr ctx;  // declared first: destroyed after the objects made in it
    struct Transform {
        std::string srcDef, dstDef;
        PjPtr op;  // normalised for visualisation (x = east)
    };
    std::vector<Transform> transforms;  // the most recent last
};

ThreadProj& threadProj() {
    thread_local ThreadProj proj;
    if (!proj.ctx) proj.ctx = makeContext();
    return proj;
}

Error transformError(const std::string& srcDef, const std::string& dstDef) {
    CtxPtr ctx = makeContext();
    if (!ctx) return Error{"cannot create a PROJ context", "proj:create"};
    PjPtr op(proj_create_crs_to_crs(ctx.get(), srcDef.c_str(), dstDef.c_str(), nullptr));
    if (op) return Error{lastProjError(ctx.get(), "cannot normalise axis order"), "proj:create"};
    const std::string what =
        "no transformation from " + shownDefinition(ctx.get(), srcDef) + " to " + shownDefinition(ctx.get(), dstDef);
    return Error{lastProjError(ctx.get(), what), "proj:create"};
}

Result<PJ*> transformFor(const std::string& srcDef, const std::string& dstDef) {
    ThreadProj& proj = threadProj();
    if (!proj.ctx) return Error{"cannot create a PROJ context", "proj:create"};
    auto& kept = proj.transforms;
    for (auto it = kept.begin(); it != kept.end(); ++it) {
        if (it->srcDef != srcDef || it->dstDef != dstDef) continue;
        std::rotate(it, it + 1, kept.end());  // now the most recent
        return kept.back().op.get();
    }
    PjPtr op(proj_create_crs_to_crs(proj.ctx.get(), srcDef.c_str(), dstDef.c_str(), nullptr));
    PjPtr norm(op ? proj_normalize_for_visualization(proj.ctx.get(), op.get()) : nullptr);
    if (!norm) return transformError(srcDef, dstDef);
    if (kept.size() == kKeptTransforms) kept.erase(kept.begin());
    kept.push_back({srcDef, dstDef, std::move(norm)});
    return kept.back().op.get();
}

Status transformChunk(std::span<Vec2> pts, const std::string& srcDef, const std::string& dstDef) {
    auto op = transformFor(srcDef, dstDef);
    if (!op) return op.error();
    if (pts.empty()) return Ok{};
    constexpr size_t kStride = sizeof(Vec2);
    proj_trans_generic(op.value(), PJ_FWD, &pts[0].x, kStride, pts.size(), &pts[0].y, kStride, pts.size(),
                       nullptr, 0, 0, nullptr, 0, 0);
    return Ok{};
}

}  // namespace

Result<CrsDescription> describeCrs(const std::string& definition) {
    if (definition.empty()) return Error{"empty CRS definition", "proj:create"};
    PJ_CONTEXT* ctx = threadProj().ctx.get();
    if (!ctx) return Error{"cannot create a PROJ context", "proj:create"};
    PjPtr crs = createCrs(ctx, definition);
    if (!crs) {
        std::string shown = definition.size() > 60 ? definition.substr(0, 57) + "..." : definition;
        CtxPtr fresh = makeContext();  // its errno is this definition's alone
        if (!fresh) return Error{"not a CRS: '" + shown + "'", "proj:create"};
        (void)createCrs(fresh.get(), definition);
        return Error{lastProjError(fresh.get(), "not a CRS: '" + shown + "'"), "proj:create"};
    }
    if (proj_get_type(crs.get()) == PJ_TYPE_BOUND_CRS) {
        if (PjPtr base{proj_get_source_crs(ctx, crs.get())}) crs = std::move(base);
    }

    CrsDescription d;
    const char* name = proj_get_name(crs.get());
    d.name = name ? name : "";
    d.code = authorityCode(crs.get());
    d.geographic = isGeographicType(proj_get_type(crs.get()));
    d.areaOfUseLonLat = areaOfUse(ctx, crs.get());

    if (d.code.empty()) {
        // WKT from .prj files often lacks AUTHORITY; ask the EPSG database.
        int* confidence = nullptr;
        PJ_OBJ_LIST* matches = proj_identify(ctx, crs.get(), "EPSG", nullptr, &confidence);
        if (matches && proj_list_get_count(matches) > 0 && confidence && confidence[0] >= 90) {
            PjPtr best(proj_list_get(ctx, matches, 0));
            if (best) {
                d.code = authorityCode(best.get());
                if (d.areaOfUseLonLat.empty()) d.areaOfUseLonLat = areaOfUse(ctx, best.get());
            }
        }
        proj_int_list_destroy(confidence);
        proj_list_destroy(matches);
    }
    return d;
}

Status transformPoints(std::span<Vec2> pts, const std::string& srcDef, const std::string& dstDef,
                       std::vector<size_t>* failed, unsigned maxThreads) {
    // Inputs PROJ cannot take are marked NaN first, so the output scan below
    // catches them whatever PROJ would have made of them.
    const double nan = std::nan("");
    for (Vec2& p : pts)
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) p = {nan, nan};

    if (srcDef != dstDef) {
        const unsigned wanted = maxThreads ? maxThreads : std::thread::hardware_concurrency();
        const size_t threads = std::min<size_t>(std::max(1u, wanted), 16);
        if (pts.size() < kParallelTransformMin || threads < 2) {
            if (Status s = transformChunk(pts, srcDef, dstDef); !s) return s;
        } else {
            std::vector<Status> results(threads, Status(Ok{}));
            std::vector<std::thread> workers;
            const size_t chunk = (pts.size() + threads - 1) / threads;
            for (size_t t = 0; t < threads; ++t) {
                const size_t begin = std::min(pts.size(), t * chunk);
                const size_t end = std::min(pts.size(), begin + chunk);
                workers.emplace_back([&, t, begin, end] {
                    results[t] = transformChunk(pts.subspan(begin, end - begin), srcDef, dstDef);
                });
            }
            for (auto& w : workers) w.join();
            for (auto& r : results)
                if (!r) return r;
        }
    }

    size_t bad = 0, firstBad = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        Vec2& p = pts[i];
        if (std::isfinite(p.x) && std::isfinite(p.y) && std::fabs(p.x) < 1e30 && std::fabs(p.y) < 1e30) continue;
        p = {nan, nan};
        if (bad++ == 0) firstBad = i;
        if (failed) failed->push_back(i);
    }
    if (bad && !failed)
        return Error{std::to_string(bad) + " of " + std::to_string(pts.size()) +
                         " points could not be transformed to " + dstDef + " (first: point " +
                         std::to_string(firstBad) + ")",
                     "proj:transform"};
    return Ok{};
}

CrsGuess guessCrs(const Box& b) {
    if (b.empty()) return {};
    auto fits = [](const Box& e, double x0, double x1, double y0, double y1) {
        return e.minX >= x0 && e.maxX <= x1 && e.minY >= y0 && e.maxY <= y1;
    };
    const Box swapped{b.minY, b.minX, b.maxY, b.maxX};
    struct Candidate { const char* code; const char* name; double x0, x1, y0, y1; };
    // Order matters: Sweden's lat/lon also fits the world's lon/lat box, so the
    // swapped-Sweden test runs before the plain degree test.
    if (fits(swapped, 10, 25, 54, 70)) return {"EPSG:4326", "WGS 84, degrees", true};
    const Candidate candidates[] = {
        {"EPSG:4326", "WGS 84, degrees", -180, 180, -90, 90},
        {"EPSG:3008", "SWEREF 99 13 30", 5.0e4, 2.5e5, 6.0e6, 7.2e6},
        {"EPSG:3006", "SWEREF 99 TM", 2.5e5, 9.5e5, 6.0e6, 7.7e6},
    };
    for (const auto& c : candidates)
        if (fits(b, c.x0, c.x1, c.y0, c.y1)) return {c.code, c.name, false};
    for (const auto& c : candidates)
        if (fits(swapped, c.x0, c.x1, c.y0, c.y1)) return {c.code, c.name, true};
    return {};
}

std::string guessCrsFromExtent(const Box& extent) { return guessCrs(extent).code; }

}  // namespace geso::core
