// Plain text files (and file access shared by the other readers).
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "ingest/encoding.hpp"
#include "ingest/format_readers.hpp"

namespace incimap::ingest {

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Titles longer than this are a paragraph, not a headline.
constexpr std::size_t max_title_bytes = 300;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Reads up to `limit` bytes; on failure records "cannot read: <reason>" and returns nullopt.
std::optional<std::string> read_bytes(const std::filesystem::path& path, std::size_t limit,
                                      ReadContext& ctx) {
    errno = 0;
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        ctx.problem(path.string(), std::string("cannot open: ") + std::strerror(errno));
        return std::nullopt;
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    std::string bytes;
    if (!ec) bytes.reserve(std::min<std::uintmax_t>(size, limit));
    // Chunks appended to a reserved string: linear in the file size even for one huge line.
    std::unique_ptr<char[]> chunk(new char[1 << 20]);
    while (bytes.size() < limit) {
        const std::size_t want = std::min<std::size_t>(1 << 20, limit - bytes.size());
        const std::size_t got = std::fread(chunk.get(), 1, want, file.get());
        bytes.append(chunk.get(), got);
        if (got < want) break;
    }
    if (std::ferror(file.get())) {
        ctx.problem(path.string(), std::string("cannot read: ") + std::strerror(errno));
        return std::nullopt;
    }
    return bytes;
}

}  // namespace

std::optional<std::string> read_file_bytes(const std::filesystem::path& path, ReadContext& ctx) {
    return read_bytes(path, static_cast<std::size_t>(-1), ctx);
}

std::optional<std::string> read_file_head(const std::filesystem::path& path, std::size_t limit,
                                          ReadContext& ctx) {
    return read_bytes(path, limit, ctx);
}

bool is_blank(std::string_view text) {
    for (char c : text)
        if (!is_space(c)) return false;
    return true;
}

std::string_view first_nonblank_line(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!is_blank(line)) return line;
        pos = end + 1;
    }
    return {};
}

std::string title_from_line(std::string_view line) {
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    if (line.starts_with('#')) {  // Markdown heading
        while (line.starts_with('#')) line.remove_prefix(1);
        while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    }
    if (line.size() <= max_title_bytes) return std::string(line);
    std::size_t cut = line.rfind(' ', max_title_bytes);
    if (cut == std::string_view::npos || cut < max_title_bytes / 2) {
        cut = max_title_bytes;  // no space: cut at a character boundary instead
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    }
    return std::string(line.substr(0, cut)) + "…";
}

bool looks_like_headline(std::string_view title) {
    std::size_t letters = 0, others = 0;
    for (char ch : title) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalpha(c) || c >= 0xC0)
            ++letters;  // a UTF-8 lead byte: Arabic, accents
        else if (c < 0x80 && !std::isspace(c))
            ++others;
    }
    return letters >= 3 && others <= letters;
}

std::string choose_title(std::initializer_list<std::string_view> candidates,
                         std::string_view text) {
    for (std::string_view candidate : candidates) {
        std::string title = title_from_line(candidate);
        if (looks_like_headline(title)) return title;
    }
    // A scraped page's text may open with its widgets; the headline follows within a few lines.
    constexpr int lines_searched = 10;
    std::size_t pos = 0;
    for (int seen = 0; pos < text.size() && seen < lines_searched;) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (is_blank(line)) continue;
        ++seen;
        std::string title = title_from_line(line);
        if (looks_like_headline(title)) return title;
    }
    return {};
}

std::optional<std::string> read_text_of_file(const std::filesystem::path& path,
                                             ReadContext& ctx) {
    auto bytes = read_file_bytes(path, ctx);
    if (!bytes) return std::nullopt;
    if (is_blank(*bytes)) {
        ctx.problem(path.string(), "empty file");
        return std::nullopt;
    }
    if (auto why = binary_reason(*bytes)) {
        ctx.problem(path.string(), "binary file (" + *why + ")");
        return std::nullopt;
    }
    DecodedText decoded = decode_text(std::move(*bytes));
    if (decoded.fell_back()) ctx.problem(path.string(), fallback_note(decoded), false);
    return std::move(decoded.text);
}

std::size_t read_text_file(const std::filesystem::path& path, ReadContext& ctx) {
    auto text = read_text_of_file(path, ctx);
    if (!text) return 0;
    if (is_blank(*text)) {  // only a byte order mark
        ctx.problem(path.string(), "empty file");
        return 0;
    }
    Article article;
    article.id = path.stem().string();
    article.title = choose_title({}, *text);
    article.text = std::move(*text);
    article.published = ctx.options.published;
    article.origin = path.string();
    ctx.sink(std::move(article));
    return 1;
}

}  // namespace incimap::ingest
