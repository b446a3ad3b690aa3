#include "gazetteer/context_hints.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "text/word_tables.hpp"

namespace incimap {
namespace {

struct Word {
    std::string_view text;
    bool break_after = false;  // punctuation follows: a phrase does not run on past it
};

bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    // Bytes >= 0x80 belong to UTF-8 letters (Arabic names, diacritics): keep them in words.
    return u >= 0x80 || std::isalnum(u) || c == '-' || c == '\'';
}

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_word_byte(text[i])) {
            const char c = text[i];
            if (!words.empty() && c != ' ' && c != '\t') words.back().break_after = true;
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && is_word_byte(text[j])) ++j;
        std::string_view w = text.substr(i, j - i);
        while (!w.empty() && (w.front() == '-' || w.front() == '\'')) w.remove_prefix(1);
        while (!w.empty() && (w.back() == '-' || w.back() == '\'')) w.remove_suffix(1);
        if (w.ends_with("'s")) w.remove_suffix(2);  // "Homs's countryside"
        if (!w.empty()) words.push_back(Word{w, false});
        i = j;
    }
    return words;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& table) {
    return std::any_of(table.begin(), table.end(), [&](std::string_view t) { return iequals(word, t); });
}

// Words that, after a governorate's name, make it an area rather than the city of that name
// ("Homs countryside", "Raqqa province", "the Homs desert"). Source: the phrasing of SANA, SOHR
// and Al Mayadeen reports in ../shared/seeds and of the FA-KES corpus.
constexpr std::array<std::string_view, 6> kAreaAfter = {
    "countryside", "province", "governorate", "desert", "outskirts", "suburbs"};
// The same words before "of" and a name: "countryside of Deir Ezzor".
constexpr std::array<std::string_view, 4> kAreaBeforeOf = {
    "countryside", "province", "governorate", "outskirts"};
// Compass and "rural" adjectives before a name: "eastern Homs", "rural Idlib".
constexpr std::array<std::string_view, 14> kAreaAdjectives = {
    "eastern", "western", "northern", "southern", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "central",
    "rural"};

// Lower-case Arabic article prefixes that may start a capitalised name ("al-Hasakah").
constexpr std::array<std::string_view, 9> kArticlePrefixes = {
    "al-", "el-", "ar-", "ad-", "as-", "ash-", "at-", "az-", "an-"};

bool starts_capitalised(std::string_view w) {
    if (w.empty()) return false;
    const auto c = static_cast<unsigned char>(w.front());
    if (std::isupper(c) || c >= 0x80) return true;
    for (std::string_view p : kArticlePrefixes) {
        if (w.size() > p.size() && w.starts_with(p) &&
            std::isupper(static_cast<unsigned char>(w[p.size()])))
            return true;
    }
    return false;
}

// The Damascus governorate (SY01) is the city itself; "Damascus countryside" and "rural Damascus"
// mean Rural Damascus (Rif Dimashq, SY03). Source: OCHA COD-AB Syria admin-1 P-codes.
std::string area_pcode(const Place& governorate) {
    if (governorate.admin.admin1_pcode == "SY01") return "SY03";
    return governorate.admin.admin1_pcode;
}

std::string phrase_of(const std::vector<Word>& words, std::size_t first, std::size_t count) {
    const char* b = words[first].text.data();
    const char* e = words[first + count - 1].text.data() + words[first + count - 1].text.size();
    return std::string(b, static_cast<std::size_t>(e - b));
}

// Longest phrase of up to three words in [first, first + max) that names a governorate; the
// phrase may not run past punctuation.
const Place* governorate_in(const std::vector<Word>& words, std::size_t first, std::size_t max,
                            const Gazetteer& gazetteer, std::string& phrase) {
    if (first >= words.size() || !starts_capitalised(words[first].text)) return nullptr;
    std::size_t available = 1;
    while (available < max && first + available < words.size() &&
           !words[first + available - 1].break_after)
        ++available;
    for (std::size_t n = available; n >= 1; --n) {
        std::string candidate = phrase_of(words, first, n);
        if (const Place* g = gazetteer.governorate(candidate)) {
            phrase = std::move(candidate);
            return g;
        }
    }
    return nullptr;
}

}  // namespace

