#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "core/index/catalogue.hpp"
#include "test_support.hpp"

using namespace geso::core;

TEST(Catalogue, BundledFileHasFourDimensionsOfThree) {
    auto cat = loadCatalogue(std::string(GESO_SOURCE_DIR) + "/geodata/indikatorer.json");
    ASSERT_TRUE(cat.ok()) << cat.error().line();
    const Catalogue& c = cat.value();
    ASSERT_EQ(c.dimensions.size(), 4u);
    EXPECT_EQ(c.dimensions[0].id, "delaktighet");
    EXPECT_EQ(c.dimensions[1].id, "utbildning");
    EXPECT_EQ(c.dimensions[2].id, "ekonomi");
    EXPECT_EQ(c.dimensions[3].id, "boende");
    EXPECT_EQ(c.dimensions[3].nameEn, "Housing");
    ASSERT_EQ(c.indicators.size(), 12u);
    for (int d = 0; d < 4; ++d) EXPECT_EQ(c.indicatorsOf(d).size(), 3u);
    // Exactly one negative indicator: the share with at most compulsory schooling.
    int negatives = 0;
    for (const auto& i : c.indicators) {
        negatives += i.negative ? 1 : 0;
        EXPECT_EQ(i.unit, "%");
        EXPECT_FALSE(i.labelSv.empty());
    }
    EXPECT_EQ(negatives, 1);
    const int neg = c.indicatorIndex("utb_forgymnasial");
    ASSERT_GE(neg, 0);
    EXPECT_TRUE(c.indicators[static_cast<size_t>(neg)].negative);
    EXPECT_EQ(c.dimensionOf(neg), c.dimensionIndex("utbildning"));
    EXPECT_EQ(c.indicatorIndex("bo_agt_bostadsratt"), 11);
    EXPECT_EQ(c.indicatorIndex("nope"), -1);
    EXPECT_EQ(c.totalId, "total");
    EXPECT_EQ(c.totalNameSv, "Totalindex");
}

TEST(Catalogue, BundledPathFollowsDataDirEnvironment) {
    ::setenv("GESO_DATA_DIR", "/srv/geso-data", 1);
    EXPECT_EQ(bundledCatalogPath(), "/srv/geso-data/indikatorer.json");
    EXPECT_EQ(bundledIndicatorsPath(), "/srv/geso-data/indikatorer.csv");
    ::unsetenv("GESO_DATA_DIR");
    EXPECT_EQ(bundledCatalogPath(), std::string(GESO_SOURCE_DIR) + "/geodata/indikatorer.json");
    EXPECT_EQ(bundledIndicatorsPath(), std::string(GESO_SOURCE_DIR) + "/geodata/indikatorer.csv");
}

namespace {

std::string expectError(const std::string& json) {
    auto c = parseCatalogue(json, "test.json");
    EXPECT_FALSE(c.ok());
    if (c.ok()) return {};
    EXPECT_EQ(c.error().where, "test.json");
    return c.error().what;
}

const char* kInd =
    R"("name_sv":"n","name_en":"n","label_sv":"l","label_en":"l","unit":"%")";

}  // namespace

TEST(Catalogue, RejectsBadFiles) {
    EXPECT_NE(expectError("{ not json").find("not valid JSON"), std::string::npos);
    EXPECT_NE(expectError("[]").find("object"), std::string::npos);
    EXPECT_NE(expectError(R"({"dimensions": [], "indicators": []})").find("dimensions"), std::string::npos);

    const std::string dims = R"("dimensions":[{"id":"a","name_sv":"A","name_en":"A"},{"id":"b","name_sv":"B","name_en":"B"}])";
    // Dimension b has no indicator.
    EXPECT_NE(expectError("{" + dims + R"(,"indicators":[{"id":"x","dimension":"a","direction":"positive",)" + kInd + "}]}")
                  .find("dimension 'b' has no indicators"),
              std::string::npos);
    // Duplicate ids.
    EXPECT_NE(expectError("{" + dims + R"(,"indicators":[{"id":"x","dimension":"a","direction":"positive",)" + kInd +
                          R"(},{"id":"x","dimension":"b","direction":"positive",)" + kInd + "}]}")
                  .find("duplicate id 'x'"),
              std::string::npos);
    // An indicator may not reuse a dimension id either.
    EXPECT_NE(expectError("{" + dims + R"(,"indicators":[{"id":"a","dimension":"a","direction":"positive",)" + kInd +
                          R"(},{"id":"y","dimension":"b","direction":"positive",)" + kInd + "}]}")
                  .find("duplicate id 'a'"),
              std::string::npos);
    // Bad direction.
    EXPECT_NE(expectError("{" + dims + R"(,"indicators":[{"id":"x","dimension":"a","direction":"up",)" + kInd + "}]}")
                  .find("direction 'up'"),
              std::string::npos);
    // Unknown dimension.
    EXPECT_NE(expectError("{" + dims + R"(,"indicators":[{"id":"x","dimension":"zz","direction":"positive",)" + kInd + "}]}")
                  .find("unknown dimension 'zz'"),
              std::string::npos);
    // Missing name.
    EXPECT_NE(expectError("{" + dims + R"(,"indicators":[{"id":"x","dimension":"a","direction":"positive"}]})")
                  .find("name_sv"),
              std::string::npos);
    // Ids become column names: no spaces or capitals.
    EXPECT_NE(expectError("{" + dims + R"(,"indicators":[{"id":"X y","dimension":"a","direction":"positive",)" + kInd + "}]}")
                  .find("a-z"),
              std::string::npos);
    // Wrong types do not throw out of the module.
    EXPECT_FALSE(parseCatalogue(R"({"dimensions":[{"id":1}],"indicators":[1]})", "t").ok());
}

TEST(Catalogue, MissingFileIsAnError) {
    auto c = loadCatalogue("/nonexistent/indikatorer.json");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().where, "/nonexistent/indikatorer.json");
}
