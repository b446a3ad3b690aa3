#include "extract/casualties.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "core/date.hpp"
#include "extract/actors.hpp"
#include "text/numbers.hpp"
#include "text/word_tables.hpp"

namespace incimap {

namespace {

enum class Kind { none, killed, injured, captured, killed_or_injured };

struct VerbWord {
    std::string_view word;
    Kind kind;
};

// Casualty verbs and nouns of English news reports (SOHR, AFP, Reuters style).
constexpr std::array<VerbWord, 50> kVerbs{{
    {"killed", Kind::killed},     {"kill", Kind::killed},         {"kills", Kind::killed},
    {"killing", Kind::killed},    {"dead", Kind::killed},         {"died", Kind::killed},
    {"die", Kind::killed},        {"death", Kind::killed},        {"deaths", Kind::killed},
    {"slain", Kind::killed},      {"executed", Kind::killed},     {"injured", Kind::injured},
    {"injure", Kind::injured},    {"injuring", Kind::injured},    {"injuries", Kind::injured},
    {"injury", Kind::injured},    {"wounded", Kind::injured},     {"wound", Kind::injured},
    {"wounding", Kind::injured},  {"hurt", Kind::injured},        {"captured", Kind::captured},
    {"capture", Kind::captured},  {"abducted", Kind::captured},   {"kidnapped", Kind::captured},
    {"abducting", Kind::captured}, {"kidnapping", Kind::captured}, {"arrested", Kind::captured},
    {"detained", Kind::captured}, {"arresting", Kind::captured},  {"seized", Kind::captured},
    {"captive", Kind::captured},  {"hostage", Kind::captured},    {"prisoner", Kind::captured},
    {"capturing", Kind::captured}, {"captures", Kind::captured},  {"abduct", Kind::captured},
    {"kidnap", Kind::captured},   {"arrest", Kind::captured},     {"detaining", Kind::captured},
    {"detain", Kind::captured},   {"abducts", Kind::captured},    {"kidnaps", Kind::captured},
    {"perished", Kind::killed},   {"assassinated", Kind::killed}, {"murdered", Kind::killed},
    {"slaughtered", Kind::killed}, {"beheaded", Kind::killed},   {"martyred", Kind::killed},
    {"martyrdom", Kind::killed},  // SANA: "causing the martyrdom of 8 citizens"
    {"suffocated", Kind::killed},
}};

// Idioms of news English that say one casualty verb in several words. Each is read as the
// verb it means, so that the figure rules apply to it unchanged ("A shepherd lost his life"
// reads as "A shepherd was killed", which also tells one victim when no figure is given). From the phrasings of SOHR, North Press and wire reports.
struct Idiom {
    std::array<std::string_view, 4> words;  // empty strings pad the shorter idioms
    std::string_view means;                 // one or two words
};
constexpr std::array<Idiom, 16> kIdioms{{
    {{"lost", "his", "life", ""}, "was killed"},
    {{"lost", "her", "life", ""}, "was killed"},
    {{"lost", "their", "lives", ""}, "were killed"},
    {{"lost", "its", "life", ""}, "was killed"},
    {{"lose", "their", "lives", ""}, "were killed"},
    {{"succumbed", "to", "his", "wounds"}, "was killed"},
    {{"succumbed", "to", "her", "wounds"}, "was killed"},
    {{"succumbed", "to", "their", "wounds"}, "were killed"},
    {{"succumbed", "to", "his", "injuries"}, "was killed"},
    {{"succumbed", "to", "her", "injuries"}, "was killed"},
    {{"succumbed", "to", "their", "injuries"}, "were killed"},
    {{"succumbed", "to", "wounds", ""}, "died"},
    {{"succumbed", "to", "injuries", ""}, "died"},
    {{"taken", "prisoner", "", ""}, "captured"},
    {{"taken", "captive", "", ""}, "captured"},
    {{"taken", "hostage", "", ""}, "captured"},
}};

// "the death toll rose to 14": a toll that rises or stands at a figure gives the event's dead.
constexpr std::array<std::string_view, 14> kTollVerbs{{
    "rose", "risen", "rises", "climbed", "climbs", "reached", "reaches", "increased",
    "jumped", "stands", "stood", "hit", "mounted", "grew"}};

// Passive verbs whose subject can only be a person ("a town was captured" cannot count one).
constexpr std::array<std::string_view, 15> kPersonPassives{{
    "killed", "assassinated", "murdered", "slaughtered", "beheaded", "martyred", "executed",
    "slain", "injured", "wounded", "hurt", "abducted", "kidnapped", "arrested", "detained"}};

// Statements that nobody was killed or hurt. "No information about casualties" is not one.
struct ZeroPhrase {
    std::string_view phrase;
    bool killed;
    bool injured;
};
constexpr std::array<ZeroPhrase, 16> kZeroPhrases{{
    {"no casualties", true, true},         {"causing no injuries", true, true},
    {"without casualties", true, true},    {"without causing casualties", true, true},
    {"no human casualties", true, true},   {"material damage only", true, true},
    {"only material damage", true, true},  {"no one was killed", true, false},
    {"nobody was killed", true, false},    {"no deaths", true, false},
    {"no one was injured", false, true},   {"no one was hurt", false, true},
    {"nobody was hurt", false, true},      {"nobody was injured", false, true},
    {"no injuries", false, true},          {"no human losses", true, true},
}};

// Words allowed between a figure and its passive verb ("were reportedly killed").
constexpr std::array<std::string_view, 17> kAuxiliaries{{
    "were", "was", "been", "have", "has", "had", "are", "is", "reportedly", "allegedly",
    "also", "reported", "confirmed", "later", "all", "both", "found"}};

// Adverbs that may stand between an auxiliary and its verb ("were reportedly killed").
constexpr std::array<std::string_view, 7> kAdverbs{{
    "reportedly", "allegedly", "also", "later", "all", "both", "apparently"}};

// Auxiliaries of the passive: "were killed" has its figure before it, "have killed" after.
constexpr std::array<std::string_view, 6> kPassiveAuxiliaries{{
    "were", "was", "been", "are", "is", "be"}};

// Singular nouns of people that make "a"/"an" a head count of one: "shot dead a local
// official", "left a general and four soldiers dead".
constexpr std::array<std::string_view, 56> kPersonNouns{{
    "man", "woman", "child", "boy", "girl", "civilian", "official", "soldier", "officer",
    "general", "colonel", "commander", "leader", "member", "fighter", "militant",
    "militiaman", "policeman", "guard", "journalist", "activist", "doctor", "shepherd",
    "farmer", "teacher", "driver", "person", "citizen", "youth", "worker", "student",
    "resident", "individual", "employee", "nurse", "paramedic", "infant", "baby", "teenager",
    "gunman", "mukhtar", "elder", "conscript", "volunteer", "minor", "teen", "youngster",
    "brother", "sister", "son", "daughter", "father", "mother", "husband", "wife", "refugee"}};

// Words that may follow a bare figure ("arrested 15 in ...", "captured 4 during ...").
constexpr std::array<std::string_view, 8> kAfterBareFigure{{
    "in", "on", "at", "during", "after", "near", "while", "and"}};

// Singular nouns of a group of people: a passive after one tells no head count.
constexpr std::array<std::string_view, 9> kGroupNouns{{
    "family", "group", "number", "crowd", "cell", "patrol", "unit", "team", "household"}};

// Words that may follow such a noun when it is the head of its phrase; anything else makes
// it a modifier ("a general strike", "a member state").
constexpr std::array<std::string_view, 34> kAfterPersonNoun{{
    "and", "or", "in", "of", "from", "at", "on", "near", "with", "by", "as", "while", "to",
    "was", "were", "who", "had", "has", "dead", "killed", "died", "during",
    // a time or a clause after the phrase ("shot dead a guard the same day", "... after dawn")
    "the", "this", "last", "early", "late", "yesterday", "today", "overnight", "after",
    "before", "when", "amid"}};

// Head nouns that make a figure a group of people ("two others", "another one").
constexpr std::array<std::string_view, 20> kPeopleWords{{
    "others", "one", "persons", "more", "individuals", "them", "men", "youths", "boys",
    "girls", "hunters", "pickers", "students", "detainees", "relatives", "brothers",
    "young", "other",  // "left one other injured"
    "family", "families"}};  // "left a five-strong family dead"

std::optional<Kind> verb_kind(std::string_view w) {
    for (const auto& v : kVerbs)
        if (v.word == w) return v.kind;
    return std::nullopt;
}



// Each idiom of kIdioms becomes one word, spanning the idiom, that reads as the verb it means.
std::vector<TextWord> collapse_idioms(std::vector<TextWord> words) {
    std::vector<TextWord> out;
    out.reserve(words.size());
    for (std::size_t k = 0; k < words.size();) {
        std::size_t matched = 0;
        std::string_view means;
        for (const Idiom& idiom : kIdioms) {
            std::size_t n = 0;
            while (n < idiom.words.size() && !idiom.words[n].empty() && k + n < words.size() &&
                   words[k + n].lower == idiom.words[n])
                ++n;
            const bool whole = n == idiom.words.size() || idiom.words[n].empty();
            if (whole && n > matched) {
                matched = n;
                means = idiom.means;
            }
        }
        if (matched == 0) {
            out.push_back(std::move(words[k++]));
            continue;
        }
        // "lost his life" reads "was killed": both words span the idiom, so that the singular
        // possessive still tells one victim.
        const std::size_t space = means.find(' ');
        const std::size_t begin = words[k].begin, end = words[k + matched - 1].end;
        if (space != std::string_view::npos)
            out.push_back(TextWord{std::string(means.substr(0, space)), begin, end});
        out.push_back(TextWord{std::string(means.substr(space == std::string_view::npos ? 0 : space + 1)),
                               begin, end});
        k += matched;
    }
    return out;
}

struct Figure {
    Quantity q;
    std::size_t first_word = 0;  // index of the figure's first word
    std::size_t last_word = 0;   // index after the figure's last word
    Kind kind = Kind::none;
    bool breakdown = false;       // inside "including ..." or "among them ..."
    bool by_active_verb = false;  // "killing 39"
    std::size_t noun_end = 0;     // byte end of its noun phrase
    std::size_t verb_word = 0;    // the word of the verb that counts it
};

class Scanner {
public:
    explicit Scanner(std::string_view s) : text_(s), words_(collapse_idioms(text_words(s))) {}

