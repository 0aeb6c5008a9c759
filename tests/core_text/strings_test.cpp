#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/text/strings.hpp"
#include "core/text/utf8.hpp"

using namespace geso::core;

namespace {

std::vector<StringId> allIds() {
    std::vector<StringId> ids;
    for (std::size_t i = 0; i < kStringCount; ++i) ids.push_back(static_cast<StringId>(i));
    return ids;
}

}  // namespace

TEST(Utf8Check, RejectsBrokenSequences) {
    EXPECT_TRUE(isValidUtf8("åäö – ≤"));
    EXPECT_FALSE(isValidUtf8("\xE5"));          // Latin-1 å
    EXPECT_FALSE(isValidUtf8("\xC3\xA5\xC3"));  // truncated
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));      // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));  // surrogate
}

TEST(Strings, EveryIdHasNonEmptySwedishAndEnglish) {
    ASSERT_GT(kStringCount, 100u);
    for (StringId id : allIds()) {
        EXPECT_FALSE(tr(id, Lang::Sv).empty()) << stringKey(id);
        EXPECT_FALSE(tr(id, Lang::En).empty()) << stringKey(id);
    }
}

TEST(Strings, AllTextIsValidUtf8AndNulTerminated) {
    for (StringId id : allIds()) {
        for (Lang lang : {Lang::Sv, Lang::En}) {
            const std::string_view s = tr(id, lang);
            EXPECT_TRUE(isValidUtf8(s)) << stringKey(id);
            EXPECT_EQ(std::string(trc(id, lang)), std::string(s)) << stringKey(id);
            EXPECT_EQ(s.find("..."), std::string_view::npos) << stringKey(id) << ": use … (U+2026)";
        }
    }
}

TEST(Strings, SwedishTextsCarryAringAumlOumlAsUtf8) {
    int withSwedishLetters = 0;
    for (StringId id : allIds()) {
        const std::string_view s = tr(id, Lang::Sv);
        for (const char* letter : {"å", "ä", "ö", "Å", "Ä", "Ö"}) {
            if (s.find(letter) != std::string_view::npos) { ++withSwedishLetters; break; }
        }
    }
    EXPECT_GT(withSwedishLetters, 30);
    EXPECT_EQ(tr(StringId::MenuOpenAreas, Lang::Sv), "\xC3\x96ppna gr\xC3\xA4nser\xE2\x80\xA6");
}

TEST(Strings, KeysAreUniqueAsciiAndFindable) {
    std::set<std::string> keys;
    for (StringId id : allIds()) {
        const std::string key(stringKey(id));
        EXPECT_TRUE(keys.insert(key).second) << "duplicate key " << key;
        for (char c : key) EXPECT_TRUE(static_cast<unsigned char>(c) < 0x80) << key;
        ASSERT_TRUE(findStringId(key).has_value()) << key;
        EXPECT_EQ(*findStringId(key), id);
    }
    EXPECT_FALSE(findStringId("no.such.key").has_value());
}

TEST(Strings, SwedishIsTheDefaultAndDiffersFromEnglish) {
    EXPECT_EQ(kDefaultLang, Lang::Sv);
    EXPECT_EQ(tr(StringId::MenuFile, Lang::Sv), "Arkiv");
    EXPECT_EQ(tr(StringId::MenuFile, Lang::En), "File");
    EXPECT_EQ(tr(StringId::PanelLegend, Lang::Sv), "Teckenförklaring");
    EXPECT_EQ(tr(StringId::ProvSchematicIllustrative, Lang::Sv), "Schematiska gränser · illustrativa värden");
    EXPECT_EQ(tr(StringId::IllustrativeNotice, Lang::Sv), "illustrativa värden, inte officiell statistik");
    EXPECT_EQ(tr(StringId::NormMinMax, Lang::Sv), "min\xE2\x80\x93max 0\xE2\x80\x93" "100");  // en dashes
    int differing = 0;
    for (StringId id : allIds()) differing += tr(id, Lang::Sv) != tr(id, Lang::En);
    EXPECT_GT(differing, static_cast<int>(kStringCount) * 3 / 4);
}

TEST(Strings, DialogMenuItemsEndWithEllipsisInBothLanguages) {
    for (StringId id : {StringId::MenuOpenAreas, StringId::MenuOpenIndicators, StringId::MenuExportGpkg,
                        StringId::MenuExportPng, StringId::MenuExportCsv}) {
        for (Lang lang : {Lang::Sv, Lang::En}) {
            const std::string_view s = tr(id, lang);
            ASSERT_GE(s.size(), 3u);
            EXPECT_EQ(s.substr(s.size() - 3), "\xE2\x80\xA6") << stringKey(id);
        }
    }
}

TEST(Strings, PlaceholdersMatchBetweenLanguages) {
    for (StringId id : allIds()) {
        for (const char* ph : {"{0}", "{1}", "{2}"}) {
            EXPECT_EQ(tr(id, Lang::Sv).find(ph) == std::string_view::npos,
                      tr(id, Lang::En).find(ph) == std::string_view::npos)
                << stringKey(id) << " " << ph;
        }
    }
}

TEST(TrFormat, FillsPlaceholdersInOrderGiven) {
    EXPECT_EQ(trFormat(StringId::ClassOf, Lang::Sv, {"2", "5"}), "Klass 2 av 5");
    EXPECT_EQ(trFormat(StringId::ClassOf, Lang::En, {"2", "5"}), "Class 2 of 5");
    EXPECT_EQ(trFormat(StringId::ErrorCouldNotRead, Lang::Sv, {"/tmp/å.csv"}), "Kunde inte läsa /tmp/å.csv");
}

TEST(TrFormat, MissingArgumentsStayVisible) {
    EXPECT_EQ(trFormat(StringId::ClassOf, Lang::Sv, {"2"}), "Klass 2 av {1}");
    EXPECT_EQ(trFormat(StringId::MenuFile, Lang::Sv, {"x"}), "Arkiv");
}

TEST(TrFormat, OutOfRangeIdFallsBackInsteadOfCrashing) {
    const auto bogus = static_cast<StringId>(60000);
    EXPECT_FALSE(tr(bogus, Lang::Sv).empty());
}
