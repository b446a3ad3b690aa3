// libFuzzer target: the text stage on arbitrary bytes. Name keys (ICU transliteration of Latin
// and Arabic script), sentence splitting with page-furniture removal, quantities and dates must
// neither crash nor read out of bounds, and every sentence must point back into its input
// (evidence offsets are shown to analysts).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/date.hpp"
#include "text/dates.hpp"
#include "text/name_key.hpp"
#include "text/numbers.hpp"
#include "text/sentences.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)incimap::name_keys(text);
    (void)incimap::has_arabic(text);

    for (const auto& s : incimap::news_sentences(text)) {
        // Evidence offsets must point inside the article the sentence came from.
        if (s.offset > text.size()) std::abort();
        (void)incimap::find_quantities(s.text);
    }
    (void)incimap::find_dates(text, incimap::Date{2021, 2, 22});
    (void)incimap::find_dates(text, std::nullopt);
    return 0;
}
