#include <gtest/gtest.h>

#include "core/project/area_names.hpp"

using geso::core::shortAreaName;

TEST(AreaNames, ShortFormKeepsTheFirstPlace) {
    EXPECT_EQ(shortAreaName("Lindeborg, Borgmästaregården m fl", true), "Lindeborg m fl");
    EXPECT_EQ(shortAreaName("Lindeborg, Borgmästaregården m fl", false), "Lindeborg");
    EXPECT_EQ(shortAreaName("Västra hamnen, Gamla staden", true), "Västra hamnen");
    EXPECT_EQ(shortAreaName("Rosengård", true), "Rosengård");
    EXPECT_EQ(shortAreaName(", x", true), ", x");
}
