// The products of a run (layers, heatmap, briefing, dedup report, manifest) appear in the
// output folder together or not at all: a failure or a kill before they are published leaves
// every previous file, and a kill while they are moved into place is completed by the next
// command on the folder, never left half-old, half-new.
#include <signal.h>

#include <catch2/catch.hpp>
#include <map>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

// Every product file of an output folder, name to bytes: all but the store and the lock.
std::map<std::string, std::string> products(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file() || name.rfind("incimap.sqlite", 0) == 0 ||
            name == ".incimap.lock")
            continue;
        files[name] = read_text(entry.path());
    }
    return files;
}

CliLimits signalled_at(const std::string& point_and_signal) {
    CliLimits limits;
    limits.environment = {{"INCIMAP_TEST_SIGNAL_AT", point_and_signal}};
    return limits;
}

std::vector<std::string> run_args(const fs::path& input, const fs::path& out) {
    return {"run", input.string(), "-o", out.string()};
}

// `text` with every occurrence of `path` (the briefing names its store) taken out.
std::string without(std::string text, const std::string& path) {
    for (auto at = text.find(path); at != std::string::npos; at = text.find(path, at))
        text.erase(at, path.size());
    return text;
}

// The layers, dedup report and briefing of `out` are those of a clean run on the same input.
void check_same_products(const fs::path& out, const fs::path& reference) {
    CHECK(feature_dump(out / "incidents.geojson") == feature_dump(reference / "incidents.geojson"));
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") ==
          feature_dump(reference / "incidents.gpkg", "incidents"));
    CHECK(read_text(out / "dedup_report.csv") == read_text(reference / "dedup_report.csv"));
    CHECK(without(read_text(out / "brief.md"), out.string()) ==
          without(read_text(reference / "brief.md"), reference.string()));
}

}  // namespace

TEST_CASE("a late product that cannot be put in place leaves every previous product",
          "[cli][publish]") {
    TempDir dir("publish");
    const fs::path out = dir.path() / "out";
    REQUIRE(run_incimap(run_args(first_examples(dir.path() / "part.jsonl", 3), out)).exit_code ==
            0);
    // The briefing comes after the layers; a folder in its place makes only it fail.
    fs::remove(out / "brief.html");
    fs::create_directory(out / "brief.html");
    const auto before = products(out);
    REQUIRE(before.count("incidents.geojson") == 1);
    REQUIRE(before.count("dedup_report.csv") == 1);

    const auto r = run_incimap(run_args(examples_dir() / "reports.jsonl", out));
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, (out / "brief.html").string()));
    CHECK_FALSE(contains(r.err, ".incimap-writing-"));
    CHECK(products(out) == before);
}

TEST_CASE("a run killed with every product written but none published leaves every previous "
          "product, and the next run publishes them all",
          "[cli][publish]") {
    TempDir dir("publish");
    const fs::path out = dir.path() / "out";
    const fs::path all = examples_dir() / "reports.jsonl";
    REQUIRE(run_incimap(run_args(first_examples(dir.path() / "part.jsonl", 3), out)).exit_code ==
            0);
    const auto before = products(out);

    const auto killed = run_incimap(run_args(all, out), signalled_at("before-publish:KILL"));
    CHECK(killed.exit_code == 128 + SIGKILL);
    CHECK(products(out) == before);

    const auto next = run_incimap(run_args(all, out));
    INFO(next.err);
    CHECK(next.exit_code == 0);
    const fs::path reference = dir.path() / "reference";
    REQUIRE(run_incimap(run_args(all, reference)).exit_code == 0);
    check_same_products(out, reference);
}

TEST_CASE("a run killed while moving its products into place is completed by the next run "
          "before it does anything else",
          "[cli][publish]") {
    TempDir dir("publish");
    const fs::path out = dir.path() / "out";
    const fs::path all = examples_dir() / "reports.jsonl";
    REQUIRE(run_incimap(run_args(first_examples(dir.path() / "part.jsonl", 3), out)).exit_code ==
            0);

    const auto killed = run_incimap(run_args(all, out), signalled_at("mid-publish:KILL"));
    CHECK(killed.exit_code == 128 + SIGKILL);
    REQUIRE(fs::exists(out / ".incimap-publishing"));

    // Nothing new to read: without the publish completed first, this run would call the
    // half-moved set up to date or rewrite it from a store it did not merge.
    const auto next = run_incimap(run_args(all, out));
    INFO(next.err);
    CHECK(next.exit_code == 0);
    CHECK(contains(next.err, "finished publishing the outputs of a run that was killed"));
    CHECK_FALSE(fs::exists(out / ".incimap-publishing"));
    const fs::path reference = dir.path() / "reference";
    REQUIRE(run_incimap(run_args(all, reference)).exit_code == 0);
    check_same_products(out, reference);
    for (const auto& entry : fs::directory_iterator(out))
        CHECK(entry.path().filename().string().rfind(".incimap-writing-", 0) != 0);
}

TEST_CASE("map into a folder whose run was killed while publishing completes that publish first",
          "[cli][publish]") {
    TempDir dir("publish");
    const fs::path out = dir.path() / "out";
    const fs::path all = examples_dir() / "reports.jsonl";
    REQUIRE(run_incimap(run_args(first_examples(dir.path() / "part.jsonl", 3), out)).exit_code ==
            0);
    REQUIRE(run_incimap(run_args(all, out), signalled_at("mid-publish:KILL")).exit_code ==
            128 + SIGKILL);

    const auto r = run_incimap({"map", out.string(), "-o", out.string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "finished publishing"));
    CHECK_FALSE(fs::exists(out / ".incimap-publishing"));
    const fs::path reference = dir.path() / "reference";
    REQUIRE(run_incimap(run_args(all, reference)).exit_code == 0);
    CHECK(read_text(out / "dedup_report.csv") == read_text(reference / "dedup_report.csv"));
    CHECK(feature_dump(out / "incidents.geojson") == feature_dump(reference / "incidents.geojson"));
}
