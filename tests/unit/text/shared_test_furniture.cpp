// Page furniture on the real seed articles in ../shared/seeds: the story stays, the rest goes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "shared_data.hpp"
#include "text/sentences.hpp"

using incimap::Sentence;

namespace {

std::string read_seed(const std::string& prefix) {
    const auto dir = incimap::test::shared_dir() / "seeds";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename().string().starts_with(prefix)) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            return ss.str();
        }
    }
    FAIL("no seed starting with " << prefix << " in " << dir.string());
    return {};
}

bool has(const std::vector<Sentence>& sentences, std::string_view phrase) {
    return std::any_of(sentences.begin(), sentences.end(),
                       [&](const Sentence& s) { return s.text.find(phrase) != std::string::npos; });
}

void offsets_point_into(const std::string& text, const std::vector<Sentence>& sentences) {
    for (const auto& s : sentences) {
        INFO(s.text);
        CHECK(text.substr(s.offset, s.text.size()) == s.text);
    }
}

}  // namespace

TEST_CASE("seed 000 loses its Read more links and the embedded tweet", "[shared][furniture]") {
    if (!incimap::test::have_shared("seeds")) return;
    const std::string text = read_seed("000_");
    const auto s = incimap::news_sentences(text);
    offsets_point_into(text, s);
    CHECK_FALSE(has(s, "Read more"));
    CHECK_FALSE(has(s, "pic.twitter.com"));
    CHECK_FALSE(has(s, "@MayadeenEnglish"));
    CHECK_FALSE(has(s, "26,549"));
    REQUIRE_FALSE(s.empty());
    CHECK(s[0].headline);
    CHECK(s[0].text.find("landmine in Homs") != std::string::npos);
    CHECK(has(s, "explosion in the Homs countryside"));
    CHECK(has(s, "The US base at al-Tanf"));
    CHECK(has(s, "Semalka border crossing"));
}

TEST_CASE("seed 001 keeps the Homs story and cuts the Jenin story glued after it",
          "[shared][furniture]") {
    if (!incimap::test::have_shared("seeds")) return;
    const std::string text = read_seed("001_");
    const auto s = incimap::news_sentences(text);
    offsets_point_into(text, s);
    CHECK_FALSE(has(s, "Jenin"));
    CHECK_FALSE(has(s, "West Bank"));
    CHECK_FALSE(has(s, "Palestinian"));
    CHECK_FALSE(has(s, "Reuters file photo"));
    CHECK_FALSE(std::any_of(s.begin(), s.end(), [](const Sentence& x) { return x.text == "TT"; }));
    CHECK(std::count_if(s.begin(), s.end(), [](const Sentence& x) { return x.headline; }) == 1);
    CHECK(has(s, "al-Tayba area in al-Sukhna"));
    CHECK(has(s, "from Kabajib and al-Shoula to al-Sukhna"));
    CHECK(has(s, "633 ISIS members died"));
}

TEST_CASE("seed 002 keeps its title once and drops the source credit", "[shared][furniture]") {
    if (!incimap::test::have_shared("seeds")) return;
    const std::string text = read_seed("002_");
    const auto s = incimap::news_sentences(text);
    offsets_point_into(text, s);
    CHECK(std::count_if(s.begin(), s.end(), [](const Sentence& x) { return x.headline; }) == 1);
    CHECK_FALSE(has(s, "Source:"));
    CHECK(has(s, "southeast of the town of Dibsi Afnan"));
    CHECK(has(s, "Basateen area"));
}

TEST_CASE("seed 003 loses the donation block and the reader comments", "[shared][furniture]") {
    if (!incimap::test::have_shared("seeds")) return;
    const std::string text = read_seed("003_");
    const auto s = incimap::news_sentences(text);
    offsets_point_into(text, s);
    CHECK_FALSE(has(s, "Support SouthFront"));
    CHECK_FALSE(has(s, "2,500"));
    CHECK_FALSE(has(s, "Illustrative image"));
    CHECK_FALSE(has(s, "Notify of"));
    CHECK_FALSE(has(s, "Ziocorporate"));
    CHECK_FALSE(has(s, "SDF uniforms"));
    CHECK_FALSE(has(s, "Would love your thoughts"));
    REQUIRE_FALSE(s.empty());
    CHECK(s[0].headline);
    CHECK(has(s, "near the town of al-Sukhnah on June 23."));
    CHECK(has(s, "More efforts are clearly needed to contain this threat."));
}

TEST_CASE("seed 004 keeps its story and drops the source credit", "[shared][furniture]") {
    if (!incimap::test::have_shared("seeds")) return;
    const std::string text = read_seed("004_");
    const auto s = incimap::news_sentences(text);
    offsets_point_into(text, s);
    CHECK_FALSE(has(s, "Source: Rudaw"));
    CHECK(has(s, "near al-Sukhna city in the eastern countryside of Homs"));
    CHECK(std::count_if(s.begin(), s.end(), [](const Sentence& x) { return x.headline; }) == 1);
}
