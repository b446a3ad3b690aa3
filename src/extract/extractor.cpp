#include "extract/extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <map>
#include <string>

#include "extract/actors.hpp"
#include "extract/casualties.hpp"
#include "extract/event_mention.hpp"
#include "extract/incident_json.hpp"
#include "extract/mention_merge.hpp"
#include "gazetteer/context_hints.hpp"
#include "gazetteer/resolver.hpp"
#include "text/dates.hpp"
#include "text/numbers.hpp"
#include "text/sentences.hpp"
#include "text/word_tables.hpp"

namespace incimap {

namespace {

// Openings that tie a sentence to the event of the sentence before it.
constexpr std::array<std::string_view, 9> kContinuations{{
    "as a result", "the attack", "the explosion", "the blast", "the ambush", "they were",
    "it ", "the bombing", "the clashes"}};

// Openings that tell what followed from the sentence before.
constexpr std::array<std::string_view, 5> kConsequences{{
    "consequently", "subsequently", "shortly after", "after that", "thereafter"}};

// Words that mark an event as recalled from before the news of the day.
constexpr std::array<std::string_view, 20> kRecallMarkers{{
    "came after", "comes after", "a month after", "weeks after", "earlier", "previous",
    "the deadliest", "in the beginning of", "at the time", "the last time", "at that time",
    "a day later", "days later", "in recent months",
    // what keeps happening, not the news of the day: "has been repeatedly targeted", "IS
    // has in the past claimed similar attacks"
    "in the past", "repeatedly", "similar attacks", "has often", "have often", "frequently"}};

// Words that deny what follows them: "never get drone attacks", "did not explode". A denial
// counts only when it governs a verb of the event or of its toll, within a few words; "we have
// not been able to identify" or "no one was hurt" do not deny that the blast happened.
constexpr std::array<std::string_view, 7> kNegations{{
    " never ", " did not ", " didn't ", " not been ", " was not ", " were not ", " has not "}};
constexpr std::array<std::string_view, 14> kDeniableVerbs{{
    "killed", "kill", "injured", "wounded", "hurt", "exploded", "explode", "attacked",
    "attack", "targeted", "hit", "struck", "died", "get"}};
constexpr std::size_t kDenialReachWords = 3;

bool denies_event(const std::string& low) {
    for (std::string_view neg : kNegations) {
        for (std::size_t at = low.find(neg); at != std::string::npos; at = low.find(neg, at + 1)) {
            const auto words = text_words(std::string_view(low).substr(at + neg.size()));
            for (std::size_t k = 0; k < words.size() && k < kDenialReachWords; ++k)
                if (std::find(kDeniableVerbs.begin(), kDeniableVerbs.end(), words[k].lower) !=
                    kDeniableVerbs.end())
                    return true;
        }
    }
    return false;
}



bool starts_with_any(const std::string& low, const auto& table) {
    for (std::string_view t : table)
        if (low.starts_with(t)) return true;
    return false;
}

// ", while " joins two events in one sentence ("nine were killed in an attack ..., while in
// November another attack left five dead").
std::vector<std::pair<std::string, std::size_t>> clauses(const Sentence& s) {
    std::vector<std::pair<std::string, std::size_t>> out;
    std::size_t from = 0;
    const std::string& t = s.text;
    for (std::size_t pos = t.find(", while "); pos != std::string::npos;
         pos = t.find(", while ", pos + 1)) {
        out.emplace_back(t.substr(from, pos - from), s.offset + from);
        from = pos + 2;
    }
    out.emplace_back(t.substr(from), s.offset + from);
    return out;
}

// The date of the event, skipping dates of the report itself ("On June 25, ISIS announced",
// "a monitor reported early Monday") and the starts of periods.
// `report_day_allowed`: with no other time, the report's own recent day ("..., state TV
// reported on Sunday") stands for the event's, as event coders date such reports.
const DateMention* event_date(const std::vector<DateMention>& dates, const std::string& low,
                              bool report_day_allowed) {
    const DateMention* report_date = nullptr;  // the report's own day, the last resort
    for (const DateMention& d : dates) {
        if (d.starts_period) continue;
        // "in November last year, the Observatory said another attack left ...": a statement
        // from the past is about an event at least as old, so its date is the event's.
        if (d.recalls_past) return &d;
        const std::string after = low.substr(d.end, 40);
        const std::string before = low.substr(d.begin >= 25 ? d.begin - 25 : 0,
                                               d.begin >= 25 ? 25 : d.begin);
        // ", SANA reported" after the date dates the report only when the date opens the
        // statement; after the deed ("killed 14 people in October, SANA reported") it closes
        // the account of the event and is the event's.
        const bool after_deed = has_attack_verb(low.substr(0, d.begin));
        bool report = false;
        for (std::string_view verb : {"announced", "said", "reported", "claimed", "stated"}) {
            const auto a = after.find(verb);
            if (a != std::string::npos && a < 30 && after.substr(0, a).find(" that") == std::string::npos &&
                after.substr(0, a).find("killed") == std::string::npos && !after_deed)
                // "On June 25, ISIS announced", "on Thursday said": the date opens the statement.
                report = report || (after.find(',') != std::string::npos && after.find(',') < a) ||
                         a <= 1;
            if (before.find(verb) != std::string::npos) report = true;
        }
        if (!report) return &d;
        const bool recent_day = d.needs_publication && !d.recalls_past && d.precision == DatePrecision::day;
        if (!report_date && recent_day) report_date = &d;
    }
    return report_day_allowed ? report_date : nullptr;
}

std::string pick_actor(const std::string& text, const CasualtyReport& cas) {
    for (const ActorMention& a : find_actors(text)) {
        const bool in_victims = a.begin >= cas.victims_begin && a.end <= cas.victims_end &&
                                cas.victims_end > cas.victims_begin;
        if (!in_victims) return std::string(a.actor);
    }
    return {};
}

std::string describe_victims(const std::string& text, const CasualtyReport& cas) {
    if (cas.victims.empty()) return {};
    std::string v = cas.victims;
    if (cas.victims_end > cas.victims_begin)
        for (const ActorMention& a : find_actors(
                 std::string_view(text).substr(cas.victims_begin, cas.victims_end - cas.victims_begin)))
            return v + " (" + std::string(a.actor) + ")";
    return v;
}

// Fill counts that the earlier mention lacks; a count it already has means another event.
bool attach_counts(EventMention& m, const CasualtyReport& cas) {
    auto fits = [](const Count& have, const Count& add) { return !mentioned(add) || !mentioned(have); };
    if (!fits(m.counts.killed, cas.counts.killed) || !fits(m.counts.injured, cas.counts.injured) ||
        !fits(m.counts.captured, cas.counts.captured))
        return false;
    if (mentioned(cas.counts.killed)) m.counts.killed = cas.counts.killed;
    if (mentioned(cas.counts.injured)) m.counts.injured = cas.counts.injured;
    if (mentioned(cas.counts.captured)) m.counts.captured = cas.counts.captured;
    if (m.victims.empty()) m.victims = cas.victims;
    return true;
}

// Sentences between a tally and the list that shares it out ("The casualties are distributed
// as follows:"), and the most words of a sub-heading.
constexpr std::size_t kTallyListGap = 3;
constexpr std::size_t kHeadingWords = 5;

// A photo caption describes the picture, which may show the event or an older one ("A man
// carried from rubble after a barrel bomb ... (AFP Photo)"): its words can support and place
// an event the report tells, like a headline, but are no event of their own.
constexpr std::array<std::string_view, 10> kCaptionMarks{{
    "(photo", "photo)", "photo:", "photo/", "\u2014 photo", "handout photo", "file photo",
    "photo by", "this image", "in this photo"}};

// A caption is a short paragraph of its own: a credit inside a page scraped as one long
// paragraph does not make the report a caption.
constexpr std::size_t kCaptionMaxBytes = 400;

// What a photo shows, told in the present ("Turkish police officers inspect the area after
// rockets hit a house", "A mother holds the body of her son"): news is told in the past, so a
// short paragraph whose first words carry one of these verbs is a caption without a credit.
constexpr std::array<std::string_view, 22> kPhotoVerbs{{
    "holds", "hold", "inspect", "inspects", "walk", "walks", "stand", "stands", "carry",
    "carries", "gather", "gathers", "mourn", "mourns", "sit", "sits", "rush", "rushes",
    "look", "looks", "pray", "prays"}};
constexpr std::size_t kPhotoVerbReachWords = 8;

bool describes_photo(const std::string& text) {
    const auto words = text_words(text);
    for (std::size_t k = 1; k < words.size() && k < kPhotoVerbReachWords; ++k)
        if (is_one_of(words[k].lower, kPhotoVerbs)) return true;
    return false;
}

std::vector<bool> caption_paragraphs(const std::vector<Sentence>& sentences) {
    std::vector<bool> marked;
    std::vector<std::size_t> bytes;
    for (const Sentence& s : sentences) {
        if (marked.size() <= s.paragraph) {
            marked.resize(s.paragraph + 1, false);
            bytes.resize(s.paragraph + 1, 0);
        }
        bytes[s.paragraph] += s.text.size();
        // (A sentence too long for a caption's paragraph is not lower-cased for nothing.)
        if (!s.headline && s.text.size() <= kCaptionMaxBytes &&
            (contains_any(ascii_lower(s.text), kCaptionMarks) || describes_photo(s.text)))
            marked[s.paragraph] = true;
    }
    for (std::size_t p = 0; p < marked.size(); ++p) marked[p] = marked[p] && bytes[p] <= kCaptionMaxBytes;
    return marked;
}

bool starts_with_bullet(std::string_view sentence) {
    for (std::string_view b : {"\u2022", "- ", "* ", "\u00b7", "\u25cf", "\u25aa"})
        if (sentence.starts_with(b)) return true;
    return false;
}

// Has the report told this event's toll or backed it with its headline?
bool told(const EventMention& e) {
    return e.headline_support || mentioned(e.counts.killed) || mentioned(e.counts.injured) ||
           mentioned(e.counts.captured);
}

// Takes the event's date from the clause's date words, if it has any; true when it did.
bool read_event_date(EventMention& m, std::string_view clause, const std::optional<Date>& published,
                     bool report_day_allowed = false) {
    const auto dates = find_dates(clause, published);
    const std::string low_clause = ascii_lower(clause);
    const DateMention* d = event_date(dates, low_clause, report_day_allowed);
    if (!d) return false;
    m.has_date_words = true;
    m.date = d->date;
    m.date_precision = d->precision;
    m.date_recalls_past = d->recalls_past;
    m.date_month = d->named_month;
    m.date_weekday = d->named_weekday;
    m.date_is_recent = d->needs_publication && !d->recalls_past &&
                       (d->precision == DatePrecision::day || !d->date) &&
                       low_clause.substr(d->begin, d->end - d->begin).find_first_of("0123456789") ==
                           std::string::npos;
    return true;
}

// "infiltrators from Syria", "fired from neighbouring Syria": Syria as where people or fire
// came from (not "fighters from Syria's Kurdish forces").
bool syria_only_as_origin(std::string_view sentence) {
    const std::string low = ascii_lower(sentence) + " ";
    for (std::string_view origin : {"from syria", "from neighbouring syria", "from neighboring syria"})
        for (std::size_t at = low.find(origin); at != std::string::npos; at = low.find(origin, at + 1))
            if (std::string_view(" ,.").find(low[at + origin.size()]) != std::string_view::npos) return true;
    return false;
}

// The country other than Syria with the highest count, and its count; empty and 0 if none.
std::pair<std::string, int> most_abroad(const std::map<std::string, int>& counts) {
    std::pair<std::string, int> best{{}, 0};
    for (const auto& [code, n] : counts)
        if (code != "SY" && n > best.second) best = {code, n};
    return best;
}

// The country other than Syria the text names most, by name or people; empty if none.
std::string most_named_abroad(std::string_view text) { return most_abroad(country_mentions(text)).first; }

// Which countries a sentence sets its events in, read once: `foreign` is another country's
// story (its places come from that country, never from Syria), the ISO code of the country
// the sentence sets events in ("in Lebanon") more often than in Syria, empty otherwise;
// `syria` is whether it sets anything in Syria by name.
struct SentenceCountries {
    std::string foreign;
    bool syria = false;
};

SentenceCountries sentence_countries(std::string_view sentence) {
    const auto counts = country_locatives(sentence);
    auto [foreign, most] = most_abroad(counts);
    // "Two soldiers were killed in eastern Lebanon, near the border with Syria": the sentence
    // sets the event in the other country. "Turkish shelling on Ain Issa" does not: a people's
    // name is the actor's.
    const auto syria = counts.find("SY");
    if (foreign.empty() && syria == counts.end()) {
        // "Jordanian border guards killed 12 infiltrators from Syria", "shells fired from
        // neighbouring Syria hit Turkish homes": Syria only as where they came from; the
        // scene is the other country the sentence names.
        if (syria_only_as_origin(sentence)) foreign = most_named_abroad(sentence);
        return {foreign, false};
    }
    return {syria == counts.end() || syria->second < most ? foreign : std::string(),
            syria != counts.end()};
}

// The country the report is about: the scene its headline, or else its lead, sets abroad
// ("Syrian shelling hits Lebanon, killing 5"); empty for Syria or when they set none. A later
// sentence that sets no scene of its own ("a rocket hit the town of al-Qasr") is in that
// country; one that names Syria as its scene is not. A lead with Syria only as the origin
// and no country named ("Shells from Syria hit Hermel towns") is in the country the whole
// report names most.
std::string article_scene(const std::vector<Sentence>& sentences, const std::vector<bool>& captions,
                          std::string_view news_text) {
    for (const Sentence& s : sentences) {
        if (captions[s.paragraph]) continue;  // a photo may show another place
        const SentenceCountries countries = sentence_countries(s.text);
        if (!countries.foreign.empty()) return countries.foreign;
        if (countries.syria) return {};
        if (syria_only_as_origin(s.text)) return most_named_abroad(news_text);
        if (!s.headline) break;  // the lead was the last to look at
    }
    return {};
}

// The country a sentence is set in, given the report's (`article_scene`): its own scene if it
// sets one, else the report's unless it names Syria, a Syrian governorate or a Syrian city.
std::string sentence_scene(std::string_view sentence, const std::string& article_scene,
                           const Gazetteer& gazetteer) {
    SentenceCountries countries = sentence_countries(sentence);
    if (!countries.foreign.empty() || article_scene.empty() || countries.syria)
        return std::move(countries.foreign);
    // A Syrian governorate as an area ("in the northern province of Aleppo") or a Syrian city
    // ("the northern city of Aleppo") is a scene in Syria.
    if (!governorate_hints(sentence, gazetteer).empty()) return {};
    for (const Mention& m : gazetteer.find_mentions(sentence))
        for (const Place* p : m.places)
            if (p->country_code == "SY" && p->feature_type == "city") return {};
    return article_scene;
}

// Sentences after an event's own that may still describe it, when no other event starts.
constexpr std::size_t kElaborationSentences = 2;

// The sentences that may tell more of event `i`: for the first event the headline, then the
// sentences after its own up to the next event's.
// `starts[k]`: some event begins in sentence k.
std::vector<bool> event_starts(const std::vector<EventMention>& events, std::size_t sentences) {
    std::vector<bool> starts(sentences, false);
    for (const EventMention& e : events) starts[e.sentence_index] = true;
    return starts;
}

std::vector<std::size_t> telling_sentences(const std::vector<EventMention>& events, std::size_t i,
                                           const std::vector<Sentence>& sentences,
                                           const std::vector<bool>& starts) {
    const EventMention& e = events[i];
    std::vector<std::size_t> out;
    if (i == 0)
        for (std::size_t k = 0; k < sentences.size() && sentences[k].headline; ++k) out.push_back(k);
    for (std::size_t k = e.sentence_index + 1;
         k < sentences.size() && k <= e.last_sentence + kElaborationSentences && !starts[k]; ++k)
        out.push_back(k);
    return out;
}

// An event whose own sentence gives no date takes the first date its headline or the sentences
// telling it give ("The attack came on Sunday night"), unless that date recalls the past.
void elaborate_dates(std::vector<EventMention>& events, const std::vector<Sentence>& sentences,
                     const std::vector<bool>& tallies, const std::optional<Date>& published) {
    const std::vector<bool> starts = event_starts(events, sentences.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        EventMention& e = events[i];
        if (e.has_date_words || e.recall_markers || e.opens_earlier) continue;
        // Its own sentence and those telling it: a time of the event first, else the day of
        // the report.
        std::vector<std::size_t> telling = telling_sentences(events, i, sentences, starts);
        telling.push_back(e.sentence_index);
        // "... met on Wednesday, September 26. The government learned of the meeting.
        // Consequently, the building was bombed": a sentence opening with a consequence goes
        // on from the story of its paragraph, and its time (the nearest of two before).
        const std::string opening = ascii_lower(sentences[e.sentence_index].text.substr(0, 20));
        if (starts_with_any(opening, kConsequences))
            for (std::size_t back = 1; back <= 2 && back <= e.sentence_index; ++back) {
                const Sentence& before = sentences[e.sentence_index - back];
                if (before.headline || before.paragraph != sentences[e.sentence_index].paragraph) break;
                telling.push_back(e.sentence_index - back);
            }
        bool dated_now = false;
        for (const bool report_day : {false, true})
            for (std::size_t k : telling) {
                // "two other bombings earlier this year": a sentence recalling another event
                // does not date this one.
                if (dated_now || tallies[k] ||
                    (k != e.sentence_index && contains_any(" " + ascii_lower(sentences[k].text) + " ", kRecallMarkers)))
                    continue;
                EventMention dated = e;
                if (!read_event_date(dated, sentences[k].text, published, report_day) ||
                    dated.date_recalls_past)
                    continue;
                e = std::move(dated);
                dated_now = true;
            }
    }
}

// "the countryside of Manbij", "in Idlib" (the city): an area around a town, or a city, that a
// village or quarter named while telling the event refines when it lies within these
// distances (a city's quarters and suburbs lie nearer than a town's countryside reaches).
constexpr double kCountrysideKm = 30.0;
constexpr double kCityPartKm = 15.0;

bool village_or_quarter(const Place& p) {
    return p.feature_type == "village" || p.feature_type == "neighbourhood";
}

bool around_town(const PlaceRef& p) {
    if (!p.place) return false;
    if (p.geo_precision == 1) return p.place->feature_type == "city";
    return p.geo_precision == 2 && ascii_lower(p.text).find("countryside") != std::string::npos;
}

// The lead often places the event only in a governorate ("in the Deir Ezzor countryside") while
// the headline or the sentences that go on telling it name the village ("He was searching for
// truffles in Shola town"). An event placed no finer than a governorate, or not at all, takes
// the first finer place named there, in the same country and governorate; so does an event
// placed in a city or in a town's countryside, by a village or quarter near it. `place_of(k)`
// links sentence k.
void elaborate_places(std::vector<EventMention>& events, const std::vector<Sentence>& sentences,
                      const std::vector<bool>& tallies,
                      const std::function<std::optional<PlaceRef>(std::size_t)>& place_of) {
    const std::vector<bool> starts = event_starts(events, sentences.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        EventMention& e = events[i];
        const bool town_area = e.where && around_town(*e.where);
        const bool coarse = !e.where || !e.where->place || e.where->geo_precision == 3 ||
                            direction_only(*e.where) || town_area;
        if (!coarse || e.date_recalls_past || e.opens_earlier) continue;
        for (std::size_t k : telling_sentences(events, i, sentences, starts)) {
            if (tallies[k]) continue;
            const std::optional<PlaceRef> p = place_of(k);
            if (!p || !p->place || p->geo_precision == 3 || direction_only(*p)) continue;
            // Around a town or in a city: a village or quarter named nearby, never the city
            // again, another town or a region.
            if (town_area && (p->geo_precision != 1 || !village_or_quarter(*p->place) ||
                              same_words_read_finer(*p, *e.where) ||
                              great_circle_km(p->point, e.where->place->point) >
                                  (e.where->geo_precision == 1 ? kCityPartKm : kCountrysideKm)))
                continue;
            if (e.where && !e.where->country_code.empty() && p->country_code != e.where->country_code)
                continue;
            if (e.where && !e.where->admin.admin1_pcode.empty() &&
                p->admin.admin1_pcode != e.where->admin.admin1_pcode)
                continue;
            if (e.where && e.where->geo_precision == 3 && same_words_read_finer(*p, *e.where)) continue;
            e.where = p;
            break;
        }
    }
}

}  // namespace

std::vector<Incident> Extractor::extract(const Article& article,
                                         const CancellationToken& cancel) const {
    std::vector<Sentence> sentences = news_sentences(article.text);
    cancel.throw_if_requested();
    // A dateline opening a paragraph says where the report was filed, not where the event was.
    for (std::size_t si = 0; si < sentences.size(); ++si) {
        Sentence& s = sentences[si];
        if (s.headline || (si > 0 && sentences[si - 1].paragraph == s.paragraph)) continue;
        if (const std::size_t n = dateline_length(s.text); n > 0 && n < s.text.size()) {
            s.text.erase(0, n);
            s.offset += n;
        }
    }
    std::string news_text;
    for (const Sentence& s : sentences) news_text += s.text + "\n";

    std::vector<std::string> hinted;
    for (const GovernorateHint& h : governorate_hints(news_text, gazetteer_)) hinted.push_back(h.pcode);
    const ArticlePlaceContext place_context = make_place_context(news_text, std::move(hinted), resolver_);
    cancel.throw_if_requested();

    const std::vector<bool> captions = caption_paragraphs(sentences);
    const std::string scene = article_scene(sentences, captions, news_text);
    FramedNames framed_names;  // one place per name in this report
    // The country each sentence is set in, read once for its events and for elaborating others.
    std::vector<std::string> scenes;
    scenes.reserve(sentences.size());
    for (const Sentence& s : sentences) scenes.push_back(sentence_scene(s.text, scene, gazetteer_));
    std::vector<EventMention> mentions;
    std::vector<EventMention> headline_mentions;
    // The items of a list under a tally share the tally out ("SOHR documented the deaths of
    // 160 people, as follows:", then "• 24 civilians were killed in Daraa"); they are not
    // events. The list may follow a few sentences after its tally; sub-headings ("Civilian
    // fatalities") do not count among them.
    // Which sentences are tallies (is_cumulative), read once: the events' dates and places
    // are elaborated from the sentences again and again.
    std::vector<bool> tallies(sentences.size());
    for (std::size_t si = 0; si < sentences.size(); ++si)
        tallies[si] = is_cumulative(sentences[si].text);
    std::size_t tally_list_until = 0;  // a list item up to this sentence belongs to a tally
    for (std::size_t si = 0; si < sentences.size(); ++si) {
        const Sentence& sentence = sentences[si];
        const bool supports_only = sentence.headline || captions[sentence.paragraph];
        if (starts_with_bullet(sentence.text) && si <= tally_list_until) {
            tally_list_until = si + 1;
            continue;
        }
        const bool cumulative = tallies[si];
        if (cumulative)
            tally_list_until = si + kTallyListGap;
        else if (si <= tally_list_until && text_words(sentence.text).size() < kHeadingWords)
            ++tally_list_until;
        const std::string& foreign = scenes[si];
        // A tally that opens the sentence covers all its clauses ("During the same period, four
        // civilians ... were killed, while 633 members died"); one inside a clause covers that
        // clause only ("no word on casualties so far, while four were killed in ...").
        const auto parts = clauses(sentence);
        // A sentence of one clause is that clause: its tally test is not run again.
        auto cumulative_clause = [&](const std::string& clause) {
            return parts.size() == 1 ? cumulative : is_cumulative(clause);
        };
        if (cumulative_clause(parts.front().first) && opens_with_tally(parts.front().first))
            continue;
        for (const auto& [clause, offset] : parts) {
            cancel.throw_if_requested();  // one long paragraph can take seconds
            const std::string low = " " + ascii_lower(clause) + " ";
            if (cumulative_clause(clause) || denies_event(low)) continue;
            std::vector<EventCue> cues = find_event_cues(clause);
            const bool tally_words =
                std::erase_if(cues, [](const EventCue& c) { return c.aggregate; }) > 0;
            const CasualtyReport cas = find_casualties(clause);
            const bool continuation = starts_with_any(low.substr(1), kContinuations);
            EventMention* previous = mentions.empty() || supports_only ? nullptr : &mentions.back();
            const bool previous_close = previous && si <= previous->last_sentence + 2;
            if (cues.empty()) {
                // Counts of plural attacks ("its attacks ..., killing dozens") tally many
                // events; they do not continue the one before.
                if (cas.any() && previous_close && !tally_words && attach_counts(*previous, cas)) {
                    previous->last_sentence = si;
                    continue;
                }
                // "Two guards were killed near the dam": a toll of its own is an event even
                // when the report does not say how; it is coded as an unspecified attack.
                // "Fighters stormed a village and captured two men": people taken with no word
                // for the deed are an abduction.
                const bool harmed = mentioned(cas.counts.killed) || mentioned(cas.counts.injured);
                if (tally_words || supports_only || !(harmed || mentioned(cas.counts.captured)))
                    continue;
                cues.push_back(EventCue{event_type(harmed ? "attack" : "abduction"), 0, 0, false, false});
            }
            const EventCue* cue = most_specific(cues);
            const bool deed_told = cas.any() || has_attack_verb(clause);
            // A headline tells its event in the present and often without a toll ("Shells
            // target X", "Blast rocks Y market"): with a place, it still names the main event.
            const bool untold_headline =
                !deed_told && sentence.headline && !captions[sentence.paragraph];
            if (!deed_told && !untold_headline) {
                // "The explosion was the result of an anti-tank land mine": names the means.
                if (continuation && previous_close &&
                    cue->type->specificity > previous->type->specificity)
                    previous->type = cue->type;
                continue;
            }
            if (continuation && previous_close && cas.any() && attach_counts(*previous, cas)) {
                if (cue->type->specificity > previous->type->specificity) previous->type = cue->type;
                previous->last_sentence = si;
                continue;
            }
            EventMention m;
            m.type = cue->type;
            m.counts = cas.counts;
            m.victims = describe_victims(clause, cas);
            m.actor = pick_actor(clause, cas);
            read_event_date(m, clause, article.published);
            m.recall_markers = contains_any(low, kRecallMarkers);
            m.opens_earlier = low.starts_with(" earlier ") || low.starts_with(" earlier,");
            m.where = linker_.link(clause, place_context, foreign, &framed_names);
            if (!m.where && !foreign.empty()) {
                PlaceRef abroad;
                abroad.country_code = foreign;
                abroad.geo_precision = 3;
                m.where = abroad;
            }
            if (untold_headline && !(m.where && m.where->place)) continue;
            m.evidence = sentence.text;
            m.offset = offset;
            m.sentence_index = m.last_sentence = si;
            (supports_only ? headline_mentions : mentions).push_back(std::move(m));
        }
    }

    std::vector<EventMention> events = merge_mentions(std::move(mentions));
    apply_headlines(events, headline_mentions);
    elaborate_places(events, sentences, tallies, [&](std::size_t k) {
        cancel.throw_if_requested();
        return linker_.link(sentences[k].text, place_context, scenes[k], &framed_names);
    });
    carry_places(events);
    elaborate_dates(events, sentences, tallies, article.published);
    assign_roles(events, article.published);
    // A mention with no toll, no date and no headline behind it, beside an event that has them,
    // is an aside of the report ("the district has often been shelled"), not an event to map.
    const bool some_told = std::any_of(events.begin(), events.end(), [](const EventMention& e) {
        return e.role == IncidentRole::current && told(e);
    });
    if (some_told)
        std::erase_if(events, [](const EventMention& e) {
            return e.role == IncidentRole::current && !told(e) && !e.has_date_words;
        });
    // The event the headline tells is the article's main one: it comes first.
    std::stable_partition(events.begin(), events.end(), [](const EventMention& e) {
        return e.headline_support && e.role == IncidentRole::current;
    });

    std::vector<Incident> out;
    for (const EventMention& e : events) {
        if (e.where && e.where->country_code.empty()) continue;
        Incident in;
        in.article_id = article.id;
        in.event_type = std::string(e.type->code);
        in.sub_event_type = std::string(e.type->acled_sub_event_type);
        in.incident_id = make_incident_id(article.id, e.offset, in.event_type);
        in.role = e.role;
        in.event_date = e.date;
        in.date_precision = e.date ? e.date_precision : DatePrecision::unknown;
        in.casualties = e.counts;
        in.actor = e.actor;
        in.victims = e.victims;
        if (e.where) in.where = *e.where;
        in.evidence = e.evidence;
        in.evidence_offset = e.offset;
        in.confidence = confidence(e);
        out.push_back(std::move(in));
    }
    return out;
}

}  // namespace incimap
