// When two reports are the same event, and what their merged record says (docs/store.md,
// "De-duplication rule" and "The merged record").
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <type_traits>

#include "geo/geos_context.hpp"
#include "pipeline/dedup.hpp"

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
    {"other_explosion", "landmine"},
    {"other_explosion", "ied"},
    {"other_explosion", "car_bomb"},
    {"other_explosion", "suicide_bomb"},
    {"other_explosion", "air_strike"},
    {"other_explosion", "shelling"},
    {"ied", "landmine"},
    {"ied", "car_bomb"},
    {"ambush", "armed_clash"},
    {"attack", "ambush"},
    {"attack", "armed_clash"},
    {"attack", "ied"},
    {"attack", "landmine"},
    {"attack", "car_bomb"},
    {"attack", "suicide_bomb"},
    {"attack", "shelling"},
    {"attack", "air_strike"},
    {"attack", "assassination"},
    {"attack", "execution"},
    {"attack", "other_explosion"},
};

// Days an event date of each precision may stand for, on either side of the date given.
long precision_span_days(DatePrecision p) {
    switch (p) {
        case DatePrecision::day:
            return 0;
        case DatePrecision::week:
            return 7;
        case DatePrecision::month:
            return 31;
        case DatePrecision::year:
            return 366;
        case DatePrecision::unknown:
            break;
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

// The checks below return why two reports agree, or nullopt. Merging asks the question far
// more often than it records the answer: with `explain` false they return an empty reason.
using Reason = std::optional<std::string>;

Reason same_place(const Incident& a, const Incident& b, double max_km, bool explain) {
    if (a.where.country_code != b.where.country_code) return std::nullopt;
    if (a.where.place->id == b.where.place->id) {
        if (!explain) return std::string();
        return "same place (" + a.where.place->name + ")";
    }
    if (a.where.geo_precision >= 3 || b.where.geo_precision >= 3) {
        // A governorate-level report says no more than "somewhere in Homs".
        const std::string& pa = a.where.admin.admin1_pcode;
        if (pa.empty() || pa != b.where.admin.admin1_pcode) return std::nullopt;
        if (!explain) return std::string();
        return "same governorate (" + a.where.admin.admin1_name + "), one at governorate level";
    }
    const double km = great_circle_km(a.where.point, b.where.point);
    if (km > max_km) return std::nullopt;
    if (!explain) return std::string();
    return a.where.place->name + " and " + b.where.place->name + " " + fixed(km, 1) + " km apart";
}

Reason same_time(const Incident& a, const Incident& b, int slack, bool explain) {
    const long da = a.event_date->days_since_epoch();
    const long db = b.event_date->days_since_epoch();
    const long allowed =
        slack + precision_span_days(a.date_precision) + precision_span_days(b.date_precision);
    const long apart = std::labs(da - db);
    if (apart > allowed) return std::nullopt;
    if (!explain) return std::string();
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
    return head(a) == head(b) &&
           (a.find(" (") == std::string::npos || b.find(" (") == std::string::npos);
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

// Bit i is set when the evidence names kTargets[i].
unsigned targets_named(const std::string& evidence) {
    const std::string low = lower_text(evidence);
    unsigned mask = 0;
    for (std::size_t i = 0; i < std::size(kTargets); ++i)
        if (std::any_of(kTargets[i].spellings.begin(), kTargets[i].spellings.end(),
                        [&](std::string_view w) { return has_word(low, w); }))
            mask |= 1u << i;
    return mask;
}

std::optional<std::string_view> shared_target(const Incident& a, const Incident& b) {
    const unsigned both = targets_named(a.evidence) & targets_named(b.evidence);
    for (std::size_t i = 0; i < std::size(kTargets); ++i)
        if (both & (1u << i)) return kTargets[i].name;
    return std::nullopt;
}

// Where two reports without a common date may be one event: the same place or within
// `undated_distance_km`; a report at region or governorate level only with a report in its
// governorate that names the same target (the bus, the convoy).
Reason undated_place(const Incident& a, const Incident& b, const DedupRules& rules, bool explain) {
    if (a.where.country_code != b.where.country_code) return std::nullopt;
    if (a.where.geo_precision >= 3 || b.where.geo_precision >= 3) {
        // "In the Homs countryside" twice is not one event without more: a region ("the Badia")
        // covers the points within its radius; a governorate its P-code. Either way it says too
        // little alone: the evidence must name one target.
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
        if (!explain) return std::string();
        return other.where.place->name + (in_region ? " within " : " in the governorate of ") +
               region.name + ", both of an attack on a " + std::string(*target);
    }
    if (a.where.place->id == b.where.place->id) {
        if (!explain) return std::string();
        return "same place (" + a.where.place->name + ")";
    }
    const double km = great_circle_km(a.where.point, b.where.point);
    if (km > rules.undated_distance_km) return std::nullopt;
    if (!explain) return std::string();
    return a.where.place->name + " and " + b.where.place->name + " " + fixed(km, 1) + " km apart";
}

Reason undated_time(const StoredReport& a, const StoredReport& b, const DedupRules& rules,
                    bool explain) {
    const auto wa = event_window(a, rules);
    const auto wb = event_window(b, rules);
    if (wa && wb &&
        std::max(wa->first, wb->first) > std::min(wa->last, wb->last) + rules.date_slack_days)
        return std::nullopt;
    if (!explain) return std::string();
    return std::string(wa && wb ? "dates compatible with publication" : "no dates to compare");
}

std::string type_reason(const Incident& a, const Incident& b) {
    return a.event_type == b.event_type
               ? "same event type (" + a.event_type + ")"
               : "compatible event types (" + a.event_type + ", " + b.event_type + ")";
}

Reason compare(const StoredReport& ra, const StoredReport& rb, const DedupRules& rules,
               bool explain) {
    if (ra.article_key == rb.article_key) return std::nullopt;
    const Incident& a = ra.incident;
    const Incident& b = rb.incident;
    if (!located(a) || !located(b)) return std::nullopt;
    if (!compatible_event_types(a.event_type, b.event_type)) return std::nullopt;
    const Casualties& ca = a.casualties;
    const Casualties& cb = b.casualties;
    if (!counts_agree(ca.killed, cb.killed) || !counts_agree(ca.injured, cb.injured))
        return std::nullopt;

    if (has_date(a) && has_date(b)) {
        const auto place = same_place(a, b, rules.max_distance_km, explain);
        if (!place) return std::nullopt;
        const auto time = same_time(a, b, rules.date_slack_days, explain);
        if (!time) return std::nullopt;
        if (!explain) return std::string();
        std::string reasons = type_reason(a, b) + "; " + *place + "; " + *time;
        if (ca.killed.value && cb.killed.value)
            reasons += "; killed " + count_text(ca.killed) + " and " + count_text(cb.killed);
        return reasons;
    }
    // Without a common date (docs/store.md): a close place, the same figures, the same people
    // hit, and publication dates that leave room for one event.
    if (!counts_same_or_unknown(ca.killed, cb.killed) ||
        !counts_same_or_unknown(ca.injured, cb.injured) ||
        !counts_same_or_unknown(ca.captured, cb.captured))
        return std::nullopt;
    if (!victims_agree(a.victims, b.victims)) return std::nullopt;
    const auto place = undated_place(a, b, rules, explain);
    if (!place) return std::nullopt;
    const auto time = undated_time(ra, rb, rules, explain);
    if (!time) return std::nullopt;
    if (!explain) return std::string();
    std::string reasons = type_reason(a, b) + "; " + *place + "; no common event date, " + *time;
    if (ca.killed.value && cb.killed.value)
        reasons += "; killed " + count_text(ca.killed) + " in both";
    return reasons;
}

}  // namespace

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

bool compatible_event_types(const std::string& a, const std::string& b) {
    if (a == b) return true;
    return std::any_of(
        std::begin(compatible_pairs), std::end(compatible_pairs),
        [&](const TypePair& p) { return (p.a == a && p.b == b) || (p.a == b && p.b == a); });
}

std::optional<std::string> same_event(const StoredReport& ra, const StoredReport& rb,
                                      const DedupRules& rules) {
    return compare(ra, rb, rules, true);
}

bool is_same_event(const StoredReport& a, const StoredReport& b, const DedupRules& rules) {
    return compare(a, b, rules, false).has_value();
}

std::string comparison_key(const StoredReport& r) {
    // Every field compare() and the checks it calls read, but the article; keep this in step
    // with them. Text fields end with a separator that never occurs in them.
    const Incident& i = r.incident;
    std::string key;
    const auto add = [&key](const auto&... fields) {
        char buf[48];
        const auto one = [&](const auto& field) {
            using T = std::decay_t<decltype(field)>;
            if constexpr (std::is_same_v<T, std::string>) {
                key += field;
                key += '\x1f';
            } else if constexpr (std::is_floating_point_v<T>) {
                key.append(buf,
                           static_cast<std::size_t>(std::snprintf(buf, sizeof buf, "%a|", field)));
            } else {
                key += std::to_string(field) + '|';
            }
        };
        (one(fields), ...);
    };
    add(i.event_type);
    for (const Count* c : {&i.casualties.killed, &i.casualties.injured, &i.casualties.captured})
        add(c->value.value_or(-1), c->value ? 1 : 0, c->low, c->high);
    if (located(i)) {
        const Place& p = *i.where.place;
        add(1, p.id, p.feature_type, p.precision_km, p.point.lon, p.point.lat);
        add(i.where.geo_precision, i.where.country_code, i.where.admin.admin1_pcode,
            i.where.point.lon, i.where.point.lat);
    } else {
        add(0);
    }
    if (has_date(i)) {
        add(1, i.event_date->days_since_epoch(), static_cast<int>(i.date_precision));
    } else {
        // Undated: placed by its publication and role (event_window).
        add(0, r.published ? r.published->days_since_epoch() : std::numeric_limits<long>::min(),
            static_cast<int>(i.role));
    }
    // Compared whenever either report is undated.
    add(i.victims, targets_named(i.evidence));
    return key;
}

namespace {

// The most precise report carries place, date and evidence: current news before a recalled
// event, a named place before a governorate, a day before a month, then the extractor's
// confidence, then the earliest stored.
auto precision_rank(const StoredReport& r) {
    const Incident& i = r.incident;
    return std::make_tuple(i.role == IncidentRole::current ? 0 : 1,
                           located(i) ? i.where.geo_precision : 9,
                           has_date(i) ? static_cast<int>(i.date_precision) : 9, -i.confidence,
                           r.report_id);
}

}  // namespace

MergingIncident::MergingIncident(const StoredReport& first)
    : incident_id_(first.incident.incident_id), best_(&first), confidence_(first.incident.confidence) {
    add(first);
}

MergingIncident::MergingIncident(const Incident& merged, const StoredReport& best,
                                 std::string first_actor, std::string first_victims)
    : incident_id_(merged.incident_id),
      best_(&best),
      confidence_(merged.confidence),
      any_current_(merged.role == IncidentRole::current),
      first_actor_(std::move(first_actor)),
      first_victims_(std::move(first_victims)) {
    // A merged count has a value exactly when some report gave one; it is then the fold of
    // every such count so far.
    const auto restore = [](const Count& c) { return c.value ? std::optional<Count>(c) : std::nullopt; };
    killed_ = restore(merged.casualties.killed);
    injured_ = restore(merged.casualties.injured);
    captured_ = restore(merged.casualties.captured);
}

void MergingIncident::add(const StoredReport& report) {
    const Incident& in = report.incident;
    if (precision_rank(report) < precision_rank(*best_)) best_ = &report;
    // ACLED codes the most credible figure; with no way to weigh outlets we take the highest
    // exact count any source gives (the first to give it), and keep the lowest and highest
    // figures as the range.
    const auto fold = [](std::optional<Count>& out, const Count& c) {
        if (!c.value) return;
        if (!out) {
            out = c;
            return;
        }
        if (*c.value > *out->value) {
            out->value = c.value;
            out->vague = c.vague;
        }
        out->low = std::min(out->low, c.low);
        out->high = std::max(out->high, c.high);
    };
    fold(killed_, in.casualties.killed);
    fold(injured_, in.casualties.injured);
    fold(captured_, in.casualties.captured);
    confidence_ = std::max(confidence_, in.confidence);
    any_current_ = any_current_ || in.role == IncidentRole::current;
    if (first_actor_.empty()) first_actor_ = in.actor;
    if (first_victims_.empty()) first_victims_ = in.victims;
}

Incident MergingIncident::incident() const {
    Incident merged = best_->incident;
    merged.incident_id = incident_id_;
    if (killed_) merged.casualties.killed = *killed_;
    if (injured_) merged.casualties.injured = *injured_;
    if (captured_) merged.casualties.captured = *captured_;
    merged.confidence = std::max(merged.confidence, confidence_);
    if (any_current_) merged.role = IncidentRole::current;
    // The best report's actor and victims, else the first report's that names them.
    if (merged.actor.empty()) merged.actor = first_actor_;
    if (merged.victims.empty()) merged.victims = first_victims_;
    return merged;
}

Incident merge_reports(const std::vector<const StoredReport*>& reports) {
    std::vector<const StoredReport*> in_order = reports;
    std::sort(in_order.begin(), in_order.end(),
              [](const StoredReport* x, const StoredReport* y) { return x->report_id < y->report_id; });
    MergingIncident merged(*in_order.front());
    for (std::size_t i = 1; i < in_order.size(); ++i) merged.add(*in_order[i]);
    return merged.incident();
}

}  // namespace incimap
