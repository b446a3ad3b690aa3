#include "text/page_furniture.hpp"

#include <algorithm>
#include <optional>
#include <regex>
#include <string>
#include <unordered_set>
#include <vector>

#include "text/word_tables.hpp"

namespace incimap {
namespace {

enum class RuleEffect {
    drop_line,       // this line is furniture
    cut_to_the_end,  // this line starts the comment section: drop it and everything after
};

struct FurnitureRule {
    const char* pattern;  // ECMAScript regex, searched in the trimmed line
    bool ignore_case;
    std::size_t max_bytes;  // longer lines are paragraphs that merely mention the marker
    RuleEffect effect;
    const char* why;
};

// What scraped news pages put around a story. Sources: the five seed articles (Al Mayadeen,
// Asharq al-Awsat, Zaman al-Wasl, SouthFront, Rudaw) and the wpDiscuz comment plugin's labels.
// Patterns must not match a sentence of news: they are anchored or need a marker no story uses,
// and the length limit keeps whole-article one-line texts (FA-KES) whose first paragraph ends
// in "(File photo)" from being dropped.
constexpr FurnitureRule kFurnitureRules[] = {
    {R"(\((Reuters|AFP|AP|Getty|SANA)?\s*file photo\)$)", true, 400, RuleEffect::drop_line,
     "photo caption credit (Asharq al-Awsat)"},
    {R"(\(Photo( by|:)[^)]*\)$)", true, 400, RuleEffect::drop_line,
     "photo caption credit (AFP captions)"},
    {R"(^(Illustrative|File|Archive) (image|photo|picture)\.?$)", true, 40, RuleEffect::drop_line,
     "image placeholder (SouthFront)"},
    {R"(^(Read more|Read also|Also read|Related|See also|Recommended)\s*:)", true, 300,
     RuleEffect::drop_line, "link to another article (Al Mayadeen)"},
    {R"(^(Related (News|Articles|Stories|Posts)|More (News|Stories)|Latest News)$)", true, 30,
     RuleEffect::drop_line, "section label around the story (the Syrian Network for Human Rights)"},
    {R"((\.\.\.|\xE2\x80\xA6)$)", false, 200, RuleEffect::drop_line,
     "a teaser or breadcrumb cut short (\"HomeNewsCasualtiesMassacre caused by ... in...\")"},
    {R"(pic\.twitter\.com/)", false, 400, RuleEffect::drop_line, "text of an embedded tweet"},
    {R"(^(—|–|-|&mdash;)\s*.{1,80}\(@\w{1,30}\)\s+[A-Z][a-z]+ \d{1,2}, \d{4}$)", false, 200,
     RuleEffect::drop_line, "signature line of an embedded tweet: — Name (@handle) Month D, YYYY"},
    {R"(^(Support|Donate to|Subscribe to|Follow) [A-Z][\w ]{0,30}$)", false, 60,
     RuleEffect::drop_line, "donation or follow button (SouthFront)"},
    {R"(^(Share|Share this|Share on \w+|Print|Email|Tweet)$)", true, 20, RuleEffect::drop_line,
     "share button"},
    {R"(^([$€£]\s*[\d.,]+|[\d.,]+\s*[$€£])$)", false, 20, RuleEffect::drop_line,
     "donation amount button (SouthFront)"},
    {R"(^[A-Za-z]{1,3}$)", false, 3, RuleEffect::drop_line,
     "widget label such as the font-size control \"TT\" (Asharq al-Awsat)"},
    {R"(^Source:\s*\S.{0,60}$)", false, 80, RuleEffect::drop_line,
     "source credit at the foot of the page (Zaman al-Wasl, Rudaw)"},
    {R"(^(Notify of|Newest Most Voted|Oldest Newest Most Voted|Inline Feedbacks|View all comments)$)",
     true, 40, RuleEffect::cut_to_the_end, "comment section (wpDiscuz)"},
    {R"(^\d+ Comments?$)", true, 20, RuleEffect::cut_to_the_end, "comment count heading"},
    {R"(^Would love your thoughts)", true, 80, RuleEffect::cut_to_the_end,
     "comment invitation (wpDiscuz)"},
    {R"(^(Leave a (comment|reply)|Comments)$)", true, 20, RuleEffect::cut_to_the_end,
     "comment section heading"},
};

struct CompiledRule {
    std::regex regex;
    std::size_t max_bytes;
    RuleEffect effect;
};

// Compiled once; std::regex is safe to use from several threads once built (read-only).
const std::vector<CompiledRule>& compiled_rules() {
    static const std::vector<CompiledRule> rules = [] {
        std::vector<CompiledRule> out;
        for (const FurnitureRule& r : kFurnitureRules) {
            auto flags = std::regex::ECMAScript | std::regex::optimize;
            if (r.ignore_case) flags |= std::regex::icase;
            out.push_back({std::regex(r.pattern, flags), r.max_bytes, r.effect});
        }
        return out;
    }();
    return rules;
}

// How far ahead a headline may repeat and still mark a second story: the title shown twice
// with a photo caption (two lines) and a widget label between the two (seed 001).
constexpr int kRepeatWindow = 6;
// A title is short: the longest seed title has 12 words.
constexpr std::size_t kMaxHeadlineBytes = 200;
constexpr int kMaxHeadlineWords = 25;
// At most this many title lines (a kicker, a title and a subtitle) before the body.
constexpr int kMaxHeadlineLines = 3;

std::string_view trim(std::string_view s) {
    const auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    // A no-break space (U+00A0) often pads scraped lines.
    while (s.starts_with("\xC2\xA0")) s = trim(s.substr(2));
    while (s.ends_with("\xC2\xA0")) s = trim(s.substr(0, s.size() - 2));
    return s;
}

std::optional<RuleEffect> furniture_effect(std::string_view line) {
    for (const CompiledRule& r : compiled_rules()) {
        if (line.size() <= r.max_bytes && std::regex_search(line.begin(), line.end(), r.regex)) {
            return r.effect;
        }
    }
    return std::nullopt;
}

// Short, and not ending like a sentence.
bool looks_like_title(std::string_view line) {
    if (line.size() > kMaxHeadlineBytes) return false;
    const auto words = std::count(line.begin(), line.end(), ' ') + 1;
    if (words > kMaxHeadlineWords) return false;
    std::string_view end = line;
    for (std::string_view closer : {"\xE2\x80\x9D", "\xE2\x80\x99", "\"", "'", ")"}) {
        if (end.ends_with(closer)) end.remove_suffix(closer.size());
    }
    if (end.empty()) return false;
    return std::string_view(".:;,").find(end.back()) == std::string_view::npos;
}

struct RawLine {
    std::string_view text;
    std::size_t offset;
};

std::vector<RawLine> split_lines(std::string_view text) {
    std::vector<RawLine> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view raw = text.substr(start, end - start);
        const std::string_view t = trim(raw);
        const std::size_t offset =
            t.empty() ? start : start + static_cast<std::size_t>(t.data() - raw.data());
        lines.push_back({t, offset});
        start = end + 1;
    }
    return lines;
}

// "Photo by: AP Archive", "(Image credit: AFP)": a photo credit, which pages repeat under each
// picture; it is no title of another story.
bool is_photo_credit(std::string_view line) {
    const std::string low = ascii_lower(line);
    for (std::string_view mark : {"photo", "image", "credit", "archive"})
        if (low.find(mark) != std::string::npos) return true;
    return false;
}

// True if `lines[i]` appears again among the next few non-blank lines.
bool repeats_soon(const std::vector<RawLine>& lines, std::size_t i) {
    int seen = 0;
    for (std::size_t j = i + 1; j < lines.size() && seen < kRepeatWindow; ++j) {
        if (lines[j].text.empty()) continue;
        if (lines[j].text == lines[i].text) return true;
        ++seen;
    }
    return false;
}

}  // namespace

