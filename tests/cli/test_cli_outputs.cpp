// `map`, `heatmap` and `brief` on a run over the project's examples, and the options every
// subcommand shares with `run`: governorate names, filters, output folders.
#include <algorithm>
#include <catch2/catch.hpp>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

// The row of a feature_dump() whose text contains `key`; empty when none does.
std::string row_with(const std::vector<std::string>& rows, const std::string& key) {
    for (const auto& row : rows)
        if (contains(row, key)) return row;
    return {};
}

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
        CHECK(mapped_incidents(run, deir) == 2);
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
    CHECK(contains(heat.out, "heatmap: 2 incidents"));
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
    CHECK(feature_count(filtered / "incidents.gpkg", "incidents") == 2);
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

TEST_CASE("an event in Iraq keeps its country, has no Syrian unit or point and is in no Syrian "
          "total",
          "[cli][border]") {
    ExampleRun run;
    const auto incidents = feature_dump(run.run / "incidents.gpkg", "incidents");
    const std::string qaim = row_with(incidents, "article_id=ex-006|");
    REQUIRE_FALSE(qaim.empty());
    CHECK(contains(qaim, "|country_code=IQ|"));
    for (const char* field : {"admin1_name", "admin1_pcode", "admin2_name", "admin2_pcode"})
        CHECK(contains(qaim, std::string("|") + field + "=null|"));
    CHECK_FALSE(contains(qaim, "POINT"));
    // Deir-ez-Zor, across the border from al-Qaim, counts its own two incidents only.
    const auto governorates = feature_dump(run.run / "incidents.gpkg", "governorates");
    const std::string deir = row_with(governorates, "admin1_pcode=SY09|");
    CHECK(contains(deir, "|incidents=2|"));
    long total = 0;
    for (const auto& row : governorates) {
        const auto at = row.find("|incidents=");
        total += std::stol(row.substr(at + 11));
    }
    CHECK(total == feature_count(run.run / "incidents.gpkg", "incidents") - 1);
    const auto brief = run_incimap({"brief", run.run.string(), "-o", (run.run / "b.html").string()});
    // 7 dated incidents in Syria; the strike near al-Qaim (2 July) neither counts nor stretches
    // the period.
    CHECK(contains(brief.out, "brief: 7 incidents in Syria from 2023-03-13 to 2023-06-19"));
}

TEST_CASE("resolve gives a town in Iraq or Turkey no Syrian governorate", "[cli][border]") {
    for (const char* town : {"Al-Qaim", "Ceylanpinar", "Nusaybin"}) {
        const auto r = run_incimap({"resolve", town, "--json"});
        INFO(town << ": " << r.out << r.err);
        REQUIRE(r.exit_code == 0);
        const auto first = nlohmann::json::parse(r.out).at(0);
        CHECK(first["country_code"] != "SY");
        CHECK((first["admin1_pcode"].is_null() || first["admin1_pcode"] == ""));
        CHECK((first["admin2_pcode"].is_null() || first["admin2_pcode"] == ""));
    }
}

TEST_CASE("extract --json names the country country_code, as the layers do, and gives an event "
          "abroad no point",
          "[cli][border]") {
    TempDir dir("cli-extract");
    write_text(dir.path() / "iraq.txt",
               "A car bomb killed five people in the Iraqi town of Al-Qaim on Monday, Iraqi "
               "police said.\n");
    const auto r = run_incimap(
        {"extract", (dir.path() / "iraq.txt").string(), "--json", "--published", "2023-03-20"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    CHECK(j["country_code"] == "IQ");
    CHECK_FALSE(j.contains("country"));
    CHECK(j["lat"].is_null());
    CHECK(j["lon"].is_null());
    CHECK(j["admin1_pcode"].is_null());
}

TEST_CASE("extract --threads prints the same incidents in the same order as one thread",
          "[cli][threads]") {
    auto extract = [](const std::string& threads) {
        return run_incimap({"extract", (examples_dir() / "reports.jsonl").string(),
                            (examples_dir() / "desert_ambush.txt").string(), "--json",
                            "--published", "2023-03-20", "--threads", threads});
    };
    const auto one = extract("1");
    INFO(one.err);
    REQUIRE(one.exit_code == 0);
    CHECK(std::count(one.out.begin(), one.out.end(), '\n') >= 10);
    for (const char* threads : {"2", "5"}) {
        const auto many = extract(threads);
        CHECK(many.exit_code == 0);
        CHECK(many.out == one.out);
    }
    const auto none = extract("0");
    CHECK(none.exit_code == 2);
    CHECK(contains(none.err, "--threads"));
}

TEST_CASE("heatmap makes the folder of -o as brief does, and refuses a negative radius plainly",
          "[cli][small]") {
    ExampleRun run;
    const fs::path tif = run.path("new") / "folder" / "heat.tif";
    const auto r = run_incimap({"heatmap", run.run.string(), "-o", tif.string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(tif));
    const auto negative = run_incimap({"heatmap", run.run.string(), "--radius", "-5"});
    CHECK(negative.exit_code == 2);
    CHECK(contains(negative.err, "greater than 0"));
    CHECK_FALSE(contains(negative.err, "1797693"));
}

TEST_CASE("map says when its filters match nothing and when the run folder is missing",
          "[cli][small]") {
    ExampleRun run;
    const auto late = run_incimap(
        {"map", run.run.string(), "-o", run.path("late").string(), "--from", "2030-01-01"});
    CHECK(late.exit_code == 0);
    CHECK(contains(late.out, "incidents\t0"));
    CHECK(contains(late.err, "warning: 0 of the 10 incidents matched the filters"));
    const auto missing = run_incimap({"map", run.path("nowhere").string(), "-o",
                                      run.path("out").string()});
    CHECK(missing.exit_code == 3);
    CHECK(contains(missing.err, "no such run directory"));
    CHECK_FALSE(contains(missing.err, "GDAL gave no reason"));
}
