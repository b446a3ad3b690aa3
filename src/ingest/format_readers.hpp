#pragma once
// One reader per input format, behind read_articles (reader.hpp). Internal to the stage.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader.hpp"

namespace incimap::ingest {

// What every reader needs: the options, where articles go, where problems go.
struct ReadContext {
    const IngestOptions& options;
    const std::function<void(Article&&)>& sink;
    std::vector<InputProblem>& problems;

    void problem(std::string where, std::string what, bool skipped = true) {
        problems.push_back(InputProblem{std::move(where), std::move(what), skipped});
    }
};

// Each returns the number of articles it passed to the sink.
std::size_t read_text_file(const std::filesystem::path& path, ReadContext& ctx);
std::size_t read_json_lines(const std::filesystem::path& path, ReadContext& ctx);
std::size_t read_csv(const std::filesystem::path& path, ReadContext& ctx);
std::size_t read_html_file(const std::filesystem::path& path, ReadContext& ctx);

// The whole file, or nullopt after recording a problem that names the file and the reason.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path, ReadContext& ctx);

// The text of a whole file, decoded to UTF-8 (with a warning when it was not UTF-8), or
// nullopt after recording why it is skipped: unreadable, empty or binary.
std::optional<std::string> read_text_of_file(const std::filesystem::path& path, ReadContext& ctx);

// At most `limit` bytes from the start of the file (for sniffing), or nullopt and a problem.
std::optional<std::string> read_file_head(const std::filesystem::path& path, std::size_t limit,
                                          ReadContext& ctx);

// A title from a line of text: trimmed, a Markdown heading mark removed, and cut at a word
// boundary when absurdly long (a 200 MB one-line file must not be copied into its title).
std::string title_from_line(std::string_view line);

// True when a title can be a headline: at least three letters, and no more digits and
// symbols than letters. Page widgets ("0 $", "2,500 $"), counters and dates are not.
bool looks_like_headline(std::string_view title);

// An article's title: the first of `candidates` (in the order given: a title field, a page's
// og:title, <title>, <h1>...) that looks like a headline, else the first line of the first
// lines of `text` that does; empty when none does. Made with title_from_line.
std::string choose_title(std::initializer_list<std::string_view> candidates, std::string_view text);

// The first non-blank line of `text`, or an empty view.
std::string_view first_nonblank_line(std::string_view text);

bool is_blank(std::string_view text);

}  // namespace incimap::ingest
