// Each input format read from the fixtures in tests/data/ingest.
#include <catch2/catch.hpp>

#include "ingest/format_readers.hpp"
#include "ingest/html_page.hpp"
#include "ingest_fixtures.hpp"

using namespace incimap;
using namespace incimap::test;

namespace {
const Article* by_id(const ReadResult& r, std::string_view id) {
    for (const auto& a : r.articles)
        if (a.id == id) return &a;
    return nullptr;
}
bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}
}  // namespace

TEST_CASE("a plain text file is one article named after the file, titled by its first line",
          "[ingest][text]") {
    IngestOptions options;
    options.published = Date{2020, 1, 7};
    auto r = read_all({fixtures() / "articles" / "01_checkpoint.txt"}, options);
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];
    CHECK(a.id == "01_checkpoint");
    CHECK(a.title == "Mortar fire hits checkpoint near Example Town");
    CHECK(contains(a.text, "Two guards were hurt"));
    CHECK(a.published == Date{2020, 1, 7});
    CHECK(a.origin == (fixtures() / "articles" / "01_checkpoint.txt").string());
    CHECK(r.problems.empty());
}

TEST_CASE("a folder is read recursively in path order with unsupported files reported",
          "[ingest][folder]") {
    auto r = read_all({fixtures() / "articles"});
    std::vector<std::string> ids;
    for (const auto& a : r.articles) ids.push_back(a.id);
    CHECK(ids == std::vector<std::string>{"01_checkpoint", "feed-1", "4711", "feed-5", "02_market",
                                          "page"});
    // table.csv has no "text" column under the default options: skipped, columns listed.
    const InputProblem* csv = r.problem_at("table.csv");
    REQUIRE(csv);
    CHECK(contains(csv->what, "row_id, headline, body, day, source"));
    const InputProblem* rtf = r.problem_at("minutes.rtf");
    REQUIRE(rtf);
    CHECK(rtf->skipped);
    CHECK(contains(rtf->what, ".rtf"));
    CHECK_FALSE(r.problem_at(".hidden"));
    // Reading the same folder twice gives the same order: output must not depend on readdir.
    auto again = read_all({fixtures() / "articles"});
    REQUIRE(again.articles.size() == r.articles.size());
    for (std::size_t i = 0; i < r.articles.size(); ++i) CHECK(again.articles[i].id == r.articles[i].id);
}

TEST_CASE("a Markdown heading mark is not part of the title", "[ingest][text]") {
    auto r = read_all({fixtures() / "articles" / "nested" / "02_market.md"});
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Blast at a vegetable market in Sample Village");
}

TEST_CASE("a title is a headline: page widgets, prices and counters are passed over",
          "[ingest][title]") {
    CHECK(ingest::looks_like_headline("ISIS Terrorists Kill, Injure Several Syrian Soldiers"));
    CHECK(ingest::looks_like_headline("6 Syrians killed in ISIS leftover landmine in Homs"));
    CHECK(ingest::looks_like_headline("مقتل ستة مدنيين في حمص"));
    for (const char* widget : {"0 $", "2,500 $", "100 $", "12:45", "2023-03-13", "| | |", "—", ""})
        CHECK_FALSE(ingest::looks_like_headline(widget));

    TempDir dir("titles");
    // The opening of a scraped page, as in the shared seeds: a donation widget, then the headline.
    std::ofstream(dir.path() / "scraped.txt")
        << "0 $\n2,500 $\n5,000 $\n\nISIS Terrorists Kill, Injure Several Syrian Soldiers\n\n"
           "On June 25, two soldiers were killed near al-Sukhnah.\n";
    std::ofstream(dir.path() / "feed.jsonl")
        << R"({"id": "w1", "title": "0 $", "text": "Shelling hits a school\nTwo were hurt."})"
        << "\n";
    auto r = read_all({dir.path() / "scraped.txt", dir.path() / "feed.jsonl"});
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].title == "ISIS Terrorists Kill, Injure Several Syrian Soldiers");
    CHECK(r.articles[1].title == "Shelling hits a school");

    const auto page = ingest::parse_html_page(
        R"(<html><head><meta property="og:title" content="0 $"><title>Raid on a farm</title>)"
        R"(</head><body><h1>12:45</h1><p>Text.</p></body></html>)");
    CHECK(page.title == "Raid on a farm");
}