bool wraps_into(std::string_view line, std::string_view next) {
    if (line.empty() || next.empty() || !std::islower(static_cast<unsigned char>(next.front())))
        return false;
    return std::string_view(".!?:;").find(line.back()) == std::string_view::npos;
}

std::vector<PageLine> classify_lines(std::string_view article_text) {
    const std::vector<RawLine> lines = split_lines(article_text);
    std::vector<PageLine> out;
    out.reserve(lines.size());
    std::unordered_set<std::string_view> earlier;
    bool body_started = false;
    int headlines = 0;
    std::optional<LineRole> cut;  // set once the rest of the page is not this story
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const RawLine& l = lines[i];
        LineRole role;
        if (l.text.empty()) {
            role = LineRole::blank;
        } else if (cut) {
            role = *cut;
        } else if (const auto effect = furniture_effect(l.text)) {
            role = LineRole::furniture;
            if (*effect == RuleEffect::cut_to_the_end) cut = role = LineRole::comments;
        } else if (earlier.contains(l.text)) {
            role = LineRole::repeated;
        } else if (body_started && looks_like_title(l.text) && !is_photo_credit(l.text) &&
                   repeats_soon(lines, i)) {
            // A title shown twice after this story's body began: another story's page header.
            cut = role = LineRole::other_story;
        } else if (!body_started && headlines < kMaxHeadlineLines && looks_like_title(l.text) &&
                   !(i + 1 < lines.size() && wraps_into(l.text, lines[i + 1].text))) {
            role = LineRole::headline;
            ++headlines;
        } else {
            role = LineRole::body;
            body_started = true;
        }
        if (!l.text.empty()) earlier.insert(l.text);
        out.push_back({l.text, l.offset, role});
    }
    return out;
}

std::vector<PageLine> news_lines(std::string_view article_text) {
    std::vector<PageLine> lines = classify_lines(article_text);
    std::erase_if(lines, [](const PageLine& l) {
        return l.role != LineRole::headline && l.role != LineRole::body;
    });
    return lines;
}

const char* to_string(LineRole role) {
    switch (role) {
        case LineRole::blank:
            return "blank";
        case LineRole::headline:
            return "headline";
        case LineRole::body:
            return "body";
        case LineRole::furniture:
            return "furniture";
        case LineRole::repeated:
            return "repeated";
        case LineRole::comments:
            return "comments";
        case LineRole::other_story:
            return "other_story";
    }
    return "unknown";
}

}  // namespace incimap
