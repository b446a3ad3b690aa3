// The real corpus of ../shared/corpus read as an analyst would: FA-KES CSVs, UCDP-AEC JSONL.
#include <catch2/catch.hpp>
#include <set>

#include "ingest_fixtures.hpp"

using namespace incimap;
using namespace incimap::test;

namespace {
IngestOptions fakes_mapping() {
    IngestOptions o;
    o.text_col = "article_content";
    o.id_col = "unit_id";
    o.date_col = "date";
    o.title_col = "article_title";
    return o;
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}
}  // namespace

TEST_CASE("the FA-KES CSV reads as 804 articles with ids and dates", "[shared][ingest]") {
    if (!have_shared()) return;
    const auto file = shared_dir() / "corpus" / "fa-kes" / "FA-KES-Dataset.csv";
    auto r = read_all({file}, fakes_mapping());
    REQUIRE(r.articles.size() == 804);
    CHECK(r.problems.empty());
    std::set<std::string> ids;
    for (const auto& a : r.articles) {
        ids.insert(a.id);
        CHECK(all_digits(a.id));
        REQUIRE(a.published);
        // README: article dates run from 2011-02-02 to 2018-07-18.
        CHECK(*a.published >= Date{2011, 2, 2});
        CHECK(*a.published <= Date{2018, 7, 18});
        CHECK(!a.title.empty());
        CHECK(a.text.size() > 50);
        CHECK(!a.source.empty());
    }
    CHECK(ids.size() == 792);  // the file itself repeats 12 unit ids on different rows
    CHECK(r.articles.front().origin == file.string() + ":2");
}

TEST_CASE("the Latin-1 annotated FA-KES CSV reads as the same 804 articles, decoded",
          "[shared][ingest]") {
    if (!have_shared()) return;
    const auto file = shared_dir() / "corpus" / "fa-kes" / "fakes_annotated.csv";
    auto r = read_all({file}, fakes_mapping());
    REQUIRE(r.articles.size() == 804);
    std::size_t dated = 0;
    for (const auto& a : r.articles) {
        if (a.published && *a.published >= Date{2011, 1, 1} && *a.published <= Date{2018, 12, 31}) ++dated;
    }
    CHECK(dated == 804);  // M/D/YY dates
    // One warning for the encoding, nothing skipped.
    REQUIRE(r.problems.size() == 1);
    CHECK_FALSE(r.problems[0].skipped);
    CHECK(r.problems[0].what.find("windows-1252") != std::string::npos);

    auto plain = read_all({shared_dir() / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"}, fakes_mapping());
    REQUIRE(plain.articles.size() == 804);
    for (std::size_t i = 0; i < 804; ++i) CHECK(r.articles[i].id == plain.articles[i].id);
}

TEST_CASE("the UCDP-AEC sample reads as 22 articles with numeric ids and source dates",
          "[shared][ingest]") {
    if (!have_shared()) return;
    const auto file = shared_dir() / "corpus" / "ucdp-aec" / "syria_validation_sample_with_text.jsonl";
    auto r = read_all({file});
    REQUIRE(r.articles.size() == 22);
    CHECK(r.problems.empty());
    bool found_worked_example = false;
    for (const auto& a : r.articles) {
        CHECK(all_digits(a.id));
        REQUIRE(a.published);
        // README: SOHR articles of 2021-01-05 to 2021-12-16.
        CHECK(*a.published >= Date{2021, 1, 5});
        CHECK(*a.published <= Date{2021, 12, 16});
        CHECK(!a.text.empty());
        if (a.id == "384566") {
            found_worked_example = true;
            CHECK(*a.published == Date{2021, 2, 22});
            CHECK(a.origin == file.string() + ":1");
        }
    }
    CHECK(found_worked_example);
}

TEST_CASE("the seed articles read as five text articles", "[shared][ingest]") {
    if (!have_shared()) return;
    auto r = read_all({shared_dir() / "seeds"});
    REQUIRE(r.articles.size() == 5);
    CHECK(r.problems.empty());
    CHECK(r.articles[0].id == "000_324a0c51ec3bc072");
    for (const auto& a : r.articles) CHECK(!a.title.empty());
}
