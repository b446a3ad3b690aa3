// A store that cannot be used as it is: refused with exit 3 and its name, never replaced,
// never a crash.
#include <catch2/catch.hpp>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> run_args(const fs::path& input, const fs::path& out) {
    return {"run",         input.string(), "--no-heatmap", "--no-brief",
            "--published", "2023-04-05",   "-o",           out.string()};
}

fs::path first_run(const TempDir& dir) {
    const fs::path out = dir.path() / "out";
    const CliResult r = run_incimap(run_args(examples_dir() / "reports.jsonl", out));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return out;
}

}  // namespace

TEST_CASE("run on a store with a negative or absurd schema version exits 3 naming the store",
          "[cli][store]") {
    TempDir dir("damaged");
    const fs::path out = first_run(dir);
    const fs::path store = out / "incimap.sqlite";
    for (const char* version : {"-1", "-2", "2147483647"}) {
        REQUIRE(store_exec(store, std::string("PRAGMA user_version = ") + version));
        const CliResult r = run_incimap(run_args(examples_dir() / "desert_ambush.txt", out));
        INFO("user_version " << version << "\n" << r.err);
        CHECK(r.exit_code == 3);
        CHECK(contains(r.err,
                       "incimap: error: " + store.string() + ": store schema version " + version));
    }
}

TEST_CASE("run on a zero-length store exits 3, names it, says what to do and replaces nothing",
          "[cli][store]") {
    TempDir dir("damaged");
    const fs::path out = first_run(dir);
    const fs::path store = out / "incimap.sqlite";
    const auto layers_before = feature_dump(out / "incidents.gpkg", "incidents");
    { std::ofstream truncate(store, std::ios::binary | std::ios::trunc); }
    const CliResult r = run_incimap(run_args(examples_dir() / "desert_ambush.txt", out));
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "incimap: error: " + store.string() + ": "));
    CHECK(contains(r.err, "backup"));
    CHECK(fs::file_size(store) == 0);
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") == layers_before);
}
