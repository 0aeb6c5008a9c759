#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/crs/crs.hpp"

using namespace geso::core;

namespace {

// One point in central Malmö in three CRSs. Reference values computed once with
// GDAL 3.6.2 / PROJ 9.1.1 (Debian 12) and hard-coded here:
//   echo "13.0 55.6" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3008   → 118482.319728734 6164141.21000837
//   echo "13.0 55.6" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3006   → 373988.371642902 6163377.11625009
//   echo "118482.319728734 6164141.21000837" | gdaltransform -s_srs EPSG:3008 -t_srs EPSG:3006
//                                                                        → 373988.371642901 6163377.11625009
// (gdaltransform uses traditional GIS order: lon/lat, easting/northing.)
constexpr Vec2 kLonLat{13.0, 55.6};
constexpr Vec2 kSweref1330{118482.319728734, 6164141.21000837};
constexpr Vec2 kSwerefTm{373988.371642902, 6163377.11625009};

constexpr double kCm = 0.01;
// 1 cm in degrees at 55.6° N: latitude ~9.0e-8°, longitude ~1.6e-7°; the
// tighter one is used for both.
constexpr double kCmDeg = 9e-8;

Vec2 transformOne(Vec2 p, const char* src, const char* dst) {
    std::vector<Vec2> v{p};
    Status s = transformPoints(v, src, dst);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().line());
    return v[0];
}

}  // namespace

TEST(Transform, Sweref1330ToWgs84KnownPoint) {
    const Vec2 p = transformOne(kSweref1330, "EPSG:3008", "EPSG:4326");
    EXPECT_NEAR(p.x, kLonLat.x, kCmDeg);  // x stays longitude
    EXPECT_NEAR(p.y, kLonLat.y, kCmDeg);
}

TEST(Transform, Wgs84ToSweref1330KnownPoint) {
    const Vec2 p = transformOne(kLonLat, "EPSG:4326", "EPSG:3008");
    EXPECT_NEAR(p.x, kSweref1330.x, kCm);
    EXPECT_NEAR(p.y, kSweref1330.y, kCm);
}

TEST(Transform, Wgs84ToSwerefTmKnownPointEastingFirst) {
    // EPSG:3006's registry axis order is northing, easting; normalised it is x = east.
    const Vec2 p = transformOne(kLonLat, "EPSG:4326", "EPSG:3006");
    EXPECT_NEAR(p.x, kSwerefTm.x, kCm);
    EXPECT_NEAR(p.y, kSwerefTm.y, kCm);
}

TEST(Transform, Sweref1330ToSwerefTmAndBack) {
    const Vec2 tm = transformOne(kSweref1330, "EPSG:3008", "EPSG:3006");
    EXPECT_NEAR(tm.x, kSwerefTm.x, kCm);
    EXPECT_NEAR(tm.y, kSwerefTm.y, kCm);
    const Vec2 back = transformOne(tm, "EPSG:3006", "EPSG:3008");
    EXPECT_NEAR(back.x, kSweref1330.x, kCm);
    EXPECT_NEAR(back.y, kSweref1330.y, kCm);
}

TEST(Transform, Wgs84InputIsLonLatNotLatLon) {
    // Registry EPSG:4326 is lat/lon; given (13, 55.6) read as lon/lat the point is in
    // Malmö (easting ~1.2e5). Read as lat/lon it would be in the Indian Ocean.
    const Vec2 p = transformOne({13.0, 55.6}, "EPSG:4326", "EPSG:3008");
    EXPECT_GT(p.x, 1.0e5);
    EXPECT_LT(p.x, 1.5e5);
    EXPECT_GT(p.y, 6.1e6);
}

TEST(Transform, AcceptsWktAndProjStringDefinitions) {
    // SWEREF99 TM as an ESRI .prj would write it (no AUTHORITY, ESRI names).
    const std::string esri =
        "PROJCS[\"SWEREF99_TM\",GEOGCS[\"GCS_SWEREF99\",DATUM[\"D_SWEREF99\",SPHEROID[\"GRS_1980\",6378137.0,"
        "298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION["
        "\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
        "PARAMETER[\"Central_Meridian\",15.0],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\","
        "0.0],UNIT[\"Meter\",1.0]]";
    std::vector<Vec2> v{kLonLat};
    ASSERT_TRUE(transformPoints(v, "EPSG:4326", esri).ok());
    EXPECT_NEAR(v[0].x, kSwerefTm.x, kCm);
    EXPECT_NEAR(v[0].y, kSwerefTm.y, kCm);

    v = {kLonLat};
    ASSERT_TRUE(transformPoints(v, "EPSG:4326", "+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs +type=crs").ok());
    EXPECT_NEAR(v[0].x, kSwerefTm.x, kCm);  // SWEREF99 TM is UTM 33 on GRS80
    EXPECT_NEAR(v[0].y, kSwerefTm.y, kCm);
}

