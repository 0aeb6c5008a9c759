// The bundled schematic boundaries (geodata/, made by tools/gen_geodata.py) as
// the README promises them: 14 single valid polygons that tile Malmö with no
// gaps or overlaps, and 136 delområden that dissolve exactly into them.
// The files are committed, so a missing file is a failure, not a skip.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/geom/geos_context.hpp"
#include "core/geom/polygon_ops.hpp"
#include "core/geom/validate.hpp"
#include "core/io/vector_reader.hpp"

using namespace geso::core;
namespace geos = geso::core::geos;

namespace {

const std::string kAreas = std::string(GESO_SOURCE_DIR) + "/geodata/geso_omraden.shp";
const std::string kParts = std::string(GESO_SOURCE_DIR) + "/geodata/delomraden.shp";

// Areas below this (m²) are rounding noise of shared borders, not gaps or overlaps.
constexpr double kNoiseM2 = 1.0;

AreaLayer load(const std::string& path) {
    EXPECT_TRUE(std::filesystem::exists(path)) << path << " is missing; regenerate with tools/gen_geodata.py";
    auto r = loadAreas(path);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().line());
    return r.ok() ? std::move(r).value() : AreaLayer{};
}

double area(const geos::Context& ctx, const GEOSGeometry* g) {
    double a = 0;
    EXPECT_EQ(GEOSArea_r(ctx.handle(), g, &a), 1);
    return a;
}

std::vector<geos::GeomPtr> geometries(geos::Context& ctx, const AreaLayer& l) {
    std::vector<double> scratch;
    std::vector<geos::GeomPtr> out;
    for (size_t f = 0; f < l.featureCount(); ++f) {
        out.push_back(geos::makeFeatureGeometry(ctx, l, f, scratch));
        EXPECT_TRUE(out.back()) << "feature " << f << ": " << ctx.lastError();
    }
    return out;
}

// Union of the given geometries (cloned; the inputs stay owned by the caller).
geos::GeomPtr unionOf(geos::Context& ctx, const std::vector<const GEOSGeometry*>& parts) {
    std::vector<GEOSGeometry*> clones;
    for (const GEOSGeometry* g : parts) clones.push_back(GEOSGeom_clone_r(ctx.handle(), g));
    geos::GeomPtr all = geos::own(ctx, GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                                   static_cast<unsigned>(clones.size())));
    return geos::own(ctx, GEOSUnaryUnion_r(ctx.handle(), all.get()));
}

}  // namespace

TEST(BundledData, FourteenValidSinglePolygonsThatTileMalmoWithoutGapsOrOverlaps) {
    AreaLayer l = load(kAreas);
    ASSERT_EQ(l.featureCount(), 14u);
    EXPECT_EQ(l.source.srcCrsCode, "EPSG:3008");
    for (const auto& i : l.issues) ADD_FAILURE() << "load issue: " << i.label << ": " << i.detail;

    const Column* kod = l.column("geso_kod");
    const Column* namn = l.column("geso_namn");
    ASSERT_NE(kod, nullptr);
    ASSERT_NE(namn, nullptr);
    EXPECT_EQ(kod->type, FieldType::Integer);
    EXPECT_EQ(namn->type, FieldType::Text);
    std::set<double> codes(kod->num.begin(), kod->num.end());
    EXPECT_EQ(codes, (std::set<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}));
    for (const auto& n : namn->text) EXPECT_FALSE(n.empty());
    EXPECT_NE(std::find(namn->text.begin(), namn->text.end(), "Västra hamnen, Gamla staden m fl"), namn->text.end());

    geos::Context ctx;
    const auto g = geometries(ctx, l);
    double sum = 0;
    for (size_t f = 0; f < l.featureCount(); ++f) {
        EXPECT_EQ(l.partStart[f + 1] - l.partStart[f], 1u) << "GeSO " << kod->num[f] << " is not one polygon";
        ASSERT_TRUE(g[f]);
        EXPECT_EQ(GEOSisValid_r(ctx.handle(), g[f].get()), 1) << "GeSO " << kod->num[f];
        EXPECT_NEAR(area(ctx, g[f].get()), featureArea(l, f), 1e-3);
        sum += area(ctx, g[f].get());
    }
    EXPECT_GT(sum, 150e6);  // km² of Malmö, harbour included
    EXPECT_LT(sum, 200e6);

    for (size_t a = 0; a < g.size(); ++a) {
        for (size_t b = a + 1; b < g.size(); ++b) {
            geos::GeomPtr both = geos::own(ctx, GEOSIntersection_r(ctx.handle(), g[a].get(), g[b].get()));
            ASSERT_TRUE(both);
            EXPECT_LT(area(ctx, both.get()), kNoiseM2) << "GeSO " << kod->num[a] << " overlaps " << kod->num[b];
        }
    }
    std::vector<const GEOSGeometry*> all;
    for (const auto& x : g) all.push_back(x.get());
    geos::GeomPtr u = unionOf(ctx, all);
    ASSERT_TRUE(u);
    EXPECT_NEAR(area(ctx, u.get()), sum, kNoiseM2 * 14) << "overlaps: the union is smaller than the sum";
    // No gaps: the areas together are one polygon without holes (the outline).
    EXPECT_EQ(GEOSGeomTypeId_r(ctx.handle(), u.get()), GEOS_POLYGON);
    EXPECT_EQ(GEOSGetNumInteriorRings_r(ctx.handle(), u.get()), 0);

    // validate/repair has nothing to do on them.
    const size_t before = l.issues.size();
    ASSERT_TRUE(validateAndRepair(l).ok());
    EXPECT_EQ(l.issues.size(), before);
    EXPECT_EQ(l.featureCount(), 14u);
}

