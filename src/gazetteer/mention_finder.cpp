#include "gazetteer/mention_finder.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <set>

#include "text/name_key.hpp"
#include "text/word_tables.hpp"

namespace incimap {
namespace {

// Capitalised English words and news terms that fold to the key of a gazetteer name (mostly
// small villages in Who's On First / GeoNames) and so would be taken for places. Found by
// running find_mentions over the five seed articles and the corpus of ../shared/corpus and
// reading the false hits; lower case here, compared case-insensitively to the whole phrase.
const std::set<std::string, std::less<>>& stop_phrases() {
    static const std::set<std::string, std::less<>> phrases = {
        // calendar words
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        // function words that start sentences
        "the", "a", "an", "in", "on", "at", "of", "and", "but", "he", "she", "it", "they",
        "we", "this", "that", "these", "those", "there", "his", "her", "its", "their", "as",
        "by", "for", "from", "to", "with", "after", "before", "since", "while", "when",
        "also", "so", "if", "or", "i", "you", "our", "my", "all", "some", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "mr", "mrs",
        // institutions, actors and news furniture
        "state", "army", "observatory", "reuters", "amaq", "islamic", "islamic state",
        "news", "agency", "media", "press", "human", "rights", "council", "forces",
        "government", "ministry", "regime", "coalition", "united", "nations", "un",
        "democratic", "free", "national", "defense", "defence", "brigade", "division",
        "front", "liberation", "party", "president", "minister", "general", "colonel",
        "sheikh", "imam", "allah", "god", "muslim", "muslims", "arab", "arabs", "kurdish",
        "kurds", "russian", "russia", "american", "iranian", "turkish", "syrian", "syrians",
        "sunni", "shia", "shiite", "christian",
        "north", "south", "east", "west", "northern",
        "southern", "eastern", "western", "central", "read", "more", "share", "comments",
        "reply", "photo", "video", "source", "sources", "report", "reports", "update",
        "newest", "most", "be", "new", "war", "kill", "injure", "strike",
        "al", "el", "liwa", "rudaw", "hamas", "al-qaeda", "nusiri", "daesh", "al-nusra",
        "nusra", "al-sham", "jaish", "fateh", "qaeda", "levant", "monitor", "follow", "near",
        "red", "road", "air", "kills", "n",
        // adverbs and conjunctions that open sentences and paragraphs of news reports
        "meanwhile", "however", "moreover", "furthermore", "additionally", "separately",
        "elsewhere", "nevertheless", "nonetheless", "likewise", "besides", "therefore",
        "thus", "hence", "later", "earlier", "yet", "still", "instead", "otherwise",
        "accordingly", "consequently", "subsequently", "previously", "currently", "recently",
        "today", "yesterday", "tonight", "overnight", "then", "now", "here", "where", "why",
        "what", "who", "how", "although", "though", "because", "despite", "during", "amid",
        "according", "following", "under", "against", "between", "about", "over", "into",
        // possessives whose apostrophe the source dropped (FA-KES)
        "syrias", "aleppos", "russias",
        // peoples and adjectives of nationality
        "palestinian", "palestinians", "israeli", "israelis", "iraqi", "iraqis", "turks",
        "iranians", "lebanese", "jordanian",
        // first names and family names of people in the news
        "bashar", "assad", "al-assad", "jaafar", "ibrahim", "mohammed", "muhammad", "ahmed",
        "ahmad", "ali", "hassan", "hussein", "omar", "khalid", "abdullah", "mahmoud",
        "rahman", "rami", "mazloum", "mazlum", "ismail", "faris", "murad", "jihad", "shara",
        "sharaa", "abdi", "youssef", "yousef", "mustafa", "bilal", "anas", "ayman",
        // religious communities, peoples and tribes named as groups, not villages
        "alawite", "alawites", "druze", "bedouin", "bedouins", "ismaili", "ismailis", "yazidi",
        "yazidis", "ezidi", "ezidis", "yezidi", "turkmen", "assyrian", "assyrians", "armenian",
        "armenians", "circassian", "christians", "kurd", "shiites", "sunnis",
        // common English words of news text that fold to a village name
        "areas", "area", "hours", "rescue", "many", "mosque", "church", "square", "eye", "home",
        "agencies", "martyrs", "security", "police", "military", "civil", "defense forces",
    };
    return phrases;
}

// Common given names of Syrian, Kurdish and other Arab men and women, as news English
// romanises them. A capitalised word right before or after one ("Faris Qasim", "Muhammad
// al-Hussein", "Jawad Ahmad") is part of a person's name: Qasim is also a spelling of the
// town Jasim. Some are villages too ("Fighters reached Hamza"), so alone they may be places.
const std::set<std::string, std::less<>>& given_names() {
    static const std::set<std::string, std::less<>> names = {
        "abdullah", "abdulrahman", "abdulaziz", "abdulkarim", "abdulkader", "adel", "adnan",
        "ahmad", "ahmed", "aisha", "ali", "amal", "ammar", "anas", "ayham", "ayman", "bashar",
        "bilal", "fadi", "faisal", "fatima", "faris", "firas", "ghassan", "hadi", "hamad",
        "hamid", "hamza", "hanan", "hani", "hassan", "hasan", "hisham", "huda", "hussam",
        "hussein", "husein", "ibrahim", "imad", "ismail", "jaafar", "jamal", "jamil", "jawad",
        "jihad", "karim", "khaled", "khalid", "khalil", "layla", "mahmoud", "mahmud", "majid",
        "marwan", "maryam", "mazen", "mazloum", "mazlum", "mohamed", "mohammad", "mohammed",
        "muhammad", "mohannad", "muhannad", "mostafa", "mustafa", "murad", "nasser", "nour",
        "omar", "osama", "qasim", "rami", "rania", "rashid", "riad", "said", "saleh", "salim",
        "sami", "samir", "sara", "suleiman", "talal", "tariq", "umar", "waleed", "walid",
        "yahya", "yasin", "yassin", "younes", "youssef", "yousef", "yusuf", "zainab", "zakaria",
        "ziad",
    };
    return names;
}

bool is_given_name(std::string_view word) {
    return given_names().count(word) > 0;
}

// Words that open or join an Arabic personal name: kunya ("Abu Ibrahim", "Umm Khaled") and
// nasab ("bin Laden", "ibn Taymiyyah"), in the romanisations news agencies use. A name right
// after one of them is part of a person's name, not a village.
constexpr std::array<std::string_view, 9> kNameLinks = {
    "abu", "abou", "umm", "um", "bin", "ben", "ibn", "bint", "abd"};

// Titles that come before a person's name in news English ("Colonel Suhail", "Sheikh Ahmad").
constexpr std::array<std::string_view, 14> kTitles = {
    "president", "minister", "general", "colonel", "sheikh", "commander", "leader",
    "emir", "imam", "brigadier", "lieutenant", "captain", "dr", "spokesman"};

// Romanised Arabic articles that may stand lower-case inside a name ("Deir ez-Zor",
// "Ras al Ain"); the romanisations of GeoNames and WOF (ALA-LC, BGN/PCGN).
constexpr std::array<std::string_view, 19> kArticles = {
    "al", "el", "ul", "as", "ash", "ad", "adh", "ar", "az", "at",
    "ath", "an", "es", "esh", "ed", "er", "ez", "et", "en"};

// Lower-case words that end the names of the curated supplement ("al-Omar oil field",
// "Semalka border crossing", "Deir Ezzor-Homs road"); see gazetteer/supplement*.tsv.
constexpr std::array<std::string_view, 16> kFeatureWords = {
    "oil", "gas", "field", "border", "crossing", "military", "air", "base", "airbase",
    "airport", "road", "highway", "camp", "desert", "prison", "dam"};

bool is_feature_word(std::string_view w) {
    return std::find(kFeatureWords.begin(), kFeatureWords.end(), w) != kFeatureWords.end();
}

bool is_article(std::string_view w) {
    return std::find(kArticles.begin(), kArticles.end(), w) != kArticles.end();
}

// Stop words that also open place names: the article ("Al Jarba", "Al- Hrak") and "Sheikh"
// ("Sheikh Meskin", "Sheikh Maqsoud"). Alone they are never places.
bool opens_place_name(std::string_view w) {
    const std::string lower = ascii_lower(w);
    return is_article(lower) || lower == "sheikh" || lower == "shaykh";
}

bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BF || c == 0x02BE || c == 0x02BB ||
           c == '`';
}

bool is_arabic(UChar32 c) {
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFF);
}

