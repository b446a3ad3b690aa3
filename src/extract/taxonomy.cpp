#include "extract/taxonomy.hpp"
#include "text/word_tables.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace incimap {

namespace {

// Our event types and their ACLED mapping. ACLED names are from the ACLED Codebook (2019+),
// "Definitions of ACLED event and sub-event types"; see docs/taxonomy.md for the cases where
// ACLED splits differently (e.g. an ambush is a Battle in ACLED unless it targets civilians).
const std::vector<EventType> kEventTypes = {
    {"landmine", "Explosions/Remote violence", "Remote explosive/landmine/IED", 90},
    {"car_bomb", "Explosions/Remote violence", "Remote explosive/landmine/IED", 92},
    {"suicide_bomb", "Explosions/Remote violence", "Suicide bomb", 95},
    {"ied", "Explosions/Remote violence", "Remote explosive/landmine/IED", 85},
    {"air_strike", "Explosions/Remote violence", "Air/drone strike", 80},
    {"shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack", 75},
    {"execution", "Violence against civilians", "Attack", 72},
    {"assassination", "Violence against civilians", "Attack", 70},
    {"abduction", "Violence against civilians", "Abduction/forced disappearance", 68},
    {"arrest", "Strategic developments", "Arrests", 66},
    {"ambush", "Battles", "Armed clash", 60},
    {"armed_clash", "Battles", "Armed clash", 50},
    {"other_explosion", "Explosions/Remote violence", "Remote explosive/landmine/IED", 40},
    // An attack the report does not describe further: ACLED codes it as an armed clash when
    // armed forces are hit, as an attack on civilians otherwise (docs/taxonomy.md).
    {"attack", "Battles", "Armed clash", 10},
};

// Legend labels, from the "what" column of docs/taxonomy.md.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kEventTypeLabels{{
    {"landmine", "Landmine or explosive remnant of war"},
    {"car_bomb", "Car or vehicle bomb"},
    {"suicide_bomb", "Suicide bombing"},
    {"ied", "Improvised explosive device"},
    {"air_strike", "Air or drone strike"},
    {"shelling", "Shelling, artillery or missiles"},
    {"execution", "Execution"},
    {"assassination", "Assassination or shooting"},
    {"abduction", "Abduction or kidnapping"},
    {"arrest", "Arrest by an armed actor"},
    {"ambush", "Ambush"},
    {"armed_clash", "Armed clash"},
    {"other_explosion", "Explosion of unstated cause"},
    {"attack", "Attack not described further"},
}};

struct Keyword {
    std::string_view phrase;  // lower case; '*' at the end allows any ending
    std::string_view code;
    bool aggregate;           // the plural of a generic word: usually a tally, not one event
    bool perpetrator = false; // names the attackers; the type only when no deed is named
};

