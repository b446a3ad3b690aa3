// `incimap run` on the project's invented examples: layers read back with GDAL, incremental
// re-runs, threads, de-duplication switch, exit codes.
#include <catch2/catch.hpp>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> run_args(const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run", (examples_dir() / "reports.jsonl").string(),
                                     (examples_dir() / "desert_ambush.txt").string(),
                                     "--published", "2023-03-20", "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST_CASE("run on the examples writes a GeoPackage and GeoJSON layers that GDAL reads",
          "[cli]") {
    TempDir dir("cli");
    const auto r = run_incimap(run_args(dir.path() / "out"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const fs::path out = dir.path() / "out";
    const long in_gpkg = feature_count(out / "incidents.gpkg", "incidents");
    CHECK(in_gpkg > 0);
    CHECK(feature_count(out / "incidents.geojson") == in_gpkg);
    const auto layers = layer_names(out / "incidents.gpkg");
    CHECK(std::find(layers.begin(), layers.end(), "articles") != layers.end());
    CHECK(fs::exists(out / "incimap.sqlite"));
    CHECK(fs::exists(out / "dedup_report.csv"));
    CHECK(store_count(out / "incimap.sqlite", "SELECT count(*) FROM articles") == 7);
    CHECK(store_count(out / "incimap.sqlite", "SELECT count(*) FROM incidents") >= in_gpkg);
    CHECK(contains(r.out, "7 new articles, 0 already in the store"));
}

TEST_CASE("re-running the same inputs adds nothing, says so and leaves the layers alone",
          "[cli]") {
    TempDir dir("cli");
    const fs::path out = dir.path() / "out";
    REQUIRE(run_incimap(run_args(out)).exit_code == 0);
    const auto before = feature_dump(out / "incidents.gpkg", "incidents");
    const auto stamp = fs::last_write_time(out / "incidents.gpkg");
    const long reports = store_count(out / "incimap.sqlite", "SELECT count(*) FROM reports");

    const auto again = run_incimap(run_args(out));
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK(contains(again.out, "0 new articles, 7 already in the store"));
    CHECK(contains(again.out, "up to date"));
    CHECK(fs::last_write_time(out / "incidents.gpkg") == stamp);
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") == before);
    CHECK(store_count(out / "incimap.sqlite", "SELECT count(*) FROM reports") == reports);
}

TEST_CASE("a later run with one more article extracts only that article", "[cli]") {
    TempDir dir("cli");
    const fs::path out = dir.path() / "out";
    REQUIRE(run_incimap({"run", (examples_dir() / "reports.jsonl").string(), "-o", out.string()})
                .exit_code == 0);
    const auto r = run_incimap(run_args(out));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "1 new article, 6 already in the store"));
    CHECK(store_count(out / "incimap.sqlite", "SELECT count(*) FROM articles") == 7);
}

TEST_CASE("one thread and two threads give the same incidents in the same order", "[cli]") {
    TempDir dir("cli");
    const fs::path corpus = write_repeated_examples(dir.path() / "many.jsonl", 40);
    // --no-dedup: every report stays, so the order of all of them is compared.
    const auto one = run_incimap({"run", corpus.string(), "--threads", "1", "--no-dedup",
                                  "--no-heatmap", "--no-brief", "-o", (dir.path() / "t1").string()});
    const auto two = run_incimap({"run", corpus.string(), "--threads", "2", "--no-dedup",
                                  "--no-heatmap", "--no-brief", "-o", (dir.path() / "t2").string()});
    REQUIRE(one.exit_code == 0);
    REQUIRE(two.exit_code == 0);
    const auto a = feature_dump(dir.path() / "t1" / "incidents.gpkg", "incidents");
    const auto b = feature_dump(dir.path() / "t2" / "incidents.gpkg", "incidents");
    CHECK(a.size() > 40);
    CHECK(a == b);
}

TEST_CASE("copies of one report in different articles merge unless --no-dedup", "[cli]") {
    TempDir dir("cli");
    const fs::path corpus = write_repeated_examples(dir.path() / "copies.jsonl", 3);
    const auto merged = run_incimap({"run", corpus.string(), "--no-heatmap", "--no-brief", "-o",
                                     (dir.path() / "merged").string()});
    const auto apart = run_incimap({"run", corpus.string(), "--no-dedup", "--no-heatmap",
                                    "--no-brief", "-o", (dir.path() / "apart").string()});
    REQUIRE(merged.exit_code == 0);
    REQUIRE(apart.exit_code == 0);
    const long m = feature_count(dir.path() / "merged" / "incidents.gpkg", "incidents");
    const long a = feature_count(dir.path() / "apart" / "incidents.gpkg", "incidents");
    CHECK(m > 0);
    CHECK(a > m);
    // Every dated, located report has its copies merged into it: the merges are listed.
    CHECK(read_text(dir.path() / "merged" / "dedup_report.csv").find("copy1") != std::string::npos);
}

TEST_CASE("a usage error exits with 2", "[cli]") {
    CHECK(run_incimap({"run"}).exit_code == 2);
    CHECK(run_incimap({"run", "x.txt", "--threads", "0"}).exit_code == 2);
    CHECK(run_incimap({"run", "x.txt", "--weight", "killed +"}).exit_code == 2);
}

