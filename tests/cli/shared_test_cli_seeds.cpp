// `incimap run` on the five real seed articles in ../shared/seeds (label shared).
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

TEST_CASE("run on the seeds writes readable layers and a re-run finds nothing new",
          "[cli][shared]") {
    if (!have_shared()) return;
    TempDir dir("seeds");
    const fs::path out = dir.path() / "out";
    const auto first = run_incimap({"run", (shared_dir() / "seeds").string(), "-o", out.string()});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(contains(first.out, "5 new articles"));
    const long incidents = feature_count(out / "incidents.gpkg", "incidents");
    CHECK(incidents > 0);
    CHECK(feature_count(out / "incidents.geojson") == incidents);
    CHECK(feature_count(out / "articles.geojson") > 0);
    const auto before = feature_dump(out / "incidents.gpkg", "incidents");

    const auto again = run_incimap({"run", (shared_dir() / "seeds").string(), "-o", out.string()});
    CHECK(again.exit_code == 0);
    CHECK(contains(again.out, "0 new articles, 5 already in the store"));
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") == before);
}

TEST_CASE("the seeds give the same incidents with one and with two threads", "[cli][shared]") {
    if (!have_shared()) return;
    TempDir dir("seeds");
    for (const char* n : {"1", "2"})
        REQUIRE(run_incimap({"run", (shared_dir() / "seeds").string(), "--threads", n,
                             "--no-heatmap", "--no-brief", "-o",
                             (dir.path() / n).string()})
                    .exit_code == 0);
    CHECK(feature_dump(dir.path() / "1" / "incidents.gpkg", "incidents") ==
          feature_dump(dir.path() / "2" / "incidents.gpkg", "incidents"));
}

namespace {

// The pairs of seed articles (by their number) that dedup_report.csv says were merged.
std::set<std::pair<std::string, std::string>> merged_pairs(const fs::path& out) {
    std::set<std::pair<std::string, std::string>> pairs;
    std::ifstream in(out / "dedup_report.csv");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        // incident_id,report_incident_id,article_id,first_article_id,...: ids have no commas.
        std::vector<std::string> cells;
        std::stringstream ss(line);
        for (std::string cell; cells.size() < 4 && std::getline(ss, cell, ',');)
            cells.push_back(cell);
        if (cells.size() < 4) continue;
        auto a = cells[2].substr(0, 3), b = cells[3].substr(0, 3);
        if (b < a) std::swap(a, b);
        pairs.emplace(a, b);
    }
    return pairs;
}

// The seeds as JSON Lines with the publication dates of the stories they tell (our reading
// of their own date clues), so that the run has dates to compare.
fs::path dated_seeds(const fs::path& dir) {
    const std::map<std::string, std::string> published = {
        {"000", "2023-04-04"}, {"001", "2021-01-10"}, {"002", "2022-03-08"},
        {"003", "2021-06-25"}, {"004", "2022-04-11"}};
    const fs::path file = dir / "seeds.jsonl";
    std::ofstream out(file);
    for (const auto& e : fs::directory_iterator(shared_dir() / "seeds")) {
        std::ifstream in(e.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string id = e.path().stem().string();
        out << nlohmann::json{{"id", id}, {"published", published.at(id.substr(0, 3))},
                              {"text", text.str()}}
                   .dump()
            << '\n';
    }
    return file;
}

}  // namespace

TEST_CASE("the seeds' two reports of the Palmyra bus attack merge and the al-Sukhnah attacks "
          "stay apart", "[cli][shared][dedup]") {
    if (!have_shared()) return;
    TempDir dir("seeds-dedup");
    const std::pair<std::string, std::string> bus{"002", "004"};
    const std::vector<std::pair<std::string, std::string>> apart = {
        {"003", "004"}, {"001", "004"}, {"001", "003"}, {"001", "002"}, {"000", "004"}};

    const fs::path undated = dir.path() / "undated";
    const auto run = run_incimap({"run", (shared_dir() / "seeds").string(), "--no-heatmap",
                                  "--no-brief", "-o", undated.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    auto pairs = merged_pairs(undated);
    CHECK(pairs.count(bus) == 1);
    for (const auto& p : apart) CHECK(pairs.count(p) == 0);

    const fs::path dated = dir.path() / "dated";
    REQUIRE(run_incimap({"run", dated_seeds(dir.path()).string(), "--no-heatmap", "--no-brief",
                         "-o", dated.string()})
                .exit_code == 0);
    pairs = merged_pairs(dated);
    CHECK(pairs.count(bus) == 1);
    for (const auto& p : apart) CHECK(pairs.count(p) == 0);
}
