#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "text/page_furniture.hpp"
#include "text/sentences.hpp"

using incimap::LineRole;
using incimap::news_sentences;
using incimap::Sentence;
using incimap::split_sentences;

namespace {

bool any_sentence_contains(const std::vector<Sentence>& sentences, std::string_view phrase) {
    return std::any_of(sentences.begin(), sentences.end(),
                       [&](const Sentence& s) { return s.text.find(phrase) != std::string::npos; });
}

// Invented page: a title shown twice, a caption shown twice, a widget label, two paragraphs of
// story, a link line, a donation block and a comment section.
const std::string kPage =
    "Shelling hits a market near Maarat al-Numan\n"
    "\n"
    "A burnt car stands near the market square. (Photo by A. Writer / AFP)\n"
    "A burnt car stands near the market square. (Photo by A. Writer / AFP)\n"
    "TT\n"
    "Shelling hits a market near Maarat al-Numan\n"
    "\n"
    "Three people were killed on Tuesday when shells struck a market in Maarat al-Numan. "
    "Lt. Gen. Example of the U.S. Army said the fire came from the south.\n"
    "Read more: Another report about something else\n"
    "Local medics said twelve more were wounded.\n"
    "Support ExampleFront\n"
    "2,500 $\n"
    "Source: Example Agency\n"
    "Notify of\n"
    "2 Comments\n"
    "A reader says the shelling came from somewhere else entirely.\n";

}  // namespace

TEST_CASE("splits a paragraph into sentences without breaking after abbreviations", "[sentences]") {
    const std::string p =
        "Gen. Smith met U.S. officials in Damascus. They spoke for an hour! Did it help? Nobody "
        "knows.";
    const auto s = split_sentences(p);
    REQUIRE(s.size() == 4);
    CHECK(s[0].text == "Gen. Smith met U.S. officials in Damascus.");
    CHECK(s[1].text == "They spoke for an hour!");
    CHECK(s[3].text == "Nobody knows.");
    for (const auto& sentence : s)
        CHECK(p.substr(sentence.offset, sentence.text.size()) == sentence.text);
}

TEST_CASE("splits sentences whose space after the full stop was lost", "[sentences]") {
    const std::string p =
        "The dead were farmers.An army source denied it.\xE2\x80\x9DWe hit a car in the village,\xE2\x80\x9D "
        "he said. Officials of the U.S.Army and e.g.Smith stay whole, as does site.com.";
    const auto s = split_sentences(p);
    REQUIRE(s.size() == 4);
    CHECK(s[0].text == "The dead were farmers.");
    CHECK(s[1].text == "An army source denied it.\xE2\x80\x9D");
    CHECK(s[2].text.starts_with("We hit a car"));
    CHECK(s[3].text.starts_with("Officials of the U.S.Army and e.g.Smith"));
    for (const auto& sentence : s)
        CHECK(p.substr(sentence.offset, sentence.text.size()) == sentence.text);
}

TEST_CASE("gives byte offsets into the original text even after non-ASCII characters",
          "[sentences]") {
    const std::string text =
        "Title with an accent: Dibsī ‘Afnān\n\n  Shells fell on Dibsī ‘Afnān. Two were hurt.\n";
    const auto s = news_sentences(text);
    REQUIRE(s.size() == 3);
    for (const auto& sentence : s) {
        INFO(sentence.text);
        CHECK(text.substr(sentence.offset, sentence.text.size()) == sentence.text);
    }
    CHECK(s[0].headline);
    CHECK(s[1].text == "Shells fell on Dibsī ‘Afnān.");
    CHECK(s[2].text == "Two were hurt.");
    CHECK(s[1].paragraph == 1);
    CHECK(s[2].paragraph == 1);
}

TEST_CASE("keeps the title once as a headline and the story sentences", "[sentences]") {
    const auto s = news_sentences(kPage);
    REQUIRE_FALSE(s.empty());
    CHECK(s[0].headline);
    CHECK(s[0].text == "Shelling hits a market near Maarat al-Numan");
    CHECK(std::count_if(s.begin(), s.end(), [](const Sentence& x) { return x.headline; }) == 1);
    CHECK(any_sentence_contains(s, "Three people were killed on Tuesday"));
    CHECK(any_sentence_contains(
        s, "Lt. Gen. Example of the U.S. Army said the fire came from the south."));
    CHECK(any_sentence_contains(s, "twelve more were wounded"));
    for (const auto& sentence : s)
        CHECK(kPage.substr(sentence.offset, sentence.text.size()) == sentence.text);
}

