#pragma once
// What the ingest tests share: a temporary folder, files written byte for byte, and
// read_articles collected into vectors.
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

namespace incimap::test {

struct ReadResult {
    std::vector<Article> articles;
    std::vector<InputProblem> problems;

    // The first problem whose place contains `where`, or nullptr.
    const InputProblem* problem_at(std::string_view where) const {
        for (const auto& p : problems)
            if (p.where.find(where) != std::string::npos) return &p;
        return nullptr;
    }
};

inline ReadResult read_all(const std::vector<std::filesystem::path>& inputs,
                           const IngestOptions& options = {}) {
    ReadResult result;
    read_articles(
        inputs, options, [&](Article&& a) { result.articles.push_back(std::move(a)); },
        result.problems);
    return result;
}

inline std::filesystem::path fixtures() { return source_dir() / "tests" / "data" / "ingest"; }

}  // namespace incimap::test