std::vector<GovernorateHint> governorate_hints(std::string_view text, const Gazetteer& gazetteer) {
    const std::vector<Word> words = split_words(text);
    std::vector<GovernorateHint> hints;
    auto add = [&](const Place* g, const std::string& phrase, std::string_view cue, bool cue_first) {
        if (!g) return;
        // "Damascus governorate" is the city's own governorate; every other cue means an area.
        const std::string pcode = iequals(cue, "governorate") ? g->admin.admin1_pcode : area_pcode(*g);
        if (pcode.empty()) return;
        if (std::any_of(hints.begin(), hints.end(), [&](const auto& h) { return h.pcode == pcode; }))
            return;
        hints.push_back({pcode, cue_first ? std::string(cue) + " " + phrase : phrase + " " + std::string(cue)});
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view w = words[i].text;
        std::string phrase;
        if (is_one_of(w, kAreaAfter) && i > 0 && !words[i - 1].break_after) {
            // Try the longest run of up to three words ending just before the cue.
            for (std::size_t n = std::min<std::size_t>(3, i); n >= 1; --n) {
                const std::size_t first = i - n;
                bool crosses = false;
                for (std::size_t k = first; k + 1 < i; ++k) crosses = crosses || words[k].break_after;
                if (crosses || !starts_capitalised(words[first].text)) continue;
                const std::string candidate = phrase_of(words, first, n);
                if (const Place* g = gazetteer.governorate(candidate)) {
                    add(g, candidate, w, false);
                    break;
                }
            }
        }
        if (is_one_of(w, kAreaBeforeOf) && i + 2 < words.size() && iequals(words[i + 1].text, "of") &&
            !words[i].break_after && !words[i + 1].break_after) {
            add(governorate_in(words, i + 2, 3, gazetteer, phrase), phrase,
                std::string(w) + " of", true);
        }
        if (is_one_of(w, kAreaAdjectives) && !words[i].break_after) {
            add(governorate_in(words, i + 1, 3, gazetteer, phrase), phrase, w, true);
        }
    }
    return hints;
}

namespace {

struct CountryWord {
    std::string_view word;  // matched case-sensitively on word boundaries
    std::string_view code;
    bool name = false;      // the country's name, not its people's
};

// Words that place a story in a country other than (or in) Syria. Demonyms count because
// "Iraqi forces" sets the scene as surely as "Iraq". Words shared by stories from several
// countries ("Hezbollah", "Kurdish") are left out. Source: ISO 3166-1 names and their English
// demonyms; "West Bank" and "Gaza" are the Palestinian territories (GeoNames country PS).
constexpr std::array<CountryWord, 27> kCountryWords = {{
    {"Syria", "SY", true}, {"Syrian", "SY"}, {"Syrians", "SY"},
    {"West Bank", "PS", true}, {"Gaza", "PS", true}, {"Palestinian", "PS"}, {"Palestinians", "PS"},
    {"Palestine", "PS", true},
    {"Israel", "IL", true}, {"Israeli", "IL"}, {"Israelis", "IL"},
    {"Iraq", "IQ", true}, {"Iraqi", "IQ"}, {"Iraqis", "IQ"},
    {"Lebanon", "LB", true}, {"Lebanese", "LB"},
    {"Turkey", "TR", true}, {"Turkish", "TR"}, {"Türkiye", "TR", true}, {"Turks", "TR"},
    {"Jordan", "JO", true}, {"Jordanian", "JO"}, {"Jordanians", "JO"},
    {"Egypt", "EG", true}, {"Egyptian", "EG"},
    {"Iran", "IR", true}, {"Iranian", "IR"},
}};

// Provinces and regions of Syria's neighbours along its borders, which set a scene as surely as
// the country's name when written as ground ("the Sinjar district of Nineveh province", "the
// Bekaa valley", "the Kilis province"), while the gazetteer lacks them or has a Syrian village
// of the name. Source: ISO
// 3166-2 subdivisions of IQ, LB, TR and JO, in their usual English spellings.
constexpr std::array<CountryWord, 20> kBorderRegions = {{
    {"Nineveh", "IQ", true}, {"Ninawa", "IQ", true}, {"Anbar", "IQ", true}, {"Dohuk", "IQ", true},
    {"Duhok", "IQ", true},
    {"Bekaa", "LB", true}, {"Beqaa", "LB", true}, {"Akkar", "LB", true}, {"Baalbek", "LB", true},
    {"Hermel", "LB", true},
    {"Hatay", "TR", true}, {"Kilis", "TR", true}, {"Gaziantep", "TR", true}, {"Sanliurfa", "TR", true},
    {"\xC5\x9Eanl\xC4\xB1urfa", "TR", true}, {"Mardin", "TR", true}, {"Sirnak", "TR", true},
    {"\xC5\x9E\xC4\xB1rnak", "TR", true},
    {"Mafraq", "JO", true}, {"Irbid", "JO", true},
}};

bool word_char_at(std::string_view text, std::size_t pos) {
    const auto c = static_cast<unsigned char>(text[pos]);
    return std::isalnum(c) || c >= 0x80;
}

// Where `word` stands as a whole word in `text`.
std::vector<std::size_t> word_positions(std::string_view text, std::string_view word) {
    std::vector<std::size_t> out;
    for (std::size_t pos = text.find(word); pos != std::string_view::npos;
         pos = text.find(word, pos + word.size())) {
        const bool left_ok = pos == 0 || !word_char_at(text, pos - 1);
        const std::size_t end = pos + word.size();
        const bool right_ok = end >= text.size() || !word_char_at(text, end);
        if (left_ok && right_ok) out.push_back(pos);
    }
    return out;
}

// How strongly the text before a country's name makes it the scene: 2 for fire that lands
// there ("rockets into Turkey", "shells hit Lebanon"), 1 for "in eastern Lebanon" or "inside
// Turkey", 0 for a border ("near the border with Syria"), a source ("fired from Syria") or the
// base of a force ("the YPG group in northern Syria fired rockets into Turkey").
int locative_weight(std::string_view before) {
    const std::size_t from = before.size() > 40 ? before.size() - 40 : 0;
    std::string low = " " + ascii_lower(before.substr(from));
    for (std::string_view side : {"northern ", "southern ", "eastern ", "western ", "north-eastern ",
                                  "north-western ", "northeastern ", "northwestern ", "southeastern ",
                                  "south-eastern ", "central ", "the "})
        if (low.ends_with(side)) {
            low.resize(low.size() - side.size());
            break;
        }
    for (std::string_view prep : {" into ", " hit ", " struck "})
        if (low.ends_with(prep)) return 2;
    for (std::string_view prep : {" in ", " inside ", " across "}) {
        if (!low.ends_with(prep)) continue;
        low.resize(low.size() - prep.size());
        for (std::string_view force : {" group", " groups", " militants", " terrorists", " fighters",
                                       " forces", " members", " cells", " militias", " rebels"})
            if (low.ends_with(force)) return 0;
        return 1;
    }
    return 0;
}

// Does the text after a country's name or people make it the scene: "Turkey's border province
// of Kilis", "Lebanon's northern villages", "the Lebanese border town of al-Qasr", "near
// Turkey's border"? Whose army, ministry or president ("Turkey's defence ministry", "Jordanian
// border guards") does not.
bool names_own_ground(std::string_view after, bool name) {
    std::string low = ascii_lower(after.substr(0, 40));
    if (name) {
        bool possessive = false;
        for (std::string_view s : {"'s ", "\xe2\x80\x99s "})
            if (low.starts_with(s)) {
                low.erase(0, s.size());
                possessive = true;
            }
        if (!possessive) return false;
    } else if (!low.starts_with(" ")) {
        return false;
    } else {
        low.erase(0, 1);
    }
    for (std::string_view side : {"northern ", "southern ", "eastern ", "western ", "southeastern ",
                                  "south-eastern ", "northeastern ", "north-eastern ", "northwestern ",
                                  "southwestern ", "central "})
        if (low.starts_with(side)) {
            low.erase(0, side.size());
            break;
        }
    if (low.starts_with("border ")) {
        low.erase(0, 7);
        if (!name) return low.starts_with("town") || low.starts_with("village") || low.starts_with("city") ||
                          low.starts_with("province") || low.starts_with("area");
        return !low.starts_with("guard") && !low.starts_with("police") && !low.starts_with("force");
    }
    for (std::string_view ground : {"province", "town", "village", "city", "district", "countryside"})
        if (low.starts_with(ground)) return true;
    // "Turkey's territory" is the scene; "trying to cross into the Turkish territory" is where
    // people were going, not where they were hit.
    return name && low.starts_with("territory");
}

}  // namespace

