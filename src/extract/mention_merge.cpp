#include "extract/mention_merge.hpp"

#include <algorithm>
#include <cmath>

#include "extract/casualties.hpp"
#include "gazetteer/resolver.hpp"
#include "text/word_tables.hpp"

namespace incimap {

namespace {

// Mentions farther apart than this many sentences merge only when their counts match exactly.
constexpr std::size_t kMergeWindow = 3;
// Two named places this close are one place named twice (gazetteer duplicates, a quarter and
// its town centre).
constexpr double kSameSpotKm = 3.0;
// Two points of one event: near/offset points of the same town fall within this.
constexpr double kSamePlaceKm = 25.0;
// An event more than this many days before publication is recalled, not news (ACLED codes
// weekly; a week-old event is no longer the report's news).
constexpr long kNewsWindowDays = 6;

bool generic(const EventType* t) {
    return t->code == "attack" || t->code == "armed_clash" || t->code == "other_explosion";
}

// Arrests are no violence: "an attack" near an arrest is another event, never its account.
bool arrest(const EventType* t) { return t->code == "arrest"; }

// A suicide bomber, a car bomb and a planted device are often one attack told in parts ("a
// suicide attack at the entrance and then a car bomb in the street").
bool bombing(const EventType* t) {
    return t->code == "car_bomb" || t->code == "suicide_bomb" || t->code == "ied";
}

bool types_fit(const EventType* a, const EventType* b) {
    if (a == b) return true;
    if (arrest(a) || arrest(b)) return false;
    return generic(a) || generic(b) || (bombing(a) && bombing(b));
}

bool counts_fit(const Count& a, const Count& b) {
    if (a.value && b.value && !a.vague && !b.vague) return *a.value == *b.value;
    return true;
}

bool exact_equal(const Count& a, const Count& b) {
    return a.value && b.value && !a.vague && !b.vague && *a.value == *b.value && *a.value > 0;
}

// A place given only as a side of a named one ("east of Deir ez-Zor", no distance) can lie this
// far from it: the farthest towns that reports of Syria place by their governorate capital.
constexpr double kDirectionOnlyKm = 120.0;


// `a` names a place where `b` has none, or a finer place inside b's governorate.
bool finer_place(const std::optional<PlaceRef>& a, const std::optional<PlaceRef>& b) {
    if (!a || !a->place) return false;
    if (!b || !b->place) return b ? b->country_code == a->country_code || b->country_code.empty() : true;
    if (same_words_read_finer(*a, *b)) return false;
    return b->geo_precision == 3 && a->geo_precision < 3 && a->country_code == b->country_code &&
           (b->admin.admin1_pcode.empty() || a->admin.admin1_pcode == b->admin.admin1_pcode);
}

bool places_fit(const std::optional<PlaceRef>& a, const std::optional<PlaceRef>& b) {
    if (!a || !b || !a->place || !b->place) return true;
    if (a->country_code != b->country_code) return false;
    // A wide region ("the Syrian desert", a governorate) contains the finer place if it
    // shares the governorate, or says nothing about it.
    auto wide = [](const PlaceRef& p) { return p.geo_precision == 3; };
    if (wide(*a) || wide(*b)) {
        const std::string& x = a->admin.admin1_pcode;
        const std::string& y = b->admin.admin1_pcode;
        const bool a_region = wide(*a) && a->place->feature_type != "governorate";
        const bool b_region = wide(*b) && b->place->feature_type != "governorate";
        return a_region || b_region || x.empty() || y.empty() || x == y;
    }
    if (a->place->id == b->place->id) return true;
    // Two towns or villages named each as the place ("in X", "in Y") are two places, however
    // close: a roundup of shootings in neighbouring villages tells several events.
    const double apart = great_circle_km(a->point, b->point);
    if (a->geo_precision == 1 && b->geo_precision == 1) return apart <= kSameSpotKm;
    if (apart <= kSamePlaceKm) return true;
    // "a town east of Deir ez-Zor" says the side, not the distance: any place on that side
    // within a day's report of the named one fits it.
    auto loose = [](const PlaceRef& p) { return direction_only(p) ? kDirectionOnlyKm : 0.0; };
    const double reach = std::max(loose(*a), loose(*b));
    return reach > 0 && great_circle_km(direction_only(*a) ? a->place->point : a->point,
                                        direction_only(*b) ? b->place->point : b->point) <= reach;
}

// Two named places in one country within a town's reach of each other.
bool near_each_other(const std::optional<PlaceRef>& a, const std::optional<PlaceRef>& b) {
    return a && b && a->place && b->place && a->country_code == b->country_code &&
           great_circle_km(a->point, b->point) <= kSamePlaceKm;
}

// `a` is told before `b`. `linked`: the text ties the two mentions by an exact toll they share.
bool dates_fit(const EventMention& a, const EventMention& b, bool linked) {
    if (a.date_recalls_past != b.date_recalls_past && a.has_date_words && b.has_date_words)
        return false;
    // "has arrested 12" (no date), then "had made arrests last October": a later mention that
    // recalls a past time is another event, unless the same toll ties the two. (A later
    // undated sentence may go on telling a recalled one: "In January IS attacked the prison.
    // A week of fighting left 370 dead.")
    if (!linked && b.date_recalls_past && !a.has_date_words) return false;
    // Both say when, but only one date resolved (no publication date for "October last
    // year", a year for "March 2017"): the dates cannot be compared, and unless the text
    // links the two, the resolved one must not date the other's event.
    const bool both_dated = a.has_date_words && b.has_date_words;
    if (!linked && both_dated && a.date.has_value() != b.date.has_value()) return false;
    // Neither resolved: different month or weekday names are different times.
    if (both_dated && !a.date && !b.date) {
        if (a.date_month && b.date_month && a.date_month != b.date_month) return false;
        if (a.date_weekday >= 0 && b.date_weekday >= 0 && a.date_weekday != b.date_weekday)
            return false;
    }
    if (a.date && b.date) {
        const long gap = std::labs(a.date->days_since_epoch() - b.date->days_since_epoch());
        const bool coarse = a.date_precision != DatePrecision::day ||
                            b.date_precision != DatePrecision::day;
        return gap == 0 || (coarse && gap <= 31);
    }
    return true;
}

bool actors_fit(const EventMention& a, const EventMention& b) {
    return a.actor.empty() || b.actor.empty() || a.actor == b.actor;
}

// The same toll of two or more told twice: "at least 19 civilians" and "the 19 dead" are one
// figure (a hedge does not make it another).
bool same_toll(const Count& a, const Count& b) {
    return a.value && b.value && *a.value == *b.value && *a.value >= 2 && a.low == b.low;
}

// The same killed figure, hedged or not ("at least five", "five").
bool same_figure(const Count& a, const Count& b) {
    return a.value && b.value && *a.value == *b.value && *a.value > 0;
}

bool same_event(const EventMention& a, const EventMention& b) {
    const bool close = b.sentence_index <= a.last_sentence + kMergeWindow;
    // The same toll links mentions anywhere in the article ("... killed at least 19 civilians
    // after capturing a village" and, later, "the 19 dead were from families of fighters").
    // A dated or recalled mention is linked only by an exact toll and type, as before.
    const bool toll = same_toll(a.counts.killed, b.counts.killed);
    const bool undated = !a.has_date_words && !b.has_date_words && !b.recall_markers;
    // A later undated mention of the same toll tells the dated event again ("killed at least
    // 19 civilians ... on Thursday", then "the 19 dead were from families of fighters").
    const bool retold = !b.has_date_words && !b.recall_markers && types_fit(a.type, b.type);
    const bool echo = (exact_equal(a.counts.killed, b.counts.killed) && a.type == b.type) ||
                      (toll && (undated || retold));
    // Further on, the same specific deed at the same named place with no toll of its own tells
    // the event again ("a suicide bombing killed 12 in Qaryatein", paragraphs later "two
    // bombers struck Qaryatein on Saturday"), unless it recalls an earlier time.
    const bool same_named_place = a.where && b.where && a.where->place && b.where->place &&
                                  a.where->place->id == b.where->place->id;
    const bool same_deed_there = a.type == b.type && !generic(a.type) && same_named_place &&
                                 !mentioned(b.counts.killed) && !mentioned(b.counts.injured) &&
                                 !b.recall_markers && !b.date_recalls_past;
    if (!close && !echo && !same_deed_there) return false;
    // "Earlier in January, nine were killed ...": the text says this is another, earlier
    // event than the one it has been telling, unless the same toll links them.
    if (b.opens_earlier && !echo) return false;
    // The same exact toll and deed told within a few sentences at two named places close
    // together ("a blast killed three in Qaryatein", then "the blast went off in Mahin,
    // killing three") is one event placed twice, not a roundup of two villages.
    const bool retold_nearby = close && toll && exact_equal(a.counts.killed, b.counts.killed) &&
                               a.type == b.type && near_each_other(a.where, b.where);
    // The same toll of two or more at a place that fits is the same event told in other words
    // ("clashes kill 17 in Deraa" and "the army shelled Deraa, killing 17").
    return (types_fit(a.type, b.type) || toll) && counts_fit(a.counts.killed, b.counts.killed) &&
           counts_fit(a.counts.injured, b.counts.injured) &&
           counts_fit(a.counts.captured, b.counts.captured) &&
           (places_fit(a.where, b.where) || retold_nearby) && dates_fit(a, b, echo) &&
           actors_fit(a, b);
}

void take_count(Count& into, const Count& from) {
    if (!mentioned(from)) return;
    const bool into_exact = into.value && !into.vague;
    const bool from_exact = from.value && !from.vague;
    if (!mentioned(into) || (from_exact && !into_exact)) into = from;
}

void absorb(EventMention& into, const EventMention& from) {
    if (from.type->specificity > into.type->specificity) into.type = from.type;
    take_count(into.counts.killed, from.counts.killed);
    take_count(into.counts.injured, from.counts.injured);
    take_count(into.counts.captured, from.counts.captured);
    // "in the eastern countryside of Homs province", then "killed ... in Homs": the bare name
    // of the area told before is that area again, not the city that shares its name.
    const bool names_area_again =
        into.where && into.where->place && into.where->geo_precision == 3 && from.where &&
        !from.where->text.empty() &&
        ascii_lower(into.where->text).find(ascii_lower(from.where->text)) != std::string::npos;
    if (from.where && from.where->place && !names_area_again &&
        (!into.where || !into.where->place || from.where->geo_precision < into.where->geo_precision))
        into.where = from.where;
    const bool finer_date = from.date && (!into.date || from.date_precision < into.date_precision);
    if (finer_date || (!into.has_date_words && from.has_date_words)) {
        into.date = from.date;
        into.date_precision = from.date_precision;
        into.has_date_words = from.has_date_words;
        into.date_recalls_past = from.date_recalls_past;
        into.date_is_recent = from.date_is_recent;
        into.date_month = from.date_month;
        into.date_weekday = from.date_weekday;
    }
    into.recall_markers = into.recall_markers && from.recall_markers;
    if (into.actor.empty()) into.actor = from.actor;
    if (into.victims.empty()) into.victims = from.victims;
    into.last_sentence = std::max(into.last_sentence, from.last_sentence);
    into.support += from.support;
}

}  // namespace

bool same_words_read_finer(const PlaceRef& finer, const PlaceRef& coarse) {
    if (finer.place && coarse.place &&
        (finer.place->name == coarse.place->name || finer.text == coarse.place->name))
        return true;
    return ascii_lower(coarse.text).find(ascii_lower(finer.text)) != std::string::npos;
}

bool direction_only(const PlaceRef& p) {
    if (p.geo_precision != 2 || !p.place) return false;
    const std::string& t = p.text;
    const bool side = t.find("east of") != std::string::npos || t.find("west of") != std::string::npos ||
                      t.find("north of") != std::string::npos || t.find("south of") != std::string::npos;
    return side && t.find("km") == std::string::npos && t.find("kilomet") == std::string::npos &&
           t.find("mile") == std::string::npos;
}

std::vector<EventMention> merge_mentions(std::vector<EventMention> mentions) {
    std::vector<EventMention> events;
    for (EventMention& m : mentions) {
        // The nearest event told before that this mention fits, unless the mention gives no
        // time and the lead's event, which it fits too, has its killed figure: "at least five
        // killed on Friday", "the strikes answered rockets fired on Thursday", "... killing
        // five": the five join Friday's raid, the report's news.
        auto into = events.rend();
        for (auto it = events.rbegin(); it != events.rend(); ++it) {
            if (!same_event(*it, m)) continue;
            if (into == events.rend()) into = it;
            if (std::next(it) == events.rend() && !m.has_date_words &&
                same_figure(it->counts.killed, m.counts.killed)) {
                into = it;
                break;
            }
        }
        if (into != events.rend())
            absorb(*into, m);
        else
            events.push_back(std::move(m));
    }
    // A lead that sums several events of the article ("Five killed by landmines" before the
    // 3 and the 2) is their summary, not one more event.
    std::vector<EventMention> kept;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const EventMention& e = events[i];
        bool summary = false;
        if (e.counts.killed.value && (!e.where || e.where->geo_precision == 3)) {
            int sum = 0, parts = 0;
            for (std::size_t j = 0; j < events.size(); ++j)
                if (j != i && events[j].type == e.type && events[j].counts.killed.value) {
                    sum += *events[j].counts.killed.value;
                    ++parts;
                }
            summary = parts >= 2 && sum == *e.counts.killed.value;
        }
        if (!summary) kept.push_back(e);
    }
    return kept;
}

