#include "text/name_key.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <vector>

#include "core/error.hpp"

namespace incimap {
namespace {

// Transliterated Arabic articles as journalists and gazetteers write them: the plain forms
// (al, el, ul) and the assimilated "sun letter" forms (as-Sukhnah, ash-Shula, ad-Dana, ar-Raqqa,
// az-Zabadani, at-Tanf, an-Nabk, ath-Thawra, adh-Dhiyabiya, and the Levantine e- variants).
// Source: the ALA-LC / BGN-PCGN romanisation conventions used by GeoNames and WOF name variants.
constexpr std::array<std::string_view, 19> kLatinArticles = {
    "al",  "el", "ul", "as",  "ash", "ad", "adh", "ar", "az", "at",
    "ath", "an", "es", "esh", "ed",  "er", "ez",  "et", "en"};

// Letters after which a glued "e" + doubled letter is the assimilated article ("Ezzor" = ez-Zor,
// "Essukhne" = es-Sukhne): the Arabic sun letters in their Latin spellings.
constexpr std::string_view kSunLetters = "tdrzsnl";

// Marks that stand for hamza or ayn in romanised names (‘Afnān, Dar'a, Ma`arrat, ʿAyn); they carry
// no letter of their own in the other spellings, so they are dropped rather than made spaces.
bool is_apostrophe(UChar32 c) {
    switch (c) {
        case U'\'':
        case U'`':
        case 0x00B4:
        case 0x2018:
        case 0x2019:
        case 0x201B:
        case 0x2032:
        case 0x02BB:
        case 0x02BC:
        case 0x02BE:
        case 0x02BF:
        case 0x02C8:
            return true;
        default:
            return false;
    }
}

bool is_arabic_letter(UChar32 c) {
    const bool in_block = (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
                          (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
                          (c >= 0xFE70 && c <= 0xFEFF);
    return in_block && u_isalpha(c);
}

// Arabic spelling variants that name the same letter in place names. Hamza seats on alef, waw
// and ya are already gone once NFD has split off the combining hamza; these letters have no
// decomposition. Source: the usual Arabic IR normalisation (Larkey et al., "light stemming").
UChar32 unify_arabic(UChar32 c) {
    switch (c) {
        case 0x0671:
            return 0x0627;  // alef wasla -> alef
        case 0x0622:
        case 0x0623:
        case 0x0625:
            return 0x0627;  // in case NFD left them
        case 0x0629:
            return 0x0647;  // ta marbuta -> ha
        case 0x0649:
            return 0x064A;  // alef maqsura -> ya
        case 0x06CC:
            return 0x064A;  // Persian ya -> ya
        case 0x06A9:
            return 0x0643;  // keheh -> kaf
        default:
            return c;
    }
}

constexpr UChar32 kTatweel = 0x0640;

// ICU transliterators are costly to build and not safe to share between threads while
// transliterating, so each thread builds its own once. This thread_local cache is the only
// state kept between calls and is never visible outside this function.
icu::Transliterator& strip_marks() {
    thread_local std::unique_ptr<icu::Transliterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !t) {
            throw Error(std::string("cannot build the ICU transliterator for name keys: ") +
                        u_errorName(status));
        }
        return t;
    }();
    return *instance;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void append_utf8(std::string& out, UChar32 c) {
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
    if (!error) out.append(buf, static_cast<std::size_t>(len));
}

struct Token {
    std::string text;
    bool arabic = false;
};

// Splits folded text into word tokens: letters and digits kept (Arabic ones unified), apostrophes
// dropped, everything else a separator. A change of script also separates tokens.
template <typename NextCodePoint>
std::vector<Token> tokenize(NextCodePoint next) {
    std::vector<Token> tokens;
    Token current;
    auto flush = [&] {
        if (!current.text.empty()) tokens.push_back(std::move(current));
        current = Token{};
    };
    UChar32 c;
    while (next(c)) {
        if (is_apostrophe(c) || c == kTatweel) continue;
        if (!u_isalnum(c)) {
            flush();
            continue;
        }
        const bool arabic = is_arabic_letter(c);
        if (!current.text.empty() && arabic != current.arabic) flush();
        current.arabic = arabic;
        append_utf8(current.text, arabic ? unify_arabic(c) : c);
    }
    flush();
    return tokens;
}

std::vector<Token> fold_and_tokenize(std::string_view name) {
    if (is_ascii(name)) {
        // Fast path: most n-grams of English news are plain ASCII and need no ICU at all.
        std::size_t i = 0;
        return tokenize([&](UChar32& c) {
            if (i >= name.size()) return false;
            c = static_cast<unsigned char>(name[i++]);
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            return true;
        });
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    strip_marks().transliterate(u);
    u.foldCase();
    int32_t i = 0;
    return tokenize([&](UChar32& c) {
        if (i >= u.length()) return false;
        c = u.char32At(i);
        i += U16_LENGTH(c);
        return true;
    });
}

bool is_latin_article(std::string_view word) {
    return std::find(kLatinArticles.begin(), kLatinArticles.end(), word) != kLatinArticles.end();
}

constexpr std::string_view kArabicArticle = "\xD8\xA7\xD9\x84";  // ال

// Number of code points in a UTF-8 string.
std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Drops articles: separate or hyphen-joined Latin ones (already split off by tokenize) when a
// word follows them, and the Arabic ال glued to the start of a word of at least two more letters.
std::vector<Token> drop_articles(std::vector<Token> tokens) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Token& t = tokens[i];
        if (t.arabic) {
            if (t.text == kArabicArticle && i + 1 < tokens.size()) continue;
            if (t.text.starts_with(kArabicArticle) && code_points(t.text) >= 4) {
                t.text.erase(0, kArabicArticle.size());
            }
        } else if (is_latin_article(t.text) && i + 1 < tokens.size() && !tokens[i + 1].arabic) {
            continue;
        }
        out.push_back(std::move(t));
    }
    return out;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string collapse_doubles(std::string_view w) {
    std::string out;
    out.reserve(w.size());
    for (char c : w) {
        // Only ASCII letters: a doubled UTF-8 continuation byte is part of one character.
        const bool letter = (c >= 'a' && c <= 'z');
        if (letter && !out.empty() && out.back() == c) continue;
        out.push_back(c);
    }
    return out;
}

// One spelling of the final vowel: -ah/-eh/-e/-a -> a, -iyah/-iyeh/-iyya/-ieh/-ia -> iya,
// final -y after a consonant -> i (Qamishly, Qamishli). Applied after doubled letters collapse.
std::string unify_ending(std::string w) {
    if (w.size() < 3) return w;
    auto ends = [&](std::string_view s) { return w.ends_with(s); };
    if (ends("ah") || ends("eh")) {
        w.resize(w.size() - 2);
        w += 'a';
    } else if (ends("e")) {
        w.back() = 'a';
    } else if (ends("y") && !is_vowel(w[w.size() - 2])) {
        w.back() = 'i';
    }
    // "ia" after a consonant is the -iya ending without its glide (Salamieh, Latakia).
    if (w.size() >= 4 && w.ends_with("ia") && !is_vowel(w[w.size() - 3]) &&
        w[w.size() - 3] != 'y') {
        w.insert(w.size() - 1, 1, 'y');
    }
    return w;
}

bool is_ascii_word(std::string_view w) { return !w.empty() && is_ascii(w); }

std::string exact_word(const Token& t) {
    if (t.arabic || !is_ascii_word(t.text)) return t.text;
    return unify_ending(collapse_doubles(t.text));
}

// "Ezzor", "Essukhne": the article glued to a name whose first letter it doubles.
std::string strip_glued_article(std::string w) {
    if (w.size() >= 5 && w[0] == 'e' && w[1] == w[2] &&
        kSunLetters.find(w[1]) != std::string_view::npos) {
        w.erase(0, 2);
    }
    return w;
}

char vowel_class(char c) {
    switch (c) {
        case 'a':
        case 'e':
            return 'a';
        case 'i':
        case 'y':
            return 'i';
        default:
            return 'u';  // o, u, w
    }
}

// Consonant skeleton of one Latin word: the first letter (any initial vowel written 'a'), the
// later consonants, and the class of a final vowel. Vowels (a e i o u) and the glides y and w
// vary freely between transliterations (Tayba/Tibah/Tayyibah, Suwayda/Sweida, Zor/Zawr/Zour);
// keeping the final vowel stops short names that differ only there from colliding (Hama/Homs
// differ anyway, but Deir/Daraa would not).
std::string skeleton_word(const Token& t) {
    if (t.arabic) {
        // Long vowels ا و ي are written or left out freely in Arabic place names.
        std::string out;
        std::size_t i = 0;
        bool first = true;
        while (i < t.text.size()) {
            UChar32 c;
            U8_NEXT(t.text.data(), i, t.text.size(), c);
            if (!first && (c == 0x0627 || c == 0x0648 || c == 0x064A)) continue;
            append_utf8(out, c);
            first = false;
        }
        return out;
    }
    if (!is_ascii_word(t.text)) return t.text;
    std::string w = unify_ending(collapse_doubles(strip_glued_article(t.text)));
    // Consonant spellings that vary between French, English and scholarly romanisations.
    std::string c;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w[i] == 'q') {
            c += 'k';  // Qamishli / Kamishly
        } else if (w[i] == 'd' && i + 1 < w.size() && w[i + 1] == 'j') {
            continue;  // Djebel / Jebel
        } else if (w[i] == 'c' && i + 1 < w.size() && w[i + 1] == 'h') {
            c += 's';  // Chaddadi / Shaddadi
        } else if ((w[i] == 'd' || w[i] == 't') && i + 1 < w.size() && w[i + 1] == 'h') {
            c += w[i];  // Dhahab / Dahab, Thawra / Tawra: the interdental written or not
            ++i;
        } else {
            c += w[i];
        }
    }
    w = c;
    if (w.size() < 2 || std::isdigit(static_cast<unsigned char>(w[0]))) return w;
    const auto vowelish = [](char ch) { return is_vowel(ch) || ch == 'y' || ch == 'w'; };
    std::string out;
    out += is_vowel(w[0]) ? 'a' : w[0];
    for (std::size_t i = 1; i < w.size(); ++i) {
        if (!vowelish(w[i])) out += w[i];
    }
    if (vowelish(w.back()) && w.back() != 'w') out += vowel_class(w.back());
    return out;
}

std::string join(const std::vector<Token>& tokens, std::string (*word)(const Token&)) {
    std::string out;
    for (const Token& t : tokens) {
        std::string w = word(t);
        if (w.empty()) continue;
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

}  // namespace

NameKeys name_keys(std::string_view name) {
    const std::vector<Token> tokens = drop_articles(fold_and_tokenize(name));
    return NameKeys{join(tokens, exact_word), join(tokens, skeleton_word)};
}

bool has_arabic(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        UChar32 c;
        U8_NEXT(text.data(), i, text.size(), c);
        if (c >= 0 && is_arabic_letter(c)) return true;
    }
    return false;
}

}  // namespace incimap
