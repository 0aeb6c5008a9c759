// The options `render` and `export` share (cli/map_options): same names, same
// checks, same defaults. Run through the real binary.
#include <gtest/gtest.h>

#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "cli_run.hpp"
#include "render/gl/png_writer.hpp"
#include "render/headless/headless_context.hpp"

using namespace geso;
namespace fs = std::filesystem;

namespace {

using geso::test::CliResult;

CliResult run(const std::string& command, const std::string& args) { return geso::test::runGeso(command, args); }

std::set<std::string> layersOf(const fs::path& gpkg) {
    GDALAllRegister();
    std::set<std::string> out;
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) return out;
    for (OGRLayer* l : ds->GetLayers()) out.insert(l->GetName());
    return out;
}

}  // namespace

TEST(MapOptions, BadCrsAndStyleValuesAreUsageErrorsInBothCommands) {
    for (const char* command : {"render --out /tmp/geso_options.png", "export --out /tmp/geso_options.gpkg"}) {
        const std::string c(command);
        const std::string name = c.substr(0, c.find(' ')), rest = c.substr(c.find(' ') + 1);
        for (const char* bad : {"--crs EPSG:99999", "--crs foo", "--assume-crs Amersfoort", "--classes 12",
                                "--method manual", "--breaks 90,x", "--breaks 110,90", "--method nope",
                                "--normalize median", "--weights nope=1", "--lang de", "--layout diagonal",
                                "--table-year 24", "--columns nokey=x"}) {
            const CliResult r = run(name, rest + " " + bad);
            EXPECT_EQ(r.exitCode, 2) << name << " " << bad << ": " << r.err;
            EXPECT_NE(r.err.find("geso-atlas: " + name + ": "), std::string::npos) << r.err;
        }
    }
    EXPECT_FALSE(fs::exists("/tmp/geso_options.png"));
    EXPECT_FALSE(fs::exists("/tmp/geso_options.gpkg"));
}

TEST(MapOptions, ManualBreaksAndWeightsRender) {
    if (!render::HeadlessContext::create(16, 16).ok()) GTEST_SKIP() << "no EGL context";
    const fs::path out = fs::temp_directory_path() / "geso_options_manual.png";
    const CliResult r = run("render", "--out " + out.string() +
                                    " --size 640x360 --dimension ekonomi --breaks 90,100,110,130 --weights ekonomi=2 --crs 3006");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto img = render::readPng(out);
    ASSERT_TRUE(img.ok());
    EXPECT_EQ(img.value().widthPx, 640);
    fs::remove(out);
}

TEST(MapOptions, OwnBoundaryFileLeavesOutTheBundledMalmoPointsInBothCommands) {
    const fs::path own = fs::temp_directory_path() / "geso_options_own";
    fs::create_directories(own);
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
        fs::copy_file(std::string(GESO_SOURCE_DIR) + "/geodata/geso_omraden" + ext, own / (std::string("GeSO") + ext),
                      fs::copy_options::overwrite_existing);
    const fs::path gpkg = own / "ut.gpkg";
    fs::remove(gpkg);
    CliResult r = run("export", "--out " + gpkg.string() + " --areas " + (own / "GeSO.shp").string());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(layersOf(gpkg), (std::set<std::string>{"geso_omraden", "indikatorer", "layer_styles"}));
    fs::remove(gpkg);
    // Named, they are written.
    r = run("export", "--out " + gpkg.string() + " --areas " + (own / "GeSO.shp").string() + " --initiatives " +
                          std::string(GESO_SOURCE_DIR) + "/geodata/pagaende_insatser.geojson");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(layersOf(gpkg), (std::set<std::string>{"geso_omraden", "indikatorer", "layer_styles", "pagaende_insatser"}));
    fs::remove_all(own);
}

TEST(MapOptions, ColumnsAndLayoutReadATableWithOtherColumnNames) {
    const fs::path dir = fs::temp_directory_path() / "geso_options_columns";
    fs::create_directories(dir);
    std::ifstream in(std::string(GESO_SOURCE_DIR) + "/geodata/indikatorer.csv");
    std::ofstream table(dir / "tabell.csv");
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] == '#') continue;
        if (header) line.replace(line.find("geso_kod"), 8, "Omr");  // no alias finds "Omr"
        header = false;
        table << line << "\n";
    }
    table.close();
    const std::string common = "--out " + (dir / "ut.csv").string() + " --indicators " + (dir / "tabell.csv").string();
    EXPECT_EQ(run("export", common).exitCode, 1);  // no area code column
    const CliResult r = run("export", common + " --columns code=Omr --layout wide");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir / "ut.csv"));
    fs::remove_all(dir);
}