// The ONE keyword table. Words chosen from the wording of Syrian Observatory, SANA, AFP and
// Reuters reports and from ACLED's sub-event definitions; longest phrase wins where they overlap.
const std::array<Keyword, 90> kKeywords{{
    {"landmine*", "landmine", false},         {"land mine*", "landmine", false},
    {"anti-tank mine*", "landmine", false},   {"mine explosion*", "landmine", false},
    {"explosive remnant*", "landmine", false}, {"unexploded ordnance", "landmine", false},
    {"war remnant*", "landmine", false},      {"leftover mine*", "landmine", false},
    {"booby trap*", "ied", false},            {"booby-trap*", "ied", false},
    {"ied", "ied", false},                    {"ieds", "ied", false},
    {"improvised explosive*", "ied", false},  {"roadside bomb*", "ied", false},
    {"explosive device*", "ied", false},      {"bombs planted", "ied", false},
    {"bomb planted", "ied", false},           {"sticky bomb*", "ied", false},
    {"car bomb*", "car_bomb", false},         {"booby-trapped car*", "car_bomb", false},
    {"booby-trapped vehicle*", "car_bomb", false}, {"vbied*", "car_bomb", false},
    {"suicide bomb*", "suicide_bomb", false}, {"suicide attack*", "suicide_bomb", false},
    {"blew himself up", "suicide_bomb", false}, {"blew herself up", "suicide_bomb", false},
    {"suicide vest*", "suicide_bomb", false}, {"airstrike*", "air_strike", false},
    {"air strike*", "air_strike", false},     {"air raid*", "air_strike", false},
    {"warplane*", "air_strike", false},       {"drone strike*", "air_strike", false},
    {"drone attack*", "air_strike", false},   {"bombardment", "shelling", false},
    {"shelling", "shelling", false},          {"shelled", "shelling", false},
    {"artillery", "shelling", false},         {"mortar*", "shelling", false},
    {"rocket attack*", "shelling", false},    {"missile attack*", "shelling", false},
    {"executed", "execution", false},         {"execution", "execution", false},
    {"executions", "execution", true},        {"beheaded", "execution", false},
    {"assassinat*", "assassination", false},  {"shot dead", "assassination", false},
    {"gunmen", "assassination", false, true}, {"abduct*", "abduction", false},
    {"kidnap*", "abduction", false},          {"arrested", "arrest", false},
    {"detained", "arrest", false},            {"arrest campaign", "arrest", false},
    {"ambush", "ambush", false},              {"ambushed", "ambush", false},
    {"ambushes", "ambush", true},             {"clash*", "armed_clash", false},
    {"fighting", "armed_clash", false},       {"firefight", "armed_clash", false},
    {"explosion", "other_explosion", false},  {"blast", "other_explosion", false},
    {"exploded", "other_explosion", false},   {"bombing", "other_explosion", false},
    {"bombings", "other_explosion", true},    {"attack", "attack", false},
    {"attacked", "attack", false},            {"attacks", "attack", true},
    {"offensive", "attack", false},           {"targeted", "attack", false},
    {"targeting", "attack", false},           {"assault", "attack", false},
    // Means named in passing by Syrian and wire reports ("a mine went off", "jets bombed",
    // "a shell fell", "Israeli strikes", "a sniper shot"): the deed is still named.
    {"mine", "landmine", false},              {"mines", "landmine", false},
    {"barrel bomb*", "air_strike", false},    {"jets", "air_strike", false},
    {"fighter jet*", "air_strike", false},    {"war plane*", "air_strike", false},
    {"drone", "air_strike", false},           {"drones", "air_strike", false},
    {"strike", "air_strike", false},          {"strikes", "air_strike", false},
    {"shell", "shelling", false},             {"shells", "shelling", false},
    {"rocket*", "shelling", false},           {"missile*", "shelling", false},
    {"sniper*", "assassination", false},      {"opened fire", "assassination", false},
    {"grenade*", "other_explosion", false},   {"gunfire", "armed_clash", false},
    {"aerial bombardment", "air_strike", false}, {"aerial bombing", "air_strike", false},
}};

// Past-tense verbs of attack; used with a keyword when no casualty count is given.
constexpr std::array<std::string_view, 23> kAttackVerbs{{
    "broke out",
    "targeted", "targeting", "attacked", "ambushed", "exploded", "struck", "hit", "shelled",
    "bombed", "stormed", "raided", "clashed", "carried out", "launched", "blew", "detonated",
    "opened fire", "fired", "killed", "killing", "wounded", "injured"}};


bool word_boundary(const std::string& s, std::size_t pos) {
    if (pos == 0 || pos >= s.size()) return true;
    const auto c = static_cast<unsigned char>(s[pos]);
    return !(std::isalnum(c) || c == '-');
}

// Where `phrase` (with optional trailing '*') matches whole words in `text` from `from`.
std::size_t match_at(const std::string& text, std::size_t pos, std::string_view phrase) {
    const bool prefix = phrase.ends_with('*');
    const auto body = prefix ? phrase.substr(0, phrase.size() - 1) : phrase;
    // Most keywords differ from the text in their first letter: no comparison needed.
    if (!body.empty() && (pos >= text.size() || text[pos] != body.front())) return 0;
    if (text.compare(pos, body.size(), body) != 0) return 0;
    std::size_t end = pos + body.size();
    if (prefix)
        while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
    return word_boundary(text, end) ? end - pos : 0;
}

