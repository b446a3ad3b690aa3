// HTML pages: libxml2's HTML parser, then a walk that keeps the article and drops furniture.
#include "ingest/html_page.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "ingest/encoding.hpp"
#include "ingest/format_readers.hpp"

namespace incimap::ingest {

namespace {

// Elements that never hold the story: the list of issue 3 plus elements that hold no prose.
constexpr std::array<std::string_view, 18> dropped_elements{
    "script", "style",  "nav",    "header", "footer", "aside",    "form",   "noscript", "iframe",
    "button", "svg",    "template", "select", "canvas", "object", "embed", "dialog", "head"};

// Words in a class or id that mark furniture (share bars, comment threads, "related
// stories", sign-up boxes, cookie banners, adverts), matched as substrings, lower case.
constexpr std::array<std::string_view, 7> furniture_words{
    "share", "social", "comment", "related", "newsletter", "cookie", "advert"};

// Elements whose end is a line break in the text (HTML's block-level and table elements).
constexpr std::array<std::string_view, 32> block_elements{
    "p",  "div",  "br", "h1", "h2", "h3", "h4", "h5",  "h6",        "li",     "ul",
    "ol", "dl",   "dt", "dd", "tr", "td", "th", "table", "section", "article", "main",
    "blockquote", "pre", "hr", "figure", "figcaption", "address", "center", "caption", "body",
    "details"};

// Meta names and properties that carry the publication date (Open Graph article:,
// schema.org, Dublin Core, and common CMS names).
constexpr std::array<std::string_view, 8> date_meta_names{
    "article:published_time", "datepublished", "og:published_time", "pubdate",
    "publishdate",            "dc.date.issued", "dc.date",          "date"};

struct XmlDocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlCharFree {
    void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

template <std::size_t N>
bool in(const std::array<std::string_view, N>& table, std::string_view word) {
    return std::find(table.begin(), table.end(), word) != table.end();
}

std::string_view name_of(const xmlNode* node) {
    return node->name ? reinterpret_cast<const char*>(node->name) : "";
}

std::string attribute(const xmlNode* node, const char* name) {
    XmlString value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
    return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string();
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Text as a browser lays it out: runs of white space become one space, block elements
// become line breaks, and no line starts or ends with a space.
class TextBuilder {
public:
    void add(std::string_view s, bool preformatted) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            if (preformatted && c == '\n') {
                line_break();
            } else if (is_ascii_space(c)) {
                space_ = true;
            } else if (c == '\xc2' && i + 1 < s.size() && s[i + 1] == '\xa0') {
                space_ = true;  // &nbsp; would hide "Example Town" from name matching
                ++i;
            } else {
                if (!out_.empty()) {
                    if (break_) out_ += '\n';
                    else if (space_) out_ += ' ';
                }
                break_ = space_ = false;
                out_ += c;
            }
        }
    }
    void line_break() { break_ = true; }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
    bool space_ = false;
    bool break_ = false;
};

std::string node_text(const xmlNode* node) {
    XmlString content(xmlNodeGetContent(node));
    TextBuilder b;
    if (content) b.add(reinterpret_cast<const char*>(content.get()), false);
    return b.take();
}

// schema.org JSON-LD: {"@type": "NewsArticle", "headline": ..., "datePublished": ...},
// possibly inside a list or an "@graph".
void read_json_ld(const nlohmann::json& j, HtmlPage& page, std::string& headline) {
    if (j.is_array()) {
        for (const auto& item : j) read_json_ld(item, page, headline);
    } else if (j.is_object()) {
        if (auto it = j.find("datePublished"); it != j.end() && it->is_string() && page.published.empty())
            page.published = it->get<std::string>();
        if (auto it = j.find("headline"); it != j.end() && it->is_string() && headline.empty())
            headline = it->get<std::string>();
        if (auto it = j.find("@graph"); it != j.end()) read_json_ld(*it, page, headline);
    }
}

// Visits `first`, its siblings and everything below them in document order. enter(node) says
// whether to go into the node's children; leave(node) follows its children. No recursion: a
// page nested tens of thousands of elements deep must not exhaust the stack.
template <typename Enter, typename Leave>
void walk_tree(const xmlNode* first, Enter&& enter, Leave&& leave) {
    std::vector<const xmlNode*> open;  // entered elements, innermost last
    const xmlNode* node = first;
    for (;;) {
        while (!node) {  // the end of a list of children: leave their parent
            if (open.empty()) return;
            const xmlNode* done = open.back();
            open.pop_back();
            leave(done);
            node = done->next;
        }
        if (enter(node)) {
            open.push_back(node);
            node = node->children;
        } else {
            node = node->next;
        }
    }
}

class PageWalker {
public:
    explicit PageWalker(HtmlPage& page) : page_(page) {}

