#pragma once
// What the ingest tests share: a temporary folder, files written byte for byte, and
// read_articles collected into vectors.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader.hpp"
#include "shared_data.hpp"

namespace incimap::test {

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("incimap-ingest-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    std::filesystem::path write(const std::string& name, std::string_view bytes) const {
        const auto file = path_ / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return file;
    }

private:
    std::filesystem::path path_;
};

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