constexpr std::array<std::string_view, 8> kFewWords{{
    "twin", "double", "triple", "two", "three", "simultaneous", "coordinated", "near-simultaneous"}};

// The word before `pos` ("" at the start).
std::string_view word_before(const std::string& text, std::size_t pos) {
    std::size_t end = pos;
    while (end > 0 && text[end - 1] == ' ') --end;
    std::size_t begin = end;
    while (begin > 0 && (std::isalpha(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '-'))
        --begin;
    return std::string_view(text).substr(begin, end - begin);
}

// Is the word before `pos` a word for a few events happening together?
bool preceded_by_few(const std::string& text, std::size_t pos) {
    return is_one_of(word_before(text, pos), kFewWords);
}

}  // namespace

const std::vector<EventType>& event_types() { return kEventTypes; }

const EventType* event_type(std::string_view code) {
    for (const auto& t : kEventTypes)
        if (t.code == code) return &t;
    return nullptr;
}

std::string event_type_label(std::string_view code) {
    for (const auto& [known, label] : kEventTypeLabels)
        if (known == code) return std::string(label);
    return std::string(code);
}

std::vector<EventCue> find_event_cues(std::string_view sentence) {
    const std::string text = ascii_lower(sentence);
    std::vector<EventCue> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!(i == 0 || word_boundary(text, i - 1)) ||
            !std::isalnum(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::size_t best = 0;
        const Keyword* hit = nullptr;
        for (const auto& k : kKeywords)
            if (auto n = match_at(text, i, k.phrase); n > best) {
                best = n;
                hit = &k;
            }
        if (hit) {
            // "twin bombings", "two simultaneous attacks": a few blasts at one time and place
            // reported with one toll are one incident, not a tally of many.
            // "suicide bomb attacks", "drone attacks": the plural names the means of one told
            // event, right after a word for it.
            const bool compound = hit->aggregate && !out.empty() && out.back().end <= i &&
                                  text.find_first_not_of(' ', out.back().end) == i;
            // "The attacks on Jawbas left eight dead": the definite plural refers back to the
            // attacks just told, not to a tally of many ("its attacks", "300 attacks").
            const bool told_before = hit->aggregate && word_before(text, i) == "the";
            const bool few = hit->aggregate && (compound || told_before || preceded_by_few(text, i));
            out.push_back({event_type(hit->code), i, i + best, hit->aggregate && !few, hit->perpetrator});
            i += best;
        } else {
            ++i;
        }
    }
    // "clashes ... triggered by recent tit-for-tat abductions": the cause named after the deed
    // is not the deed.
    auto cause = [&](const EventCue& c) {
        const std::size_t from = c.begin > 40 ? c.begin - 40 : 0;
        return contains_any(std::string_view(text).substr(from, c.begin - from),
                            std::array<std::string_view, 5>{"triggered by ", "sparked by ", "in retaliation for ",
                                                            "in response to ", "prompted by "});
    };
    if (std::any_of(out.begin(), out.end(), [&](const EventCue& c) { return !cause(c); }))
        std::erase_if(out, cause);
    return out;
}

const EventCue* most_specific(const std::vector<EventCue>& cues) {
    const EventCue* best = nullptr;
    for (const auto& c : cues) {
        const bool deed_over_perpetrator = best && best->perpetrator && !c.perpetrator;
        const bool perpetrator_under_deed = best && !best->perpetrator && c.perpetrator;
        if (!best || deed_over_perpetrator ||
            (!perpetrator_under_deed && c.type->specificity > best->type->specificity))
            best = &c;
    }
    return best;
}

bool has_attack_verb(std::string_view sentence) {
    const std::string text = ascii_lower(sentence);
    for (auto verb : kAttackVerbs) {
        for (std::size_t pos = text.find(verb); pos != std::string::npos;
             pos = text.find(verb, pos + 1))
            if ((pos == 0 || word_boundary(text, pos - 1)) && word_boundary(text, pos + verb.size()))
                return true;
    }
    return false;
}

}  // namespace incimap
