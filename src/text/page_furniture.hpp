#pragma once
// Separating the news story from what a scraped web page puts around it: photo captions shown
// twice, "Read more" links, donation buttons, embedded tweets, reader comments, and a second
// unrelated story glued to the end of the page.
#include <cstddef>
#include <string_view>
#include <vector>

namespace incimap {

enum class LineRole {
    blank,        // empty or whitespace only
    headline,     // a title line before the body starts (kept: the title can confirm the event)
    body,         // a paragraph of the story
    furniture,    // matched a rule of the furniture table (caption, link, button, tweet, credit)
    repeated,     // the same text as an earlier line (titles and captions are often shown twice)
    comments,     // the reader comment section and everything after it
    other_story,  // a second story that starts after this one
};

struct PageLine {
    std::string_view text;  // trimmed line, a view into the article text
    std::size_t offset;     // byte offset of `text` in the article text
    LineRole role;
};

// Every line of the article with the role it plays. Lines are separated by '\n' ("\r\n" works);
// each line of a news text is one paragraph.
std::vector<PageLine> classify_lines(std::string_view article_text);

// A text wrapped at a fixed width (a PDF or an e-mail copy) breaks its sentences across
// lines: `line` goes on in `next` when it ends with no stop and `next` starts in lower case
// ("At least 12 people have been killed in suicide bomb" / "attacks on a suburb of ...").
bool wraps_into(std::string_view line, std::string_view next);

// Only the headline and body lines, in order.
std::vector<PageLine> news_lines(std::string_view article_text);

const char* to_string(LineRole role);

}  // namespace incimap
