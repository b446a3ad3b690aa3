#include <catch2/catch.hpp>

#include "core/date.hpp"

using incimap::Date;

TEST_CASE("parses ISO dates and rejects impossible ones", "[core][date]") {
    REQUIRE(Date::parse_iso("2022-03-07") == Date{2022, 3, 7});
    CHECK_FALSE(Date::parse_iso("2022-02-30"));
    CHECK_FALSE(Date::parse_iso("2022-3-7"));
    CHECK_FALSE(Date::parse_iso("not a date"));
}

TEST_CASE("day arithmetic crosses months, years and leap days", "[core][date]") {
    CHECK(Date{2021, 12, 31}.plus_days(1) == Date{2022, 1, 1});
    CHECK(Date{2024, 3, 1}.plus_days(-1) == Date{2024, 2, 29});
    CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
    CHECK(Date::from_days(Date{2022, 6, 25}.days_since_epoch()) == Date{2022, 6, 25});
}

TEST_CASE("knows the weekday of a date", "[core][date]") {
    CHECK(Date{2022, 6, 25}.weekday() == 6);  // a Saturday
    CHECK(Date{1970, 1, 1}.weekday() == 4);   // a Thursday
    CHECK(Date{2025, 1, 5}.weekday() == 0);   // a Sunday
}
