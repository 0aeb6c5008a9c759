#include <gtest/gtest.h>

#include <cmath>

#include "render/overlay/label_placement.hpp"

using namespace geso::render;

namespace {
const BoxPx kScreen{0, 0, 1920, 1080};
LabelCandidate at(float x, float y, float priority = 0, float tie = 0, float w = 100, float h = 20) {
    return {{x - w / 2, y - h / 2, x + w / 2, y + h / 2}, priority, tie};
}
}  // namespace

TEST(LabelPlacement, TwoLabelsAtTheSameSpotPlaceOne) {
    const auto placed = placeLabels({at(500, 500), at(500, 500)}, kScreen, {});
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0], 0);  // equal keys: the first one (stable)
}

TEST(LabelPlacement, HigherPriorityWinsThenLargerArea) {
    EXPECT_EQ(placeLabels({at(500, 500, 1), at(510, 505, 5)}, kScreen, {}), (std::vector<int>{1}));
    EXPECT_EQ(placeLabels({at(500, 500, 1, 10), at(510, 505, 1, 90)}, kScreen, {}), (std::vector<int>{1}));
}

TEST(LabelPlacement, SeparateLabelsAreAllPlacedInPriorityOrder) {
    const auto placed = placeLabels({at(100, 100, 1), at(400, 100, 3), at(700, 100, 2)}, kScreen, {});
    EXPECT_EQ(placed, (std::vector<int>{1, 2, 0}));
}

TEST(LabelPlacement, TouchingBoxesDoNotCollideButOverlappingOnesDo) {
    EXPECT_EQ(placeLabels({at(100, 100), at(200, 100)}, kScreen, {}).size(), 2u);  // edges meet at x = 150
    EXPECT_EQ(placeLabels({at(100, 100), at(199, 100)}, kScreen, {}).size(), 1u);
}

TEST(LabelPlacement, ObstaclesAndScreenEdgesBlockLabels) {
    const BoxPx legend{1500, 0, 1920, 600};
    const auto placed = placeLabels({at(1600, 300), at(100, 300), at(10, 300), at(900, 1075)}, kScreen, {legend});
    EXPECT_EQ(placed, (std::vector<int>{1}));  // under the legend, cut by the left and bottom edges
}

TEST(LabelPlacement, NonFiniteBoxesAndNaNPrioritiesAreSkippedSafely) {
    std::vector<LabelCandidate> c{at(NAN, 100), at(300, 300, NAN), at(300, 300, 0)};
    const auto placed = placeLabels(c, kScreen, {});
    EXPECT_EQ(placed, (std::vector<int>{2}));  // NaN priority sorts last, then collides
}

TEST(LabelPlacement, ManyCandidatesStayConsistent) {
    // A dense grid of overlapping labels: whatever is placed never overlaps.
    std::vector<LabelCandidate> c;
    for (int i = 0; i < 5000; ++i)
        c.push_back(at(static_cast<float>(60 + (i * 37) % 1800), static_cast<float>(20 + (i * 53) % 1040),
                       static_cast<float>(i % 7), static_cast<float>(i % 11)));
    const auto placed = placeLabels(c, kScreen, {});
    ASSERT_GT(placed.size(), 50u);
    for (size_t a = 0; a < placed.size(); ++a)
        for (size_t b = a + 1; b < placed.size(); ++b)
            ASSERT_FALSE(c[static_cast<size_t>(placed[a])].box.overlaps(c[static_cast<size_t>(placed[b])].box));
    // And it is maximal: every skipped in-bounds candidate overlaps a placed one.
    std::vector<bool> isPlaced(c.size());
    for (int p : placed) isPlaced[static_cast<size_t>(p)] = true;
    for (size_t i = 0; i < c.size(); ++i) {
        if (isPlaced[i] || !kScreen.contains(c[i].box)) continue;
        bool hit = false;
        for (int p : placed) hit = hit || c[i].box.overlaps(c[static_cast<size_t>(p)].box);
        EXPECT_TRUE(hit) << i;
    }
}

TEST(LabelPlacement, AlternativesOfOneLabelArePlacedAtMostOnceInRankOrder) {
    // Label A at 500,500; label B prefers the same spot, else 500,540 (below).
    std::vector<LabelCandidate> c{at(500, 500, 2), at(500, 500, 1), at(500, 540, 1)};
    c[1].group = c[2].group = 7;
    c[1].rank = 0;
    c[2].rank = 1;
    EXPECT_EQ(placeLabels(c, kScreen, {}), (std::vector<int>{0, 2}));
    // With room at the preferred spot, only rank 0 is used.
    c[0] = at(100, 100, 2);
    EXPECT_EQ(placeLabels(c, kScreen, {}), (std::vector<int>{0, 1}));
    // Ranks order alternatives even when listed backwards.
    std::swap(c[1].rank, c[2].rank);
    EXPECT_EQ(placeLabels(c, kScreen, {}), (std::vector<int>{0, 2}));
}

TEST(LabelPlacement, ABlockedLabelGetsInWhenItsBlockerCanMoveAside) {
    // A (high priority) takes 500,500 first; B has only that spot. A can also go to 500,560.
    std::vector<LabelCandidate> c{at(500, 500, 2), at(500, 560, 2), at(500, 500, 1)};
    c[0].group = c[1].group = 0;
    c[1].rank = 1;
    c[2].group = 1;
    EXPECT_EQ(placeLabels(c, kScreen, {}), (std::vector<int>{1, 2}));  // A moved, B placed
    // A's alternative is taken by a third label: nothing moves, nothing is dropped.
    c.push_back(at(500, 565, 3));
    EXPECT_EQ(placeLabels(c, kScreen, {}), (std::vector<int>{3, 0}));
    // Blocked by two labels (A, and one at 700,500 that B now reaches): no repair.
    c.back() = at(700, 500, 3);
    c[2].box.maxX = 720;
    EXPECT_EQ(placeLabels(c, kScreen, {}), (std::vector<int>{3, 0}));
}

TEST(LabelPlacement, LowerTiersArePlacedFirstWhateverTheirPriority) {
    std::vector<LabelCandidate> c{at(500, 500, 9), at(505, 500, 1)};
    c[0].tier = 1;
    EXPECT_EQ(placeLabels(c, kScreen, {}), (std::vector<int>{1}));
}
