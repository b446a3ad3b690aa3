#pragma once
// Reading articles from text, folders, JSON Lines, CSV and HTML files.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/article.hpp"

namespace incimap {

struct IngestOptions {
    std::string text_col = "text";   // CSV column mapping
    std::string id_col = "id";
    std::string date_col = "date";
    std::string title_col = "title";
    std::optional<Date> published;   // --published: date for inputs that have none
};

// A problem with one input (file or record) that did not stop the run.
struct InputProblem {
    std::string where;  // "file" or "file:line"
    std::string what;
    bool skipped = true;  // false: a warning only (e.g. Latin-1 fallback)
};

// Calls `sink` for each article in order. Problems with single files or records go to
// `problems` and the run goes on. Throws incimap::Error only when nothing can be read at all
// (e.g. no input path exists).
void read_articles(const std::vector<std::filesystem::path>& inputs, const IngestOptions& options,
                   const std::function<void(Article&&)>& sink, std::vector<InputProblem>& problems);

}  // namespace incimap
