#include "pipeline/dedup.hpp"

#include <algorithm>
#include <array>
#include <cctype>
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

// Without an event date a changed figure cannot be told from a rising toll, so each count
// must be the same figure (or unknown in one report).
bool counts_same_or_unknown(const Count& a, const Count& b) {
    return !a.value || !b.value || *a.value == *b.value;
}

// "soldiers" and "militia (Iran-backed militias)" are different people hit; a report that
// does not say who was hit agrees with any.
bool victims_agree(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return true;
    if (a == b) return true;
    const auto head = [](const std::string& v) { return v.substr(0, v.find(" (")); };
    // The same category, one of them without the group's name.
    return head(a) == head(b) && (a.find(" (") == std::string::npos ||
                                  b.find(" (") == std::string::npos);
}

struct TargetWord {
    std::string_view name;
    std::array<std::string_view, 3> spellings;  // whole words, lower case
};
// What an attack hit, as reports name it ("an attack on a military bus", "targeting a bus"):
// the nouns of ACLED's event notes that single out one event among many in a region.
constexpr TargetWord kTargets[] = {
    {"bus", {"bus", "buses", "busses"}},
    {"convoy", {"convoy", "convoys", ""}},
    {"checkpoint", {"checkpoint", "checkpoints", ""}},
    {"hospital", {"hospital", "hospitals", ""}},
    {"market", {"market", "marketplace", ""}},
    {"school", {"school", "schools", ""}},
    {"mosque", {"mosque", "mosques", ""}},
    {"church", {"church", "churches", ""}},
    {"bakery", {"bakery", "bakeries", ""}},
    {"prison", {"prison", "jail", ""}},
    {"pipeline", {"pipeline", "pipelines", ""}},
    {"airport", {"airport", "airbase", ""}},
};

bool has_word(const std::string& low, std::string_view w) {
    if (w.empty()) return false;
    for (auto pos = low.find(w); pos != std::string::npos; pos = low.find(w, pos + 1)) {
        const bool start = pos == 0 || !std::isalnum(static_cast<unsigned char>(low[pos - 1]));
        const std::size_t end = pos + w.size();
        if (start && (end == low.size() || !std::isalnum(static_cast<unsigned char>(low[end]))))
            return true;
    }
    return false;
}

