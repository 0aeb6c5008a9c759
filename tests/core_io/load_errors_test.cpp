// Bad input: one clear Error naming the file, never a crash; bad features are
// reported as issues, never dropped silently.
#include <gtest/gtest.h>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <optional>

#include "core/io/read_check.hpp"
#include "core/io/vector_reader.hpp"
#include "fixtures.hpp"

using namespace geso::core;
using namespace geso::test;

namespace {

std::string writeShapefile(const TempDir& dir, const std::string& stem = "omraden", int epsg = 3008) {
    const std::string path = dir.file(stem + ".shp");
    writeLayer(path, "ESRI Shapefile", {stem, epsg, wkbPolygon, {"ENCODING=UTF-8"}}, twoMalmoAreas());
    return path;
}

void expectError(const Result<AreaLayer>& r, const std::string& path, const std::string& fragment) {
    ASSERT_FALSE(r.ok()) << "loaded " << path;
    EXPECT_EQ(r.error().where, path);
    EXPECT_NE(r.error().what.find(fragment), std::string::npos) << r.error().what;
    EXPECT_EQ(r.error().line().find('\n'), std::string::npos) << "error must be one line";
}

bool hasIssue(const std::vector<FeatureIssue>& issues, FeatureIssue::Kind kind, const std::string& fragment) {
    for (const auto& i : issues)
        if (i.kind == kind && (i.detail.find(fragment) != std::string::npos || i.label.find(fragment) != std::string::npos))
            return true;
    return false;
}

}  // namespace

TEST(LoadErrors, MissingFile) {
    TempDir dir;
    expectError(loadAreas(dir.file("saknas.shp")), dir.file("saknas.shp"), "not found");
}

TEST(LoadErrors, DirectoryGivenAsFile) {
    TempDir dir;
    fs::create_directory(dir.file("mapp.shp"));
    expectError(loadAreas(dir.file("mapp.shp")), dir.file("mapp.shp"), "directory");
    expectError(loadAreas(dir.path().string()), dir.path().string(), "directory");
}

TEST(LoadErrors, ZeroByteFiles) {
    TempDir dir;
    for (const char* name : {"tom.shp", "tom.gpkg", "tom.geojson", "tom.fgb"}) {
        writeText(dir.file(name), "");
        expectError(loadAreas(dir.file(name)), dir.file(name), "empty file");
    }
}

TEST(LoadErrors, MissingShx) {
    TempDir dir;
    const std::string shp = writeShapefile(dir);
    fs::remove(dir.file("omraden.shx"));
    expectError(loadAreas(shp), shp, "omraden.shx");
}

TEST(LoadErrors, MissingDbf) {
    TempDir dir;
    const std::string shp = writeShapefile(dir);
    fs::remove(dir.file("omraden.dbf"));
    expectError(loadAreas(shp), shp, "omraden.dbf");
}

TEST(LoadErrors, MissingPrjRefusesWithAGuessAndAssumeCrsFixesIt) {
    TempDir dir;
    const std::string shp = writeShapefile(dir);
    fs::remove(dir.file("omraden.prj"));
    auto r = loadAreas(shp);
    expectError(r, shp, "no CRS");
    EXPECT_NE(r.error().what.find("EPSG:3008 (SWEREF 99 13 30)"), std::string::npos) << r.error().what;
    EXPECT_NE(r.error().what.find("--assume-crs EPSG:3008"), std::string::npos) << r.error().what;

    LoadOptions o;
    o.assumeCrs = "EPSG:3008";
    auto ok = loadAreas(shp, o);
    ASSERT_TRUE(ok.ok()) << ok.error().line();
    EXPECT_EQ(ok.value().featureCount(), 2u);
    EXPECT_EQ(ok.value().source.srcCrsCode, "EPSG:3008");

    o.assumeCrs = "EPSG:nonsense";
    expectError(loadAreas(shp, o), shp, "--assume-crs");
}

TEST(LoadErrors, NoCrsInSwerefTmIsGuessedAsSwerefTm) {
    TempDir dir;
    // GeoJSON without "crs" means WGS 84 by RFC 7946, so use a shapefile without .prj.
    writeLayer(dir.file("tm.shp"), "ESRI Shapefile", {"tm", 0, wkbPolygon, {}},
               {{"POLYGON((374000 6163000,375000 6163000,375000 6164000,374000 6163000))", 1, "a"}});
    auto r = loadAreas(dir.file("tm.shp"));
    expectError(r, dir.file("tm.shp"), "--assume-crs EPSG:3006");
}