enum class Shape { capitalised, article_joined, lower_article, feature_word, arabic, other };

struct Word {
    std::size_t begin, end;
    Shape shape;
    bool joined_to_previous;  // only spaces (or one line break) between it and the previous word
};

UChar32 decode_at(std::string_view text, std::size_t i) {
    int32_t pos = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()), c);
    return c;
}

// News writes places in title case; a word in capitals is an acronym (ISIS, SDF, SANA) or a
// shouted byline, and matched village names by accident.
bool is_all_caps(std::string_view word) {
    int letters = 0;
    for (char c : word) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++letters;
    }
    return letters >= 2;
}

// "Syria's", "Israel’s": the possessive is not part of the name.
bool is_possessive_end(const uint8_t* s, int32_t at, int32_t n) {
    if (at >= n || (s[at] != 's' && s[at] != 'S')) return false;
    int32_t k = at + 1;
    if (k >= n) return true;
    UChar32 c;
    U8_NEXT(s, k, n, c);
    return !u_isalnum(c);
}

Shape shape_of(std::string_view text, std::size_t begin, std::size_t end) {
    const UChar32 first = decode_at(text, begin);
    if (is_arabic(first)) return Shape::arabic;
    const std::string_view word = text.substr(begin, end - begin);
    if (u_isupper(first) || u_istitle(first))
        return is_all_caps(word) ? Shape::other : Shape::capitalised;
    const auto hyphen = word.find('-');
    if (hyphen != std::string_view::npos && is_article(word.substr(0, hyphen)) &&
        hyphen + 1 < word.size() && u_isupper(decode_at(text, begin + hyphen + 1)))
        return Shape::article_joined;
    if (is_article(word)) return Shape::lower_article;
    if (is_feature_word(word)) return Shape::feature_word;
    return Shape::other;
}

