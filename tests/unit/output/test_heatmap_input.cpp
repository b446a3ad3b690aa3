#include <catch2/catch.hpp>
#include <fstream>

#include "core/error.hpp"
#include "layer_fixtures.hpp"
#include "output/heatmap_input.hpp"
#include "temp_dir.hpp"

using namespace incimap;

namespace {
// Four made-up incidents: two in Homs governorate, one in Deir ez-Zor, one with no point.
constexpr const char* incidents_geojson = R"({
  "type": "FeatureCollection",
  "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [38.27, 34.56]},
     "properties": {"killed": 4, "injured": 6, "event_date": "2022-01-10",
                    "admin1_pcode": "SY04", "admin1_name": "Homs"}},
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.05, 34.70]},
     "properties": {"killed": 1, "injured": null, "event_date": "2022-02-20",
                    "admin1_pcode": "SY04", "admin1_name": "Homs"}},
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [40.14, 35.33]},
     "properties": {"killed": 0, "injured": 2, "event_date": null,
                    "admin1_pcode": "SY09", "admin1_name": "Deir-ez-Zor"}},
    {"type": "Feature", "geometry": null,
     "properties": {"killed": 9, "injured": 0, "event_date": "2022-01-15",
                    "admin1_pcode": "SY09", "admin1_name": "Deir-ez-Zor"}}
  ]
})";

std::filesystem::path write_fixture(const test::TempDir& dir) {
    const auto path = dir.path() / "incidents.geojson";
    std::ofstream(path) << incidents_geojson;
    return path;
}

double total(const HeatmapInput& in) {
    double t = 0;
    for (const auto& p : in.points) t += p.weight;
    return t;
}
}  // namespace

TEST_CASE("weighs incidents by killed, by casualties or one each", "[output][heatmap][input]") {
    test::TempDir dir("heatmap-input");
    const auto file = write_fixture(dir);
    const HeatmapInput killed = read_heatmap_input(file, HeatmapWeight::killed, {});
    CHECK(killed.features_read == 4);
    CHECK(killed.without_geometry == 1);
    REQUIRE(killed.points.size() == 3);
    CHECK(killed.points[0].where.lon == Approx(38.27));
    CHECK(killed.points[0].where.lat == Approx(34.56));
    CHECK(total(killed) == 5);
    CHECK(total(read_heatmap_input(file, HeatmapWeight::casualties, {})) == 13);
    CHECK(total(read_heatmap_input(file, HeatmapWeight::incidents, {})) == 3);
}

TEST_CASE("selects incidents by date, leaving undated ones out of a period",
          "[output][heatmap][input]") {
    test::TempDir dir("heatmap-dates");
    const auto file = write_fixture(dir);
    IncidentSelection january;
    january.from = Date{2022, 1, 1};
    january.to = Date{2022, 1, 31};
    const HeatmapInput in = read_heatmap_input(file, HeatmapWeight::killed, january);
    REQUIRE(in.points.size() == 1);
    CHECK(in.points[0].weight == 4);
    CHECK(in.outside_selection == 2);
}

TEST_CASE("selects a governorate by P-code or by any usual spelling of its name",
          "[output][heatmap][input]") {
    test::TempDir dir("heatmap-gov");
    const auto file = write_fixture(dir);
    for (const char* name : {"SY04", "sy04", "Homs", "HOMS"}) {
        IncidentSelection s;
        s.governorate = name;
        const HeatmapInput in = read_heatmap_input(file, HeatmapWeight::casualties, s);
        CHECK(in.points.size() == 2);
        CHECK(in.governorate_known);
    }
    IncidentSelection deir;
    deir.governorate = "Deir ez-Zor";
    CHECK(read_heatmap_input(file, HeatmapWeight::casualties, deir).points.size() == 1);
    IncidentSelection nowhere;
    nowhere.governorate = "Atlantis";
    const HeatmapInput none = read_heatmap_input(file, HeatmapWeight::casualties, nowhere);
    CHECK(none.points.empty());
    CHECK_FALSE(none.governorate_known);
    CHECK(none.governorates_seen.size() == 2);
}

TEST_CASE("matches governorate names without their article or punctuation",
          "[output][heatmap][input]") {
    CHECK(governorate_matches("Raqqa", "SY11", "Ar-Raqqa"));
    CHECK(governorate_matches("al hasakeh", "SY08", "Al-Hasakeh"));
    CHECK(governorate_matches("Aleppo", "SY02", "Aleppo"));
    CHECK(governorate_matches("", "SY02", "Aleppo"));
    CHECK_FALSE(governorate_matches("Hama", "SY04", "Homs"));
    CHECK_FALSE(governorate_matches("SY0", "SY04", "Homs"));
}

TEST_CASE("names the file when the incidents cannot be read", "[output][heatmap][input]") {
    test::TempDir dir("heatmap-bad");
    const auto file = dir.path() / "incidents.geojson";
    std::ofstream(file) << "this is not GeoJSON";
    try {
        read_heatmap_input(file, HeatmapWeight::killed, {});
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.file() == file.string());
    }
    CHECK_THROWS_AS(read_heatmap_input(dir.path() / "missing.geojson", HeatmapWeight::killed, {}),
                    Error);
}

TEST_CASE("takes from incidents the selection map and brief take: current, in Syria, placed",
          "[output][heatmap][input]") {
    auto incidents = test::sample_incidents();  // a, b current; c background; d undated
    Incident abroad = incidents[0];
    abroad.incident_id = "inc-iq";
    abroad.where.country_code = "IQ";
    incidents.push_back(abroad);
    Incident unplaced = incidents[0];
    unplaced.incident_id = "inc-nowhere";
    unplaced.where.place.reset();
    unplaced.where.point = {};
    incidents.push_back(unplaced);

    const HeatmapInput all = heatmap_input_of(incidents, HeatmapWeight::casualties, {});
    CHECK(all.points.size() == 3);  // a, b and d; c is background
    CHECK(total(all) == 12);        // a: 4 killed 6 injured, b: 2 killed
    CHECK(all.without_geometry == 2);

    IncidentFilter march;
    march.from = Date{2024, 3, 1};
    march.to = Date{2024, 3, 31};
    march.governorate = "Northland";
    const HeatmapInput selected = heatmap_input_of(incidents, HeatmapWeight::killed, march);
    CHECK(selected.points.size() == 2);
    CHECK(total(selected) == 6);
}