TEST(BundledData, DelomradenDissolveIntoTheirGeso) {
    const AreaLayer areas = load(kAreas);
    const AreaLayer parts = load(kParts);
    ASSERT_EQ(areas.featureCount(), 14u);
    ASSERT_EQ(parts.featureCount(), 136u);
    for (const auto& i : parts.issues) ADD_FAILURE() << "load issue: " << i.label << ": " << i.detail;
    const Column* del = parts.column("delomrade");
    const Column* kod = parts.column("geso_kod");
    const Column* areaKod = areas.column("geso_kod");
    ASSERT_NE(del, nullptr);
    ASSERT_NE(kod, nullptr);
    ASSERT_NE(areaKod, nullptr);
    EXPECT_EQ(kod->type, FieldType::Integer);
    EXPECT_EQ(del->type, FieldType::Text);
    std::set<std::string> names(del->text.begin(), del->text.end());
    EXPECT_EQ(names.size(), 136u) << "delområde names repeat";
    EXPECT_EQ(names.count(""), 0u);

    geos::Context ctx;
    const auto pg = geometries(ctx, parts);
    const auto ag = geometries(ctx, areas);
    std::map<int, std::vector<const GEOSGeometry*>> byCode;
    for (size_t f = 0; f < parts.featureCount(); ++f) {
        ASSERT_TRUE(pg[f]);
        EXPECT_EQ(GEOSisValid_r(ctx.handle(), pg[f].get()), 1) << del->text[f];
        byCode[static_cast<int>(kod->num[f])].push_back(pg[f].get());
    }
    ASSERT_EQ(byCode.size(), 14u);
    for (size_t a = 0; a < areas.featureCount(); ++a) {
        const int code = static_cast<int>(areaKod->num[a]);
        SCOPED_TRACE("GeSO " + std::to_string(code));
        ASSERT_TRUE(byCode.count(code));
        geos::GeomPtr u = unionOf(ctx, byCode[code]);
        ASSERT_TRUE(u);
        geos::GeomPtr diff = geos::own(ctx, GEOSSymDifference_r(ctx.handle(), u.get(), ag[a].get()));
        ASSERT_TRUE(diff);
        EXPECT_LT(area(ctx, diff.get()), kNoiseM2);
        double sum = 0;
        for (const GEOSGeometry* p : byCode[code]) sum += area(ctx, p);
        EXPECT_NEAR(sum, area(ctx, ag[a].get()), kNoiseM2) << "delområden overlap or leave gaps";
    }
}
