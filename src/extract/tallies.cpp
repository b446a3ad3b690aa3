#include "extract/tallies.hpp"

#include <array>
#include <cctype>
#include <string>

#include "text/dates.hpp"
#include "text/numbers.hpp"
#include "text/word_tables.hpp"

namespace incimap {

namespace {

// Tallies, not events (docs/extraction.md, "Tallies that are not incidents"), recognised from their
// structure, never from one word: phrases that always sum a period on their own, or a word
// that sums ("in total", "toll") together with a period or many events.
constexpr int kWarScaleFigure = 10000;

constexpr std::array<std::string_view, 21> kTallyPhrases{{
    "so far", "to date", "to this day", "until now", "up to now", "up until now",
    "same period", "half a million", "since the beginning", "since the start",
    "since the outbreak", "since early", "the conflict began", "since the war began",
    // a whole war's toll, and figures shared out among places
    "the uprising", "the turmoil", "the civil war", "the syrian war", "the conflict", "respectively",
    "these violations"}};
constexpr std::array<std::string_view, 8> kSummingWords{{
    "in total", "a total of", "toll", "documented the", "overall", "altogether", "tally",
    "bringing the number"}};
// A period long enough to hold many events: "this year", "in the past five years".
constexpr std::array<std::string_view, 8> kPeriodPhrases{{
    "this year", "this month", "last year", "last month", "past year", "past month",
    "since", "during the year"}};
constexpr std::array<std::string_view, 8> kPeriodUnits{{
    "weeks", "months", "years", "week", "month", "year", "decade", "days"}};
// Plural events or a whole-country scope: the figure sums many events.
constexpr std::array<std::string_view, 12> kManyEvents{{
    "attacks", "explosions", "incidents", "bombings", "operations", "across syria",
    "across the country", "different areas", "various areas", "several areas",
    "separate incidents", "across the province"}};





// "in the past five years", "over the last two months", "during the past week": a period that
// holds many events. "the past hour" or "the past 24 hours" does not (`days_count`: whether
// "days" counts, which it does only with a summing word).
bool names_long_period(const std::vector<TextWord>& words, bool days_count) {
    for (std::size_t k = 0; k + 2 < words.size(); ++k) {
        if (words[k].lower != "the" || (words[k + 1].lower != "past" && words[k + 1].lower != "last"))
            continue;
        std::size_t u = k + 2;
        if (u + 1 < words.size() && parse_cardinal(words[u].lower)) ++u;
        const std::string& unit = words[u].lower;
        if (unit == "days" ? days_count : is_one_of(unit, kPeriodUnits)) return true;
    }
    return false;
}

// Plural events or a whole-country scope. "Rocket attacks", "drone attacks": a plural after
// the means names one salvo ("documented the killing of two civilians in regime rocket attacks
// on fig pickers"), not many events.
bool names_many_events(std::string_view low) {
    static constexpr std::array<std::string_view, 9> kMeans{{
        "rocket", "missile", "mortar", "drone", "air", "suicide", "bomb", "artillery", "sniper"}};
    for (std::string_view many : kManyEvents)
        for (std::size_t at = low.find(many); at != std::string_view::npos; at = low.find(many, at + 1)) {
            const std::size_t space = at > 1 ? low.rfind(' ', at - 2) : std::string_view::npos;
            const std::string_view before =
                at > 1 ? low.substr(space == std::string_view::npos ? 0 : space + 1,
                                    at - 1 - (space == std::string_view::npos ? 0 : space + 1))
                       : std::string_view();
            if (!is_one_of(before, kMeans)) return true;
        }
    return false;
}

// "the first of its kind in the capital since last August", "the deadliest attack since
// 2016": a period that the event is compared with, not one whose toll is summed.
bool compares_since(std::string_view low, std::size_t date_begin) {
    const std::size_t from = date_begin > 80 ? date_begin - 80 : 0;
    const std::string_view before = low.substr(from, date_begin - from);
    return contains_any(before, std::array<std::string_view, 7>{
                                    "the first", "of its kind", "deadliest", "the worst", "the biggest",
                                    "the largest", "the most "});
}

}  // namespace

bool opens_with_tally(std::string_view sentence) {
    constexpr std::size_t kOpeningBytes = 40;
    const std::string low = ascii_lower(sentence.substr(0, kOpeningBytes));
    for (std::string_view phrase : kTallyPhrases) {
        const auto at = low.find(phrase);
        if (at != std::string::npos && at < kOpeningBytes / 2) return true;
    }
    return low.starts_with("since ") || low.starts_with("during the same") ||
           low.starts_with("over the past") || low.starts_with("in the past");
}

bool is_cumulative(std::string_view sentence) {
    const std::string low = ascii_lower(sentence);
    // "More than 250,000 people have died": no one report of Syria tells a single event of
    // ten thousand dead; such a figure is a war's or a year's toll.
    const std::vector<Quantity> quantities = find_quantities(sentence);
    for (const Quantity& q : quantities)
        if (q.low >= kWarScaleFigure) return true;
    // A tally phrase sums a figure: "no word on casualties so far" sums nothing.
    if (contains_any(low, kTallyPhrases) && !quantities.empty()) return true;
    // "since 2011", "from March 2019 to this day", "from March 31 to April 6"
    bool whole_month_or_year = false;  // "In November 2022, SOHR documented the deaths of 160"
    bool one_day = false;  // "explosions tore through Jableh on Monday morning": one day's attack
    for (const auto& d : find_dates(sentence, std::nullopt)) {
        if (d.starts_period && !compares_since(low, d.begin)) return true;
        whole_month_or_year = whole_month_or_year || d.precision == DatePrecision::month ||
                              d.precision == DatePrecision::year;
        one_day = one_day || d.precision == DatePrecision::day || d.named_weekday >= 0;
    }
    const std::vector<TextWord> words = text_words(low);
    if (names_long_period(words, false)) return true;
    const bool many = names_many_events(low) && !one_day;
    const bool period = contains_any(low, kPeriodPhrases) || names_long_period(words, true) ||
                        whole_month_or_year;
    return contains_any(low, kSummingWords) && (period || many);
}

}  // namespace incimap
