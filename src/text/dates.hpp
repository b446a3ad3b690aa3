#pragma once
// Date expressions in news text, resolved against the publication date: "today",
// "on Sunday", "Monday dawn", "two days ago", "On December 30", "last February",
// "in November last year", "March 2017". Without a publication date, expressions that need
// one stay unresolved (no date, precision unknown); absolute dates with a year resolve anyway.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace incimap {

struct DateMention {
    std::size_t begin = 0;  // byte span in the scanned text
    std::size_t end = 0;
    std::optional<Date> date;  // day precision: that day; week: a day in it; month: day 1;
                               // year: January 1
    DatePrecision precision = DatePrecision::unknown;
    bool needs_publication = false;  // relative expression ("yesterday", "June 23")
    // The words themselves point back beyond the news of the day ("last year", "earlier in
    // January", "in November last year", "a month ago"): the event they date is recalled.
    bool recalls_past = false;
    // Opens a period rather than naming a moment ("since 2011", "from March 2019").
    bool starts_period = false;
    // The month (1..12) or weekday (0 = Sunday) the words name, known even when the date
    // cannot be resolved: "in January" and "in November last year" differ without a year.
    int named_month = 0;
    int named_weekday = -1;
};

std::vector<DateMention> find_dates(std::string_view text, std::optional<Date> published);

// The most recent day with this weekday (0 = Sunday) on or before `reference`.
Date last_weekday_on_or_before(Date reference, int weekday);
// The most recent occurrence of month/day not after `reference`.
std::optional<Date> last_month_day_on_or_before(Date reference, int month, int day);

}  // namespace incimap