// Words: letters and digits, with apostrophes and hyphens inside them ("Dar'a", "al-Bab").
std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t n = static_cast<int32_t>(text.size());
    int32_t i = 0;
    bool joinable = false;  // since the previous word: only spaces so far
    int32_t words_end = -1;  // where the previous word ended
    int newlines = 0;
    while (i < n) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) { joinable = false; continue; }
        if (!u_isalnum(c)) {
            if (c == '\n') ++newlines;
            // Right after a word, an ayn written as an apostrophe ("Nab’ Al-Sakhr") or the
            // hyphen of an article cut from its noun ("Al- Hrak") still joins the name.
            const bool name_mark = start == words_end && !words.empty() &&
                                   (is_apostrophe(c) ||
                                    (c == '-' && is_article(ascii_lower(text.substr(
                                                     words.back().begin, words.back().end - words.back().begin)))));
            if (!(u_isWhitespace(c) || c == 0x00A0 || name_mark) || newlines > 1) joinable = false;
            continue;
        }
        // A word: extend while letters/digits/combining marks, or an inner ' or - followed by
        // a letter.
        int32_t end = i;
        while (end < n) {
            int32_t j = end;
            UChar32 d;
            U8_NEXT(s, j, n, d);
            if (d >= 0 && (u_isalnum(d) || u_getCombiningClass(d) > 0 || u_charType(d) == U_NON_SPACING_MARK)) {
                end = j;
                continue;
            }
            if (is_apostrophe(d) && is_possessive_end(s, j, n)) break;
            if (d == '-' || is_apostrophe(d)) {
                int32_t k = j;
                UChar32 e = -1;
                if (k < n) U8_NEXT(s, k, n, e);
                if (e >= 0 && u_isalpha(e)) {
                    end = k;
                    continue;
                }
            }
            break;
        }
        const auto b = static_cast<std::size_t>(start);
        const auto e = static_cast<std::size_t>(end);
        words.push_back({b, e, shape_of(text, b, e), joinable && !words.empty()});
        i = end;
        words_end = end;
        joinable = true;
        newlines = 0;
    }
    return words;
}

std::string_view word_text(std::string_view text, const Word& w) {
    return text.substr(w.begin, w.end - w.begin);
}

bool can_start(Shape s) {
    return s == Shape::capitalised || s == Shape::article_joined || s == Shape::arabic;
}

// Is words[first..last] a plausible name: one script, joined by spaces only, Latin names
// of capitalised words, articles inside and supplement feature words.
bool plausible(const std::vector<Word>& words, std::size_t first, std::size_t last) {
    const bool arabic = words[first].shape == Shape::arabic;
    for (std::size_t k = first + 1; k <= last; ++k) {
        if (!words[k].joined_to_previous) return false;
        const Shape s = words[k].shape;
        if (arabic != (s == Shape::arabic)) return false;
        if (!arabic && s == Shape::other) return false;
    }
    return arabic || words[last].shape != Shape::lower_article;
}