TEST_CASE("JSON Lines records carry their fields and a malformed line does not stop the file",
          "[ingest][jsonl]") {
    const auto file = fixtures() / "articles" / "feed.jsonl";
    IngestOptions options;
    options.published = Date{1999, 1, 1};
    auto r = read_all({file}, options);
    REQUIRE(r.articles.size() == 3);

    const Article* first = by_id(r, "feed-1");
    REQUIRE(first);
    CHECK(first->title == "Convoy stopped on the desert road");
    CHECK(first->published == Date{2021, 3, 14});
    CHECK(first->source == "Example Wire");
    CHECK(first->url == "https://example.org/feed-1");
    CHECK(first->origin == file.string() + ":1");

    const Article* numeric = by_id(r, "4711");
    REQUIRE(numeric);
    CHECK(numeric->published == Date{2021, 4, 2});  // from source_date
    CHECK(numeric->title == "A drone struck a vehicle outside Test City, killing its driver.");

    const Article* last = by_id(r, "feed-5");
    REQUIRE(last);
    CHECK(last->published == Date{2021, 5, 9});
    CHECK_FALSE(contains(last->text, "\r"));
    CHECK(last->origin == file.string() + ":6");

    const InputProblem* broken = r.problem_at("feed.jsonl:3");
    REQUIRE(broken);
    CHECK(broken->skipped);
    CHECK(contains(broken->what, "malformed JSON"));
    const InputProblem* no_text = r.problem_at("feed.jsonl:4");
    REQUIRE(no_text);
    CHECK(contains(no_text->what, "missing field 'text'"));
}

TEST_CASE("JSON Lines without a date field take the --published date", "[ingest][jsonl]") {
    TempDir dir;
    const auto file = dir.write("d.jsonl", R"({"id": "x", "text": "Some words."})" "\n");
    IngestOptions options;
    options.published = Date{2022, 8, 1};
    auto r = read_all({file}, options);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].published == Date{2022, 8, 1});
}

TEST_CASE("JSON Lines fields follow the column options", "[ingest][jsonl]") {
    TempDir dir;
    const auto file =
        dir.write("m.jsonl", R"({"key": "k1", "body": "Words here.", "when": "7/4/2018"})" "\n");
    IngestOptions options;
    options.id_col = "key";
    options.text_col = "body";
    options.date_col = "when";
    auto r = read_all({file}, options);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "k1");
    CHECK(r.articles[0].published == Date{2018, 7, 4});
}

TEST_CASE("CSV rows are read through the column mapping, quoted line breaks included",
          "[ingest][csv]") {
    const auto file = fixtures() / "articles" / "table.csv";
    IngestOptions options;
    options.text_col = "body";
    options.id_col = "row_id";
    options.date_col = "day";
    options.title_col = "headline";
    auto r = read_all({file}, options);
    REQUIRE(r.articles.size() == 2);
    const Article& a = r.articles[0];
    CHECK(a.id == "t-1");
    CHECK(a.title == "Shelling of a hill village");
    CHECK(a.text == "Shells fell on the hill village overnight.\nThree houses were damaged, and one man was injured.");
    CHECK(a.published == Date{2019, 3, 7});
    CHECK(a.source == "Example Wire");
    CHECK(a.origin == file.string() + ":2");
    const Article& b = r.articles[1];
    CHECK(b.title == "Arrests after a raid, officials say");
    CHECK(contains(b.text, "\"at least five\""));
    CHECK(b.published == Date{2019, 6, 15});
    const InputProblem* empty = r.problem_at("table.csv:4");
    REQUIRE(empty);
    CHECK(empty->what == "empty text");
}

TEST_CASE("a CSV column that was asked for but is missing names the file and the columns",
          "[ingest][csv]") {
    const auto file = fixtures() / "articles" / "table.csv";
    IngestOptions options;
    options.text_col = "article_content";
    auto r = read_all({file}, options);
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == file.string());
    CHECK(contains(r.problems[0].what, "article_content"));
    CHECK(contains(r.problems[0].what, "row_id, headline, body, day, source"));
}

TEST_CASE("a CSV without an id column numbers its rows", "[ingest][csv]") {
    TempDir dir;
    const auto file = dir.write("noid.csv", "text,source\nFirst report.,A\nSecond report.,B\n");
    auto r = read_all({file});
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "noid-2");
    CHECK(r.articles[1].id == "noid-3");
    CHECK(r.articles[1].source == "B");
    CHECK(r.problems.empty());
}

TEST_CASE("a one-column CSV is refused with the reason", "[ingest][csv]") {
    TempDir dir;
    auto r = read_all({dir.write("one.csv", "text\nFirst report.\n")});
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].what.find("two or more columns") != std::string::npos);
}

TEST_CASE("a CSV with an unclosed quote does not deliver the rest of the file as one text",
          "[ingest][csv]") {
    TempDir dir;
    const auto file = dir.write("q.csv", "id,text\n1,\"never closed\n2,next\n3,more\n");
    auto r = read_all({file});
    // GDAL would take the rest of the file into the open field; that row is refused instead,
    // and the lines after it are rows again.
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].text == "next");
    CHECK(r.articles[1].text == "more");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == file.string() + ":2");
    CHECK(r.problems[0].skipped);
}