    CasualtyReport run() {
        mark_brackets();
        collect_figures();
        for (auto& f : figures_) classify(f);
        join_groups();
        add_singular_passives();
        return report();
    }

private:
    void collect_figures() {
        for (const auto& q : find_quantities(text_)) {
            Figure f;
            f.q = q;
            while (f.first_word < words_.size() && words_[f.first_word].end <= q.begin) ++f.first_word;
            f.last_word = f.first_word;
            while (f.last_word < words_.size() && words_[f.last_word].begin < q.end) ++f.last_word;
            f.noun_end = q.end;
            figures_.push_back(f);
        }
        add_singular_figures();
        mark_breakdowns();
    }

    // "a general and four soldiers dead", "shot dead a local official": "a"/"an" before a
    // singular noun of a person (up to two modifiers between) is a figure of one.
    void add_singular_figures() {
        for (std::size_t k = 0; k < words_.size(); ++k) {
            // "another was injured", "another one died", "killing one and wounding another":
            // one more person.
            if (words_[k].lower == "another" &&
                ((k + 1 < words_.size() && (is_one_of(words_[k + 1].lower, kPassiveAuxiliaries) ||
                                            verb_kind(words_[k + 1].lower))) ||
                 (k > 0 && verb_kind(words_[k - 1].lower) && !is_one_of(words_[k - 1].lower, kPersonPassives)))) {
                push_one(k, words_[k].end);
                continue;
            }
            if (k + 1 >= words_.size()) break;
            // "a young man and his mother": a possessive before a singular person is one too.
            const bool possessive = words_[k].lower == "his" || words_[k].lower == "her";
            if (words_[k].lower != "a" && words_[k].lower != "an" && !possessive) continue;
            for (std::size_t n = k + 1; n < words_.size() && n <= k + 3; ++n) {
                if (has_punct_between(words_[n - 1].end, words_[n].begin, ",.;:()\"")) break;
                if (!is_one_of(words_[n].lower, kPersonNouns)) {
                    if (verb_kind(words_[n].lower) || words_[n].lower == "of") break;
                    continue;
                }
                // "a civilian passing near the checkpoint": a participle after the noun too.
                const bool head = n + 1 == words_.size() ||
                                  has_punct_between(words_[n].end, words_[n + 1].begin, ",.;:()\"") ||
                                  is_one_of(words_[n + 1].lower, kAfterPersonNoun) ||
                                  (words_[n + 1].lower.size() > 5 && words_[n + 1].lower.ends_with("ing"));
                if (!head) break;
                push_one(k, words_[n].end);
                break;
            }
        }
        std::sort(figures_.begin(), figures_.end(),
                  [](const Figure& a, const Figure& b) { return a.first_word < b.first_word; });
    }

