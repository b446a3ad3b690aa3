// `map`, `heatmap` and `brief` on a run over the project's examples, and the options every
// subcommand shares with `run`: governorate names, filters, output folders.
#include <catch2/catch.hpp>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

// A run over the examples: 10 incidents, 3 in Deir-ez-Zor (SY09), 2 in Idleb (SY07).
struct ExampleRun {
    TempDir dir{"cli-out"};
    fs::path run = dir.path() / "run";
    ExampleRun() {
        const auto r = run_incimap({"run", (examples_dir() / "reports.jsonl").string(),
                                    (examples_dir() / "desert_ambush.txt").string(),
                                    "--published", "2023-03-20", "-o", run.string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
    fs::path path(const std::string& name) const { return dir.path() / name; }
};

long mapped_incidents(const ExampleRun& run, const std::string& governorate) {
    const fs::path out = run.path("map-" + std::to_string(std::hash<std::string>{}(governorate)));
    const auto r = run_incimap(
        {"map", run.run.string(), "-o", out.string(), "-f", "GPKG", "--governorate", governorate});
    INFO(governorate << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return feature_count(out / "incidents.gpkg", "incidents");
}

}  // namespace

TEST_CASE("map takes every spelling of a governorate the gazetteer knows, and its P-code",
          "[cli][governorate]") {
    ExampleRun run;
    for (const char* deir : {"SY09", "sy09", "Deir-ez-Zor", "Deir ez-Zor", "Deir Ezzor",
                             "Dayr az Zawr", "deir al-zour", "Deir ez-Zor province"})
        CHECK(mapped_incidents(run, deir) == 3);
    for (const char* idlib : {"Idleb", "Idlib", "SY07"}) CHECK(mapped_incidents(run, idlib) == 2);
    for (const char* none : {"Hasakah", "Raqqa", "Ar-Raqqa", "Al-Hasakeh"})
        CHECK(mapped_incidents(run, none) == 0);
}

TEST_CASE("run, heatmap and brief take the same governorate spellings as map",
          "[cli][governorate]") {
    ExampleRun run;
    const auto heat = run_incimap({"heatmap", run.run.string(), "-o",
                                   (run.run / "deir.tif").string(), "--governorate", "Deir Ezzor"});
    INFO(heat.err);
    CHECK(heat.exit_code == 0);
    CHECK(contains(heat.out, "heatmap: 3 incidents"));
    CHECK(contains(heat.out, "in Deir-ez-Zor"));

    const auto brief = run_incimap({"brief", run.run.string(), "-o",
                                    (run.run / "idlib.html").string(), "--governorate", "Idlib"});
    INFO(brief.err);
    CHECK(brief.exit_code == 0);
    CHECK(contains(brief.out, "in Idleb"));
    CHECK_FALSE(contains(brief.out, "brief: 0 incidents"));

    const fs::path filtered = run.path("run-deir");
    const auto again = run_incimap({"run", (examples_dir() / "reports.jsonl").string(),
                                    (examples_dir() / "desert_ambush.txt").string(), "--published",
                                    "2023-03-20", "--governorate", "Deir ez-Zor", "-o",
                                    filtered.string()});
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK(feature_count(filtered / "incidents.gpkg", "incidents") == 3);
}

TEST_CASE("every subcommand refuses an unknown governorate with exit 2 and the list",
          "[cli][governorate]") {
    ExampleRun run;
    const std::vector<std::vector<std::string>> commands = {
        {"map", run.run.string(), "-o", run.path("m").string()},
        {"heatmap", run.run.string(), "-o", (run.run / "x.tif").string()},
        {"brief", run.run.string(), "-o", (run.run / "x.html").string()},
        {"run", (examples_dir() / "desert_ambush.txt").string(), "-o", run.path("r").string()}};
    for (auto args : commands) {
        args.insert(args.end(), {"--governorate", "Narnia"});
        const auto r = run_incimap(args);
        INFO(args[0] << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "unknown governorate 'Narnia'"));
        CHECK(contains(r.err, "SY09  Deir-ez-Zor"));
        CHECK(contains(r.err, "SY01  Damascus"));
    }
    CHECK_FALSE(fs::exists(run.path("m")));
    CHECK_FALSE(fs::exists(run.path("r")));
    CHECK_FALSE(fs::exists(run.run / "x.tif"));
    CHECK_FALSE(fs::exists(run.run / "x.html"));
}