void apply_headlines(std::vector<EventMention>& events, const std::vector<EventMention>& headlines) {
    for (const EventMention& h : headlines)
        for (EventMention& e : events) {
            // A headline tells the news, not an event the article recalls.
            if (e.date_recalls_past) continue;
            if (!types_fit(e.type, h.type) || !counts_fit(e.counts.killed, h.counts.killed) ||
                !places_fit(e.where, h.where))
                continue;
            const bool counts_agree = exact_equal(e.counts.killed, h.counts.killed);
            if (!counts_agree && &e != &events.front()) continue;
            e.headline_support = true;
            if (h.type->specificity > e.type->specificity && counts_agree) e.type = h.type;
            if (e.actor.empty()) e.actor = h.actor;
            // "Landmine kills two in al-Jalaa" over a lead that says only "in the eastern
            // countryside": the headline names the place the lead leaves out.
            if (finer_place(h.where, e.where)) e.where = h.where;
            break;
        }
}

void carry_places(std::vector<EventMention>& events) {
    for (std::size_t i = 1; i < events.size(); ++i) {
        EventMention& e = events[i];
        const EventMention& before = events[i - 1];
        // The place told in the sentence before goes on until another is named.
        if (!e.where && before.where && e.sentence_index <= before.last_sentence + 1 &&
            !e.date_recalls_past && !e.opens_earlier)
            e.where = before.where;
    }
}