    void push_one(std::size_t word, std::size_t noun_end) {
        Figure f;
        f.q.value = f.q.low = f.q.high = 1;
        f.q.begin = words_[word].begin;
        f.q.end = words_[word].end;
        f.first_word = word;
        f.last_word = word + 1;
        f.noun_end = noun_end;
        figures_.push_back(f);
    }

    // Figures after "including" (until the clause closes), and "five of them" / "two of whom" /
    // "three of the dead", break down a total already counted.
    void mark_breakdowns() {
        for (auto& f : figures_) {
            if (in_brackets(f.q.begin)) {  // "five civilians (four women and a man)"
                f.breakdown = true;
                continue;
            }
            if (f.last_word + 1 < words_.size() && words_[f.last_word].lower == "of") {
                const std::string& w = words_[f.last_word + 1].lower;
                if (w == "them" || w == "whom" ||
                    (w == "the" && f.last_word + 2 < words_.size() &&
                     (verb_kind(words_[f.last_word + 2].lower) == Kind::killed ||
                      words_[f.last_word + 2].lower == "victims" ||
                      words_[f.last_word + 2].lower == "casualties"))) {
                    f.breakdown = true;
                    continue;
                }
            }
            // "has risen to 23, where 11 civilians were killed in Duma, 9 in Erbin": a place by
            // place account of a larger toll told just before.
            if (f.first_word > 0 && words_[f.first_word - 1].lower == "where" &&
                std::any_of(figures_.begin(), figures_.end(), [&](const Figure& e) {
                    return e.first_word < f.first_word && e.q.value > f.q.value && toll_rise_before(e);
                })) {
                f.breakdown = true;
                continue;
            }
            for (std::size_t k = f.first_word; k-- > 0 && k + 4 >= f.first_word;) {
                const std::string& w = words_[k].lower;
                if (w == "including" || (w == "among" && k + 1 < words_.size() &&
                                          words_[k + 1].lower == "them")) {
                    f.breakdown = true;
                    break;
                }
                if (verb_kind(w) || has_comma_between(words_[k].end, f.q.begin)) break;
            }
        }
    }