TEST(Transform, NonFiniteInputsAreReportedByIndex) {
    std::vector<Vec2> v{kSweref1330, {NAN, 6164141.0}, kSweref1330, {118482.0, INFINITY}};
    std::vector<size_t> failed;
    ASSERT_TRUE(transformPoints(v, "EPSG:3008", "EPSG:4326", &failed).ok());
    EXPECT_EQ(failed, (std::vector<size_t>{1, 3}));
    EXPECT_NEAR(v[0].x, kLonLat.x, kCmDeg);
    EXPECT_NEAR(v[2].y, kLonLat.y, kCmDeg);
    EXPECT_TRUE(std::isnan(v[1].x) && std::isnan(v[1].y));
    EXPECT_TRUE(std::isnan(v[3].x) && std::isnan(v[3].y));
}

TEST(Transform, NonFiniteWithoutFailedListIsAnError) {
    std::vector<Vec2> v{kSweref1330, {NAN, NAN}};
    Status s = transformPoints(v, "EPSG:3008", "EPSG:4326");
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().what.find("1 of 2"), std::string::npos) << s.error().what;
}

TEST(Transform, NonFiniteReportedEvenWithoutReprojection) {
    std::vector<Vec2> v{{1, 2}, {NAN, 2}};
    std::vector<size_t> failed;
    ASSERT_TRUE(transformPoints(v, "EPSG:3008", "EPSG:3008", &failed).ok());
    EXPECT_EQ(failed, (std::vector<size_t>{1}));
    EXPECT_EQ(v[0].x, 1.0);
}

TEST(Transform, OutputsPROJCannotComputeAreReported) {
    // Latitude 95° is outside the domain of every projection.
    std::vector<Vec2> v{{13.0, 55.6}, {13.0, 95.0}};
    std::vector<size_t> failed;
    ASSERT_TRUE(transformPoints(v, "EPSG:4326", "EPSG:3857", &failed).ok());
    EXPECT_EQ(failed, (std::vector<size_t>{1}));
    EXPECT_TRUE(std::isfinite(v[0].x));
}

TEST(Transform, UnknownCrsIsAnError) {
    std::vector<Vec2> v{kSweref1330};
    Status s = transformPoints(v, "EPSG:3008", "EPSG:999999");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().where, "proj:create");
}

TEST(Transform, ParallelPathMatchesSerialAndReportsFailures) {
    const size_t n = kParallelTransformMin + 1234;
    std::vector<Vec2> big(n);
    for (size_t i = 0; i < n; ++i)
        big[i] = {110000.0 + static_cast<double>(i % 1000) * 25.0, 6150000.0 + static_cast<double>(i / 1000) * 25.0};
    const size_t badA = 7, badB = n - 3;
    big[badA].x = NAN;
    big[badB].y = INFINITY;
    std::vector<Vec2> sample{big[0], big[n / 2], big[n - 1]};

    std::vector<size_t> failed;
    ASSERT_TRUE(transformPoints(big, "EPSG:3008", "EPSG:3857", &failed).ok());
    ASSERT_TRUE(transformPoints(sample, "EPSG:3008", "EPSG:3857").ok());
    EXPECT_EQ(failed, (std::vector<size_t>{badA, badB}));
    EXPECT_DOUBLE_EQ(big[0].x, sample[0].x);
    EXPECT_DOUBLE_EQ(big[n / 2].y, sample[1].y);
    EXPECT_DOUBLE_EQ(big[n - 1].x, sample[2].x);
}

