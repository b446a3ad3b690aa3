// libFuzzer target: read_articles on a file of arbitrary bytes read as JSON Lines, CSV, HTML
// or plain text (the first byte chooses). Broken records must become InputProblems, never
// crashes, hangs or exceptions other than incimap::Error.
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "ingest/reader.hpp"

namespace {

constexpr std::array<const char*, 4> kExtensions{".jsonl", ".csv", ".html", ".txt"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto path = std::filesystem::temp_directory_path() /
                      ("incimap-fuzz-" + std::to_string(::getpid()) + kExtensions[data[0] % 4]);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    }
    incimap::IngestOptions options;
    std::vector<incimap::InputProblem> problems;
    std::size_t count = 0;
    try {
        incimap::read_articles(
            {path}, options, [&](incimap::Article&&) { ++count; }, problems);
    } catch (const incimap::Error&) {
        // A documented failure for broken input: fine.
    }
    std::filesystem::remove(path);
    return 0;
}
