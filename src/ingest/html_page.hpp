#pragma once
// The news in an HTML page: its text without page furniture, and its metadata.
#include <string>
#include <string_view>

namespace incimap::ingest {

struct HtmlPage {
    std::string title;      // og:title, JSON-LD headline, <title>, or the first <h1>
    std::string text;       // block elements as line breaks, furniture removed
    std::string published;  // as written in the page (parse with parse_published_date)
    std::string url;        // og:url or <link rel="canonical">
    std::string source;     // og:site_name
};

// Parses with libxml2's forgiving HTML parser: no network, nothing printed. `utf8` must be
// UTF-8 already (decode_text); a charset declared in the page is ignored.
HtmlPage parse_html_page(std::string_view utf8);

}  // namespace incimap::ingest
