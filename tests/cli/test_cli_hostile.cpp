// Broken and hostile input through `incimap run`: a clear error naming the culprit, the
// documented exit code, and the previous outputs intact.
#include <catch2/catch.hpp>
#include <signal.h>
#include <thread>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

const std::string good_text =
    "Two soldiers were killed on Tuesday when a roadside bomb exploded near al-Sukhnah in the "
    "eastern Homs countryside, a local monitor said.";

std::vector<std::string> quiet(std::vector<std::string> args) {
    args.insert(args.end(), {"--no-heatmap", "--no-brief", "--published", "2023-04-05"});
    return args;
}

}  // namespace

TEST_CASE("a missing input exits with 3 and names it", "[cli][hostile]") {
    TempDir dir("hostile");
    const auto r = run_incimap(quiet({"run", (dir.path() / "nope.txt").string(), "-o",
                                      (dir.path() / "out").string()}));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "nope.txt"));
    CHECK_FALSE(fs::exists(dir.path() / "out" / "incidents.gpkg"));
}

TEST_CASE("one empty file among good ones exits with 1 and lists it", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    write_text(dir.path() / "empty.txt", "");
    const auto r = run_incimap(quiet({"run", (dir.path() / "good.txt").string(),
                                      (dir.path() / "empty.txt").string(), "-o",
                                      (dir.path() / "out").string()}));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "empty.txt"));
    CHECK(feature_count(dir.path() / "out" / "incidents.gpkg", "incidents") >= 0);
}

TEST_CASE("a binary file with NUL bytes is skipped, not read as text", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    write_text(dir.path() / "binary.txt", std::string("%PDF-1.4\0\0\x01\x02 stream", 22));
    const auto r = run_incimap(quiet({"run", (dir.path() / "good.txt").string(),
                                      (dir.path() / "binary.txt").string(), "-o",
                                      (dir.path() / "out").string()}));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "binary.txt"));
    CHECK(store_count(dir.path() / "out" / "incimap.sqlite", "SELECT count(*) FROM articles") == 1);
}

TEST_CASE("invalid UTF-8 is read with a warning", "[cli][hostile]") {
    TempDir dir("hostile");
    // Latin-1 e-acute in an otherwise English report.
    write_text(dir.path() / "latin1.txt", "Caf\xe9 owner reports: " + good_text);
    const auto r = run_incimap(quiet({"run", (dir.path() / "latin1.txt").string(), "-o",
                                      (dir.path() / "out").string()}));
    INFO(r.err);
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    CHECK(store_count(dir.path() / "out" / "incimap.sqlite", "SELECT count(*) FROM articles") == 1);
}

TEST_CASE("a malformed JSON Lines record is named by file and line and the rest is read",
          "[cli][hostile]") {
    TempDir dir("hostile");
    nlohmann::json ok1 = {{"id", "j1"}, {"text", good_text}, {"published", "2023-04-05"}};
    nlohmann::json ok2 = {{"id", "j2"}, {"text", "Shelling hit Kafr Nabl in Idlib on Monday."},
                          {"published", "2023-04-05"}};
    write_text(dir.path() / "feed.jsonl", ok1.dump() + "\n{\"id\": \"broken\", \"text\": \n" +
                                              ok2.dump() + "\n");
    const auto r = run_incimap(quiet({"run", (dir.path() / "feed.jsonl").string(), "-o",
                                      (dir.path() / "out").string()}));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "feed.jsonl:2"));
    CHECK(store_count(dir.path() / "out" / "incimap.sqlite", "SELECT count(*) FROM articles") == 2);
}

TEST_CASE("a CSV without the text column named is skipped with its name", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "table.csv", "id,body\n1,\"" + good_text + "\"\n");
    const auto r = run_incimap(quiet({"run", (dir.path() / "table.csv").string(), "--text-col",
                                      "content", "-o", (dir.path() / "out").string()}));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "table.csv"));
}

TEST_CASE("an output path under a regular file is an error naming that file", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    write_text(dir.path() / "plain", "not a directory");
    const auto r = run_incimap(quiet({"run", (dir.path() / "good.txt").string(), "-o",
                                      (dir.path() / "plain" / "out").string()}));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, (dir.path() / "plain").string() + " is a file"));
}

TEST_CASE("a corrupted gazetteer is an error naming it", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    write_text(dir.path() / "gaz.sqlite", std::string(8192, '\x5a'));
    const auto r = run_incimap(quiet({"run", (dir.path() / "good.txt").string(), "--gazetteer",
                                      (dir.path() / "gaz.sqlite").string(), "-o",
                                      (dir.path() / "out").string()}));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "gaz.sqlite"));
}

TEST_CASE("a full disk fails the run and leaves the previous outputs readable",
          "[cli][hostile]") {
    TempDir dir("hostile");
    const fs::path out = dir.path() / "out";
    REQUIRE(run_incimap({"run", (examples_dir() / "reports.jsonl").string(), "--no-heatmap",
                         "--no-brief", "-o", out.string()})
                .exit_code == 0);
    const auto before = feature_dump(out / "incidents.gpkg", "incidents");
    REQUIRE_FALSE(before.empty());

    const fs::path more = write_repeated_examples(dir.path() / "more.jsonl", 30);
    CliLimits limits;
    limits.max_file_size = 96 * 1024;  // smaller than a GeoPackage
    const auto r = run_incimap({"run", more.string(), "--no-heatmap", "--no-brief", "-o",
                                out.string()},
                               limits);
    INFO(r.err);
    CHECK(r.exit_code != 0);
    CHECK_FALSE(r.err.empty());
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") == before);
    CHECK(store_intact(out / "incimap.sqlite"));
}

TEST_CASE("SIGINT mid-run stops cleanly with 130 and keeps what was committed",
          "[cli][hostile]") {
    TempDir dir("hostile");
    const fs::path out = dir.path() / "out";
    REQUIRE(run_incimap({"run", (examples_dir() / "reports.jsonl").string(), "--no-heatmap",
                         "--no-brief", "-o", out.string()})
                .exit_code == 0);
    const auto before = feature_dump(out / "incidents.gpkg", "incidents");
    const long stored_before = store_count(out / "incimap.sqlite", "SELECT count(*) FROM articles");

    const fs::path big = write_repeated_examples(dir.path() / "big.jsonl", 2500);
    const pid_t pid = spawn_incimap({"run", big.string(), "--threads", "1", "--no-heatmap",
                                     "--no-brief", "-o", out.string()},
                                    dir.path());
    // Interrupt once the first batch is in the store (or after a while regardless).
    for (int i = 0; i < 600; ++i) {
        if (store_count(out / "incimap.sqlite", "SELECT count(*) FROM articles") > stored_before)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid, SIGINT);
    const int code = wait_incimap(pid);
    INFO(read_text(dir.path() / "spawn.err"));
    REQUIRE(code == 130);
    CHECK(store_intact(out / "incimap.sqlite"));
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") == before);
    const long kept = store_count(out / "incimap.sqlite", "SELECT count(*) FROM articles");
    CHECK(kept >= stored_before);
    // Every stored article is whole: its reports were committed with it.
    CHECK(store_count(out / "incimap.sqlite",
                      "SELECT count(*) FROM reports WHERE article NOT IN (SELECT id FROM articles)") == 0);
    CHECK(contains(read_text(dir.path() / "spawn.err"), "interrupted"));
}