TEST(LoadErrors, TruncatedShapefile) {
    TempDir dir;
    const std::string shp = writeShapefile(dir);
    truncateFile(shp, 0.6);
    expectError(loadAreas(shp), shp, "truncated");
}

TEST(LoadErrors, TruncatedGeoPackage) {
    TempDir dir;
    const std::string gpkg = dir.file("omraden.gpkg");
    writeLayer(gpkg, "GPKG", {"omraden", 3008, wkbMultiPolygon, {}}, twoMalmoAreas());
    truncateFile(gpkg, 0.5);
    auto r = loadAreas(gpkg);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, gpkg);
}

TEST(LoadErrors, TruncatedGeoJsonAndFlatGeobuf) {
    TempDir dir;
    const std::string json = dir.file("omraden.geojson");
    writeLayer(json, "GeoJSON", {"omraden", 4326, wkbPolygon, {}},
               {{"POLYGON((13 55.6,13.01 55.6,13.01 55.61,13 55.6))", 1, "a"}});
    truncateFile(json, 0.7);
    auto r = loadAreas(json);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, json);

    const std::string fgb = dir.file("omraden.fgb");
    writeLayer(fgb, "FlatGeobuf", {"omraden", 3008, wkbUnknown, {}}, twoMalmoAreas());
    truncateFile(fgb, 0.8);
    auto f = loadAreas(fgb);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().where, fgb);
}

TEST(LoadErrors, NotAVectorFile) {
    TempDir dir;
    writeText(dir.file("brev.gpkg"), "Hej! Det här är ingen GeoPackage.\n");
    expectError(loadAreas(dir.file("brev.gpkg")), dir.file("brev.gpkg"), "GDAL");
}

TEST(LoadErrors, PostgisConnectionStringGoesToGdal) {
    // No server here: the point is that it reaches GDAL's PG driver and fails cleanly, fast.
    auto r = loadAreas("PG:host=127.0.0.1 port=1 dbname=none connect_timeout=2");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, "gdal:open");
}

TEST(LoadIssues, NullEmptyAndNonPolygonFeaturesAreReportedByName) {
    TempDir dir;
    const std::string path = dir.file("blandat.geojson");
    writeText(path, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"geso_kod":1,"geso_namn":"Hel"},
       "geometry":{"type":"Polygon","coordinates":[[[13.0,55.6],[13.01,55.6],[13.01,55.61],[13.0,55.6]]]}},
      {"type":"Feature","properties":{"geso_kod":2,"geso_namn":"Utan geometri"},"geometry":null},
      {"type":"Feature","properties":{"geso_kod":3,"geso_namn":"Tom"},"geometry":{"type":"Polygon","coordinates":[]}},
      {"type":"Feature","properties":{"geso_kod":4,"geso_namn":"Linje"},
       "geometry":{"type":"LineString","coordinates":[[13.0,55.6],[13.01,55.6]]}},
      {"type":"Feature","properties":{"geso_kod":5,"geso_namn":"Platt"},
       "geometry":{"type":"Polygon","coordinates":[[[13.0,55.6],[13.01,55.6],[13.0,55.6]]]}}
    ]})");
    auto r = loadAreas(path);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const AreaLayer& l = r.value();
    ASSERT_EQ(l.featureCount(), 1u);
    EXPECT_EQ(l.column("geso_namn")->text, (std::vector<std::string>{"Hel"}));
    EXPECT_EQ(l.column("geso_kod")->num.size(), 1u);  // columns stay aligned with features
    EXPECT_TRUE(hasIssue(l.issues, FeatureIssue::Kind::Skipped, "Utan geometri"));
    EXPECT_TRUE(hasIssue(l.issues, FeatureIssue::Kind::Skipped, "Tom"));
    EXPECT_TRUE(hasIssue(l.issues, FeatureIssue::Kind::Skipped, "Line String"));
    EXPECT_TRUE(hasIssue(l.issues, FeatureIssue::Kind::Skipped, "Platt"));
    EXPECT_EQ(l.issues.size(), 4u);
}