// Is words[first..last] part of a person's name? "Abu Ibrahim", "bin Laden", "Colonel
// Suhail": a kunya, nasab or title before it; "al-Masri" right after a given name. "Ibrahim al-Hashimi": a single given name
// followed by a family name with an article (a place written so, "Maarat al-Numan", is
// matched whole before its first word is tried alone), or by "bin"/"ibn".
bool person_name(std::string_view text, const std::vector<Word>& words, std::size_t first,
                 std::size_t last) {
    if (words[first].shape == Shape::arabic) return false;
    // "a leader known as Abu Hommam", "a suspect named Hasan": a name introduced as a person's.
    const std::string_view before = text.substr(0, words[first].begin);
    for (std::string_view intro : {"known as ", "known only as ", "named ", "nicknamed ", "alias "})
        if (before.ends_with(intro)) return true;
    if (first > 0 && words[first].joined_to_previous) {
        const std::string before = ascii_lower(word_text(text, words[first - 1]));
        if (is_one_of(before, kNameLinks) || is_one_of(before, kTitles)) return true;
        // "Faris Qasim", "Abdullah al Sayyed": right after a given name (and its article),
        // written as a name ("media said Sayyida Zeinab was hit": "said" is the verb).
        if (words[first - 1].shape == Shape::capitalised && is_given_name(before)) return true;
        if (first > 1 && words[first - 1].shape == Shape::lower_article && words[first - 1].joined_to_previous &&
            words[first - 2].shape == Shape::capitalised &&
            is_given_name(ascii_lower(word_text(text, words[first - 2]))))
            return true;
        // "Hamza al-Masri": a family name with an article right after a given name.
        const std::string first_word = ascii_lower(word_text(text, words[first]));
        const auto hyphen = first_word.find('-');
        if (hyphen != std::string::npos && is_article(std::string_view(first_word).substr(0, hyphen)) &&
            words[first - 1].shape == Shape::capitalised &&
            !MentionFinder::is_stop_phrase(word_text(text, words[first - 1])))
            return true;
    }
    if (first == last && words[first].shape == Shape::capitalised && last + 1 < words.size() &&
        words[last + 1].joined_to_previous) {
        const Word& next = words[last + 1];
        const std::string next_word = ascii_lower(word_text(text, next));
        const auto hyphen = next_word.find('-');
        if (next.shape == Shape::article_joined ||
            (next.shape == Shape::capitalised && hyphen != std::string::npos &&
             is_article(std::string_view(next_word).substr(0, hyphen))))
            return true;
        if (next.shape == Shape::capitalised && is_given_name(next_word)) return true;  // "Jawad Ahmad"
        if (is_one_of(next_word, kNameLinks) &&
            last + 2 < words.size() && words[last + 2].shape == Shape::capitalised)
            return true;
    }
    return false;
}

}  // namespace

bool MentionFinder::is_stop_phrase(std::string_view words) {
    return stop_phrases().count(ascii_lower(words)) > 0;
}

std::vector<MentionSpan> MentionFinder::find(std::string_view text) const {
    std::vector<MentionSpan> out;
    const auto words = split_words(text);
    for (std::size_t i = 0; i < words.size();) {
        if (!can_start(words[i].shape)) {
            ++i;
            continue;
        }
        std::size_t taken = 0;
        const std::size_t longest = std::min(max_words, words.size() - i);
        for (std::size_t len = longest; len >= 1 && !taken; --len) {
            const std::size_t last = i + len - 1;
            if (!plausible(words, i, last)) continue;
            const auto phrase = text.substr(words[i].begin, words[last].end - words[i].begin);
            if (is_stop_phrase(phrase)) continue;
            // "On June", "The Syrian Desert": a name never starts or ends on a stop word.
            // A capitalised feature word may end one ("Test Desert Road").
            const auto last_word = word_text(text, words[last]);
            if (len > 1 && ((is_stop_phrase(word_text(text, words[i])) &&
                             !opens_place_name(word_text(text, words[i]))) ||
                            (is_stop_phrase(last_word) &&
                             !is_feature_word(ascii_lower(last_word)))))
                continue;
            if (person_name(text, words, i, last)) continue;
            const auto keys = name_keys(phrase);
            if (keys.exact.empty()) continue;
            auto places = index_.exact(keys.exact);
            if (places.empty()) places = index_.skeleton(keys.skeleton);
            if (places.empty()) continue;
            out.push_back({words[i].begin, words[last].end, {places.begin(), places.end()}});
            taken = len;
        }
        i += taken ? taken : 1;
    }
    return out;
}

}  // namespace incimap
