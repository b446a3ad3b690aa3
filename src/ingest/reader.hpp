#pragma once
// Reading articles from text, folders, JSON Lines, CSV and HTML files (docs/input-formats.md).
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/article.hpp"

namespace incimap {

struct IngestOptions {
    // Column (CSV) or field (JSON Lines) names. A name that differs from its default must
    // exist in every CSV file read; a default name that is absent is simply not used
    // (except text, which is always required).
    std::string text_col = "text";
    std::string id_col = "id";
    std::string date_col = "date";
    std::string title_col = "title";
    std::optional<Date> published;  // --published: date for inputs that have none
};

// A problem with one input (file or record) that did not stop the run.
struct InputProblem {
    std::string where;  // "file" or "file:line"
    std::string what;
    bool skipped = true;  // false: a warning only (e.g. Latin-1 fallback)
};

// Calls `sink` for each article in order: inputs in the order given, folders walked
// recursively in path order. Problems with single files or records go to `problems` and the
// run goes on; when nothing at all could be read this still returns normally and the caller
// decides (the problems say why). Exceptions thrown by `sink` propagate.
void read_articles(const std::vector<std::filesystem::path>& inputs, const IngestOptions& options,
                   const std::function<void(Article&&)>& sink, std::vector<InputProblem>& problems);

// The formats read_articles knows, chosen by file extension (see format_for_path).
enum class InputFormat { text, json_lines, csv, html, unknown };

// .txt .text .md -> text, .jsonl .ndjson -> json_lines, .csv -> csv, .html .htm -> html
// (case-insensitive); anything else -> unknown.
InputFormat format_for_path(const std::filesystem::path& path);

// Publication dates as data sets write them: ISO "YYYY-MM-DD" (a time part after 'T' or a
// space is ignored), "M/D/YYYY", "M/D/YY" (years 00-69 are 20xx), "D Month YYYY" and
// "Month D, YYYY" (English month names or their three-letter forms).
std::optional<Date> parse_published_date(std::string_view text);

}  // namespace incimap
