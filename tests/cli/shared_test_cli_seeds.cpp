// `incimap run` on the five real seed articles in ../shared/seeds (label shared).
#include <catch2/catch.hpp>

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
