#include "text/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
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

// Where a scraped page lost the space after a full stop ("describing the dead as unarmed
// civilians.An Israeli military source said"), the byte after the stop (and its closing quote)
// that starts the next sentence; npos if none from `from` on. A stop between two lower-case
// letters and a capitalised word ends a sentence; "U.S.Army", "e.g." and "site.com" do not.
std::size_t glued_sentence_start(std::string_view text, std::size_t from) {
    auto lower = [&](std::size_t i) { return i < text.size() && std::islower(static_cast<unsigned char>(text[i])); };
    auto upper = [&](std::size_t i) { return i < text.size() && std::isupper(static_cast<unsigned char>(text[i])); };
    for (std::size_t i = std::max<std::size_t>(from, 2); i + 2 < text.size(); ++i) {
        if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
        if (!lower(i - 1) || !lower(i - 2)) continue;
        std::size_t next = i + 1;
        for (std::string_view quote : {"\"", "\xE2\x80\x9D", "'", "\xE2\x80\x99"})
            if (text.substr(next).starts_with(quote)) {
                next += quote.size();
                break;
            }
        if (upper(next) && lower(next + 1)) return next;
    }
    return std::string_view::npos;
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
            continue;
        }
        const std::string_view piece = paragraph.substr(0, e);
        for (std::size_t at = glued_sentence_start(piece, b); at != std::string_view::npos;
             at = glued_sentence_start(piece, b)) {
            out.push_back({std::string(paragraph.substr(b, at - b)), b, 0, false});
            b = at;
        }
        out.push_back({std::string(paragraph.substr(b, e - b)), b, 0, false});
    }
    // Leave the iterator pointing at nothing of ours before the UText closes.
    bi.setText(icu::UnicodeString());
    return out;
}

std::vector<Sentence> news_sentences(std::string_view article_text) {
    std::vector<Sentence> out;
    std::size_t paragraph = 0;
    const std::vector<PageLine> lines = news_lines(article_text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const PageLine& line = lines[i];
        if (line.role == LineRole::headline) {
            out.push_back({std::string(line.text), line.offset, paragraph++, true});
            continue;
        }
        // Lines of one wrapped paragraph, the next right below: read as one, the line breaks
        // as spaces (one byte each, so offsets stay those of the article).
        auto next_line_below = [&](std::size_t k) {
            const auto from = article_text.begin() + static_cast<std::ptrdiff_t>(lines[k].offset);
            const auto to = article_text.begin() + static_cast<std::ptrdiff_t>(lines[k + 1].offset);
            return std::count(from, to, '\n') == 1;
        };
        std::size_t last = i;
        while (last + 1 < lines.size() && lines[last + 1].role == LineRole::body &&
               wraps_into(lines[last].text, lines[last + 1].text) && next_line_below(last))
            ++last;
        const std::size_t end = lines[last].offset + lines[last].text.size();
        std::string text(article_text.substr(line.offset, end - line.offset));
        std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
        for (Sentence& s : split_sentences(text)) {
            s.offset += line.offset;
            s.paragraph = paragraph;
            out.push_back(std::move(s));
        }
        ++paragraph;
        i = last;
    }
    return out;
}

}  // namespace incimap

