// Point symbols by category: the one styling the viewer, `render` and the
// QGIS export share.
#include <gtest/gtest.h>

#include <numeric>
#include <set>
#include <utility>

#include "core/project/point_symbology.hpp"
#include "core/project/project.hpp"

using namespace geso::core;

namespace {

PointLayer layerWith(const std::string& column, std::vector<std::string> values) {
    PointLayer l;
    Column c;
    c.name = column;
    c.type = FieldType::Text;
    for (auto& v : values) {
        c.isNull.push_back(v == "<null>");
        c.text.push_back(v == "<null>" ? "" : v);
        l.fid.push_back(static_cast<int64_t>(l.fid.size()));
        l.xy.push_back({static_cast<double>(l.xy.size()), 0});
    }
    l.columns.push_back(std::move(c));
    return l;
}

}  // namespace

TEST(PointSymbology, BundledInitiativesGetOneDistinctSymbolPerTheme) {
    const Result<Project> p = loadProject({});
    ASSERT_TRUE(p.ok()) << p.error().line();
    ASSERT_TRUE(p.value().initiatives.has_value());
    const PointLayer& layer = *p.value().initiatives;
    const PointSymbology s = symbolizePoints(layer, PointLayerKind::Initiatives);
    EXPECT_EQ(s.fields.category, "tema");
    EXPECT_EQ(s.fields.name, "namn");
    EXPECT_EQ(s.fields.responsible, "ansvarig");
    EXPECT_EQ(s.fields.status, "status");
    ASSERT_EQ(s.categories.size(), 7u);  // fritid, skola, trygghet, arbete, boende, kultur, föräldrastöd
    EXPECT_EQ(s.categories.front().value, "arbete");
    EXPECT_EQ(s.categories.back().value, "trygghet");
    std::set<std::pair<int, uint32_t>> looks;
    int total = 0;
    for (const PointCategory& c : s.categories) {
        looks.insert({static_cast<int>(c.shape), (uint32_t{c.fill.r} << 16) | (uint32_t{c.fill.g} << 8) | c.fill.b});
        total += c.count;
    }
    EXPECT_EQ(looks.size(), s.categories.size());
    EXPECT_EQ(total, static_cast<int>(layer.featureCount()));
    ASSERT_EQ(s.categoryOf.size(), layer.featureCount());
}

TEST(PointSymbology, TrygghetAreasAreHollowShapesByType) {
    const Result<Project> p = loadProject({});
    ASSERT_TRUE(p.ok()) << p.error().line();
    const PointSymbology s = symbolizePoints(*p.value().trygghet, PointLayerKind::Trygghet);
    EXPECT_EQ(s.fields.category, "typ");
    EXPECT_EQ(s.fields.year, "ar");
    ASSERT_GE(s.categories.size(), 2u);
    std::set<int> shapes;
    for (const PointCategory& c : s.categories) {
        shapes.insert(static_cast<int>(c.shape));
        EXPECT_EQ(c.fill.r, 255);  // hollow: a white fill, the type in the outline's shape
        EXPECT_NE(c.stroke.r, c.fill.r);
    }
    EXPECT_EQ(shapes.size(), s.categories.size());
}

TEST(PointSymbology, SymbolsDoNotDependOnRowOrder) {
    const PointSymbology a = symbolizePoints(layerWith("Tema", {"skola", "arbete", "kultur"}), PointLayerKind::Initiatives);
    const PointSymbology b = symbolizePoints(layerWith("Tema", {"kultur", "skola", "arbete"}), PointLayerKind::Initiatives);
    ASSERT_EQ(a.categories.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(a.categories[i].value, b.categories[i].value);
        EXPECT_EQ(a.categories[i].shape, b.categories[i].shape);
        EXPECT_EQ(a.categories[i].fill, b.categories[i].fill);
    }
    EXPECT_EQ(a.categoryOf, (std::vector<int>{2, 0, 1}));  // arbete, kultur, skola
    EXPECT_EQ(b.categoryOf, (std::vector<int>{1, 2, 0}));
}

TEST(PointSymbology, PointsWithoutACategoryComeLastAsGreyCircles) {
    const PointSymbology s =
        symbolizePoints(layerWith("theme", {"<null>", "skola", "", "arbete"}), PointLayerKind::Initiatives);
    ASSERT_EQ(s.categories.size(), 3u);
    EXPECT_EQ(s.categories[2].value, "");
    EXPECT_EQ(s.categories[2].count, 2);
    EXPECT_EQ(s.categories[2].shape, MarkerShape::Circle);
    EXPECT_EQ(s.categories[2].fill, (Rgba{160, 160, 160, 255}));
    EXPECT_EQ(s.categoryOf, (std::vector<int>{2, 1, 2, 0}));
}

TEST(PointSymbology, LayerWithoutCategoryColumnIsOneSymbol) {
    const PointSymbology s = symbolizePoints(layerWith("beskrivning", {"a", "b"}), PointLayerKind::Trygghet);
    EXPECT_EQ(s.fields.category, "");
    ASSERT_EQ(s.categories.size(), 1u);
    EXPECT_EQ(s.categories[0].count, 2);
}

TEST(PointSymbology, CellTextWritesWholeNumbersWithoutDecimals) {
    Column c;
    c.type = FieldType::Integer;
    c.num = {2019, NAN, 2.5};
    c.isNull = {false, true, false};
    EXPECT_EQ(cellText(c, 0), "2019");
    EXPECT_EQ(cellText(c, 1), "");
    EXPECT_EQ(cellText(c, 2), "2.5");
}
