#include <gtest/gtest.h>

#include "core/text/lang.hpp"

using namespace geso::core;

TEST(ParseLang, AcceptsCodesLocalesAndNames) {
    for (const char* s : {"sv", "SV", "sv_SE", "sv-SE", "sv_SE.UTF-8", "sv_FI@euro", " sv ", "svenska", "Swedish"})
        EXPECT_EQ(parseLang(s), Lang::Sv) << s;
    for (const char* s : {"en", "EN", "en_GB", "en-US.UTF-8", "english", "Engelska"})
        EXPECT_EQ(parseLang(s), Lang::En) << s;
}

TEST(ParseLang, RejectsEverythingElse) {
    for (const char* s : {"", " ", "de", "fi", "s", "svx", "sve", "eng", "enx", "C", "POSIX", "e n"})
        EXPECT_FALSE(parseLang(s).has_value()) << '"' << s << '"';
}

TEST(ParseLang, RoundTripsThroughLangCode) {
    for (Lang lang : {Lang::Sv, Lang::En}) EXPECT_EQ(parseLang(langCode(lang)), lang);
    EXPECT_EQ(langCode(Lang::Sv), "sv");
    EXPECT_EQ(langCode(Lang::En), "en");
}