    bool has_punct_between(std::size_t from, std::size_t to, std::string_view chars) const {
        for (std::size_t i = from; i < to && i < text_.size(); ++i)
            if (chars.find(text_[i]) != std::string_view::npos && !in_brackets(i)) return true;
        return false;
    }

    // Is byte `pos` inside round brackets (the brackets included)? An aside and its brackets
    // are skipped together; an unmatched bracket opens nothing.
    bool in_brackets(std::size_t pos) const {
        return pos < bracket_depth_.size() && bracket_depth_[pos] > 0;
    }

    void mark_brackets() {
        bracket_depth_.assign(text_.size(), 0);
        std::size_t open = std::string_view::npos;
        for (std::size_t i = 0; i < text_.size(); ++i) {
            if (text_[i] == '(') open = i;
            if (text_[i] == ')' && open != std::string_view::npos) {
                for (std::size_t j = open; j <= i; ++j) bracket_depth_[j] = 1;
                open = std::string_view::npos;
            }
        }
    }
    bool has_comma_between(std::size_t from, std::size_t to) const {
        return has_punct_between(from, to, ",");
    }

    bool is_figure_start(std::size_t word) const {
        for (const auto& f : figures_)
            if (f.first_word == word) return true;
        return false;
    }

    // "were killed", "were allegedly killed": the verb at `k` is a passive.
    bool passive_verb_at(std::size_t k) const {
        while (k > 0 && is_one_of(words_[k - 1].lower, kAdverbs)) --k;
        return k > 0 && is_one_of(words_[k - 1].lower, kPassiveAuxiliaries);
    }