TEST_CASE("a CSV file with a byte order mark and CRLF line ends reads its first column",
          "[ingest][csv]") {
    TempDir dir;
    const auto file = dir.write("bom.csv", "\xef\xbb\xbfid,text\r\nb1,\"Line one\r\nLine two\"\r\n");
    auto r = read_all({file});
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "b1");
    CHECK(r.articles[0].text == "Line one\nLine two");
}

TEST_CASE("an HTML page keeps the story and drops navigation, share bars and comments",
          "[ingest][html]") {
    auto r = read_all({fixtures() / "articles" / "page.html"});
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];
    CHECK(a.id == "page");
    CHECK(a.title == "Car bomb kills two in Example Town");
    CHECK(a.published == Date{2020, 11, 5});
    CHECK(a.url == "https://example.org/news/car-bomb");
    CHECK(a.source == "The Example Post");
    CHECK(contains(a.text, "A car bomb went off near the grain silo of Example Town on Thursday, killing two people."));
    CHECK(contains(a.text, "\nPolice closed the road for the rest of the day."));
    for (std::string_view furniture : {"Home", "Share on", "Flood warnings", "Notify of",
                                       "Most read", "All rights", "tracking", "color"})
        CHECK_FALSE(contains(a.text, furniture));
    CHECK(r.problems.empty());
}

TEST_CASE("an HTML fragment without head or body still gives its text", "[ingest][html]") {
    auto page = ingest::parse_html_page("<p>First paragraph<p>Second <i>one</i>");
    CHECK(page.text == "First paragraph\nSecond one");
    CHECK(page.title.empty());
}

TEST_CASE("HTML metadata is found in JSON-LD when meta tags are absent", "[ingest][html]") {
    auto page = ingest::parse_html_page(
        R"(<html><head><title>Site</title><script type="application/ld+json">)"
        R"({"@graph": [{"@type": "NewsArticle", "headline": "Raid on a farm", "datePublished": "2019-02-03"}]})"
        R"(</script></head><body><p>Text.</p></body></html>)");
    CHECK(page.title == "Raid on a farm");
    CHECK(page.published == "2019-02-03");
    CHECK(page.text == "Text.");
}

TEST_CASE("broken HTML is recovered and <pre> keeps its line breaks", "[ingest][html]") {
    auto page = ingest::parse_html_page(
        "<html><body><div><p>Open <b>bold<pre>a  b\nc</pre><br>after</div></span></body>");
    CHECK(contains(page.text, "Open bold"));
    CHECK(contains(page.text, "a b\nc"));
    CHECK(contains(page.text, "after"));
}

TEST_CASE("a paragraph after 300 or 5000 unclosed divs is read, and so is the text after it",
          "[ingest][html][hostile]") {
    for (const int depth : {300, 5000, 100000}) {
        std::string html = "<html><head><title>Deep</title></head><body><p>Before.</p>";
        for (int i = 0; i < depth; ++i) html += "<div>";
        html += "<p>Shelling hit Kafr Nabl on Monday.</p><pre>a\nb</pre>";
        for (int i = 0; i < depth; ++i) html += "</div>";
        html += "<p>After.</p></body></html>";
        const auto page = ingest::parse_html_page(html);
        INFO(depth);
        CHECK(page.title == "Deep");
        CHECK(page.text == "Before.\nShelling hit Kafr Nabl on Monday.\na\nb\nAfter.");
    }
}

TEST_CASE("a file named on its own without a known extension is recognised by its content",
          "[ingest][folder]") {
    TempDir dir;
    auto json = dir.write("feed.out", R"({"id": "j", "text": "From a feed."})" "\n");
    auto html = dir.write("page.bin", "<!DOCTYPE html><html><body><p>From a page.</p></body></html>");
    auto text = dir.write("NOTES", "Just words.\n");
    auto r = read_all({json, html, text});
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[0].id == "j");
    CHECK(r.articles[1].text == "From a page.");
    CHECK(r.articles[2].id == "NOTES");
    // The same files inside a folder are not guessed at: a folder may hold anything.
    auto in_folder = read_all({dir.path()});
    CHECK(in_folder.articles.empty());
    CHECK(in_folder.problems.size() == 3);
}

TEST_CASE("JSON Lines values that are not objects are problems and nested fields are ignored",
          "[ingest][jsonl]") {
    TempDir dir;
    const auto file = dir.write("n.jsonl",
                                "[1, 2]\n"
                                "42\n"
                                R"({"id": "n", "meta": {"text": "inner", "id": "x"}, "tags": ["a"], "text": "outer"})" "\n"
                                R"({"id": "m", "text": "late"} trailing)" "\n");
    auto r = read_all({file});
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "n");
    CHECK(r.articles[0].text == "outer");
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].what == "expected a JSON object, found array");
    CHECK(r.problems[1].what == "expected a JSON object, found number");
    CHECK(r.problems[2].where == file.string() + ":4");
    CHECK(r.problems[2].what.rfind("malformed JSON", 0) == 0);
}