TEST(DescribeCrs, EpsgCodeGivesNameAreaAndKind) {
    auto d = describeCrs("EPSG:3008");
    ASSERT_TRUE(d.ok()) << d.error().line();
    EXPECT_EQ(d.value().code, "EPSG:3008");
    EXPECT_EQ(d.value().name, "SWEREF99 13 30");
    EXPECT_FALSE(d.value().geographic);
    const Box& a = d.value().areaOfUseLonLat;
    ASSERT_FALSE(a.empty());
    EXPECT_LT(a.minX, 13.0);  // Malmö lies inside the zone's area of use
    EXPECT_GT(a.maxX, 13.0);
    EXPECT_LT(a.minY, 55.6);
    EXPECT_GT(a.maxY, 55.6);

    auto g = describeCrs("EPSG:4326");
    ASSERT_TRUE(g.ok());
    EXPECT_TRUE(g.value().geographic);
}

TEST(DescribeCrs, EsriWktWithoutCodeIsIdentified) {
    const std::string esri1330 =
        "PROJCS[\"SWEREF99_13_30\",GEOGCS[\"GCS_SWEREF99\",DATUM[\"D_SWEREF99\",SPHEROID[\"GRS_1980\",6378137.0,"
        "298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION["
        "\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",150000.0],PARAMETER[\"False_Northing\",0.0],"
        "PARAMETER[\"Central_Meridian\",13.5],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],"
        "UNIT[\"Meter\",1.0]]";
    auto d = describeCrs(esri1330);
    ASSERT_TRUE(d.ok()) << d.error().line();
    EXPECT_EQ(d.value().code, "EPSG:3008");
}

TEST(DescribeCrs, ProjStringWithoutTypeCrsIsAccepted) {
    auto d = describeCrs("+proj=longlat +datum=WGS84 +no_defs");
    ASSERT_TRUE(d.ok()) << d.error().line();
    EXPECT_TRUE(d.value().geographic);
}

TEST(DescribeCrs, GarbageIsAnError) {
    EXPECT_FALSE(describeCrs("not a crs").ok());
    EXPECT_FALSE(describeCrs("").ok());
    EXPECT_FALSE(describeCrs("EPSG:0").ok());
}

TEST(GuessCrs, FromMalmoRanges) {
    EXPECT_EQ(guessCrsFromExtent({12.9, 55.5, 13.2, 55.65}), "EPSG:4326");
    EXPECT_EQ(guessCrsFromExtent({111664.7, 6153042.0, 129510.8, 6168423.1}), "EPSG:3008");
    EXPECT_EQ(guessCrsFromExtent({366000, 6152000, 384000, 6168000}), "EPSG:3006");
    EXPECT_EQ(guessCrsFromExtent({1431643.0, 7449449.4, 1480159.6, 7502645.8}), "");  // Web Mercator: no guess
    EXPECT_EQ(guessCrsFromExtent(Box{}), "");
}

TEST(GuessCrs, DetectsAxisSwappedData) {
    const CrsGuess latLon = guessCrs({55.5, 12.9, 55.65, 13.2});
    EXPECT_EQ(latLon.code, "EPSG:4326");
    EXPECT_TRUE(latLon.axisSwapped);

    const CrsGuess northEast = guessCrs({6153042.0, 111664.7, 6168423.1, 129510.8});
    EXPECT_EQ(northEast.code, "EPSG:3008");
    EXPECT_TRUE(northEast.axisSwapped);

    EXPECT_FALSE(guessCrs({111664.7, 6153042.0, 129510.8, 6168423.1}).axisSwapped);
    EXPECT_EQ(guessCrs({111664.7, 6153042.0, 129510.8, 6168423.1}).name, "SWEREF 99 13 30");
}

TEST(Transform, ImpossibleTransformErrorIsOneShortLineWithoutAWktDump) {
    const std::string local =
        R"wkt(ENGCRS["arbitrary",EDATUM[""],CS[Cartesian,2],AXIS["(E)",east,ORDER[1],LENGTHUNIT["metre",1]],)wkt"
        R"wkt(AXIS["(N)",north,ORDER[2],LENGTHUNIT["metre",1]]])wkt";
    std::vector<Vec2> pts{{118000, 6164000}};
    const Status s = transformPoints(pts, local, "EPSG:3008");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().where, "proj:create");
    EXPECT_NE(s.error().what.find("no transformation from 'arbitrary' (WKT) to 'EPSG:3008'"), std::string::npos)
        << s.error().what;
    EXPECT_EQ(s.error().what.find("ENGCRS"), std::string::npos) << s.error().what;
    EXPECT_EQ(s.error().what.find('\n'), std::string::npos);
}