TEST(LoadIssues, NonFiniteSourceCoordinatesAreSkippedWithDetail) {
    TempDir dir;
    // GeoPackage WKB can hold NaN (the shapefile writer refuses it, WKT cannot spell it).
    const std::string gpkg = dir.file("nan.gpkg");
    writeLayer(gpkg, "GPKG", {"nan", 3008, wkbMultiPolygon, {}}, twoMalmoAreas());
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        OGRLayer* layer = ds->GetLayer(0);
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("geso_namn", "Trasig");
        auto* ring = new OGRLinearRing;
        ring->addPoint(118000, 6164000);
        ring->addPoint(std::nan(""), 6164500);
        ring->addPoint(118500, 6164500);
        ring->addPoint(118000, 6164000);
        auto* poly = new OGRPolygon;
        poly->addRingDirectly(ring);
        f->SetGeometryDirectly(poly);
        ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE) << CPLGetLastErrorMsg();
    }
    auto r = loadAreas(gpkg);
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_EQ(r.value().featureCount(), 2u);
    EXPECT_TRUE(hasIssue(r.value().issues, FeatureIssue::Kind::Skipped, "non-finite"));
    EXPECT_TRUE(hasIssue(r.value().issues, FeatureIssue::Kind::Skipped, "Trasig"));
}

TEST(LoadIssues, AxisSwappedDataGetAWarning) {
    TempDir dir;
    const std::string shp = dir.file("swap.shp");
    writeLayer(shp, "ESRI Shapefile", {"swap", 3008, wkbPolygon, {}},
               {{"POLYGON((6164000 118000,6164000 119000,6165000 119000,6164000 118000))", 1, "a"}});
    auto r = loadAreas(shp);
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_TRUE(hasIssue(r.value().issues, FeatureIssue::Kind::Warning, "axis-swapped"));
}

TEST(LoadIssues, DataFarOutsideTheCrsAreaOfUseGetAWarning) {
    TempDir dir;
    // Web Mercator numbers labelled as SWEREF 99 13 30.
    const std::string shp = dir.file("fel.shp");
    writeLayer(shp, "ESRI Shapefile", {"fel", 3008, wkbPolygon, {}},
               {{"POLYGON((1447000 7479000,1448000 7479000,1448000 7480000,1447000 7479000))", 1, "a"}});
    auto r = loadAreas(shp);
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_TRUE(hasIssue(r.value().issues, FeatureIssue::Kind::Warning, "area of use"));

    // Malmö data in the right CRS: no warning.
    const std::string good = writeShapefile(dir, "bra");
    auto g = loadAreas(good);
    ASSERT_TRUE(g.ok());
    EXPECT_TRUE(g.value().issues.empty());
}

TEST(LoadIssues, UntransformableVerticesSkipTheFeature) {
    TempDir dir;
    const std::string path = dir.file("pol.geojson");
    writeText(path, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"geso_namn":"Malmö"},
       "geometry":{"type":"Polygon","coordinates":[[[13.0,55.6],[13.01,55.6],[13.01,55.61],[13.0,55.6]]]}},
      {"type":"Feature","properties":{"geso_namn":"Nordpolen"},
       "geometry":{"type":"Polygon","coordinates":[[[13.0,89.0],[14.0,91.0],[15.0,89.5],[13.0,89.0]]]}}
    ]})");
    LoadOptions o;
    o.displayCrs = "EPSG:3857";  // latitude 91° does not exist
    auto r = loadAreas(path, o);
    ASSERT_TRUE(r.ok()) << r.error().line();
    const AreaLayer& l = r.value();
    ASSERT_EQ(l.featureCount(), 1u);
    EXPECT_EQ(l.column("geso_namn")->text[0], "Malmö");
    EXPECT_EQ(l.vertexStart.back(), l.xy.size());
    EXPECT_EQ(l.xy.size(), 3u);
    EXPECT_TRUE(hasIssue(l.issues, FeatureIssue::Kind::Skipped, "Nordpolen"));
}

namespace {

// FlatGeobuf: 8 magic bytes, a uint32 header size, the header; with
// SPATIAL_INDEX=NO the features follow at once.
size_t flatGeobufHeaderEnd(const std::string& path) {
    const std::string bytes = readText(path);
    uint32_t size = 0;
    for (int i = 3; i >= 0; --i) size = size << 8 | static_cast<unsigned char>(bytes.at(8 + static_cast<size_t>(i)));
    return 12 + size;
}

}  // namespace

