// SIGINT and SIGTERM are answered in every stage of a run: exit 130, every batch committed
// before the signal kept, the previous outputs untouched. The signal is sent by the run to
// itself at the start of the stage (INCIMAP_TEST_SIGNAL_AT), so that the test does not race
// the run's speed; the stage must then notice it before it finishes.
#include <signal.h>

#include <catch2/catch.hpp>
#include <map>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

// Every file of an output folder but the store and the lock, name to bytes.
std::map<std::string, std::string> products(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file() || name.rfind("incimap.sqlite", 0) == 0 ||
            name == ".incimap.lock")
            continue;
        files[fs::relative(entry.path(), dir).string()] = read_text(entry.path());
    }
    return files;
}

long stored_articles(const fs::path& out) {
    return store_count(out / "incimap.sqlite", "SELECT count(*) FROM articles");
}

struct Interrupted {
    CliResult result;
    std::map<std::string, std::string> products_before;
    std::map<std::string, std::string> products_after;
    long articles_before = 0;
    long articles_after = 0;
};

// A run on three examples, then one on `input` that signals itself at `point`.
Interrupted interrupt_second_run(const fs::path& scratch, const fs::path& input,
                                 const std::string& point, const std::string& signal) {
    const fs::path out = scratch / "out";
    REQUIRE(run_incimap({"run", first_examples(scratch / "part.jsonl", 3).string(), "-o",
                         out.string()})
                .exit_code == 0);
    Interrupted i;
    i.products_before = products(out);
    i.articles_before = stored_articles(out);
    CliLimits limits;
    limits.environment = {{"INCIMAP_TEST_SIGNAL_AT", point + ":" + signal}};
    i.result = run_incimap({"run", input.string(), "-o", out.string()}, limits);
    i.products_after = products(out);
    i.articles_after = stored_articles(out);
    CHECK(store_intact(out / "incimap.sqlite"));
    return i;
}

void check_stopped_cleanly(const Interrupted& i) {
    INFO(i.result.err);
    CHECK(i.result.exit_code == 130);
    CHECK(contains(i.result.err, "interrupted"));
    CHECK(contains(i.result.out, "interrupted: outputs not rewritten"));
    CHECK(i.products_after == i.products_before);
}

}  // namespace

TEST_CASE("SIGINT during extraction stops inside the article and stores nothing of the batch",
          "[cli][hostile][signal]") {
    TempDir dir("signal");
    const auto i = interrupt_second_run(dir.path(), examples_dir() / "reports.jsonl",
                                        "extraction", "INT");
    check_stopped_cleanly(i);
    CHECK(i.articles_after == i.articles_before);
}

TEST_CASE("SIGTERM during the extraction of one huge paragraph stops inside it",
          "[cli][hostile][signal]") {
    TempDir dir("signal");
    // About 128 KB in one paragraph: whole seconds of extraction.
    std::string paragraph;
    for (int n = 0; paragraph.size() < 128 * 1024; ++n)
        paragraph += "Shelling hit the village of Kafr Nabl in Idlib, killing " +
                     std::to_string(n % 9 + 2) + " civilians, a local monitor said. ";
    write_text(dir.path() / "huge.txt", paragraph);
    const auto i = interrupt_second_run(dir.path(), dir.path() / "huge.txt", "extraction", "TERM");
    check_stopped_cleanly(i);
    CHECK(i.articles_after == i.articles_before);
}

TEST_CASE("SIGINT while re-reading known articles stops before the end of the input",
          "[cli][hostile][signal]") {
    TempDir dir("signal");
    // The same three articles again, three hundred times over: every one is known.
    const fs::path part = first_examples(dir.path() / "known.jsonl", 3);
    const std::string once = read_text(part);
    std::string many;
    for (int n = 0; n < 300; ++n) many += once;
    write_text(dir.path() / "many.jsonl", many);
    const auto i = interrupt_second_run(dir.path(), dir.path() / "many.jsonl", "known-article", "INT");
    check_stopped_cleanly(i);
    CHECK(i.articles_after == i.articles_before);
    // "0 new articles, N already in the store": stopped after the first known one or soon after.
    CHECK_FALSE(contains(i.result.out, "900 already in the store"));
}

TEST_CASE("SIGTERM while merging keeps the new articles and the previous outputs",
          "[cli][hostile][signal]") {
    TempDir dir("signal");
    const auto i =
        interrupt_second_run(dir.path(), examples_dir() / "reports.jsonl", "merge", "TERM");
    check_stopped_cleanly(i);
    CHECK(i.articles_after > i.articles_before);
}

TEST_CASE("SIGINT while the layers are written keeps the previous outputs",
          "[cli][hostile][signal]") {
    TempDir dir("signal");
    const auto i =
        interrupt_second_run(dir.path(), examples_dir() / "reports.jsonl", "layers", "INT");
    check_stopped_cleanly(i);
}

TEST_CASE("SIGTERM while the heatmap is computed keeps the previous outputs",
          "[cli][hostile][signal]") {
    TempDir dir("signal");
    const auto i =
        interrupt_second_run(dir.path(), examples_dir() / "reports.jsonl", "heatmap", "TERM");
    check_stopped_cleanly(i);
}

TEST_CASE("SIGINT while the briefing is written keeps the previous outputs",
          "[cli][hostile][signal]") {
    TempDir dir("signal");
    const auto i =
        interrupt_second_run(dir.path(), examples_dir() / "reports.jsonl", "brief", "INT");
    check_stopped_cleanly(i);
}
