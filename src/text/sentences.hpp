#pragma once
// The sentences of a news article, with where each one is in the original text so that every
// extracted fact can point back to its evidence.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace incimap {

struct Sentence {
    std::string text;       // trimmed sentence text
    std::size_t offset;     // byte offset of `text` in the article text it came from
    std::size_t paragraph;  // 0-based index among the kept lines (headlines and body)
    bool headline;          // a title line, kept whole
};

// Drops page furniture (see page_furniture.hpp), then splits each remaining paragraph with
// ICU's English sentence rules, which do not break after abbreviations such as "U.S." or "Gen.".
// Thread-safe.
std::vector<Sentence> news_sentences(std::string_view article_text);

// Splits one paragraph into sentences; offsets are relative to `paragraph`. No furniture removal.
std::vector<Sentence> split_sentences(std::string_view paragraph);

}  // namespace incimap

namespace incimap {

// Length in bytes of a news dateline that opens `sentence` ("BEIRUT (Reuters) - ", "DEIR
// EZ-ZOR, Syria (North Press) – ", "Damascus, SANA – ", "Agencies (Qasioun) – "), 0 when there
// is none. A dateline names where the report was filed and who filed it, not where the event
// happened. A prefix that names an area of the event ("Homs province: ") is not a dateline.
std::size_t dateline_length(std::string_view sentence);

}  // namespace incimap