namespace incimap {
namespace {

// Longest dateline we accept: a city, a country or region, an agency and a date.
constexpr std::size_t kMaxDatelineBytes = 70;

// Separators that close a dateline, longest first.
constexpr std::string_view kDatelineEnds[] = {" -- ", " — ", " – ", " - ", "–", "—", ": ", " -", " :"};

// Words a dateline may hold in lower case ("DAMASCUS, March 6 (Xinhua)", "Deir Ezzor, SANA").
bool dateline_word(std::string_view w) {
    if (w.empty()) return true;
    const auto c = static_cast<unsigned char>(w.front());
    // "date 2023-10-05 ERBIL (Kurdistan 24) –": a page's date label before the dateline.
    return std::isupper(c) || std::isdigit(c) || c == '(' || c >= 0x80 || w == "of" ||
           w.starts_with("al-") || w.starts_with("ez-") || w.starts_with("az-") || w == "el" ||
           w == "date";
}

}  // namespace

std::size_t dateline_length(std::string_view sentence) {
    // "Aleppo,SANA- ", "Raqqa, SANA_ ": the state agency's datelines glue their separator on.
    const std::size_t sana = sentence.substr(0, kMaxDatelineBytes).find("SANA");
    if (sana != std::string_view::npos && sana + 4 < sentence.size() &&
        std::string_view("-_").find(sentence[sana + 4]) != std::string_view::npos) {
        std::size_t length = sana + 5;
        while (length < sentence.size() && sentence[length] == ' ') ++length;
        if (length < sentence.size()) return length;
    }
    std::size_t end = std::string_view::npos, sep = 0;
    for (std::string_view e : kDatelineEnds) {
        const std::size_t at = sentence.substr(0, kMaxDatelineBytes).find(e);
        if (at != std::string_view::npos && at > 0 && at < end) {
            end = at;
            sep = e.size();
        }
    }
    // "BEIRUT (Reuters) A car bomb ...": an agency in brackets may close the dateline alone.
    const std::size_t close = sentence.substr(0, kMaxDatelineBytes).find(") ");
    const bool bracket_only = close != std::string_view::npos && close + 1 < end &&
                              sentence.substr(0, close).find('(') != std::string_view::npos;
    if (bracket_only) {
        end = close + 1;
        sep = 1;
    }
    if (end == std::string_view::npos) return 0;
    const std::string_view prefix = sentence.substr(0, end);
    // "Homs province:" and "In the countryside of Idlib:" tell where the event was.
    for (std::string_view area : {"province", "countryside", "governorate", "Province", "Countryside"})
        if (prefix.find(area) != std::string_view::npos) return 0;
    std::size_t words = 0, caps_first = 0;
    bool agency = prefix.find('(') != std::string_view::npos || prefix.find("SANA") != std::string_view::npos ||
                  prefix.find("Syria") != std::string_view::npos;
    for (std::size_t i = 0; i < prefix.size();) {
        while (i < prefix.size() && (prefix[i] == ' ' || prefix[i] == ',' || prefix[i] == '/')) ++i;
        std::size_t j = i;
        while (j < prefix.size() && prefix[j] != ' ' && prefix[j] != ',' && prefix[j] != '/') ++j;
        const std::string_view w = prefix.substr(i, j - i);
        if (w.empty()) break;
        if (!dateline_word(w)) return 0;
        if (words == 0) {
            caps_first = std::all_of(w.begin(), w.end(), [](char c) {
                return !std::islower(static_cast<unsigned char>(c));
            }) && w.size() >= 3;
        }
        ++words;
        i = j;
    }
    if (words == 0 || words > 9) return 0;
    std::size_t length = end + sep;
    // "Raqqa – The units arrested ...", "Enab Baladi – Idlib: ...": a short name and a dash
    // before a capitalised word (a colon after a place names its area: "Latakia: ...").
    const bool dash = sentence.substr(end, sep).find(':') == std::string_view::npos;
    const bool short_dashed = dash && words <= 3 && length < sentence.size() &&
                              std::isupper(static_cast<unsigned char>(sentence[length]));
    if (!agency && !caps_first && !short_dashed) return 0;
    // "(Kurdistan 24) –Seven ...": a dash after the agency's bracket still belongs to it.
    for (bool skipped = true; skipped && length < sentence.size();) {
        skipped = false;
        for (std::string_view dash : {" ", "-", "\u2013", "\u2014"})
            if (sentence.substr(length).starts_with(dash)) {
                length += dash.size();
                skipped = true;
            }
    }
    return length < sentence.size() ? length : 0;
}

}  // namespace incimap