    // "the death toll from Tuesday's bombing rose to 14", "the toll of the wounded stands at 9",
    // "the number of civilians who were killed in the air strikes on Douma has risen to 23".
    std::optional<Kind> toll_rise_before(const Figure& f) const {
        std::size_t k = f.first_word;
        if (k > 0 && (words_[k - 1].lower == "to" || words_[k - 1].lower == "at")) --k;
        if (k == 0 || !is_one_of(words_[k - 1].lower, kTollVerbs)) return std::nullopt;
        const std::size_t verb = k - 1;
        for (std::size_t j = verb; j-- > 0 && j + 30 > verb;) {
            const bool toll = words_[j].lower == "toll" && j + 14 > verb;
            const bool number = words_[j].lower == "number" && j + 1 < verb && words_[j + 1].lower == "of";
            if (!toll && !number) continue;
            std::optional<Kind> counted;
            for (std::size_t m = j + 1; m < verb; ++m)
                if (const auto kind = verb_kind(words_[m].lower); kind == Kind::killed || kind == Kind::injured) {
                    counted = kind;
                    if (kind == Kind::injured) break;
                }
            // "the number of displaced rose to 500" counts no casualties.
            if (number) return counted;
            return counted == Kind::injured ? Kind::injured : Kind::killed;
        }
        return std::nullopt;
    }

