#include <catch2/catch.hpp>

#include "text/dates.hpp"

using incimap::Date;
using incimap::DatePrecision;
using incimap::find_dates;

namespace {
// A Saturday.
const Date kPub{2022, 6, 25};

incimap::DateMention only(std::string_view text, std::optional<Date> pub = kPub) {
    auto found = find_dates(text, pub);
    REQUIRE(found.size() == 1);
    return found.front();
}
}  // namespace

TEST_CASE("resolves today and yesterday against the publication date", "[text][dates]") {
    CHECK(only("seen today in town").date == kPub);
    CHECK(only("seen yesterday in town").date == Date{2022, 6, 24});
    CHECK(only("seen yesterday in town").precision == DatePrecision::day);
}

TEST_CASE("takes a weekday as the most recent one on or before publication", "[text][dates]") {
    CHECK(only("on Sunday the depot burned").date == Date{2022, 6, 19});
    CHECK(only("at Monday dawn the depot burned").date == Date{2022, 6, 20});
    CHECK(only("on Saturday the depot burned").date == kPub);
    CHECK(only("after Friday's raid").date == Date{2022, 6, 24});
}

TEST_CASE("counts days back for N days ago", "[text][dates]") {
    auto m = only("the post fell two days ago");
    CHECK(m.date == Date{2022, 6, 23});
    CHECK(m.precision == DatePrecision::day);
}

TEST_CASE("puts a month and day in the most recent year not after publication",
          "[text][dates]") {
    CHECK(only("On December 30, a convoy").date == Date{2021, 12, 30});
    CHECK(only("raided on June 23.").date == Date{2022, 6, 23});
    CHECK(only("raided on 30 December").date == Date{2021, 12, 30});
}

TEST_CASE("resolves weeks, months and years before publication", "[text][dates]") {
    auto week = only("Last week, a patrol");
    CHECK(week.precision == DatePrecision::week);
    CHECK(week.date == Date{2022, 6, 18});
    CHECK(week.recalls_past);
    auto month = only("last month the post");
    CHECK(month.date == Date{2022, 5, 1});
    CHECK(month.precision == DatePrecision::month);
    auto feb = only("Last February, a patrol");
    CHECK(feb.date == Date{2022, 2, 1});
    CHECK(only("Last June, a patrol").date == Date{2021, 6, 1});
    auto year = only("Last year, a patrol");
    CHECK(year.date == Date{2021, 1, 1});
    CHECK(year.precision == DatePrecision::year);
}

TEST_CASE("resolves named months with and without last year", "[text][dates]") {
    auto jan = only("Earlier in January, a patrol");
    CHECK(jan.date == Date{2022, 1, 1});
    CHECK(jan.precision == DatePrecision::month);
    CHECK(jan.recalls_past);
    auto nov = only("while in November last year the post");
    CHECK(nov.date == Date{2021, 11, 1});
    CHECK(nov.precision == DatePrecision::month);
}

TEST_CASE("leaves relative dates unresolved without a publication date", "[text][dates]") {
    for (auto text : {"on Sunday the depot", "two days ago", "On December 30, a convoy",
                      "last year", "in November last year", "today"}) {
        auto m = only(text, std::nullopt);
        CHECK_FALSE(m.date);
        CHECK(m.precision == DatePrecision::unknown);
        CHECK(m.needs_publication);
    }
}

TEST_CASE("resolves absolute dates without a publication date", "[text][dates]") {
    auto m = only("on December 21, 2024 there", std::nullopt);
    CHECK(m.date == Date{2024, 12, 21});
    CHECK(m.precision == DatePrecision::day);
    auto month = only("in March 2017 a blast", std::nullopt);
    CHECK(month.date == Date{2017, 3, 1});
    CHECK(month.precision == DatePrecision::month);
    auto since = only("since 2011", std::nullopt);
    CHECK(since.starts_period);
    CHECK(since.precision == DatePrecision::year);
}

TEST_CASE("does not read the verb march or may as a month", "[text][dates]") {
    CHECK(find_dates("they may march on the town", kPub).empty());
}

TEST_CASE("names the month or weekday of a date it cannot resolve", "[text][dates]") {
    auto jan = only("in January the wells ran dry", std::nullopt);
    CHECK_FALSE(jan.date);
    CHECK(jan.named_month == 1);
    CHECK(jan.named_weekday == -1);
    auto nov = only("in November last year the wells ran dry", std::nullopt);
    CHECK(nov.named_month == 11);
    auto tue = only("on Tuesday the wells ran dry", std::nullopt);
    CHECK(tue.named_weekday == 2);
    CHECK(tue.named_month == 0);
    CHECK(only("the wells ran dry last year", std::nullopt).named_month == 0);
}

TEST_CASE("gives an impossible day no date, as the store would read it", "[text][dates]") {
    for (const char* text :
         {"on February 30, 2017 the depot burned", "on 31 April 2019 the depot burned"}) {
        INFO(text);
        const auto m = only(text);
        CHECK_FALSE(m.date);
        CHECK(m.precision == DatePrecision::unknown);
    }
    CHECK(only("on February 29, 2016 the depot burned").date == Date{2016, 2, 29});
}
