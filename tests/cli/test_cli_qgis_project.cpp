// The QGIS project `run` and `map` write into their output folder (docs/layers.md, "QGIS
// project"); tests/qgis/check_project.py opens it in real QGIS.
#include <catch2/catch.hpp>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;


TEST_CASE("run and map write a QGIS project whose layers are beside it", "[cli][qgis_project]") {
    TempDir dir{"cli-qgis-project"};
    const fs::path run = dir.path() / "run";
    auto r = run_incimap({"run", examples_dir().string(), "-o", run.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string qgs = qgis_project_xml(run);
    CHECK(contains(qgs, "<datasource>./incidents.gpkg|layername=incidents</datasource>"));
    CHECK(contains(qgs, "<datasource>./heatmap.tif</datasource>"));
    CHECK(contains(qgs, "startField=\"event_date\""));
    CHECK_FALSE(contains(qgs, dir.path().string()));  // no absolute path

    const fs::path map = dir.path() / "map";
    r = run_incimap({"map", run.string(), "-o", map.string(), "--governorate", "Homs"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string mapped = qgis_project_xml(map);
    CHECK(contains(mapped, "<datasource>./incidents.gpkg|layername=governorates</datasource>"));
    CHECK_FALSE(contains(mapped, "heatmap.tif"));  // map writes no heatmap
}
