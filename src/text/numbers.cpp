#include "text/numbers.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <string>

#include "text/word_tables.hpp"

namespace incimap {

namespace {

struct NumberWord {
    std::string_view word;
    int value;
};

// English cardinal words (the closed class of any English grammar).
constexpr std::array<NumberWord, 29> kCardinals{{
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},    {"dozen", 12},
}};

// Vague quantity words. The best value is the LOW end of the range, following ACLED's
// codebook principle of coding the most conservative figure a report supports; the ranges
// are the plain reading of the words ("dozens" = at least two dozen). docs/extraction.md.
struct VagueWord {
    std::string_view phrase;  // lower case, single spaces
    int low;
    int high;
};
constexpr std::array<VagueWord, 14> kVague{{
    {"a number of", 2, 9},  {"a few", 2, 5},        {"a handful of", 2, 5},
    {"several", 3, 9},      {"many", 10, 99},
    {"numerous", 10, 99},   {"dozens", 24, 99},     {"scores", 40, 199},
    {"tens", 20, 99},       {"hundreds", 200, 999}, {"thousands", 2000, 9999},
    {"a dozen", 12, 12},    {"half a dozen", 6, 6}, {"half a million", 500000, 500000},
}};

// Hedges before a figure and how they widen it (low, high as fractions of N; +1 for
// "more than"). Their best value stays N as reported: an analyst codes "at least 30" as 30.
struct Hedge {
    std::string_view phrase;
    double low_factor;
    double high_factor;
    int low_add;
};
constexpr std::array<Hedge, 14> kHedges{{
    {"at least", 1.0, 1.5, 0},    {"more than", 1.0, 1.5, 1},   {"over", 1.0, 1.5, 1},
    {"nearly", 0.9, 1.0, 0},      {"almost", 0.9, 1.0, 0},      {"about", 0.9, 1.1, 0},
    {"around", 0.9, 1.1, 0},      {"approximately", 0.9, 1.1, 0}, {"some", 0.9, 1.1, 0},
    {"roughly", 0.9, 1.1, 0},     {"up to", 0.5, 1.0, 0},       {"at most", 0.5, 1.0, 0},
    {"no fewer than", 1.0, 1.5, 0}, {"less than", 0.5, 1.0, -1},
}};

// Units after a figure that make it a measure, not a head count.
constexpr std::array<std::string_view, 27> kUnits{{
    "km", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "meters",
    "metres", "m", "hours", "percent", "million", "billion",
    // ages and spans of time: "her 5 year-old son", "two days", "three years old"
    "year-old", "years-old", "month-old", "months-old", "year", "years", "month", "months",
    "day", "days", "week", "weeks", "minutes"}};

using Word = TextWord;

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ',' || c == '\'' ||
           static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

// A comma stays inside a token only between digits ("1,199").
std::vector<TextWord> text_words(std::string_view text) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!word_char(text[i]) || text[i] == ',' || text[i] == '-') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && word_char(text[j])) {
            if (text[j] == ',' && !(j > i && std::isdigit(static_cast<unsigned char>(text[j - 1])) &&
                                    j + 1 < text.size() &&
                                    std::isdigit(static_cast<unsigned char>(text[j + 1]))))
                break;
            ++j;
        }
        std::size_t end = j;
        while (end > i && text[end - 1] == '-') --end;
        Word w{std::string(text.substr(i, end - i)), i, end};
        for (char& c : w.lower) c = ascii_lower(c);
        words.push_back(std::move(w));
        i = j;
    }
    return words;
}

namespace {

std::optional<int> word_value(std::string_view w) {
    for (const auto& c : kCardinals)
        if (c.word == w) return c.value;
    return std::nullopt;
}

std::optional<int> digits_value(std::string_view w) {
    std::string digits;
    for (char c : w) {
        if (c == ',') continue;
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        digits += c;
    }
    if (digits.empty() || digits.size() > 9) return std::nullopt;
    int v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return v;
}

// How many words starting at `i` spell `phrase` (lower case, single spaces); 0 if not.
std::size_t match_phrase(const std::vector<Word>& words, std::size_t i, std::string_view phrase) {
    // Most words share no first letter with the phrase: that settles it without a comparison.
    if (i >= words.size() || phrase.empty() || words[i].lower.empty() ||
        words[i].lower.front() != phrase.front())
        return 0;
    std::size_t n = 0;
    while (!phrase.empty()) {
        const auto sp = phrase.find(' ');
        const auto part = phrase.substr(0, sp);
        if (i + n >= words.size() || words[i + n].lower != part) return 0;
        ++n;
        phrase = sp == std::string_view::npos ? std::string_view{} : phrase.substr(sp + 1);
    }
    return n;
}

bool is_unit(const std::string& w) {
    for (auto u : kUnits)
        if (w == u) return true;
    return false;
}

}  // namespace