std::map<std::string, int> country_locatives(std::string_view text) {
    std::map<std::string, int> counts;
    // "Nineveh province", "the Bekaa valley": a region written as ground. A bare "in Mardin"
    // does not count: where the wounded were taken, or a photo of some other day.
    for (const CountryWord& region : kBorderRegions)
        for (std::size_t pos : word_positions(text, region.word)) {
            const std::string after = ascii_lower(text.substr(pos + region.word.size(), 13));
            if (after.starts_with(" province") || after.starts_with(" governorate") ||
                after.starts_with(" valley") || after.starts_with(" district"))
                counts[std::string(region.code)] += 2;
        }
    for (const CountryWord& cw : kCountryWords) {
        for (std::size_t pos : word_positions(text, cw.word)) {
            // The ground a country owns ("Turkey's border province") outweighs a bare "in"
            // ("fired by militants in Syria hit Turkey's border province of Kilis").
            if (names_own_ground(text.substr(pos + cw.word.size()), cw.name))
                counts[std::string(cw.code)] += 2;
            else if (const int weight = cw.name ? locative_weight(text.substr(0, pos)) : 0; weight > 0)
                counts[std::string(cw.code)] += weight;
        }
    }
    return counts;
}

std::map<std::string, int> country_mentions(std::string_view text) {
    std::map<std::string, int> counts;
    for (const CountryWord& cw : kCountryWords) {
        if (const auto n = word_positions(text, cw.word).size(); n > 0)
            counts[std::string(cw.code)] += static_cast<int>(n);
    }
    return counts;
}

}  // namespace incimap