TEST_CASE("drops captions, widgets, links, donation buttons, credits and comments", "[sentences]") {
    const auto s = news_sentences(kPage);
    CHECK_FALSE(any_sentence_contains(s, "burnt car"));
    CHECK_FALSE(any_sentence_contains(s, "TT"));
    CHECK_FALSE(any_sentence_contains(s, "Read more"));
    CHECK_FALSE(any_sentence_contains(s, "Another report"));
    CHECK_FALSE(any_sentence_contains(s, "Support"));
    CHECK_FALSE(any_sentence_contains(s, "2,500"));
    CHECK_FALSE(any_sentence_contains(s, "Example Agency"));
    CHECK_FALSE(any_sentence_contains(s, "A reader says"));
    CHECK(s.size() == 4);
}

TEST_CASE("drops the text and signature of an embedded tweet", "[sentences]") {
    const std::string text =
        "Convoy hit on the desert road\n"
        "A convoy was ambushed on the desert road on Friday.\n"
        "Our thoughts are with the families #Syria pic.twitter.com/abc123XYZ\n"
        "\xE2\x80\x94 Some Outlet (@someoutlet) March 3, 2023\n"
        "Officials blamed a cell hiding in the desert.\n";
    const auto s = news_sentences(text);
    CHECK_FALSE(any_sentence_contains(s, "thoughts are with"));
    CHECK_FALSE(any_sentence_contains(s, "@someoutlet"));
    CHECK(any_sentence_contains(s, "Officials blamed a cell"));
}

TEST_CASE("cuts a second story whose title repeats after the first story's body", "[sentences]") {
    const std::string text =
        "Mortar fire kills two in Daraa\n"
        "Two civilians were killed by mortar fire in Daraa on Sunday.\n"
        "The source of the fire was not known.\n"
        "\n"
        "Harvest festival opens in a faraway town\n"
        "Visitors walk between the stalls. (Reuters file photo)\n"
        "Harvest festival opens in a faraway town\n"
        "The festival drew thousands of visitors on Saturday.\n";
    const auto lines = incimap::classify_lines(text);
    const auto s = news_sentences(text);
    CHECK(any_sentence_contains(s, "The source of the fire was not known."));
    CHECK_FALSE(any_sentence_contains(s, "Harvest"));
    CHECK_FALSE(any_sentence_contains(s, "festival drew thousands"));
    const auto festival = std::find_if(lines.begin(), lines.end(),
                                       [](const auto& l) { return l.text.starts_with("Harvest"); });
    REQUIRE(festival != lines.end());
    CHECK(festival->role == LineRole::other_story);
}

TEST_CASE("a photo credit shown under two pictures does not end the story", "[sentences]") {
    const std::string text =
        "Shells kill three farmers near a dam\n"
        "Three farmers were killed when shells hit their field near the dam.\n"
        "\n"
        "Photo by: Agency Archive\n"
        "Photo by: Agency Archive\n"
        "\n"
        "The farmers had gone out at dawn to water the crops.\n";
    const auto s = news_sentences(text);
    CHECK(any_sentence_contains(s, "gone out at dawn"));
}

TEST_CASE("a paragraph wrapped at a fixed width is read as one", "[sentences]") {
    const std::string text =
        "Bombs hit a market\n\n"
        "At least 12 people have been killed in suicide bomb\n"
        "attacks on a suburb of the city, state media say.\n"
        "Officials said the toll may rise.\n";
    const auto s = news_sentences(text);
    REQUIRE(s.size() == 3);
    CHECK(s[0].headline);
    CHECK(s[1].text == "At least 12 people have been killed in suicide bomb attacks on a suburb of the city, state media say.");
    CHECK_FALSE(s[1].headline);
    CHECK(text.substr(s[1].offset, 20) == s[1].text.substr(0, 20));
    CHECK(s[2].text == "Officials said the toll may rise.");
}

TEST_CASE("a cut-short breadcrumb and section labels around the story are furniture",
          "[sentences]") {
    // The label repeats further down the page, as site widgets do; the story must survive it.
    const std::string text =
        "Friday, May 5, 2023\n"
        "HomeNewsVictimsShepherd killed by a mine near the...\n"
        "Shepherd killed by a mine near the desert town, May 2, 2023\n"
        "Related News\n"
        "On May 2, 2023, a shepherd was killed by a mine near the desert town.\n"
        "Related News\n"
        "Other headline of the site\n";
    const auto s = news_sentences(text);
    CHECK(any_sentence_contains(s, "a shepherd was killed by a mine"));
    CHECK_FALSE(any_sentence_contains(s, "HomeNews"));
    CHECK_FALSE(any_sentence_contains(s, "Related News"));
}

