#pragma once
// Quantities in news English: digits ("15", "1,199"), words ("Six", "Sixty-one", "a dozen"),
// hedged figures ("at least 30", "nearly 40") and vague words ("dozens", "several").
// Vague words get a range and a conservative best value; the rule is documented in
// docs/extraction.md.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace incimap {

struct Quantity {
    int value = 0;  // best estimate
    int low = 0;
    int high = 0;
    bool vague = false;       // a word like "dozens" or a hedge like "at least"
    std::size_t begin = 0;    // byte span in the scanned text, hedge words included
    std::size_t end = 0;
};

// A word of running text with its byte span; `lower` is ASCII-lower-cased. Apostrophes,
// hyphens inside words and commas between digits stay in the word ("1,199", "al-Sukhna").
struct TextWord {
    std::string lower;
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::vector<TextWord> text_words(std::string_view text);

// A cardinal written as one token or hyphenated words: "15", "1,199", "six", "Sixty-one",
// "dozen", or the size of a group of people ("five-strong", "5-person"). Case-insensitive.
// nullopt for anything else.
std::optional<int> parse_cardinal(std::string_view word);

// A lower-case word that gives a group of people's size ("five-strong", "5-person",
// "five-man", "12-member"): the length of its group suffix, 0 when it has none.
std::size_t group_size_suffix(std::string_view lower_word);

// Every quantity in `text`, left to right. Multi-word numbers ("two hundred", "twenty one",
// "a dozen", "half a million") count as one quantity. Four-digit years written without a
// comma (1900..2099) and figures glued to units of measure ("20 km", "$207") are skipped:
// they are not counts of people.
std::vector<Quantity> find_quantities(std::string_view text);

}  // namespace incimap
