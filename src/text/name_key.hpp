#pragma once
// Keys under which place names are indexed and looked up. Two spellings of one place
// ("Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour", "دير الزور") should share a key.
#include <string>
#include <string_view>

namespace incimap {

struct NameKeys {
    std::string exact;     // folded: lower case, no diacritics/apostrophes/articles, unified endings
    std::string skeleton;  // looser: consonant skeleton of `exact` (for transliteration variants)
};

// Fold a name written in Latin or Arabic script (UTF-8). Rules and examples: docs/normalisation.md.
// Thread-safe: the only state kept between calls is one ICU transliterator per thread.
NameKeys name_keys(std::string_view name);

// True if the text contains Arabic-script letters.
bool has_arabic(std::string_view text);

}  // namespace incimap