std::string lower_text(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<std::string_view> shared_target(const Incident& a, const Incident& b) {
    const std::string la = lower_text(a.evidence), lb = lower_text(b.evidence);
    for (const TargetWord& t : kTargets) {
        const auto in = [&](const std::string& low) {
            return std::any_of(t.spellings.begin(), t.spellings.end(),
                               [&](std::string_view w) { return has_word(low, w); });
        };
        if (in(la) && in(lb)) return t.name;
    }
    return std::nullopt;
}

// Where two reports without a common date may be one event: the same place or within
// `undated_distance_km`; a report at region or governorate level only with a report in its
// governorate that names the same target (the bus, the convoy).
std::optional<std::string> undated_place(const Incident& a, const Incident& b,
                                         const DedupRules& rules) {
    if (a.where.country_code != b.where.country_code) return std::nullopt;
    if (a.where.geo_precision >= 3 || b.where.geo_precision >= 3) {
        // "In the Homs countryside" twice is not one event without more: a region ("the Badia") covers the points within its radius; a governorate its
        // P-code. Either way it says too little alone: the evidence must name one target.
        const Incident& wide = a.where.geo_precision >= 3 ? a : b;
        const Incident& other = &wide == &a ? b : a;
        const Place& region = *wide.where.place;
        const bool in_region =
            region.feature_type != "governorate" && region.precision_km > 0 &&
            great_circle_km(region.point, other.where.point) <= region.precision_km;
        const std::string& pa = a.where.admin.admin1_pcode;
        const bool same_governorate = !pa.empty() && pa == b.where.admin.admin1_pcode;
        if (!in_region && !same_governorate) return std::nullopt;
        const auto target = shared_target(a, b);
        if (!target) return std::nullopt;
        return other.where.place->name + (in_region ? " within " : " in the governorate of ") +
               region.name + ", both of an attack on a " + std::string(*target);
    }
    if (a.where.place->id == b.where.place->id) return "same place (" + a.where.place->name + ")";
    const double km = great_circle_km(a.where.point, b.where.point);
    if (km > rules.undated_distance_km) return std::nullopt;
    return a.where.place->name + " and " + b.where.place->name + " " + fixed(km, 1) + " km apart";
}

// The days a report's event may lie in: its date widened by its precision, or, undated, the
// window before its article's publication (the news window for current news, the recall
// window for a recalled event). nullopt when neither date is known.
struct DayWindow {
    long first, last;
};
std::optional<DayWindow> event_window(const StoredReport& r, const DedupRules& rules) {
    const Incident& i = r.incident;
    if (has_date(i)) {
        const long d = i.event_date->days_since_epoch();
        const long span = precision_span_days(i.date_precision);
        return DayWindow{d - span, d + span};
    }
    if (!r.published) return std::nullopt;
    const long p = r.published->days_since_epoch();
    const long back =
        i.role == IncidentRole::current ? rules.news_window_days : rules.recall_window_days;
    return DayWindow{p - back, p};
}

std::optional<std::string> undated_time(const StoredReport& a, const StoredReport& b,
                                        const DedupRules& rules) {
    const auto wa = event_window(a, rules);
    const auto wb = event_window(b, rules);
    if (!wa || !wb) return "no dates to compare";
    if (std::max(wa->first, wb->first) > std::min(wa->last, wb->last) + rules.date_slack_days)
        return std::nullopt;
    return std::string("dates compatible with publication");
}

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
        // Without a common date (docs/store.md): a close place, the same figures, the same
        // people hit, and publication dates that leave room for one event.
        if (!counts_same_or_unknown(ca.killed, cb.killed) ||
            !counts_same_or_unknown(ca.injured, cb.injured) ||
            !counts_same_or_unknown(ca.captured, cb.captured))
            return std::nullopt;
        if (!victims_agree(a.victims, b.victims)) return std::nullopt;
        const auto place = undated_place(a, b, rules);
        if (!place) return std::nullopt;
        const auto time = undated_time(ra, rb, rules);
        if (!time) return std::nullopt;
        reasons += "; " + *place + "; no common event date, " + *time;
        if (ca.killed.value && cb.killed.value)
            reasons += "; killed " + count_text(ca.killed) + " in both";
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
    // One day index per date precision: a report searches each with its own span plus that
    // index's, so a few year-precise reports do not widen every day-precise search to a year
    // (which made merging quadratic in the store's size).
    std::map<long, std::multimap<long, std::size_t>> by_day;  // span days -> day -> cluster
    std::multimap<std::int64_t, std::size_t> by_place;
    // Undated reports match within their governorate; so clusters are also indexed by
    // governorate: all of them for undated reports to search, those with an undated report
    // for dated ones.
    std::multimap<std::string, std::size_t> by_admin1;
    std::multimap<std::string, std::size_t> undated_by_admin1;
    // The same for clusters holding a governorate-level report, which point reports search.
    std::multimap<std::string, std::size_t> wide_by_admin1;
    std::multimap<std::string, std::size_t> wide_undated_by_admin1;
    // Point reports by grid cell. A cell is at least undated_distance_km wide at Syria's
    // latitudes (1 degree of longitude is over 80 km below 43.5N), so a point's 3 x 3 cells hold
    // every point within that distance.
    const double cell_degrees = std::max(rules.undated_distance_km, 1.0) / 80.0;
    auto cell_of = [cell_degrees](LonLat p) {
        return std::pair<long, long>{static_cast<long>(std::floor(p.lon / cell_degrees)),
                                     static_cast<long>(std::floor(p.lat / cell_degrees))};
    };
    std::multimap<std::pair<long, long>, std::size_t> by_cell;
    // Clusters with an undated report of a region ("the Badia"): few, and they reach across
    // governorates, so every report looks at them and they look at every cluster.
    std::set<std::size_t> undated_regions;
    auto wide_region = [](const Incident& in) {
        return located(in) && !has_date(in) && in.where.geo_precision >= 3 &&
               in.where.place->feature_type != "governorate";
    };

    for (const StoredReport& r : reports) {
        std::set<std::size_t> candidates;
        const Incident& in = r.incident;
        if (has_date(in)) {
            const long day = in.event_date->days_since_epoch();
            for (const auto& [span, index] : by_day) {
                const long reach =
                    rules.date_slack_days + precision_span_days(in.date_precision) + span;
                for (auto it = index.lower_bound(day - reach);
                     it != index.end() && it->first <= day + reach; ++it)
                    candidates.insert(it->second);
            }
        }
        const std::string& admin1 = in.where.admin.admin1_pcode;
        if (located(in)) {
            auto [lo, hi] = by_place.equal_range(in.where.place->id);
            for (auto it = lo; it != hi; ++it) candidates.insert(it->second);
            const bool point = in.where.geo_precision < 3;
            if (point) {
                // Two point reports without a common date match within undated_distance_km:
                // the clusters in the 3 x 3 grid cells around this point hold all of them.
                const auto [cx, cy] = cell_of(in.where.point);
                for (long dx = -1; dx <= 1; ++dx)
                    for (long dy = -1; dy <= 1; ++dy) {
                        auto [glo, ghi] = by_cell.equal_range({cx + dx, cy + dy});
                        for (auto it = glo; it != ghi; ++it) candidates.insert(it->second);
                    }
            }
            if (!admin1.empty()) {
                // A governorate-level report matches anything in its governorate; a point
                // report, only the governorate-level reports there.
                auto& index = point ? (has_date(in) ? wide_undated_by_admin1 : wide_by_admin1)
                                    : (has_date(in) ? undated_by_admin1 : by_admin1);
                auto [alo, ahi] = index.equal_range(admin1);
                for (auto it = alo; it != ahi; ++it) candidates.insert(it->second);
            }
        }
        candidates.insert(undated_regions.begin(), undated_regions.end());
        if (wide_region(in))
            for (std::size_t c = 0; c < clusters.size(); ++c) candidates.insert(c);
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
            by_day[precision_span_days(in.date_precision)].emplace(
                in.event_date->days_since_epoch(), *joined);
        }
        if (wide_region(in)) undated_regions.insert(*joined);
        if (located(in)) {
            by_place.emplace(in.where.place->id, *joined);
            if (in.where.geo_precision < 3) by_cell.emplace(cell_of(in.where.point), *joined);
            if (!admin1.empty()) {
                by_admin1.emplace(admin1, *joined);
                if (!has_date(in)) undated_by_admin1.emplace(admin1, *joined);
                if (in.where.geo_precision >= 3) {
                    wide_by_admin1.emplace(admin1, *joined);
                    if (!has_date(in)) wide_undated_by_admin1.emplace(admin1, *joined);
                }
            }
        }
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
