#pragma once
// Finds place names in running text: n-grams of up to five words that start at a capitalised
// Latin word, at an article joined by a hyphen to a capitalised word ("al-Sukhna"), or at an
// Arabic word, longest first, kept when their name key or skeleton is in the index.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/name_index.hpp"

namespace incimap {

struct MentionSpan {
    std::size_t begin = 0;  // byte offsets into the text
    std::size_t end = 0;
    std::vector<std::uint32_t> places;  // indices into the gazetteer's place array
};

class MentionFinder {
public:
    static constexpr std::size_t max_words = 5;

    explicit MentionFinder(const NameIndex& index) : index_(index) {}
    std::vector<MentionSpan> find(std::string_view text) const;

    // True when the words are a common capitalised English word or news term that is also a
    // village name somewhere in the gazetteer (see the table in mention_finder.cpp).
    static bool is_stop_phrase(std::string_view words);

private:
    const NameIndex& index_;
};

}  // namespace incimap