    void walk(const xmlNode* root) {
        int open_pre = 0;  // <pre> elements around the node: their line breaks are kept
        walk_tree(
            root,
            [&](const xmlNode* node) {
                if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
                    if (node->content)
                        text_.add(reinterpret_cast<const char*>(node->content), open_pre > 0);
                    return false;
                }
                if (node->type != XML_ELEMENT_NODE) return false;
                const std::string_view name = name_of(node);
                collect_metadata(node, name);
                if (name == "head") {  // metadata only; its <title> is not body text
                    walk_head(node->children);
                    return false;
                }
                if (in(dropped_elements, name) || is_furniture(node, name)) return false;
                if (in(block_elements, name)) text_.line_break();
                if (name == "pre") ++open_pre;
                return true;
            },
            [&](const xmlNode* element) {
                const std::string_view name = name_of(element);
                if (name == "pre") --open_pre;
                if (in(block_elements, name)) text_.line_break();
            });
    }

    void finish() {
        page_.text = text_.take();
        page_.title = choose_title({og_title_, headline_, title_element_, first_h1_}, {});
    }

private:
    void walk_head(const xmlNode* first) {
        walk_tree(
            first,
            [&](const xmlNode* node) {
                if (node->type != XML_ELEMENT_NODE) return false;
                collect_metadata(node, name_of(node));
                return true;
            },
            [](const xmlNode*) {});
    }

    bool is_furniture(const xmlNode* node, std::string_view name) const {
        if (name == "html" || name == "body") return false;  // CMS body classes say "comments-open"
        if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden"))) return true;
        const std::string marks = lower(attribute(node, "class") + " " + attribute(node, "id"));
        return std::any_of(furniture_words.begin(), furniture_words.end(),
                           [&](std::string_view w) { return marks.find(w) != std::string::npos; });
    }

    void collect_metadata(const xmlNode* node, std::string_view name) {
        if (name == "meta") {
            const std::string key = lower(attribute(node, "property") + attribute(node, "name") +
                                          attribute(node, "itemprop"));
            const std::string content = attribute(node, "content");
            if (content.empty()) return;
            if (key == "og:title" && og_title_.empty()) og_title_ = content;
            else if (key == "og:url" && page_.url.empty()) page_.url = content;
            else if (key == "og:site_name" && page_.source.empty()) page_.source = content;
            else if (in(date_meta_names, key) && page_.published.empty()) page_.published = content;
        } else if (name == "title" && title_element_.empty()) {
            title_element_ = node_text(node);
        } else if (name == "h1" && first_h1_.empty()) {
            first_h1_ = node_text(node);
        } else if (name == "link" && lower(attribute(node, "rel")) == "canonical" && page_.url.empty()) {
            page_.url = attribute(node, "href");
        } else if (name == "time" && lower(attribute(node, "itemprop")) == "datepublished" &&
                   page_.published.empty()) {
            page_.published = attribute(node, "datetime");
        } else if (name == "script" && lower(attribute(node, "type")) == "application/ld+json") {
            XmlString content(xmlNodeGetContent(node));
            if (!content) return;
            auto j = nlohmann::json::parse(reinterpret_cast<const char*>(content.get()), nullptr, false);
            if (!j.is_discarded()) read_json_ld(j, page_, headline_);
        }
    }

    HtmlPage& page_;
    TextBuilder text_;
    std::string og_title_, headline_, title_element_, first_h1_;
};

}  // namespace

HtmlPage parse_html_page(std::string_view utf8) {
    HtmlPage page;
    // libxml2 takes an int length; pages beyond 2 GB are not web pages.
    if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) utf8 = utf8.substr(0, INT32_MAX);
    // XML_PARSE_HUGE lifts libxml2's limit of 256 nested elements, past which it stopped parsing and
    // the rest of the page was lost without a word (pages of unclosed <div>s exist).
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    std::unique_ptr<xmlDoc, XmlDocFree> doc(htmlReadMemory(
        utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options));
    if (!doc) return page;
    PageWalker walker(page);
    walker.walk(xmlDocGetRootElement(doc.get()));
    walker.finish();
    return page;
}

std::size_t read_html_file(const std::filesystem::path& path, ReadContext& ctx) {
    const auto text = read_text_of_file(path, ctx);
    if (!text) return 0;
    HtmlPage page = parse_html_page(*text);
    if (is_blank(page.text)) {
        ctx.problem(path.string(), "no text in the page");
        return 0;
    }
    Article article;
    article.id = path.stem().string();
    article.title = std::move(page.title);
    article.text = std::move(page.text);
    article.url = std::move(page.url);
    article.source = std::move(page.source);
    article.published = ctx.options.published;
    if (!page.published.empty()) {
        if (auto date = parse_published_date(page.published))
            article.published = date;
        else
            ctx.problem(path.string(), "cannot read date '" + page.published + "'", false);
    }
    article.origin = path.string();
    ctx.sink(std::move(article));
    return 1;
}

}  // namespace incimap::ingest
