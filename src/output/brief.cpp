#include "output/brief.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

namespace incimap {
namespace {

constexpr std::array<const char*, 12> month_abbrev = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Months since year 0, so that month arithmetic is integer arithmetic.
int month_index(const Date& d) { return d.year * 12 + d.month - 1; }
Date first_of_month(int index) { return Date{index / 12, index % 12 + 1, 1}; }
Date last_of_month(int index) {
    const Date first = first_of_month(index);
    return Date{first.year, first.month, days_in_month(first.year, first.month)};
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// One side of a period: a year, a month or a day, as the first and last day it covers.
struct PeriodBound {
    Date first;
    Date last;
    bool day_precise = false;
};

std::optional<PeriodBound> parse_bound(std::string_view s) {
    if (s.size() == 4 && all_digits(s)) {
        const int y = to_int(s);
        return PeriodBound{Date{y, 1, 1}, Date{y, 12, 31}, false};
    }
    if (s.size() == 7 && s[4] == '-' && all_digits(s.substr(0, 4)) && all_digits(s.substr(5))) {
        const int m = to_int(s.substr(5));
        if (m < 1 || m > 12) return std::nullopt;
        const int index = to_int(s.substr(0, 4)) * 12 + m - 1;
        return PeriodBound{first_of_month(index), last_of_month(index), false};
    }
    if (auto d = Date::parse_iso(s)) return PeriodBound{*d, *d, true};
    return std::nullopt;
}

std::string place_label(const Incident& incident) {
    if (incident.where.place && !incident.where.place->name.empty())
        return incident.where.place->name;
    return incident.where.text;
}

// What the figures need of an incident in scope; a million of them fit in memory where the
// incidents would not. Names are indices into a NamePool.
struct ScopedIncident {
    std::size_t index = 0;  // its place in the sequence, to read it again for the evidence
    std::optional<Date> event_date;
    Casualties casualties;
    LonLat point;
    std::uint32_t place_label = 0;
    std::uint32_t admin1_pcode = 0;
    std::uint32_t admin1_name = 0;
};

// Each distinct name once (there are a few thousand places).
class NamePool {
public:
    std::uint32_t add(const std::string& name) {
        const auto [at, added] = index_.emplace(name, static_cast<std::uint32_t>(names_.size()));
        if (added) names_.push_back(name);
        return at->second;
    }
    const std::string& operator[](std::uint32_t i) const { return names_[i]; }

private:
    std::unordered_map<std::string, std::uint32_t> index_;
    std::vector<std::string> names_;
};

bool has_point(const ScopedIncident& incident) {
    return incident.point.lon != 0 || incident.point.lat != 0;
}

long severity(const ScopedIncident& incident) {
    return std::max(incident.casualties.killed.high, incident.casualties.killed.low) +
           std::max(incident.casualties.injured.high, incident.casualties.injured.low);
}

// The selection of `map` and `heatmap` (IncidentFilter); the dates are the period's.
bool in_scope(const Incident& incident, const BriefOptions& options) {
    // The briefing is about Syria: an event across the border is no part of its figures.
    if (outside_syria(incident)) return false;
    IncidentFilter filter;
    filter.role = options.role;
    filter.governorate = options.governorate;
    return filter.matches(incident);
}

std::optional<BriefPeriod> data_range(const std::vector<const ScopedIncident*>& incidents) {
    std::optional<BriefPeriod> range;
    for (const ScopedIncident* i : incidents) {
        if (!i->event_date) continue;
        if (!range) range = BriefPeriod{*i->event_date, *i->event_date, false};
        range->from = std::min(range->from, *i->event_date);
        range->to = std::max(range->to, *i->event_date);
    }
    return range;
}

std::optional<BriefPeriod> choose_period(const std::vector<const ScopedIncident*>& incidents,
                                         const BriefOptions& options) {
    if (options.period) return options.period;
    const auto range = data_range(incidents);
    if (!options.from && !options.to) return range;
    Date from = options.from ? *options.from
                : range      ? std::min(range->from, *options.to)
                             : *options.to;
    Date to = options.to ? *options.to : range ? std::max(range->to, from) : from;
    if (to < from) std::swap(from, to);
    return BriefPeriod{from, to, false};
}

std::size_t bucket_of(const std::vector<BriefBucket>& buckets, const Date& d) {
    const auto it =
        std::upper_bound(buckets.begin(), buckets.end(), d,
                         [](const Date& x, const BriefBucket& b) { return x < b.from; });
    return static_cast<std::size_t>(it - buckets.begin()) - 1;
}

void add_governorates(BriefReport& report, const NamePool& names,
                      const std::vector<const ScopedIncident*>& current,
                      const std::vector<const ScopedIncident*>& previous) {
    std::map<std::string, BriefGovernorate> by_pcode;
    auto row = [&](const ScopedIncident& i) -> BriefGovernorate& {
        BriefGovernorate& g = by_pcode[names[i.admin1_pcode]];
        if (g.name.empty()) {
            g.pcode = names[i.admin1_pcode];
            g.name = g.pcode.empty() ? "No governorate" : names[i.admin1_name];
            g.series.resize(report.buckets.size());
        }
        return g;
    };
    for (const ScopedIncident* i : current) {
        BriefGovernorate& g = row(*i);
        g.current.add(i->casualties);
        if (!report.buckets.empty())
            g.series[bucket_of(report.buckets, *i->event_date)].add(i->casualties);
    }
    for (const ScopedIncident* i : previous) row(*i).previous.add(i->casualties);
    for (auto& [pcode, g] : by_pcode) report.governorates.push_back(std::move(g));
    std::stable_sort(report.governorates.begin(), report.governorates.end(),
                     [](const BriefGovernorate& a, const BriefGovernorate& b) {
                         if (a.current.incidents != b.current.incidents)
                             return a.current.incidents > b.current.incidents;
                         return a.current.killed.high > b.current.killed.high;
                     });
}

// Marks on the map: incidents at the same point (to about 100 m) make one. Beyond
// `max_marks` the grid doubles until they fit, so that ten thousand scattered incidents stay
// a map that a browser draws at once rather than ten thousand overlapping circles.
std::vector<BriefMapPoint> map_marks(const NamePool& names,
                                     const std::vector<const ScopedIncident*>& located,
                                     std::size_t max_marks) {
    for (double cell = 0.001;; cell *= 2) {
        std::map<std::pair<long, long>, BriefMapPoint> marks;
        for (const ScopedIncident* i : located) {
            const std::pair<long, long> key{std::lround(i->point.lon / cell),
                                            std::lround(i->point.lat / cell)};
            const std::string& label = names[i->place_label];
            BriefMapPoint& m = marks[key];
            if (m.totals.incidents == 0) {
                m.point = i->point;
                m.label = label.empty() ? "unnamed place" : label;
            } else if (m.label != label && !m.label.ends_with(" and nearby")) {
                m.label += " and nearby";
            }
            m.totals.add(i->casualties);
        }
        if (marks.size() <= max_marks || cell > 1) {
            std::vector<BriefMapPoint> out;
            for (auto& [key, m] : marks) out.push_back(std::move(m));
            return out;
        }
    }
}

void add_places(BriefReport& report, const NamePool& names,
                const std::vector<const ScopedIncident*>& current, const BriefOptions& options) {
    std::map<std::pair<std::string, std::string>, BriefPlace> places;
    std::vector<const ScopedIncident*> located;
    for (const ScopedIncident* i : current) {
        const std::string& name = names[i->place_label];
        if (!name.empty()) {
            const std::string& governorate = names[i->admin1_name];
            BriefPlace& p = places[{name, governorate}];
            p.name = name;
            p.governorate = governorate;
            p.totals.add(i->casualties);
        }
        if (has_point(*i))
            located.push_back(i);
        else
            ++report.unlocated;
    }
    for (auto& [key, p] : places) report.top_places.push_back(std::move(p));
    std::stable_sort(report.top_places.begin(), report.top_places.end(),
                     [](const BriefPlace& a, const BriefPlace& b) {
                         if (a.totals.incidents != b.totals.incidents)
                             return a.totals.incidents > b.totals.incidents;
                         return a.totals.killed.high > b.totals.killed.high;
                     });
    if (report.top_places.size() > options.top_places) report.top_places.resize(options.top_places);
    report.map_points = map_marks(names, located, options.max_map_marks);
}

// The rows of the evidence list; their incidents and articles are read again from the
// sequences, only those.
void add_evidence(BriefReport& report, const NamePool& names,
                  std::vector<const ScopedIncident*> current, const Sequence<Incident>& incidents,
                  const Sequence<Article>& articles, std::size_t limit) {
    report.evidence_total = current.size();
    if (current.size() > limit) {
        // Over the limit, the rows that carry the most casualties are the ones worth checking.
        std::stable_sort(current.begin(), current.end(),
                         [](const ScopedIncident* a, const ScopedIncident* b) {
                             return severity(*a) > severity(*b);
                         });
        current.resize(limit);
    }
    std::stable_sort(current.begin(), current.end(),
                     [&](const ScopedIncident* a, const ScopedIncident* b) {
                         if (a->event_date != b->event_date)
                             return a->event_date < b->event_date;  // undated first
                         return names[a->place_label] < names[b->place_label];
                     });
    std::unordered_map<std::size_t, Incident> chosen;
    for (const ScopedIncident* i : current) chosen.emplace(i->index, Incident{});
    std::size_t index = 0;
    incidents([&](const Incident& i) {
        if (auto it = chosen.find(index++); it != chosen.end()) it->second = i;
    });
    // The first article with an id is its source, as when every article was held.
    std::unordered_map<std::string, std::optional<Article>> sources;
    for (const auto& [at, incident] : chosen) sources.emplace(incident.article_id, std::nullopt);
    articles([&](const Article& a) {
        if (auto it = sources.find(a.id); it != sources.end() && !it->second) it->second = a;
    });
    for (const ScopedIncident* i : current) {
        BriefEvidence e;
        e.incident = std::move(chosen[i->index]);
        e.governorate = names[i->admin1_name];
        if (const auto& source = sources[e.incident.article_id]) {
            e.source = source->source;
            e.title = source->title;
            e.url = source->url;
        }
        report.evidence.push_back(std::move(e));
    }
}

}  // namespace

void BriefTotals::add(const Incident& incident) { add(incident.casualties); }

void BriefTotals::add(const Casualties& casualties) {
    ++incidents;
    killed.add(casualties.killed);
    injured.add(casualties.injured);
    captured.add(casualties.captured);
}

BriefPeriod BriefPeriod::previous() const {
    if (whole_months) {
        const int months = month_index(to) - month_index(from) + 1;
        return BriefPeriod{first_of_month(month_index(from) - months), from.plus_days(-1), true};
    }
    return BriefPeriod{from.plus_days(-days()), from.plus_days(-1), false};
}

std::string BriefPeriod::label() const { return from.iso() + " to " + to.iso(); }

std::optional<BriefPeriod> parse_period(std::string_view text) {
    const auto dots = text.find("..");
    const std::string_view left = text.substr(0, dots);
    const std::string_view right = dots == std::string_view::npos ? left : text.substr(dots + 2);
    const auto a = parse_bound(left);
    const auto b = parse_bound(right);
    if (!a || !b || b->last < a->first) return std::nullopt;
    return BriefPeriod{a->first, b->last, !a->day_precise && !b->day_precise};
}

std::optional<BriefBucketing> parse_bucketing(std::string_view text) {
    if (text == "week") return BriefBucketing::week;
    if (text == "month") return BriefBucketing::month;
    return std::nullopt;
}

BriefBucketing default_bucketing(const BriefPeriod& period) {
    return period.days() <= 26 * 7 ? BriefBucketing::week : BriefBucketing::month;
}

std::vector<BriefBucket> make_buckets(const BriefPeriod& period, BriefBucketing by) {
    std::vector<BriefBucket> out;
    if (by == BriefBucketing::month) {
        for (int m = month_index(period.from); m <= month_index(period.to); ++m) {
            const Date first = first_of_month(m);
            out.push_back(
                {std::max(first, period.from), std::min(last_of_month(m), period.to),
                 std::string(month_abbrev[first.month - 1]) + " " + std::to_string(first.year)});
        }
        return out;
    }
    // ISO weeks start on Monday; weekday() counts from Sunday.
    Date monday = period.from.plus_days(-((period.from.weekday() + 6) % 7));
    for (; !(period.to < monday); monday = monday.plus_days(7)) {
        out.push_back({std::max(monday, period.from), std::min(monday.plus_days(6), period.to),
                       std::to_string(monday.day) + " " + month_abbrev[monday.month - 1]});
    }
    return out;
}

BriefReport build_brief(const std::vector<Incident>& incidents,
                        const std::vector<Article>& articles, const BriefOptions& options) {
    return build_brief_from_sequences(sequence_of(incidents), sequence_of(articles), options);
}

BriefReport build_brief_from_sequences(const Sequence<Incident>& incidents,
                                       const Sequence<Article>& articles,
                                       const BriefOptions& options) {
    BriefReport report;
    NamePool names;
    std::vector<ScopedIncident> in_scope_incidents;
    BriefOptions anywhere = options;
    anywhere.governorate.clear();
    std::size_t index = 0;
    incidents([&](const Incident& i) {
        if (in_scope(i, options)) {
            const AdminUnits admin = admin_of(i);
            in_scope_incidents.push_back({index, i.event_date, i.casualties, i.where.point,
                                          names.add(place_label(i)),
                                          names.add(admin.admin1_pcode),
                                          names.add(admin.admin1_name)});
        }
        if (i.event_date && in_scope(i, anywhere) &&
            (!report.data_begin || *i.event_date < *report.data_begin))
            report.data_begin = i.event_date;
        ++index;
    });
    std::vector<const ScopedIncident*> scoped;
    for (const ScopedIncident& i : in_scope_incidents) scoped.push_back(&i);

    report.scope = "Syria";
    if (!options.governorate.empty()) {
        report.scope = options.governorate;
        for (const ScopedIncident* i : scoped)
            if (!names[i->admin1_name].empty()) {
                report.scope = names[i->admin1_name];
                break;
            }
    }
    report.period = choose_period(scoped, options);
    for (const ScopedIncident* i : scoped) report.undated += i->event_date ? 0 : 1;
    if (!report.period) {
        // Nothing is dated (the articles gave no dates): rather than an empty page, the
        // figures of every incident, without period, trend or comparison.
        report.dates_unknown = !scoped.empty();
        for (const ScopedIncident* i : scoped) report.totals.add(i->casualties);
        add_governorates(report, names, scoped, {});
        add_places(report, names, scoped, options);
        add_evidence(report, names, scoped, incidents, articles, options.evidence_limit);
        return report;
    }

    report.previous = report.period->previous();
    report.bucketing = options.bucketing.value_or(default_bucketing(*report.period));
    report.buckets = make_buckets(*report.period, report.bucketing);
    report.series.resize(report.buckets.size());

    report.previous_covered = report.data_begin && !(report.previous->from < *report.data_begin);
    std::vector<const ScopedIncident*> current, previous;
    for (const ScopedIncident* i : scoped) {
        if (!i->event_date) continue;
        if (report.period->contains(*i->event_date)) current.push_back(i);
        if (report.previous->contains(*i->event_date)) previous.push_back(i);
    }
    for (const ScopedIncident* i : current) {
        report.totals.add(i->casualties);
        report.series[bucket_of(report.buckets, *i->event_date)].add(i->casualties);
    }
    for (const ScopedIncident* i : previous) report.previous_totals.add(i->casualties);
    add_governorates(report, names, current, previous);
    add_places(report, names, current, options);
    add_evidence(report, names, current, incidents, articles, options.evidence_limit);
    return report;
}

}  // namespace incimap