void assign_roles(std::vector<EventMention>& events, const std::optional<Date>& published) {
    for (std::size_t i = 0; i < events.size(); ++i) {
        EventMention& e = events[i];
        bool background;
        if (e.date && published) {
            // The end of the period the date names must fall in the news window.
            Date end = *e.date;
            // "last week" already names the day a week back: no widening.
            if (e.date_precision == DatePrecision::month)
                end = Date{end.year, end.month, days_in_month(end.year, end.month)};
            if (e.date_precision == DatePrecision::year) end = Date{end.year, 12, 31};
            background = published->days_since_epoch() - end.days_since_epoch() > kNewsWindowDays;
        } else if (e.has_date_words) {
            // Unresolved: judge by the words. A calendar date other than the lead's is recalled.
            background = e.date_recalls_past ||
                         (!e.date_is_recent && i > 0 && !e.date) ||
                         (e.recall_markers && !e.date_is_recent);
        } else {
            background = e.recall_markers;
        }
        e.role = background ? IncidentRole::background : IncidentRole::current;
    }
}

double confidence(const EventMention& e) {
    double c = 0.35;
    if (e.where && e.where->place) c += e.where->geo_precision == 1   ? 0.2
                                        : e.where->geo_precision == 2 ? 0.15
                                                                      : 0.05;
    if (e.date) c += 0.1;
    const auto exact = [](const Count& n) { return n.value && !n.vague; };
    if (exact(e.counts.killed) || exact(e.counts.injured) || exact(e.counts.captured)) c += 0.1;
    if (!generic(e.type)) c += 0.1;
    c += std::min(0.1, 0.05 * (e.support - 1));
    if (e.headline_support) c += 0.05;
    return std::clamp(c, 0.0, 1.0);
}

}  // namespace incimap