TEST_CASE("keeps a short line of the story that does not repeat", "[sentences]") {
    const std::string text =
        "Clashes near Tadmur\n"
        "Fighting broke out near Tadmur overnight.\n"
        "Casualties unknown\n"
        "Residents said the clashes lasted until dawn.\n";
    const auto s = news_sentences(text);
    CHECK(any_sentence_contains(s, "Casualties unknown"));
    CHECK(any_sentence_contains(s, "lasted until dawn"));
    CHECK(s.size() == 4);
    CHECK(s[0].headline);
    CHECK_FALSE(s[2].headline);
}

TEST_CASE("treats a text without line breaks or title as one paragraph", "[sentences]") {
    const std::string text = "One was killed. Two were hurt.";
    const auto s = news_sentences(text);
    REQUIRE(s.size() == 2);
    CHECK_FALSE(s[0].headline);
    CHECK(s[1].offset == 16);
    CHECK(news_sentences("").empty());
    CHECK(news_sentences("\n\n  \n").empty());
}

TEST_CASE("handles Windows line endings", "[sentences]") {
    const std::string text = "A title\r\nThe body sentence is here.\r\nRead more: elsewhere\r\n";
    const auto s = news_sentences(text);
    REQUIRE(s.size() == 2);
    CHECK(s[0].text == "A title");
    CHECK(s[1].text == "The body sentence is here.");
}

TEST_CASE("keeps a whole-article line that only mentions a photo or a tweet in passing",
          "[sentences]") {
    // Some sources deliver the article as one line with the caption credit inside it.
    const std::string text =
        "Jets struck the eastern districts on Monday, leaving the streets in ruins. (File photo) "
        "After a quiet week the raids started again and at least nine people were killed, "
        "according to rescuers who spoke to reporters in the city, and more were missing under "
        "the rubble of three buildings. Activists posted pictures at pic.twitter.com/abcdef and "
        "the local council appealed for help with the search, saying it lacked fuel and machines "
        "to lift the concrete slabs from the collapsed houses in the old quarter of the city.";
    const auto s = news_sentences(text);
    CHECK(any_sentence_contains(s, "at least nine people were killed"));
    CHECK(s.size() >= 3);
}

TEST_CASE("finds the dateline that opens a report", "[text][sentences]") {
    using incimap::dateline_length;
    const std::string a = "BEIRUT (Reuters) - A bomb went off in a market.";
    CHECK(a.substr(dateline_length(a)) == "A bomb went off in a market.");
    const std::string b = "DEIR EZ-ZOR, Syria (North Press) \xE2\x80\x93 On Monday, a boy was hurt.";
    CHECK(b.substr(dateline_length(b)) == "On Monday, a boy was hurt.");
    const std::string c = "Damascus, Dec 27 (IANS) At least 17 militants died.";
    CHECK(c.substr(dateline_length(c)) == "At least 17 militants died.");
    const std::string d = "Hama, SANA - Two shells hit the market.";
    CHECK(d.substr(dateline_length(d)) == "Two shells hit the market.");
    const std::string e = "AFRIN, Syria: A car bomb killed eight.";
    CHECK(e.substr(dateline_length(e)) == "A car bomb killed eight.");
    const std::string f = "Aleppo,SANA- A device went off in the market.";
    CHECK(f.substr(dateline_length(f)) == "A device went off in the market.");
    const std::string g = "Raqqa, SANA_ Shells hit two villages.";
    CHECK(g.substr(dateline_length(g)) == "Shells hit two villages.");
    // A page's date label before it, and a dash glued to the next word after the bracket.
    const std::string h = "date 2023-10-05 ERBIL (Kurdistan 24) \xE2\x80\x93Seven soldiers died.";
    CHECK(h.substr(dateline_length(h)) == "Seven soldiers died.");
    // A colon glued to the first word.
    const std::string i = "AFP, Damascus :A drone killed two men.";
    CHECK(i.substr(dateline_length(i)) == "A drone killed two men.");
    // A short name and a dash before a capitalised word; the agency after a stray comma.
    const std::string j = "Raqqa \xE2\x80\x93 The police arrested two men.";
    CHECK(j.substr(dateline_length(j)) == "The police arrested two men.");
    const std::string k = "Local Monitor - Idlib: A shell hit a bakery.";
    CHECK(k.substr(dateline_length(k)) == "Idlib: A shell hit a bakery.");
    const std::string l = "Aleppo ,SANA \xE2\x80\x93 A mine went off.";
    CHECK(l.substr(dateline_length(l)) == "A mine went off.");
}

TEST_CASE("a prefix naming the event's area or a plain sentence is no dateline", "[text][sentences]") {
    using incimap::dateline_length;
    CHECK(dateline_length("Homs province: A herder was killed by a mine.") == 0);
    CHECK(dateline_length("Two soldiers were killed - the army said.") == 0);
    CHECK(dateline_length("On Monday, gunmen shot a guard near the mill.") == 0);
    CHECK(dateline_length("Raqqa - a quiet day.") == 0);
}
