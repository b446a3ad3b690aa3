#pragma once
// The regional trend briefing (docs/brief.md): what a period's incidents add up to, how that
// compares with the period before, where and when they happened, and the sentences every
// number comes from. This file computes the figures; brief_html.cpp and brief_markdown.cpp
// render them.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.hpp"
#include "core/date.hpp"
#include "core/incident.hpp"
#include "core/sequence.hpp"
#include "output/incident_filter.hpp"

namespace incimap {

struct BriefTotals {
    long incidents = 0;
    CountSum killed;
    CountSum injured;
    CountSum captured;
    void add(const Incident& incident);
    void add(const Casualties& casualties);  // of one incident
};

// An inclusive range of days. Periods made of whole calendar months compare with the same
// number of months before them (Jan-Mar 2022 with Oct-Dec 2021), others with the same number
// of days.
struct BriefPeriod {
    Date from;
    Date to;
    bool whole_months = false;

    long days() const { return to.days_since_epoch() - from.days_since_epoch() + 1; }
    bool contains(const Date& d) const { return !(d < from) && !(to < d); }
    BriefPeriod previous() const;
    std::string label() const;  // "2022-01-01 to 2022-03-31"
};

// "2022-01..2022-03", "2022-01-05..2022-02-10", "2022-03" (one month), "2022" (one year),
// "2022-01-05" (one day). nullopt when the text is none of these or runs backwards.
std::optional<BriefPeriod> parse_period(std::string_view text);

enum class BriefBucketing { week, month };
std::optional<BriefBucketing> parse_bucketing(std::string_view text);
// Weeks for periods up to 26 weeks, months beyond: both give a readable number of bars.
BriefBucketing default_bucketing(const BriefPeriod& period);

// One bar of the time series: a Monday-to-Sunday week or a calendar month, clipped to the period.
struct BriefBucket {
    Date from;
    Date to;
    std::string label;  // "3 Jan" for a week (its Monday), "Jan 2022" for a month
};
std::vector<BriefBucket> make_buckets(const BriefPeriod& period, BriefBucketing by);

struct BriefGovernorate {
    std::string pcode;  // empty for incidents whose place has no governorate
    std::string name;
    BriefTotals current;
    BriefTotals previous;
    std::vector<BriefTotals> series;  // one per bucket
};

struct BriefPlace {
    std::string name;
    std::string governorate;
    BriefTotals totals;
};

// One mark on the map: the incidents of one place (same point) in the period.
struct BriefMapPoint {
    LonLat point;
    std::string label;
    BriefTotals totals;
};

// One line of the evidence list, with its source looked up.
struct BriefEvidence {
    Incident incident;
    std::string governorate;
    std::string source;  // outlet
    std::string title;
    std::string url;
};

struct BriefOptions {
    std::optional<BriefPeriod> period;  // default: the whole range of the data
    // `--from`/`--to` without a period: the side not given is taken from the data.
    std::optional<Date> from;
    std::optional<Date> to;
    std::optional<BriefBucketing> bucketing;  // default: default_bucketing(period)
    std::string governorate;                  // name or P-code; empty: all of Syria
    // Background incidents are recalled from earlier reports; counting them would count
    // the same event once more each time it is recalled.
    RoleFilter role = RoleFilter::current;
    // The page must stay loadable with ten thousand incidents; the full list is in the layers.
    std::size_t evidence_limit = 2000;
    std::size_t top_places = 10;
    std::size_t max_map_marks = 1500;
};

struct BriefReport {
    std::string scope;                  // "Syria" or the governorate's name
    std::optional<BriefPeriod> period;  // nullopt: no dated incident at all to take it from
    // No incident in scope has a date and no period was asked for: the figures then cover all
    // of them, with no trend and no comparison.
    bool dates_unknown = false;
    std::optional<BriefPeriod> previous;
    BriefBucketing bucketing = BriefBucketing::month;
    std::vector<BriefBucket> buckets;
    BriefTotals totals;
    BriefTotals previous_totals;
    // The first event date of the run's incidents (in Syria, of the role asked for, in any
    // governorate): where the data begin.
    std::optional<Date> data_begin;
    // False when the data begin after the previous period starts: then there is no whole
    // earlier period to compare with, and "+13 (none before)" would read as a rise that
    // nobody measured.
    bool previous_covered = false;
    std::vector<BriefTotals> series;             // all governorates, one per bucket
    std::vector<BriefGovernorate> governorates;  // most incidents first
    std::vector<BriefPlace> top_places;
    std::vector<BriefMapPoint> map_points;
    std::vector<BriefEvidence> evidence;  // by date; at most evidence_limit rows
    std::size_t evidence_total = 0;       // rows before the limit
    std::size_t undated = 0;              // in scope but without an event date: left out
    std::size_t unlocated = 0;            // in the period but without a point: not on the map

    bool empty() const { return totals.incidents == 0; }
};

BriefReport build_brief(const std::vector<Incident>& incidents,
                        const std::vector<Article>& articles, const BriefOptions& options);
// The same from incidents and articles read one at a time (a run's store): holds a small
// record of each incident in scope, and reads the incidents and articles of the evidence
// list again at the end.
BriefReport build_brief_from_sequences(const Sequence<Incident>& incidents,
                                       const Sequence<Article>& articles,
                                       const BriefOptions& options);

}  // namespace incimap