    void classify(Figure& f) {
        if (auto kind = toll_rise_before(f)) {
            f.kind = *kind;
            f.by_active_verb = true;
            f.verb_word = f.first_word - 1;
            f.noun_end = noun_phrase_end(f.last_word);
            return;
        }
        // Active verb before the figure: "killing 39", "the death of 2", "Kill, Injure Several".
        Kind back = Kind::none;
        std::size_t back_verb = 0;
        for (std::size_t k = f.first_word, steps = 0; k-- > 0 && steps < 4; ++steps) {
            const std::string& w = words_[k].lower;
            // "wounding other 8 civilians", "captured a 5-person cell"
            if (w == "of" || w == "and" || w == "or" || w == "the" || w == "other" || w == "a") continue;
            auto kind = verb_kind(w);
            if (!kind) break;
            // "were killed and two others": a passive verb belongs to the group before it;
            // "have arrested three" is active.
            if (passive_verb_at(k)) break;
            const bool shot_dead = w == "dead" && k > 0 && words_[k - 1].lower == "shot";
            if (*kind == Kind::killed && ((w != "died" && w != "dead") || shot_dead))
                back = back == Kind::injured ? Kind::killed_or_injured : Kind::killed;
            else if (*kind == Kind::injured)
                back = back == Kind::killed ? Kind::killed_or_injured : Kind::injured;
            else if (*kind == Kind::captured)
                back = Kind::captured;
            if (back != Kind::none && back_verb == 0) back_verb = k;
        }
        // "arrested three members": a capture verb takes people as its object; "seized 3
        // vehicles" takes things.
        if (back == Kind::captured && !names_people(f.last_word)) back = Kind::none;
        if (back != Kind::none) {
            f.kind = back;
            f.by_active_verb = true;
            f.verb_word = back_verb;
            f.noun_end = noun_phrase_end(f.last_word);
            return;
        }
        // Passive or intransitive verb after the figure's noun phrase. A bracketed aside
        // ("five civilians (four women and a man) were killed") is read past.
        bool people = false;
        bool in_breakdown = false;
        std::size_t gap_from = f.q.end;
        for (std::size_t k = f.last_word; k < words_.size() && k < f.last_word + 16; ++k) {
            if (in_brackets(words_[k].begin)) continue;
            const std::string& w = words_[k].lower;
            const std::size_t gap_begin = gap_from;
            gap_from = words_[k].end;
            if (has_punct_between(gap_begin, words_[k].begin, ".;:[]\"")) return;
            if (w == "including") in_breakdown = true;
            if (has_comma_between(gap_begin, words_[k].begin) && !in_breakdown &&
                w != "including")
                return;
            if (is_figure_start(k) && !in_breakdown) return;  // the next group takes over
            if (auto kind = verb_kind(w)) {
                const bool next_is_object =
                    k + 1 < words_.size() &&
                    !has_punct_between(words_[k].end, words_[k + 1].begin, ",.;:()") &&
                    (is_figure_start(k + 1) || words_[k + 1].lower == "the");
                if (next_is_object && w != "dead") return;  // "bombs ... killed 14 people"
                // "Over 100 people are feared dead": a fear, not a toll.
                if (k > f.last_word && words_[k - 1].lower == "feared") return;
                const bool passive = k > f.last_word && is_one_of(words_[k - 1].lower, kAuxiliaries);
                // "died" has no object: the figure before it is always its subject.
                const bool intransitive = w == "died" || w == "perished" || w == "suffocated";
                if (!people && !passive && !intransitive && !all_aux(f.last_word, k)) return;
                Kind kk = *kind;
                if (kk == Kind::killed && k + 2 < words_.size() &&
                    (words_[k + 1].lower == "and" || words_[k + 1].lower == "or") &&
                    verb_kind(words_[k + 2].lower) == Kind::injured)
                    kk = Kind::killed_or_injured;
                f.kind = kk;
                f.verb_word = k;
                f.noun_end = k > f.last_word ? words_[k - 1].end : f.q.end;
                return;
            }
            if (victim_category(w).size() || is_one_of(w, kPeopleWords)) people = true;
        }
    }

    // Does the noun phrase from word `from` name people ("members of the NDF", "others")?
    // Up to six words: "seized eight of the twelve truffle hunters".
    bool names_people(std::size_t from) const {
        // "arrested 15 in a day of clashes": a bare figure under a capture verb counts people.
        // (`from` is the first word after the figure.)
        if (from >= words_.size() || is_one_of(words_[from].lower, kAfterBareFigure)) return true;
        // "captured a 5-person cell": the figure itself counts people.
        if (from > 0 && group_size_suffix(words_[from - 1].lower) > 0) return true;
        for (std::size_t k = from; k < words_.size() && k < from + 6; ++k) {
            const std::string& w = words_[k].lower;
            const std::string_view singular =
                w.ends_with('s') ? std::string_view(w).substr(0, w.size() - 1) : std::string_view(w);
            if (!victim_category(w).empty() || is_one_of(w, kPeopleWords) ||
                is_one_of(singular, kPersonNouns))  // "twelve residents", "a farmer"
                return true;
            if (verb_kind(w) || w == "in" || w == "on" || w == "at") return false;
        }
        return false;
    }

