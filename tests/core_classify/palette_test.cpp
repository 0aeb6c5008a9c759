#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/classify/palette.hpp"

using namespace geso::core;

namespace {

std::vector<std::string> hexes(const std::vector<Rgba>& colours) {
    std::vector<std::string> out;
    for (auto c : colours) out.push_back(toHex(c));
    return out;
}

}  // namespace

// The benchmark's legend: ColorBrewer YlOrRd, 5 classes.
TEST(Palette, YlOrRdFiveIsColorBrewers) {
    auto r = paletteColors("YlOrRd", 5);
    ASSERT_TRUE(r.ok()) << r.error().what;
    EXPECT_EQ(hexes(r.value()),
              (std::vector<std::string>{"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"}));
    EXPECT_EQ(r.value()[0].a, 255);
}

TEST(Palette, ReversedAndCaseInsensitive) {
    auto r = paletteColors("ylorrd", 5, true);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(hexes(r.value()),
              (std::vector<std::string>{"#bd0026", "#f03b20", "#fd8d3c", "#fecc5c", "#ffffb2"}));
}

TEST(Palette, DivergingRdBuOddHasNeutralMiddle) {
    auto r = paletteColors("RdBu", 5);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(hexes(r.value()),
              (std::vector<std::string>{"#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"}));
}

TEST(Palette, EveryPaletteHasEveryClassCount) {
    ASSERT_GE(listPalettes().size(), 19u);
    for (const auto& p : listPalettes()) {
        EXPECT_EQ(p.minK, 3);
        EXPECT_EQ(p.maxK, 9);
        for (int k = p.minK; k <= p.maxK; ++k) {
            auto r = paletteColors(p.id, k);
            ASSERT_TRUE(r.ok()) << p.id << " " << k;
            EXPECT_EQ(static_cast<int>(r.value().size()), k) << p.id;
            EXPECT_NE(r.value().front(), r.value().back()) << p.id;
        }
    }
}

TEST(Palette, DefaultsAreColourBlindSafeAndOfTheRightKind) {
    for (bool diverging : {false, true}) {
        const std::string id = defaultPalette(diverging);
        bool found = false;
        for (const auto& p : listPalettes()) {
            if (p.id != id) continue;
            found = true;
            EXPECT_TRUE(p.colorBlindSafe) << id;
            EXPECT_EQ(p.kind, diverging ? PaletteKind::Diverging : PaletteKind::Sequential) << id;
        }
        EXPECT_TRUE(found) << id;
    }
    for (const auto& p : listPalettes()) {
        if (p.id == "Spectral" || p.id == "RdYlGn") { EXPECT_FALSE(p.colorBlindSafe) << p.id; }
    }
}

TEST(Palette, ErrorsForUnknownIdAndClassCount) {
    EXPECT_FALSE(paletteColors("Viridis", 5).ok());
    EXPECT_FALSE(paletteColors("YlOrRd", 2).ok());
    EXPECT_FALSE(paletteColors("YlOrRd", 10).ok());
}

TEST(Palette, NoDataColourIsNotInAnyScheme) {
    const Rgba nd = noDataColor();
    for (const auto& p : listPalettes()) {
        if (p.id == "Greys" || p.id == "RdGy") continue;
        for (int k = 3; k <= 9; ++k) {
            const auto colours = paletteColors(p.id, k);
            ASSERT_TRUE(colours.ok());
            for (auto c : colours.value()) EXPECT_NE(c, nd) << p.id;
        }
    }
}

// The viewer and the CLI show whether a scheme is colour-blind safe (ColorBrewer's flags).
TEST(Palette, DisplayLabelSaysColourBlindSafety) {
    EXPECT_EQ(paletteDisplayLabel("RdBu", true), "RdBu (färgblindsäker)");
    EXPECT_EQ(paletteDisplayLabel("rdbu", false), "RdBu (colour-blind safe)");
    EXPECT_EQ(paletteDisplayLabel("Spectral", true), "Spectral (inte färgblindsäker)");
    EXPECT_EQ(paletteDisplayLabel("RdYlGn", false), "RdYlGn (not colour-blind safe)");
    EXPECT_EQ(paletteDisplayLabel("YlOrRd", false), "YlOrRd (colour-blind safe)");
    EXPECT_EQ(paletteDisplayLabel("Nope", true), "Nope");
    ASSERT_NE(findPalette("spectral"), nullptr);
    EXPECT_EQ(findPalette("spectral")->id, "Spectral");
    EXPECT_FALSE(findPalette("spectral")->colorBlindSafe);
    EXPECT_EQ(findPalette("nope"), nullptr);
}