std::size_t group_size_suffix(std::string_view lower_word) {
    for (std::string_view group : {"-strong", "-person", "-man", "-member"})
        if (lower_word.ends_with(group)) return group.size();
    return 0;
}

std::optional<int> parse_cardinal(std::string_view word) {
    std::string lower(word);
    for (char& c : lower) c = ascii_lower(c);
    if (auto d = digits_value(lower)) return d;
    if (auto v = word_value(lower)) return v;
    // "a five-strong family", "a 5-person cell", "a five-man crew": a group of that many.
    if (const std::size_t group = group_size_suffix(lower); group > 0 && lower.size() > group)
        return parse_cardinal(std::string_view(lower).substr(0, lower.size() - group));
    const auto dash = lower.find('-');
    if (dash == std::string::npos) return std::nullopt;
    auto tens = word_value(std::string_view(lower).substr(0, dash));
    auto ones = word_value(std::string_view(lower).substr(dash + 1));
    if (tens && ones && *tens >= 20 && *tens % 10 == 0 && *ones >= 1 && *ones <= 9)
        return *tens + *ones;
    return std::nullopt;
}

std::vector<Quantity> find_quantities(std::string_view text) {
    const auto words = text_words(text);
    std::vector<Quantity> out;
    std::size_t i = 0;
    while (i < words.size()) {
        // A hedge ("at least") only counts when a figure follows it.
        const Hedge* hedge = nullptr;
        std::size_t start = i;
        std::size_t j = i;
        for (const auto& h : kHedges) {
            if (auto n = match_phrase(words, i, h.phrase); n && i + n < words.size() &&
                                                           parse_cardinal(words[i + n].lower)) {
                hedge = &h;
                j = i + n;
                break;
            }
        }
        // Longest vague phrase first: "half a million" before "a few".
        std::size_t best_len = 0;
        const VagueWord* vague = nullptr;
        if (!hedge) {
            for (const auto& v : kVague)
                if (auto n = match_phrase(words, i, v.phrase); n > best_len) {
                    best_len = n;
                    vague = &v;
                }
        }
        if (vague) {
            Quantity q{vague->low, vague->low, vague->high, vague->low != vague->high,
                       words[i].begin, words[i + best_len - 1].end};
            out.push_back(q);
            i += best_len;
            continue;
        }
        auto first = parse_cardinal(words[j].lower);
        // "No one was hurt" counts nobody: its "one" is no figure.
        const bool nobody = first && words[j].lower == "one" && j > 0 && words[j - 1].lower == "no";
        if (!first || nobody) {
            ++i;
            continue;
        }
        const bool is_digits = digits_value(words[j].lower).has_value();
        const bool year_like = is_digits && words[j].lower.find(',') == std::string::npos &&
                               *first >= 1900 && *first <= 2099;
        // "a dozen" handled by the vague table; "one" as a pronoun ("another one") is still 1.
        long value = *first;
        std::size_t k = j + 1;
        if (!is_digits) {
            // "twenty one", "two hundred", "three thousand"
            if (value >= 20 && value % 10 == 0 && value < 100 && k < words.size())
                if (auto ones = word_value(words[k].lower); ones && *ones >= 1 && *ones <= 9) {
                    value += *ones;
                    ++k;
                }
            if (k < words.size() && words[k].lower == "hundred") {
                value *= 100;
                ++k;
            }
            if (k < words.size() && words[k].lower == "thousand") {
                value *= 1000;
                ++k;
            }
        }
        const bool unit = k < words.size() && is_unit(words[k].lower);
        const bool money = words[j].begin > 0 && text[words[j].begin - 1] == '$';
        if (year_like || unit || money) {
            i = k;
            continue;
        }
        Quantity q;
        q.value = static_cast<int>(value);
        q.low = q.high = q.value;
        q.begin = words[start].begin;
        q.end = words[k - 1].end;
        if (hedge) {
            q.vague = true;
            q.low = static_cast<int>(value * hedge->low_factor) + hedge->low_add;
            q.high = static_cast<int>(value * hedge->high_factor + 0.5);
            if (q.high < q.low) q.high = q.low;
        }
        out.push_back(q);
        i = k;
    }
    return out;
}

}  // namespace incimap