    bool all_aux(std::size_t from, std::size_t to) const {
        for (std::size_t k = from; k < to; ++k)
            if (!is_one_of(words_[k].lower, kAuxiliaries)) return false;
        return true;
    }

    std::size_t noun_phrase_end(std::size_t word) const {
        std::size_t end = word < words_.size() ? words_[word].begin : text_.size();
        for (std::size_t k = word; k < words_.size() && k < word + 6; ++k) {
            const std::string& w = words_[k].lower;
            if (w == "in" || w == "on" || w == "at" || w == "and" || w == "near" || verb_kind(w))
                break;
            end = words_[k].end;
        }
        return end;
    }

    // Unresolved figures joined to a resolved neighbour by "and" / "as well as" share its verb.
    void join_groups() {
        for (std::size_t i = figures_.size(); i-- > 0;) {
            Figure& f = figures_[i];
            if (f.kind != Kind::none || f.breakdown) continue;
            if (i + 1 < figures_.size() && joined(f, figures_[i + 1]) &&
                figures_[i + 1].kind != Kind::none && !figures_[i + 1].by_active_verb) {
                f.kind = figures_[i + 1].kind;
                f.verb_word = figures_[i + 1].verb_word;
            }
        }
        for (std::size_t i = 1; i < figures_.size(); ++i) {
            Figure& f = figures_[i];
            if (f.kind != Kind::none || f.breakdown) continue;
            const Figure& prev = figures_[i - 1];
            if (prev.by_active_verb && joined(prev, f)) {
                f.kind = prev.kind;
                f.verb_word = prev.verb_word;
            }
        }
    }

    bool joined(const Figure& a, const Figure& b) const {
        if (b.first_word < 1 || b.first_word <= a.last_word) return false;
        const std::string& w1 = words_[b.first_word - 1].lower;
        // "three members of the Internal Security Forces and two young men were injured": a
        // long name may stand between, but no verb.
        if (w1 == "and")
            return b.first_word - a.last_word <= 10 &&
                   std::none_of(words_.begin() + static_cast<std::ptrdiff_t>(a.last_word),
                                words_.begin() + static_cast<std::ptrdiff_t>(b.first_word),
                                [](const TextWord& w) { return verb_kind(w.lower).has_value(); });
        if (w1 == "as" && b.first_word >= 3 && words_[b.first_word - 2].lower == "well" &&
            words_[b.first_word - 3].lower == "as")
            return b.first_word - a.last_word <= 9;
        return false;
    }

    static void add(Count& c, const Quantity& q, bool exact_known) {
        const bool was = mentioned(c);
        c.low += q.low;
        c.high += q.high;
        c.vague = c.vague || q.vague || !exact_known;
        if (exact_known) c.value = (was && c.value ? *c.value : 0) + q.value;
        else if (!was) c.value.reset();
    }

    // "A local commander was assassinated", "the driver has been wounded": a singular passive
    // with no figure of its own names one victim.
    void add_singular_passives() {
        for (std::size_t k = 1; k < words_.size(); ++k) {
            const auto kind = verb_kind(words_[k].lower);
            // "was shot dead" is the passive of "shot dead".
            const bool shot_dead = words_[k].lower == "dead" && words_[k - 1].lower == "shot";
            if (!kind || !(is_one_of(words_[k].lower, kPersonPassives) || shot_dead)) continue;
            std::size_t aux = shot_dead ? k - 1 : k;
            while (aux > 0 && is_one_of(words_[aux - 1].lower, kAdverbs)) --aux;
            if (aux == 0) continue;
            const std::string& a = words_[aux - 1].lower;
            const bool singular = a == "was" || (a == "been" && aux >= 2 && words_[aux - 2].lower == "has");
            if (!singular) continue;
            // "A Syrian family was killed": a group of untold size, not one victim.
            const std::size_t subject = a == "was" ? aux - 1 : aux - 2;
            if (subject > 0 && is_one_of(words_[subject - 1].lower, kGroupNouns)) continue;
            // "No one was hurt", "nobody was injured": no victim at all (add_stated_zeros).
            if (subject > 0 && (words_[subject - 1].lower == "nobody" ||
                                (words_[subject - 1].lower == "one" && subject > 1 &&
                                 words_[subject - 2].lower == "no")))
                continue;
            if (std::any_of(figures_.begin(), figures_.end(),
                            [&](const Figure& f) { return f.kind != Kind::none && f.verb_word == k; }))
                continue;
            Figure f;
            f.q.value = f.q.low = f.q.high = 1;
            f.q.begin = f.q.end = words_[aux - 1].begin;
            f.first_word = f.last_word = aux - 1;
            f.kind = *kind;
            f.verb_word = k;
            f.noun_end = f.q.begin;
            figures_.push_back(f);
        }
    }