TEST(LoadErrors, FlatGeobufCutAfterItsHeaderIsAShortReadNotAnEmptyLayer) {
    // GDAL reports "no more features" here, without an error or warning.
    TempDir dir;
    const std::string fgb = dir.file("omraden.fgb");
    writeLayer(fgb, "FlatGeobuf", {"omraden", 3008, wkbUnknown, {"SPATIAL_INDEX=NO"}}, twoMalmoAreas());
    fs::resize_file(fgb, flatGeobufHeaderEnd(fgb));
    expectError(loadAreas(fgb), fgb, "read 0 of 2 features: the file is truncated or damaged");
    auto points = loadPoints(fgb);
    ASSERT_FALSE(points.ok());
    EXPECT_NE(points.error().what.find("read 0 of 2 features"), std::string::npos) << points.error().what;
}

TEST(LoadErrors, ShapefileWhoseDbfHasADifferentRecordCount) {
    TempDir dir;
    const std::string two = writeShapefile(dir, "two");
    auto three = twoMalmoAreas();
    three.push_back({"POLYGON((121000 6166000,122000 6166000,122000 6167000,121000 6166000))", 3, "Tredje"});
    writeLayer(dir.file("three.shp"), "ESRI Shapefile", {"three", 3008, wkbPolygon, {"ENCODING=UTF-8"}}, three);
    ASSERT_TRUE(loadAreas(two).ok());

    // More shapes than records: GDAL reads 2 of 3 features and says nothing.
    fs::copy_file(dir.file("two.dbf"), dir.file("three.dbf"), fs::copy_options::overwrite_existing);
    expectError(loadAreas(dir.file("three.shp")), dir.file("three.shp"),
                "three.shx lists 3 shapes but three.dbf holds 2 records");
    // More records than shapes: the extra attribute rows would vanish.
    writeLayer(dir.file("three.shp"), "ESRI Shapefile", {"three", 3008, wkbPolygon, {"ENCODING=UTF-8"}}, three);
    fs::copy_file(dir.file("three.dbf"), dir.file("two.dbf"), fs::copy_options::overwrite_existing);
    expectError(loadAreas(two), two, "two.shx lists 2 shapes but two.dbf holds 3 records");
}

TEST(LoadErrors, ShortReadsAndGdalWarningsAreNeverSilent) {
    std::vector<FeatureIssue> issues;
    {
        GdalErrorCapture capture;
        CPLError(CE_Warning, CPLE_AppDefined, "record 3 is\nbroken");
        auto s = io_detail::checkCompleteRead("a.fgb", 5, 3, capture, issues);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().line(), "a.fgb: read 3 of 5 features: the file is truncated or damaged (GDAL: record 3 is broken)");
        // The same warning with every feature there: kept as a layer warning, once.
        CPLError(CE_Warning, CPLE_AppDefined, "record 3 is\nbroken");
        ASSERT_TRUE(io_detail::checkCompleteRead("a.fgb", 5, 5, capture, issues).ok());
        ASSERT_EQ(issues.size(), 1u);
        EXPECT_EQ(issues[0].kind, FeatureIssue::Kind::Warning);
        EXPECT_EQ(issues[0].detail, "GDAL warned while reading: record 3 is broken");
    }
    {
        GdalErrorCapture capture;
        CPLError(CE_Failure, CPLE_FileIO, "I/O error");
        auto s = io_detail::checkCompleteRead("a.csv", -1, 7, capture, issues);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().what, "reading stopped after 7 features: the file is truncated or damaged (GDAL: I/O error)");
    }
    {
        GdalErrorCapture capture;
        issues.clear();
        ASSERT_TRUE(io_detail::checkCompleteRead("a.csv", -1, 7, capture, issues).ok());  // count unknown: fine
        ASSERT_TRUE(io_detail::checkCompleteRead("a.csv", 6, 7, capture, issues).ok());
        ASSERT_EQ(issues.size(), 1u);
        EXPECT_EQ(issues[0].detail, "the file declares 6 features but 7 were read");
    }
}

namespace {

// Runs loadAreas(path) as it would run for an ordinary user: directly when not
// root, else in a child that drops to uid/gid 65534 (root reads any file).
// nullopt when privileges cannot be dropped (a container without CAP_SETUID).
std::optional<std::string> loadErrorAsUser(const std::string& path) {
    if (geteuid() != 0) {
        auto r = loadAreas(path);
        return r.ok() ? std::string("loaded") : r.error().line();
    }
    int fds[2];
    if (pipe(fds) != 0) return std::nullopt;
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        if (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0) _exit(3);
        auto r = loadAreas(path);
        const std::string text = r.ok() ? std::string("loaded") : r.error().line();
        const ssize_t n = write(fds[1], text.data(), text.size());
        _exit(n == static_cast<ssize_t>(text.size()) ? 0 : 4);
    }
    close(fds[1]);
    std::string text;
    char buf[512];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return text;
}

}  // namespace

