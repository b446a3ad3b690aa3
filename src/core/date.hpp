#pragma once
// Calendar dates without time zones: news reports speak in days.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace incimap {

struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31

    auto operator<=>(const Date&) const = default;

    static std::optional<Date> parse_iso(std::string_view text);  // YYYY-MM-DD
    static Date from_days(long days_since_epoch);
    long days_since_epoch() const;  // 1970-01-01 = 0
    int weekday() const;            // 0 = Sunday .. 6 = Saturday
    Date plus_days(long n) const { return from_days(days_since_epoch() + n); }
    std::string iso() const;
    bool valid() const;
};

int days_in_month(int year, int month);

// Now, in UTC, as ISO 8601 to the second ("2026-11-25T17:24:17Z"): when a run or a build was.
std::string utc_timestamp_now();

// How exactly the event date is known (ACLED's time_precision: 1 day, 2 week, 3 month;
// we add year and unknown).
enum class DatePrecision { day, week, month, year, unknown };
std::string_view to_string(DatePrecision p);

}  // namespace incimap
