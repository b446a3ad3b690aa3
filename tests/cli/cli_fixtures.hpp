#pragma once
// Inputs for the CLI tests: the project's own invented examples, and larger corpora made by
// repeating them with other ids and a numbered closing line (so each has its own hash), and a
// run over the examples.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "shared_data.hpp"
#include "../unit/store/store_fixtures.hpp"

namespace incimap::test {

inline std::filesystem::path examples_dir() { return source_dir() / "examples"; }

// The first `lines` reports of the examples: a run on them, then one on all of them, changes
// every product (more incidents, more merges).
inline std::filesystem::path first_examples(const std::filesystem::path& file, int lines) {
    std::ifstream in(examples_dir() / "reports.jsonl");
    std::ofstream out(file);
    std::string line;
    for (int n = 0; n < lines && std::getline(in, line); ++n) out << line << '\n';
    return file;
}

inline std::filesystem::path write_repeated_examples(const std::filesystem::path& file,
                                                     int copies) {
    std::vector<nlohmann::json> originals;
    std::ifstream in(examples_dir() / "reports.jsonl");
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) originals.push_back(nlohmann::json::parse(line));
    std::ofstream out(file);
    for (int n = 0; n < copies; ++n) {
        for (const auto& o : originals) {
            nlohmann::json copy = o;
            copy["id"] = o["id"].get<std::string>() + "-copy" + std::to_string(n);
            copy["text"] = o["text"].get<std::string>() + "\n\nArchive copy " + std::to_string(n) + ".";
            out << copy.dump() << '\n';
        }
    }
    return file;
}

// A run over the examples: 10 incidents, 2 in Deir-ez-Zor (SY09), 2 in Idleb (SY07), and a
// drone strike near al-Qaim in Iraq (ex-006).
struct ExampleRun {
    TempDir dir{"cli-out"};
    std::filesystem::path run = dir.path() / "run";
    ExampleRun() {
        const auto r = run_incimap({"run", (examples_dir() / "reports.jsonl").string(),
                                    (examples_dir() / "desert_ambush.txt").string(),
                                    "--published", "2023-03-20", "-o", run.string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
    std::filesystem::path path(const std::string& name) const { return dir.path() / name; }
};

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace incimap::test