    // The same figure told again under another verb ("Shelling kills 11 ... shelling killed 11
    // civilians", a headline glued to its lead) counts once.
    bool echoes_earlier(const Figure& f) const {
        for (const Figure& e : figures_) {
            if (&e == &f) return false;
            if (!e.breakdown && e.kind == f.kind && e.verb_word != f.verb_word &&
                e.q.value == f.q.value && e.q.low == f.q.low && e.q.high == f.q.high)
                return true;
        }
        return false;
    }

    // "causing no injuries", "no casualties were reported", "material damage only": a toll of
    // zero is stated, which is not the same as no toll given.
    void add_stated_zeros(CasualtyReport& r) const {
        const std::string low = ascii_lower(text_);
        for (const ZeroPhrase& z : kZeroPhrases) {
            if (low.find(z.phrase) == std::string::npos) continue;
            if (z.killed && !mentioned(r.counts.killed)) r.counts.killed = Count::exact(0);
            if (z.injured && !mentioned(r.counts.injured)) r.counts.injured = Count::exact(0);
        }
    }

    CasualtyReport report() {
        CasualtyReport r;
        for (const auto& f : figures_) {
            if (f.breakdown || echoes_earlier(f)) continue;
            switch (f.kind) {
                case Kind::killed: add(r.counts.killed, f.q, true); break;
                case Kind::injured: add(r.counts.injured, f.q, true); break;
                case Kind::captured: add(r.counts.captured, f.q, true); break;
                case Kind::killed_or_injured: {
                    // The split is unknown: each of killed and injured is somewhere in 0..N.
                    Quantity open = f.q;
                    open.low = 0;
                    // A vague joint toll ("dozens were killed and injured") stays open too,
                    // though coders often give such a word's figure to the killed: the word
                    // counts both, so its figure (dozens: 24) overstates the dead, and a
                    // figure there would keep the report from merging with an exact account
                    // of the same event (docs/extraction.md).
                    add(r.counts.killed, open, false);
                    add(r.counts.injured, open, false);
                    break;
                }
                case Kind::none: continue;
            }
            if (r.victims.empty()) {
                const auto phrase = text_.substr(f.q.begin, f.noun_end - f.q.begin);
                r.victims = std::string(victim_category(phrase));
                r.victims_begin = f.q.begin;
                r.victims_end = f.noun_end;
            }
        }
        add_stated_zeros(r);
        return r;
    }

    std::string_view text_;
    std::vector<TextWord> words_;
    std::vector<Figure> figures_;
    std::vector<unsigned char> bracket_depth_;  // per byte of text_: 1 inside round brackets
};

}  // namespace

bool mentioned(const Count& c) { return c.value.has_value() || c.high > 0; }

bool CasualtyReport::any() const {
    return mentioned(counts.killed) || mentioned(counts.injured) || mentioned(counts.captured);
}

CasualtyReport find_casualties(std::string_view sentence) { return Scanner(sentence).run(); }

}  // namespace incimap
