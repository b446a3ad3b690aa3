#include <catch2/catch.hpp>

#include "text/numbers.hpp"

using incimap::find_quantities;
using incimap::parse_cardinal;

TEST_CASE("reads cardinals in digits and in words", "[text][numbers]") {
    CHECK(parse_cardinal("15") == 15);
    CHECK(parse_cardinal("1,199") == 1199);
    CHECK(parse_cardinal("Six") == 6);
    CHECK(parse_cardinal("Sixty-one") == 61);
    CHECK(parse_cardinal("twelve") == 12);
    CHECK_FALSE(parse_cardinal("sixty-ten"));
    CHECK_FALSE(parse_cardinal("soldiers"));
}

TEST_CASE("finds counts with their spans in a sentence", "[text][numbers]") {
    const std::string s = "Three officers and 12 guards were hurt near the depot.";
    auto q = find_quantities(s);
    REQUIRE(q.size() == 2);
    CHECK(q[0].value == 3);
    CHECK(s.substr(q[0].begin, q[0].end - q[0].begin) == "Three");
    CHECK(q[1].value == 12);
    CHECK_FALSE(q[1].vague);
}

TEST_CASE("joins multi-word numbers into one quantity", "[text][numbers]") {
    auto q = find_quantities("twenty one people and two hundred homes");
    REQUIRE(q.size() == 2);
    CHECK(q[0].value == 21);
    CHECK(q[1].value == 200);
}

TEST_CASE("keeps the reported figure as best value behind hedges", "[text][numbers]") {
    auto q = find_quantities("at least 30 died, more than 370 were hurt, nearly 40 fled");
    REQUIRE(q.size() == 3);
    CHECK(q[0].value == 30);
    CHECK(q[0].low == 30);
    CHECK(q[0].high > 30);
    CHECK(q[0].vague);
    CHECK(q[1].value == 370);
    CHECK(q[1].low == 371);
    CHECK(q[2].value == 40);
    CHECK(q[2].low < 40);
    CHECK(q[2].high == 40);
}

TEST_CASE("codes vague words at the low end of their range", "[text][numbers]") {
    auto q = find_quantities("dozens of guards and several drivers and a number of cooks");
    REQUIRE(q.size() == 3);
    CHECK(q[0].value == 24);
    CHECK(q[0].high > q[0].low);
    CHECK(q[0].vague);
    CHECK(q[1].value == 3);
    CHECK(q[1].low == 3);
    CHECK(q[2].value == 2);
    auto dozen = find_quantities("a dozen riders");
    REQUIRE(dozen.size() == 1);
    CHECK(dozen[0].value == 12);
    CHECK_FALSE(dozen[0].vague);
}

TEST_CASE("skips years, distances and money", "[text][numbers]") {
    CHECK(find_quantities("in 2019 it moved 20 km east and paid $207 million").empty());
    auto q = find_quantities("in 2019, 4 guards");
    REQUIRE(q.size() == 1);
    CHECK(q[0].value == 4);
    // ages and spans of time
    CHECK(find_quantities("her 5 year-old son, a 12-year-old girl, two days, three years old").empty());
}

TEST_CASE("no one is nobody, not a count of one", "[text][numbers]") {
    CHECK(find_quantities("No one was hurt when the shell fell").empty());
    const auto q = find_quantities("one guard was hurt and no one else");
    REQUIRE(q.size() == 1);
    CHECK(q[0].value == 1);
}

TEST_CASE("reads half a million as one vague quantity", "[text][numbers]") {
    auto q = find_quantities("about half a million people");
    REQUIRE(q.size() == 1);
    CHECK(q[0].value == 500000);
}