TEST(LoadErrors, UnreadableFileOrSidecarSaysPermissionDenied) {
    TempDir dir;
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
    const std::string shp = writeShapefile(dir);
    const std::string gpkg = dir.file("omraden.gpkg");
    writeLayer(gpkg, "GPKG", {"omraden", 3008, wkbMultiPolygon, {}}, twoMalmoAreas());
    // Readable, they load (as root and as an ordinary user).
    ASSERT_TRUE(loadAreas(shp).ok());
    ASSERT_TRUE(loadAreas(gpkg).ok());
    auto baseline = loadErrorAsUser(shp);
    if (!baseline) GTEST_SKIP() << "running as root and cannot drop privileges: permission cases not checked";
    ASSERT_EQ(*baseline, "loaded");

    struct Case { std::string file, path, expected; };
    const Case cases[] = {
        {dir.file("omraden.dbf"), shp, shp + ": permission denied reading omraden.dbf"},
        {dir.file("omraden.prj"), shp, shp + ": permission denied reading omraden.prj"},
        {dir.file("omraden.cpg"), shp, shp + ": permission denied reading omraden.cpg"},
        {shp, shp, shp + ": permission denied"},
        {gpkg, gpkg, gpkg + ": permission denied"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.file);
        fs::permissions(c.file, fs::perms::none);
        auto got = loadErrorAsUser(c.path);
        fs::permissions(c.file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                    fs::perms::others_read);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(*got, c.expected);
    }
}

TEST(LoadErrors, MissingFileWithAColonIsNotAConnectionString) {
    TempDir dir;
    expectError(loadAreas(dir.file("nope:2024.shp")), dir.file("nope:2024.shp"), "file not found");
    expectError(loadAreas("nope:2024.shp"), "nope:2024.shp", "file not found");
    // An existing file with a colon is a file.
    const std::string json = dir.file("omr:2024.geojson");
    writeLayer(json, "GeoJSON", {"omr", 4326, wkbPolygon, {}},
               {{"POLYGON((13 55.6,13.01 55.6,13.01 55.61,13 55.6))", 1, "a"}});
    auto r = loadAreas(json);
    ASSERT_TRUE(r.ok()) << r.error().line();
    EXPECT_EQ(r.value().featureCount(), 1u);
    // Known prefixes still go to GDAL (any case, as GDAL takes them).
    auto my = loadAreas("mysql:nodb,host=127.0.0.1,port=1");
    ASSERT_FALSE(my.ok());
    EXPECT_EQ(my.error().where, "gdal:open");
}

TEST(LoadErrors, GeoPackageWithoutLayersSaysSo) {
    TempDir dir;
    const std::string gpkg = dir.file("tom.gpkg");
    {
        ensureGdal();
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        ASSERT_NE(drv, nullptr);
        GDALDatasetUniquePtr ds(drv->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(ds);
    }
    ASSERT_GT(fs::file_size(gpkg), 0u);
    expectError(loadAreas(gpkg), gpkg, "GeoPackage has no layers");
}

TEST(LoadErrors, FifoAndDeviceAreNotRegularFiles) {
    TempDir dir;
    const std::string fifo = dir.file("omraden.geojson");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    expectError(loadAreas(fifo), fifo, "not a regular file");  // and does not block on the pipe
    expectError(loadAreas("/dev/zero"), "/dev/zero", "not a regular file");
    auto d = describeDataset("/dev/zero");
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.error().what.find("not a regular file"), std::string::npos);
}

TEST(LoadErrors, TruncatedZipIsDamagedNotEmpty) {
    TempDir dir;
    const std::string shp = writeShapefile(dir);
    std::vector<std::string> parts;
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) parts.push_back(dir.file(std::string("omraden") + ext));
    const std::string zip = dir.file("omraden.zip");
    zipFiles(zip, parts);
    truncateFile(zip, 0.5);
    expectError(loadAreas(zip), zip, "zip archive is damaged or unreadable");
}
