#include "pipeline/dedup.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "core/error.hpp"
#include "geo/geos_context.hpp"
#include "output/heatmap_file.hpp"

namespace incimap {
namespace {

// Event types that different outlets use for one event. The first of each pair is the vaguer
// word: "an explosion" in one report is "a landmine" or "a car bomb" in another; "an
// attack" is whatever a more precise report calls it; an ambush is reported as a clash;
// roadside bombs and mines are confused (ACLED codes both as Remote explosive/landmine/IED).
struct TypePair {
    std::string_view a;
    std::string_view b;
};
constexpr TypePair compatible_pairs[] = {
    {"other_explosion", "landmine"}, {"other_explosion", "ied"},
    {"other_explosion", "car_bomb"}, {"other_explosion", "suicide_bomb"},
    {"other_explosion", "air_strike"}, {"other_explosion", "shelling"},
    {"ied", "landmine"},             {"ied", "car_bomb"},
    {"ambush", "armed_clash"},       {"attack", "ambush"},
    {"attack", "armed_clash"},       {"attack", "ied"},
    {"attack", "landmine"},          {"attack", "car_bomb"},
    {"attack", "suicide_bomb"},      {"attack", "shelling"},
    {"attack", "air_strike"},        {"attack", "assassination"},
    {"attack", "execution"},         {"attack", "other_explosion"},
};

// Days an event date of each precision may stand for, on either side of the date given.
long precision_span_days(DatePrecision p) {
    switch (p) {
        case DatePrecision::day: return 0;
        case DatePrecision::week: return 7;
        case DatePrecision::month: return 31;
        case DatePrecision::year: return 366;
        case DatePrecision::unknown: break;
    }
    return 0;
}

bool has_date(const Incident& i) {
    return i.event_date.has_value() && i.date_precision != DatePrecision::unknown;
}

bool located(const Incident& i) { return i.where.place.has_value(); }

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Counts of one kind agree when either source gives none, their ranges overlap, or the larger
// is at most twice the smaller plus 5: tolls rise as the wounded die and outlets round, but
// 3 and 39 killed are two events.
bool counts_agree(const Count& a, const Count& b) {
    if (!a.value || !b.value) return true;
    const int lo = std::min(*a.value, *b.value);
    const int hi = std::max(*a.value, *b.value);
    if (std::max(a.low, b.low) <= std::min(a.high, b.high)) return true;
    return hi <= 2 * lo + 5;
}

bool counts_equal(const Count& a, const Count& b) { return a.value == b.value; }

std::optional<std::string> same_place(const Incident& a, const Incident& b, double max_km) {
    if (a.where.country_code != b.where.country_code) return std::nullopt;
    if (a.where.place->id == b.where.place->id) return "same place (" + a.where.place->name + ")";
    if (a.where.geo_precision >= 3 || b.where.geo_precision >= 3) {
        // A governorate-level report says no more than "somewhere in Homs".
        const std::string& pa = a.where.admin.admin1_pcode;
        if (pa.empty() || pa != b.where.admin.admin1_pcode) return std::nullopt;
        return "same governorate (" + a.where.admin.admin1_name + "), one at governorate level";
    }
    const double km = great_circle_km(a.where.point, b.where.point);
    if (km > max_km) return std::nullopt;
    return a.where.place->name + " and " + b.where.place->name + " " + fixed(km, 1) + " km apart";
}

std::optional<std::string> same_time(const Incident& a, const Incident& b, int slack) {
    const long da = a.event_date->days_since_epoch();
    const long db = b.event_date->days_since_epoch();
    const long allowed =
        slack + precision_span_days(a.date_precision) + precision_span_days(b.date_precision);
    const long apart = std::labs(da - db);
    if (apart > allowed) return std::nullopt;
    if (apart == 0) return "same date (" + a.event_date->iso() + ")";
    return "dates " + a.event_date->iso() + " and " + b.event_date->iso() + " (" +
           std::to_string(apart) + " day" + (apart == 1 ? "" : "s") + " apart)";
}

std::string count_text(const Count& c) { return c.value ? std::to_string(*c.value) : "none"; }

}  // namespace

bool compatible_event_types(const std::string& a, const std::string& b) {
    if (a == b) return true;
    return std::any_of(std::begin(compatible_pairs), std::end(compatible_pairs),
                       [&](const TypePair& p) {
                           return (p.a == a && p.b == b) || (p.a == b && p.b == a);
                       });
}

std::optional<std::string> same_event(const StoredReport& ra, const StoredReport& rb,
                                      const DedupRules& rules) {
    if (ra.article_key == rb.article_key) return std::nullopt;
    const Incident& a = ra.incident;
    const Incident& b = rb.incident;
    if (!located(a) || !located(b)) return std::nullopt;
    if (!compatible_event_types(a.event_type, b.event_type)) return std::nullopt;
    const Casualties& ca = a.casualties;
    const Casualties& cb = b.casualties;
    if (!counts_agree(ca.killed, cb.killed) || !counts_agree(ca.injured, cb.injured))
        return std::nullopt;

    std::string reasons = a.event_type == b.event_type
                              ? "same event type (" + a.event_type + ")"
                              : "compatible event types (" + a.event_type + ", " + b.event_type + ")";
    if (has_date(a) && has_date(b)) {
        const auto place = same_place(a, b, rules.max_distance_km);
        if (!place) return std::nullopt;
        const auto time = same_time(a, b, rules.date_slack_days);
        if (!time) return std::nullopt;
        reasons += "; " + *place + "; " + *time;
    } else {
        // Without a date only a report identical in everything else, published at the same
        // time, is taken for the same event.
        if (a.event_type != b.event_type || a.where.place->id != b.where.place->id ||
            !counts_equal(ca.killed, cb.killed) || !counts_equal(ca.injured, cb.injured))
            return std::nullopt;
        if (!ra.published || !rb.published) return std::nullopt;
        const long apart =
            std::labs(ra.published->days_since_epoch() - rb.published->days_since_epoch());
        if (apart > rules.published_window_days) return std::nullopt;
        reasons += "; same place (" + a.where.place->name + "); no event date; same counts; "
                   "published " + std::to_string(apart) + " days apart";
        return reasons;
    }
    if (ca.killed.value && cb.killed.value)
        reasons += "; killed " + count_text(ca.killed) + " and " + count_text(cb.killed);
    return reasons;
}

Incident merge_reports(const std::vector<const StoredReport*>& reports) {
    // The most precise report carries place, date and evidence: current news before a
    // recalled event, a named place before a governorate, a day before a month, then the
    // extractor's confidence, then the earliest stored.
    auto rank = [](const StoredReport* r) {
        const Incident& i = r->incident;
        return std::make_tuple(i.role == IncidentRole::current ? 0 : 1,
                               located(i) ? i.where.geo_precision : 9,
                               has_date(i) ? static_cast<int>(i.date_precision) : 9,
                               -i.confidence, r->report_id);
    };
    const StoredReport* best = *std::min_element(
        reports.begin(), reports.end(),
        [&](const StoredReport* x, const StoredReport* y) { return rank(x) < rank(y); });
    const StoredReport* first = *std::min_element(
        reports.begin(), reports.end(),
        [](const StoredReport* x, const StoredReport* y) { return x->report_id < y->report_id; });

    Incident merged = best->incident;
    merged.incident_id = first->incident.incident_id;
    // ACLED codes the most credible figure; with no way to weigh outlets we take the highest
    // exact count any source gives, and keep the lowest and highest figures as the range.
    auto merge_count = [&](Count Casualties::*which) {
        Count out = merged.casualties.*which;
        bool any = false;
        for (const StoredReport* r : reports) {
            const Count& c = r->incident.casualties.*which;
            if (!c.value) continue;
            if (!any) {
                out = c;
                any = true;
                continue;
            }
            if (*c.value > *out.value) {
                out.value = c.value;
                out.vague = c.vague;
            }
            out.low = std::min(out.low, c.low);
            out.high = std::max(out.high, c.high);
        }
        merged.casualties.*which = out;
    };
    merge_count(&Casualties::killed);
    merge_count(&Casualties::injured);
    merge_count(&Casualties::captured);
    for (const StoredReport* r : reports) {
        merged.confidence = std::max(merged.confidence, r->incident.confidence);
        if (r->incident.role == IncidentRole::current) merged.role = IncidentRole::current;
        if (merged.actor.empty()) merged.actor = r->incident.actor;
        if (merged.victims.empty()) merged.victims = r->incident.victims;
    }
    return merged;
}

DedupResult keep_reports_apart(const std::vector<StoredReport>& reports) {
    DedupResult result;
    std::set<std::string> ids;
    for (const StoredReport& r : reports) {
        MergedIncident m{r.incident, {{r.report_id, r.incident.article_id, {}}}};
        // The same article id read from two files with different text gives equal ids.
        for (int n = 2; !ids.insert(m.incident.incident_id).second; ++n)
            m.incident.incident_id = r.incident.incident_id + "-" + std::to_string(n);
        result.incidents.push_back(std::move(m));
    }
    return result;
}

DedupResult deduplicate(const std::vector<StoredReport>& reports, const DedupRules& rules) {
    struct Cluster {
        std::vector<const StoredReport*> members;
        std::vector<std::string> reasons;  // per member; empty for the first
    };
    std::vector<Cluster> clusters;
    // Candidate clusters by event day and by place, so that a report is compared with the
    // few reports near it in time or place rather than with all of them.
    std::multimap<long, std::size_t> by_day;
    std::multimap<std::int64_t, std::size_t> by_place;
    long widest_span = 0;

    for (const StoredReport& r : reports) {
        std::set<std::size_t> candidates;
        const Incident& in = r.incident;
        if (has_date(in)) {
            const long day = in.event_date->days_since_epoch();
            const long reach = rules.date_slack_days + precision_span_days(in.date_precision) +
                               widest_span;
            for (auto it = by_day.lower_bound(day - reach);
                 it != by_day.end() && it->first <= day + reach; ++it)
                candidates.insert(it->second);
        }
        if (located(in)) {
            auto [lo, hi] = by_place.equal_range(in.where.place->id);
            for (auto it = lo; it != hi; ++it) candidates.insert(it->second);
        }
        // Governorate-level reports can match anything in their governorate at that time;
        // the day index above already covers them when dated.
        std::optional<std::size_t> joined;
        std::string reason;
        for (std::size_t c : candidates) {
            std::string why;
            bool all = true;
            for (const StoredReport* member : clusters[c].members) {
                const auto same = same_event(*member, r, rules);
                if (!same) {
                    all = false;
                    break;
                }
                if (why.empty()) why = "with " + member->incident.article_id + ": " + *same;
            }
            if (all) {
                joined = c;
                reason = why;
                break;
            }
        }
        if (!joined) {
            clusters.push_back({});
            joined = clusters.size() - 1;
        }
        clusters[*joined].members.push_back(&r);
        clusters[*joined].reasons.push_back(reason);
        if (has_date(in)) {
            by_day.emplace(in.event_date->days_since_epoch(), *joined);
            widest_span = std::max(widest_span, precision_span_days(in.date_precision));
        }
        if (located(in)) by_place.emplace(in.where.place->id, *joined);
    }

    DedupResult result;
    std::set<std::string> ids;
    for (const Cluster& c : clusters) {
        MergedIncident m;
        m.incident = c.members.size() == 1 ? c.members.front()->incident : merge_reports(c.members);
        for (std::size_t i = 0; i < c.members.size(); ++i)
            m.sources.push_back({c.members[i]->report_id, c.members[i]->incident.article_id,
                                 c.reasons[i]});
        result.merges += c.members.size() - 1;
        const std::string base = m.incident.incident_id;
        for (int n = 2; !ids.insert(m.incident.incident_id).second; ++n)
            m.incident.incident_id = base + "-" + std::to_string(n);
        result.incidents.push_back(std::move(m));
    }
    return result;
}

namespace {

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

void write_dedup_report(const DedupResult& result, const std::vector<StoredReport>& reports,
                        const std::filesystem::path& csv) {
    std::map<std::int64_t, const StoredReport*> by_id;
    for (const StoredReport& r : reports) by_id[r.report_id] = &r;
    write_file_atomically(csv, [&](const std::filesystem::path& tmp) {
        std::ofstream out(tmp, std::ios::binary);
        out << "incident_id,report_incident_id,article_id,first_article_id,event_type,"
               "event_date,place_name,killed,merged_killed,reasons\n";
        for (const MergedIncident& m : result.incidents) {
            for (std::size_t i = 1; i < m.sources.size(); ++i) {
                const StoredReport* r = by_id.at(m.sources[i].report_id);
                const Incident& in = r->incident;
                out << csv_field(m.incident.incident_id) << ',' << csv_field(in.incident_id) << ','
                    << csv_field(in.article_id) << ',' << csv_field(m.sources[0].article_id) << ','
                    << csv_field(in.event_type) << ','
                    << (in.event_date ? in.event_date->iso() : std::string()) << ','
                    << csv_field(in.where.place ? in.where.place->name : std::string()) << ','
                    << count_text(in.casualties.killed) << ','
                    << count_text(m.incident.casualties.killed) << ','
                    << csv_field(m.sources[i].reason) << '\n';
            }
        }
        out.flush();
        if (!out) throw Error("cannot write the dedup report", tmp.string());
    });
}

}  // namespace incimap
