#include "extract/actors.hpp"
#include "text/word_tables.hpp"

#include <array>
#include <cctype>
#include <string>

namespace incimap {

namespace {

struct ActorName {
    std::string_view phrase;  // lower case, matched on whole words; see case_sensitive
    std::string_view actor;
    bool case_sensitive;      // "IS" only in capitals: "is" is a verb
};

// Canonical actors follow ACLED's Syria actor names where they exist (e.g. "Islamic State
// (Syria)" shortened to "Islamic State (IS)"); the variants are the spellings seen in
// English-language reports (SOHR, SANA, AFP, Reuters, Asharq al-Awsat). Longest match wins.
const std::array<ActorName, 60> kActors{{
    {"IS", "Islamic State (IS)", true},
    {"isis", "Islamic State (IS)", false},
    {"isil", "Islamic State (IS)", false},
    {"islamic state", "Islamic State (IS)", false},
    {"daesh", "Islamic State (IS)", false},
    {"caliphate soldiers", "Islamic State (IS)", false},
    {"regime forces", "Syrian government forces", false},
    {"regime artillery", "Syrian government forces", false},
    {"regime warplanes", "Syrian government forces", false},
    {"regime helicopters", "Syrian government forces", false},
    {"regime troops", "Syrian government forces", false},
    {"regime army", "Syrian government forces", false},
    {"syrian regime", "Syrian government forces", false},
    {"assad regime", "Syrian government forces", false},
    {"government artillery", "Syrian government forces", false},
    {"government warplanes", "Syrian government forces", false},
    {"syrian warplanes", "Syrian government forces", false},
    {"regime soldiers", "Syrian government forces", false},
    {"government forces", "Syrian government forces", false},
    {"syrian army", "Syrian government forces", false},
    {"syrian arab army", "Syrian government forces", false},
    {"SAA", "Syrian government forces", true},
    {"assad forces", "Syrian government forces", false},
    {"army forces", "Syrian government forces", false},
    {"4th division", "Syrian government forces", false},
    {"fourth division", "Syrian government forces", false},
    {"pro-regime", "Syrian government forces", false},
    {"russia-backed", "Russia-backed militias", false},
    {"russian-backed", "Russia-backed militias", false},
    {"liwa al-quds", "Russia-backed militias", false},
    {"al-quds brigade", "Russia-backed militias", false},
    {"5th corps", "Russia-backed militias", false},
    {"fifth corps", "Russia-backed militias", false},
    {"national defense forces", "Russia-backed militias", false},
    {"national defence forces", "Russia-backed militias", false},
    {"national defense militias", "Russia-backed militias", false},
    {"NDF", "Russia-backed militias", true},
    {"iran-backed", "Iran-backed militias", false},
    {"iranian-backed", "Iran-backed militias", false},
    {"pro-iran", "Iran-backed militias", false},
    {"pro-iranian", "Iran-backed militias", false},
    {"iran-affiliated", "Iran-backed militias", false},
    {"hezbollah", "Iran-backed militias", false},
    {"SDF", "Syrian Democratic Forces (SDF)", true},
    {"syrian democratic forces", "Syrian Democratic Forces (SDF)", false},
    {"international coalition", "International coalition", false},
    {"us-led coalition", "International coalition", false},
    {"us forces", "International coalition", false},
    {"russian warplanes", "Russian forces", false},
    {"russian forces", "Russian forces", false},
    {"russian airstrikes", "Russian forces", false},
    {"turkish forces", "Turkish forces", false},
    {"turkish army", "Turkish forces", false},
    {"turkish drone", "Turkish forces", false},
    {"hayat tahrir al-sham", "Hayat Tahrir al-Sham (HTS)", false},
    {"HTS", "Hayat Tahrir al-Sham (HTS)", true},
    {"opposition factions", "Syrian opposition", false},
    {"rebels", "Syrian opposition", false},
    // ACLED's "Unidentified Armed Group (Syria)"
    {"unknown gunmen", "Unidentified armed group", false},
    {"unidentified gunmen", "Unidentified armed group", false},
}};

struct VictimWord {
    std::string_view word;  // lower case, whole word
    std::string_view category;
};

// Victim groups: the civilian/combatant split that ACLED's "Violence against civilians"
// definition and FA-KES's nb_civilians/nb_noncivilians columns both rest on. First match in
// the noun phrase wins, so children are found before the civilians they also are.
const std::array<VictimWord, 46> kVictims{{
    {"children", "children"}, {"child", "children"},     {"girl", "children"},
    {"boy", "children"},      {"kids", "children"},      {"women", "civilians"},
    {"civilians", "civilians"}, {"civilian", "civilians"}, {"citizens", "civilians"},
    {"people", "civilians"},  {"shepherds", "civilians"}, {"farmers", "civilians"},
    {"workers", "civilians"}, {"herders", "civilians"}, {"drivers", "civilians"},
    {"passengers", "civilians"}, {"villagers", "civilians"}, {"residents", "civilians"}, {"syrians", "civilians"},
    {"soldiers", "soldiers"}, {"soldier", "soldiers"},   {"troops", "soldiers"},
    {"officers", "soldiers"}, {"officer", "soldiers"},   {"forces", "soldiers"},
    {"army", "soldiers"},     {"general", "soldiers"},   {"personnel", "soldiers"},
    {"militiamen", "militia"}, {"militia", "militia"},   {"militias", "militia"},
    {"militants", "militia"}, {"fighters", "militia"},   {"members", "militia"},
    {"loyalists", "militia"}, {"gunmen", "militia"},     {"jihadists", "militia"},
    {"policemen", "police"},  {"police", "police"},      {"guards", "soldiers"},
    {"official", "civilians"}, {"officials", "civilians"}, {"man", "civilians"},
    {"woman", "civilians"},    {"journalist", "civilians"},
    {"activist", "civilians"},
}};

bool boundary(std::string_view s, std::size_t pos) {
    if (pos == 0 || pos >= s.size()) return true;
    const auto c = static_cast<unsigned char>(s[pos]);
    return !(std::isalnum(c) || c == '-');
}

// Does `low` hold `phrase`, lowered, at `pos`? Compared byte by byte: lowering each phrase into
// a new string at every position of the text was most of the time spent here.
bool lowered_at(std::string_view low, std::size_t pos, std::string_view phrase) {
    if (pos + phrase.size() > low.size()) return false;
    for (std::size_t k = 0; k < phrase.size(); ++k)
        if (low[pos + k] != ascii_lower(phrase[k])) return false;
    return true;
}

}  // namespace

std::vector<ActorMention> find_actors(std::string_view text) {
    const std::string low = ascii_lower(text);
    std::vector<ActorMention> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (i > 0 && !boundary(low, i - 1)) {
            ++i;
            continue;
        }
        const ActorName* hit = nullptr;
        std::size_t len = 0;
        for (const auto& a : kActors) {
            const std::size_t n = a.phrase.size();
            if (n <= len || !lowered_at(low, i, a.phrase) || !boundary(low, i + n)) continue;
            if (a.case_sensitive && text.compare(i, n, a.phrase) != 0) continue;
            hit = &a;
            len = n;
        }
        if (hit) {
            out.push_back({hit->actor, i, i + len});
            i += len;
        } else {
            ++i;
        }
    }
    return out;
}

std::string_view victim_category(std::string_view noun_phrase) {
    const std::string low = ascii_lower(noun_phrase);
    for (const auto& v : kVictims) {
        for (auto pos = low.find(v.word); pos != std::string::npos; pos = low.find(v.word, pos + 1))
            if ((pos == 0 || boundary(low, pos - 1)) && boundary(low, pos + v.word.size()))
                return v.category;
    }
    return {};
}

}  // namespace incimap
