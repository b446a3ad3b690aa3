#include <catch2/catch.hpp>

#include "ingest/reader.hpp"

using incimap::Date;
using incimap::parse_published_date;

TEST_CASE("publication dates are read in ISO, slashed and written-out forms", "[ingest][date]") {
    CHECK(parse_published_date("2021-02-22") == Date{2021, 2, 22});
    CHECK(parse_published_date("2021-02-22 00:00") == Date{2021, 2, 22});
    CHECK(parse_published_date("2017-04-05T10:00:00+03:00") == Date{2017, 4, 5});
    CHECK(parse_published_date("4/5/2017") == Date{2017, 4, 5});  // M/D/YYYY as in FA-KES
    CHECK(parse_published_date("12/31/16") == Date{2016, 12, 31});
    CHECK(parse_published_date("5 April 2017") == Date{2017, 4, 5});
    CHECK(parse_published_date(" 05 Apr 2017 ") == Date{2017, 4, 5});
    CHECK(parse_published_date("Wed 05 Apr 2017") == Date{2017, 4, 5});
    CHECK(parse_published_date("September 3rd, 2015") == Date{2015, 9, 3});
    CHECK(parse_published_date("3 Sept. 2015") == Date{2015, 9, 3});
}

TEST_CASE("impossible or unreadable dates give no date", "[ingest][date]") {
    CHECK_FALSE(parse_published_date(""));
    CHECK_FALSE(parse_published_date("2021-02-30"));
    CHECK_FALSE(parse_published_date("13/1/2020"));
    CHECK_FALSE(parse_published_date("yesterday"));
    CHECK_FALSE(parse_published_date("2021-02-22x"));
    CHECK_FALSE(parse_published_date("May 2021"));
}
