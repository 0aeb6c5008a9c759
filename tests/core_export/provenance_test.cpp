// Each table of the GeoPackage states where its own data came from: the city's
// files are named and never called unofficial; the bundled schematic and
// illustrative data always are.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "core/export/export.hpp"
#include "gpkg_read.hpp"
#include "test_util.hpp"

using namespace geso::core;
using namespace geso::testing;
namespace fs = std::filesystem;

namespace {

struct TableProvenance {
    std::string description;  // gpkg_contents.description
    std::string provenance;   // the table's PROVENANCE in gpkg_metadata
    std::string source;       // the table's SOURCE
};

std::map<std::string, TableProvenance> tableProvenance(GDALDataset& ds) {
    std::map<std::string, TableProvenance> out;
    OGRLayer* r = ds.ExecuteSQL("SELECT table_name, description FROM gpkg_contents", nullptr, nullptr);
    if (!r) return out;
    for (auto& f : r) out[f->GetFieldAsString(0)].description = f->GetFieldAsString(1);
    ds.ReleaseResultSet(r);
    for (auto& [name, t] : out) {
        OGRLayer* l = ds.GetLayerByName(name.c_str());
        const char* prov = l ? l->GetMetadataItem("PROVENANCE") : nullptr;
        const char* source = l ? l->GetMetadataItem("SOURCE") : nullptr;
        t.provenance = prov ? prov : "";
        t.source = source ? source : "";
    }
    return out;
}

std::string item(GDALDataset& ds, const char* key) {
    const char* v = ds.GetMetadataItem(key);
    return v ? v : "<none>";
}

bool endsWith(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// Copies of the bundled files under other names: to the app they are the
// user's own files (the city's), as `--areas GeSO.shp --indicators ind.csv`.
void copyAsCityFiles(const TempDir& dir) {
    const fs::path data = bundledDataDir();
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
        fs::copy_file(data / (std::string("geso_omraden") + ext), dir.file(std::string("GeSO") + ext));
    fs::copy_file(data / "indikatorer.csv", dir.file("ind.csv"));
    fs::copy_file(data / "pagaende_insatser.geojson", dir.file("insatser.geojson"));
}

Result<Project> load(const TempDir& dir, bool cityAreas, bool cityPoints) {
    DataOptions o;
    if (cityAreas) o.areasPath = dir.file("GeSO.shp");
    o.indicatorsPath = dir.file("ind.csv");
    if (cityPoints) {
        o.initiativesPath = dir.file("insatser.geojson");
        o.trygghetPath = "none";
    }
    return loadProject(o);
}

// Each table's provenance is `sentence`, and its description ends with it.
void expectTableSentences(std::map<std::string, TableProvenance>& t,
                          const std::map<std::string, std::string>& expected) {
    for (const auto& [table, sentence] : expected) {
        EXPECT_TRUE(endsWith(t[table].description, " " + sentence)) << table << ": " << t[table].description;
        EXPECT_EQ(t[table].provenance, sentence) << table;
    }
}

}  // namespace

TEST(ExportProvenance, TextPerSource) {
    Provenance p;
    p.schematicBoundaries = p.illustrativeValues = p.illustrativeInitiatives = true;
    p.trygghetSource = "trygghet_2024.csv";
    EXPECT_EQ(p.text(DataSource::Areas, Lang::Sv), "Schematiska gränser");
    EXPECT_EQ(p.text(DataSource::Values, Lang::Sv), "Illustrativa värden");
    EXPECT_EQ(p.text(DataSource::Initiatives, Lang::En), "Illustrative points");
    EXPECT_EQ(p.text(DataSource::Trygghet, Lang::Sv), "Punkter: trygghet_2024.csv");
    EXPECT_TRUE(p.illustrative(DataSource::Initiatives));
    EXPECT_FALSE(p.illustrative(DataSource::Trygghet));
    p = Provenance{};
    p.areasSource = "GeSO.shp";
    EXPECT_EQ(p.text(DataSource::Areas, Lang::En), "Boundaries: GeSO.shp");
    EXPECT_EQ(p.text(DataSource::Values, Lang::Sv), "");  // no indicator table
    EXPECT_EQ(p.text(DataSource::Initiatives, Lang::Sv), "");
}

TEST(ExportProvenance, BundledDataIsCalledUnofficialInEveryTable) {
    auto p = loadProject(DataOptions{});
    ASSERT_TRUE(p.ok()) << p.error().line();
    EXPECT_TRUE(p.value().provenance.illustrativeInitiatives);
    EXPECT_TRUE(p.value().provenance.illustrativeTrygghet);
    TempDir dir;
    ExportRequest req;
    req.outPath = dir.file("geso.gpkg");
    Status st = exportGeoPackage(p.value(), req);
    ASSERT_TRUE(st.ok()) << st.error().line();
    auto ds = openGpkg(req.outPath);
    ASSERT_TRUE(ds);
    auto t = tableProvenance(*ds);
    const std::map<std::string, std::string> expected = {
        {kAreasTable, "Schematiska gränser · illustrativa värden – inte officiell statistik."},
        {kIndicatorTable, "Illustrativa värden – inte officiell statistik."},
        {kInitiativesTable, "Illustrativa punkter – inte officiell statistik."},
        {kTrygghetTable, "Illustrativa punkter – inte officiell statistik."}};
    expectTableSentences(t, expected);
    EXPECT_EQ(t[kInitiativesTable].source, "pagaende_insatser.geojson");
    EXPECT_EQ(item(*ds, "PROVENANCE"),
              "Schematiska gränser · illustrativa värden · illustrativa punkter – inte officiell statistik.");
    EXPECT_EQ(item(*ds, "NOTICE"),
              "Schematiska gränser, illustrativa värden och illustrativa punkter: inte officiell statistik");
}

TEST(ExportProvenance, CityAreasAndValuesAreNamedAndTheBundledPointsCalledIllustrative) {
    TempDir dir;
    copyAsCityFiles(dir);
    auto p = load(dir, true, false);
    ASSERT_TRUE(p.ok()) << p.error().line();
    ExportRequest req;
    req.outPath = dir.file("stad.gpkg");
    Status st = exportGeoPackage(p.value(), req);
    ASSERT_TRUE(st.ok()) << st.error().line();
    auto ds = openGpkg(req.outPath);
    ASSERT_TRUE(ds);
    auto t = tableProvenance(*ds);
    const std::map<std::string, std::string> expected = {
        {kAreasTable, "Gränser: GeSO.shp · Värden: ind.csv."},
        {kIndicatorTable, "Värden: ind.csv."},
        {kInitiativesTable, "Illustrativa punkter – inte officiell statistik."},
        {kTrygghetTable, "Illustrativa punkter – inte officiell statistik."}};
    expectTableSentences(t, expected);
    for (const char* table : {kAreasTable, kIndicatorTable})
        for (const char* word : {"officiell", "llustrativ", "chematisk"}) {
            EXPECT_EQ(t[table].description.find(word), std::string::npos) << table << ": " << t[table].description;
            EXPECT_EQ(t[table].provenance.find(word), std::string::npos) << table;
        }
    EXPECT_EQ(t[kAreasTable].source, "GeSO.shp");
    EXPECT_EQ(t[kIndicatorTable].source, "ind.csv");
    EXPECT_EQ(item(*ds, "PROVENANCE"),
              "Gränser: GeSO.shp · Värden: ind.csv · illustrativa punkter (inte officiell statistik).");
    EXPECT_EQ(item(*ds, "NOTICE"), "Illustrativa punkter: inte officiell statistik");
    EXPECT_EQ(item(*ds, "SOURCE_AREAS"), "GeSO.shp");
    EXPECT_EQ(item(*ds, "SOURCE_INDICATORS"), "ind.csv");
    EXPECT_EQ(item(*ds, "SOURCE_INITIATIVES"), "pagaende_insatser.geojson");

    req.lang = Lang::En;
    auto en = buildGpkgContent(p.value(), req);
    ASSERT_TRUE(en.ok()) << en.error().line();
    EXPECT_TRUE(endsWith(en.value().tables.front().description, " Boundaries: GeSO.shp · Values: ind.csv."))
        << en.value().tables.front().description;
    EXPECT_EQ(en.value().metadata.at("PROVENANCE"),
              "Boundaries: GeSO.shp · Values: ind.csv · illustrative points (not official statistics).");
}

TEST(ExportProvenance, OnlyTheSchematicPartOfAMixedTableIsCalledUnofficial) {
    TempDir dir;
    copyAsCityFiles(dir);
    auto p = load(dir, false, true);  // bundled boundaries, the city's values and initiatives, no trygghet
    ASSERT_TRUE(p.ok()) << p.error().line();
    auto c = buildGpkgContent(p.value(), ExportRequest{});
    ASSERT_TRUE(c.ok()) << c.error().line();
    std::map<std::string, std::string> prov;
    for (const auto& table : c.value().tables) prov[table.name] = table.metadata.at("PROVENANCE");
    EXPECT_EQ(prov[kAreasTable], "Schematiska gränser (inte officiell statistik) · Värden: ind.csv.");
    EXPECT_EQ(prov[kIndicatorTable], "Värden: ind.csv.");
    EXPECT_EQ(prov[kInitiativesTable], "Punkter: insatser.geojson.");
    EXPECT_EQ(prov.count(kTrygghetTable), 0u);
    EXPECT_EQ(c.value().metadata.at("PROVENANCE"),
              "Schematiska gränser (inte officiell statistik) · Värden: ind.csv · Punkter: insatser.geojson.");
    EXPECT_EQ(c.value().metadata.at("NOTICE"), "Schematiska gränser: inte officiell statistik");
}

TEST(ExportProvenance, AllTheCitysOwnFilesCarryNoDisclaimer) {
    TempDir dir;
    copyAsCityFiles(dir);
    auto p = load(dir, true, true);
    ASSERT_TRUE(p.ok()) << p.error().line();
    auto c = buildGpkgContent(p.value(), ExportRequest{});
    ASSERT_TRUE(c.ok()) << c.error().line();
    EXPECT_EQ(c.value().metadata.at("PROVENANCE"), "Gränser: GeSO.shp · Värden: ind.csv · Punkter: insatser.geojson.");
    EXPECT_EQ(c.value().metadata.count("NOTICE"), 0u);
    for (const auto& table : c.value().tables)
        EXPECT_EQ(table.description.find("officiell"), std::string::npos) << table.description;
}
