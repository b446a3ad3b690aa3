#include <catch2/catch.hpp>

#include "gazetteer/mention_finder.hpp"
#include "gazetteer_fixture.hpp"

using namespace incimap;

namespace {

std::vector<std::string> mentions(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& m : test::fixture_gazetteer().gazetteer->find_mentions(text)) {
        CHECK(text.substr(m.begin, m.end - m.begin) == m.text);
        CHECK_FALSE(m.places.empty());
        out.push_back(m.text);
    }
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("finds capitalised place names and their byte offsets", "[mentions]") {
    CHECK(mentions("Gunmen attacked a checkpoint near Palmyra on Tuesday.") == V{"Palmyra"});
    CHECK(mentions("Nothing happened in the town.").empty());
}

TEST_CASE("finds names starting with a hyphenated article", "[mentions]") {
    CHECK(mentions("Shelling hit al-Sukhnah and as-Suwayda overnight.") ==
          V{"al-Sukhnah", "as-Suwayda"});
}

TEST_CASE("prefers the longest name: Deir ez-Zor, not a shorter piece of it", "[mentions]") {
    CHECK(mentions("Convoys left Deir ez-Zor for Raqqa at dawn.") == V{"Deir ez-Zor", "Raqqa"});
    CHECK(mentions("Fighting spread to Dibsi Afnan.") == V{"Dibsi Afnan"});
}

TEST_CASE("finds Arabic names in Arabic text", "[mentions]") {
    CHECK(mentions("قصف على مدينة تدمر أمس") == V{"تدمر"});
}

TEST_CASE("does not join names across punctuation", "[mentions]") {
    CHECK(mentions("Palmyra, Raqqa.") == V{"Palmyra", "Raqqa"});
}

TEST_CASE("skips capitalised English words that are also village names", "[mentions]") {
    CHECK(MentionFinder::is_stop_phrase("The"));
    CHECK(MentionFinder::is_stop_phrase("MAY"));
    CHECK(MentionFinder::is_stop_phrase("Islamic State"));
    CHECK_FALSE(MentionFinder::is_stop_phrase("Palmyra"));
}

TEST_CASE("lower-case words are not names even when they spell one", "[mentions]") {
    CHECK(mentions("the palmyra road was closed").empty());
}

TEST_CASE("finds names from the supplement and the exonym table", "[mentions]") {
    CHECK(mentions("Drones struck Test Garrison twice.") == V{"Test Garrison"});
    CHECK(mentions("They met in Hims.") == V{"Hims"});
}

TEST_CASE("a possessive ending is not part of the name", "[mentions]") {
    CHECK(mentions("Palmyra's ruins and Raqqa’s bridges") == V{"Palmyra", "Raqqa"});
}

TEST_CASE("words in capitals are acronyms, not place names", "[mentions]") {
    CHECK(mentions("PALMYRA TADMUR").empty());
}

TEST_CASE("a name does not start or end on a stop word", "[mentions]") {
    CHECK(mentions("On Palmyra Tuesday") == V{"Palmyra"});
}

TEST_CASE("names of supplement features may end on lower-case words", "[mentions]") {
    CHECK(mentions("Traffic on the Test Desert Road stopped.") == V{"Test Desert Road"});
}

namespace {

std::vector<std::string> real_mentions(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& m : test::real_gazetteer().find_mentions(text)) out.push_back(m.text);
    return out;
}

}  // namespace

TEST_CASE("given names that are also villages are not places inside a person's name",
          "[mentions][real]") {
    // Hamza and Talal are villages of the gazetteer; here they are parts of people's names.
    REQUIRE(real_mentions("Fighters reached Hamza at noon.") == V{"Hamza"});
    CHECK(real_mentions("The cleric Abu Hamza spoke in Homs.") == V{"Homs"});
    CHECK(real_mentions("A rebel named Hamza al-Masri spoke in Homs.") == V{"Homs"});
    CHECK(real_mentions("Colonel Talal visited Homs.") == V{"Homs"});
}

TEST_CASE("a name beside a given name is part of a person's name", "[mentions][real]") {
    // Qasim is a spelling of the town Jasim, Jawad and Gilo fold to villages.
    CHECK(real_mentions("Gunmen shot Faris Qasim in Daraa.") == V{"Daraa"});
    CHECK(real_mentions("The mayor, Jawad Ahmad Jawad, was killed in Hama.") == V{"Hama"});
    CHECK(real_mentions("The boy Muhammad al-Hussein was taken to Homs.") == V{"Homs"});
    // "said" is the verb there, not the given name Said.
    CHECK(real_mentions("State media said Sayyida Zeinab was hit.") == V{"Sayyida Zeinab"});
}

TEST_CASE("names written with an ayn apostrophe, a cut article or Sheikh are found whole",
          "[mentions][real]") {
    CHECK(real_mentions("They shelled Nab\u2019 Al-Sakhr town.") == V{"Nab\u2019 Al-Sakhr"});
    CHECK(real_mentions("Barrel bombs hit Al- Hrak at dawn.") == V{"Al- Hrak"});
    CHECK(real_mentions("Police arrested ten men in Sheikh Meskin.") == V{"Sheikh Meskin"});
    // Alone, the article and the title are still no places.
    CHECK(real_mentions("Al said so.").empty());
    CHECK(real_mentions("The Sheikh spoke.").empty());
}

TEST_CASE("sentence-opening adverbs are not places", "[mentions][real]") {
    CHECK(real_mentions("Meanwhile, shelling hit Homs.") == V{"Homs"});
    CHECK(real_mentions("Separately, shelling hit Homs.") == V{"Homs"});
}
