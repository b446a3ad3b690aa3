#include "text/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>

#include "core/error.hpp"
#include "text/page_furniture.hpp"

namespace incimap {
namespace {

// "ss=standard" turns on ICU's list of English abbreviations after which a period does not end
// a sentence ("Mr.", "Dr.", "e.g."); kNoBreakAfter adds the ones of conflict news.
constexpr const char* kSentenceLocale = "en@ss=standard";

// Abbreviations that a capitalised word often follows inside a sentence. Source: the military
// rank abbreviations of the AP Stylebook, plus the country and organisation initials and titles
// of conflict news ("U.S.", "Lt. Gen."). ICU's filter cannot be given these: it misses one at
// the very start of a text and any with two periods ("U.S. Army"), so they are joined after
// the split. A sentence that really ends with one of these is joined to the next one: a smaller
// loss than cutting "Maj. Gen. Omar" in three.
constexpr std::string_view kNoBreakAfter[] = {
    "Gen.", "Lt.",  "Col.", "Maj.",  "Capt.", "Brig.", "Sgt.", "Cpl.", "Pvt.",   "Adm.", "Cmdr.",
    "Gov.", "Sen.", "Rep.", "Pres.", "Amb.",  "Sec.",  "Mr.",  "Mrs.", "Ms.",    "Dr.",  "Prof.",
    "St.",  "Mt.",  "No.",  "Jr.",   "Sr.",   "U.S.",  "U.N.", "U.K.", "U.A.E.", "E.U.", "Jan.",
    "Feb.", "Mar.", "Apr.", "Aug.",  "Sept.", "Sep.",  "Oct.", "Nov.", "Dec.",
};

// A break iterator holds the text it walks, so threads cannot share one; building one loads the
// rules, so each thread keeps its own. This thread_local is the only state kept between calls.
icu::BreakIterator& sentence_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> bi(
            icu::BreakIterator::createSentenceInstance(icu::Locale(kSentenceLocale), status));
        if (U_FAILURE(status) || !bi) {
            throw Error(std::string("cannot build the ICU sentence break iterator: ") +
                        u_errorName(status));
        }
        return bi;
    }();
    return *instance;
}

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// True if the sentence ends with a listed abbreviation written as a word of its own.
bool ends_with_abbreviation(std::string_view sentence) {
    for (std::string_view a : kNoBreakAfter) {
        if (!sentence.ends_with(a)) continue;
        const std::size_t at = sentence.size() - a.size();
        if (at == 0 || is_space_byte(sentence[at - 1]) || sentence[at - 1] == '(') return true;
    }
    return false;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view paragraph) {
    std::vector<Sentence> out;
    if (paragraph.empty()) return out;
    UErrorCode status = U_ZERO_ERROR;
    // A UTF-8 UText makes the iterator report byte offsets, so no index mapping is needed.
    std::unique_ptr<UText, UTextCloser> text(
        utext_openUTF8(nullptr, paragraph.data(), static_cast<int64_t>(paragraph.size()), &status));
    if (U_FAILURE(status)) {
        throw Error(std::string("cannot open text for sentence breaking: ") + u_errorName(status));
    }
    icu::BreakIterator& bi = sentence_breaker();
    bi.setText(text.get(), status);
    if (U_FAILURE(status)) {
        throw Error(std::string("cannot split sentences: ") + u_errorName(status));
    }
    int32_t start = bi.first();
    for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
        auto b = static_cast<std::size_t>(start);
        auto e = static_cast<std::size_t>(end);
        while (b < e && is_space_byte(paragraph[b])) ++b;
        while (e > b && is_space_byte(paragraph[e - 1])) --e;
        if (b >= e) continue;
        if (!out.empty() && ends_with_abbreviation(out.back().text)) {
            out.back().text =
                std::string(paragraph.substr(out.back().offset, e - out.back().offset));
        } else {
            out.push_back({std::string(paragraph.substr(b, e - b)), b, 0, false});
        }
    }
    // Leave the iterator pointing at nothing of ours before the UText closes.
    bi.setText(icu::UnicodeString());
    return out;
}

std::vector<Sentence> news_sentences(std::string_view article_text) {
    std::vector<Sentence> out;
    std::size_t paragraph = 0;
    for (const PageLine& line : news_lines(article_text)) {
        if (line.role == LineRole::headline) {
            out.push_back({std::string(line.text), line.offset, paragraph, true});
        } else {
            for (Sentence& s : split_sentences(line.text)) {
                s.offset += line.offset;
                s.paragraph = paragraph;
                out.push_back(std::move(s));
            }
        }
        ++paragraph;
    }
    return out;
}

}  // namespace incimap