TEST_CASE("a run with new articles merges only their reports and ends where one run over all "
          "articles would",
          "[cli]") {
    TempDir dir("cli");
    const fs::path all = write_repeated_examples(dir.path() / "all.jsonl", 4);
    const fs::path part = dir.path() / "part.jsonl";
    {
        std::ifstream in(all);
        std::ofstream out(part);
        std::string line;
        for (int n = 0; n < 14 && std::getline(in, line); ++n) out << line << '\n';
    }
    auto run = [&](const fs::path& input, const fs::path& out,
                   std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"run", input.string(), "--no-heatmap", "--no-brief",
                                         "-o", out.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_incimap(args);
    };
    const fs::path daily = dir.path() / "daily";
    const fs::path once = dir.path() / "once";
    REQUIRE(run(part, daily).exit_code == 0);
    const auto second = run(all, daily);
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    CHECK(contains(second.out, "10 new articles, 14 already in the store"));
    CHECK(contains(second.out, "merged into the stored incidents"));
    const auto fresh = run(all, once);
    REQUIRE(fresh.exit_code == 0);
    CHECK(contains(fresh.out, "merged afresh"));

    CHECK(feature_dump(daily / "incidents.gpkg", "incidents") ==
          feature_dump(once / "incidents.gpkg", "incidents"));
    CHECK(read_text(daily / "dedup_report.csv") == read_text(once / "dedup_report.csv"));

    // Other merge rules merge everything again.
    const auto apart = run(all, daily, {"--no-dedup"});
    REQUIRE(apart.exit_code == 0);
    CHECK(contains(apart.out, "merged afresh"));
    CHECK(feature_count(daily / "incidents.gpkg", "incidents") >
          feature_count(once / "incidents.gpkg", "incidents"));
}

TEST_CASE("merge rules given on the command line merge every report again, once", "[cli]") {
    TempDir dir("cli");
    const fs::path out = dir.path() / "out";
    REQUIRE(run_incimap(run_args(out, {"--no-heatmap", "--no-brief"})).exit_code == 0);
    const auto wider =
        run_incimap(run_args(out, {"--no-heatmap", "--no-brief", "--merge-km", "40"}));
    INFO(wider.err);
    CHECK(wider.exit_code == 0);
    CHECK(contains(wider.out, "merged afresh"));
    const auto again =
        run_incimap(run_args(out, {"--no-heatmap", "--no-brief", "--merge-km", "40"}));
    CHECK(contains(again.out, "outputs already up to date"));
    CHECK(run_incimap(run_args(out, {"--merge-days", "-1"})).exit_code == 2);
    CHECK(run_incimap(run_args(out, {"--merge-undated-km", "x"})).exit_code == 2);
}

TEST_CASE("the layers a run writes from its store one incident at a time are those map writes "
          "from the same incidents held in memory",
          "[cli]") {
    TempDir dir("cli");
    const fs::path input = write_repeated_examples(dir.path() / "all.jsonl", 3);
    // Every writer (each format; the GeoPackage always) and the filters that select rows.
    const std::vector<std::vector<std::string>> settings = {
        {},
        {"-f", "csv", "--role", "all"},
        {"-f", "flatgeobuf", "--governorate", "Idleb"},
        {"-f", "gpkg", "--from", "2023-03-01", "--weight", "killed"}};
    for (const auto& layer_args : settings) {
        std::string shown;
        for (const auto& a : layer_args) shown += a + " ";
        INFO(shown);
        const fs::path run = dir.path() / "run", mapped = dir.path() / "map";
        fs::remove_all(run);
        fs::remove_all(mapped);
        std::vector<std::string> args = {"run",          input.string(), "--published",
                                         "2023-03-20",   "--no-heatmap", "--no-brief",
                                         "-o",           run.string()};
        args.insert(args.end(), layer_args.begin(), layer_args.end());
        const auto r = run_incimap(args);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        args = {"map", run.string(), "-o", mapped.string()};
        args.insert(args.end(), layer_args.begin(), layer_args.end());
        const auto m = run_incimap(args);
        INFO(m.err);
        REQUIRE(m.exit_code == 0);

        int compared = 0;
        for (const auto& entry : fs::directory_iterator(mapped)) {
            const std::string name = entry.path().filename().string();
            if (!entry.is_regular_file() || name.front() == '.' || name.ends_with(".qgz") ||
                name.ends_with(".qgs"))
                continue;
            INFO(name);
            if (name == "incidents.gpkg") {
                for (const auto& layer : layer_names(entry.path())) {
                    INFO(layer);
                    auto styles_or_rows = [&](const fs::path& gpkg) {
                        auto rows = feature_dump(gpkg, layer);
                        // Styles carry the time they were written.
                        for (auto& row : rows) row = row.substr(0, row.find("update_time="));
                        return rows;
                    };
                    CHECK(styles_or_rows(run / name) == styles_or_rows(entry.path()));
                }
            } else {
                CHECK(read_text(run / name) == read_text(entry.path()));
            }
            ++compared;
        }
        CHECK(compared >= (layer_args.empty() || layer_args[1] != "gpkg" ? 7 : 1));
    }
}
