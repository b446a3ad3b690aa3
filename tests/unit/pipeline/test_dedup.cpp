#include <catch2/catch.hpp>
#include <fstream>

#include "pipeline/dedup.hpp"
#include "store_fixtures.hpp"

using namespace incimap;

namespace {

// 0.1 degree of longitude is about 9.1 km at al-Sukhnah's latitude.
constexpr LonLat sukhnah{38.87, 34.88};
LonLat east_of_sukhnah(double degrees) { return {sukhnah.lon + degrees, sukhnah.lat}; }

StoredReport report(std::int64_t id, std::int64_t article, const std::string& type,
                    const std::string& date, LonLat where, int killed,
                    std::int64_t place_id = 0, const std::string& published = "2023-03-10") {
    StoredReport r;
    r.report_id = id;
    r.article_key = article;
    r.published = Date::parse_iso(published);
    r.incident = test::make_report("art" + std::to_string(article), type, date,
                                   place_id ? place_id : 1000 + id, "Place" + std::to_string(id),
                                   where, killed);
    return r;
}

}  // namespace

TEST_CASE("two outlets' reports of one ambush near al-Sukhnah become one incident", "[dedup]") {
    const std::vector<StoredReport> reports = {
        report(1, 1, "ambush", "2023-03-09", sukhnah, 4),
        report(2, 2, "ambush", "2023-03-10", east_of_sukhnah(0.1), 5)};
    const DedupResult result = deduplicate(reports);
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.merges == 1);
    const MergedIncident& m = result.incidents[0];
    CHECK(m.incident.incident_id == reports[0].incident.incident_id);
    REQUIRE(m.sources.size() == 2);
    CHECK(m.sources[1].article_id == "art2");
    CHECK_THAT(m.sources[1].reason, Catch::Contains("km apart") && Catch::Contains("1 day apart"));
    // The highest count any source gives, with the range across sources.
    CHECK(m.incident.casualties.killed.value == 5);
    CHECK(m.incident.casualties.killed.low == 4);
    CHECK(m.incident.casualties.killed.high == 5);
}

TEST_CASE("two incidents of one article are never merged with each other", "[dedup]") {
    const std::vector<StoredReport> reports = {report(1, 1, "ambush", "2023-03-09", sukhnah, 4),
                                               report(2, 1, "ambush", "2023-03-09", sukhnah, 4)};
    CHECK(deduplicate(reports).incidents.size() == 2);
}

TEST_CASE("reports 40 km apart are different events", "[dedup]") {
    const std::vector<StoredReport> reports = {
        report(1, 1, "ied", "2023-03-09", sukhnah, 2),
        report(2, 2, "ied", "2023-03-09", east_of_sukhnah(0.45), 2)};
    CHECK(deduplicate(reports).incidents.size() == 2);
    DedupRules wide;
    wide.max_distance_km = 50;
    CHECK(deduplicate(reports, wide).incidents.size() == 1);
}

TEST_CASE("reports three days apart are different events, a day apart the same", "[dedup]") {
    CHECK(deduplicate({report(1, 1, "ied", "2023-03-06", sukhnah, 2),
                       report(2, 2, "ied", "2023-03-09", sukhnah, 2)})
              .incidents.size() == 2);
    CHECK(deduplicate({report(1, 1, "ied", "2023-03-08", sukhnah, 2),
                       report(2, 2, "ied", "2023-03-09", sukhnah, 2)})
              .incidents.size() == 1);
}

TEST_CASE("an air strike and an ambush at one place and day stay apart", "[dedup]") {
    CHECK(deduplicate({report(1, 1, "air_strike", "2023-03-09", sukhnah, 2),
                       report(2, 2, "ambush", "2023-03-09", sukhnah, 2)})
              .incidents.size() == 2);
}

TEST_CASE("an explosion reported elsewhere as a landmine is the same event", "[dedup]") {
    CHECK(compatible_event_types("other_explosion", "landmine"));
    CHECK(compatible_event_types("landmine", "other_explosion"));
    CHECK_FALSE(compatible_event_types("air_strike", "abduction"));
    const auto result = deduplicate({report(1, 1, "other_explosion", "2023-03-09", sukhnah, 3),
                                     report(2, 2, "landmine", "2023-03-09", sukhnah, 3)});
    REQUIRE(result.incidents.size() == 1);
    CHECK_THAT(result.incidents[0].sources[1].reason, Catch::Contains("compatible event types"));
}

TEST_CASE("3 killed and 39 killed on one day at one place are two events", "[dedup]") {
    CHECK(deduplicate({report(1, 1, "ambush", "2023-03-09", sukhnah, 3),
                       report(2, 2, "ambush", "2023-03-09", sukhnah, 39)})
              .incidents.size() == 2);
    // A toll that rose from 3 to 9 is the same event.
    CHECK(deduplicate({report(1, 1, "ambush", "2023-03-09", sukhnah, 3),
                       report(2, 2, "ambush", "2023-03-09", sukhnah, 9)})
              .incidents.size() == 1);
}

TEST_CASE("undated reports merge only with the same figures and publication dates that leave "
          "room for one event", "[dedup]") {
    auto undated = [](std::int64_t id, std::int64_t article, int killed, const std::string& pub) {
        return report(id, article, "ied", "", sukhnah, killed, 77, pub);
    };
    CHECK(deduplicate({undated(1, 1, 2, "2023-03-10"), undated(2, 2, 2, "2023-03-12")})
              .incidents.size() == 1);
    CHECK(deduplicate({undated(1, 1, 2, "2023-03-10"), undated(2, 2, 2, "2023-03-20")})
              .incidents.size() == 2);
    CHECK(deduplicate({undated(1, 1, 2, "2023-03-10"), undated(2, 2, 3, "2023-03-10")})
              .incidents.size() == 2);
}

TEST_CASE("a governorate-level report merges with a located one in its governorate only",
          "[dedup]") {
    StoredReport vague = report(2, 2, "ambush", "2023-03-09", {37.5, 34.5}, 4);
    vague.incident.where.geo_precision = 3;
    CHECK(deduplicate({report(1, 1, "ambush", "2023-03-09", sukhnah, 4), vague})
              .incidents.size() == 1);
    vague.incident.where.admin = {"Deir-ez-Zor", "SY09", "", ""};
    CHECK(deduplicate({report(1, 1, "ambush", "2023-03-09", sukhnah, 4), vague})
              .incidents.size() == 2);
}

TEST_CASE("reports do not chain: A near B and B near C with A far from C is two incidents",
          "[dedup]") {
    const auto result = deduplicate({report(1, 1, "ied", "2023-03-09", sukhnah, 1),
                                     report(2, 2, "ied", "2023-03-09", east_of_sukhnah(0.2), 1),
                                     report(3, 3, "ied", "2023-03-09", east_of_sukhnah(0.4), 1)});
    REQUIRE(result.incidents.size() == 2);
    CHECK(result.incidents[0].sources.size() == 2);
    CHECK(result.incidents[1].sources.size() == 1);
}

TEST_CASE("an unlocated report is never merged", "[dedup]") {
    StoredReport nowhere = report(2, 2, "ied", "2023-03-09", sukhnah, 1);
    nowhere.incident.where.place.reset();
    CHECK(deduplicate({report(1, 1, "ied", "2023-03-09", sukhnah, 1), nowhere})
              .incidents.size() == 2);
}

TEST_CASE("the merged incident takes place and date from its most precise report", "[dedup]") {
    StoredReport background = report(1, 1, "ambush", "2023-03-09", sukhnah, 4);
    background.incident.role = IncidentRole::background;
    StoredReport current = report(2, 2, "ambush", "2023-03-09", east_of_sukhnah(0.05), 6);
    const auto result = deduplicate({background, current});
    REQUIRE(result.incidents.size() == 1);
    const Incident& m = result.incidents[0].incident;
    CHECK(m.role == IncidentRole::current);
    CHECK(m.where.place->name == current.incident.where.place->name);
    CHECK(m.incident_id == background.incident.incident_id);  // the first stored keeps its id
}

TEST_CASE("without de-duplication every report is its own incident with a unique id",
          "[dedup]") {
    StoredReport a = report(1, 1, "ied", "2023-03-09", sukhnah, 1);
    StoredReport b = report(2, 2, "ied", "2023-03-09", sukhnah, 1);
    b.incident.incident_id = a.incident.incident_id;
    const auto result = keep_reports_apart({a, b});
    REQUIRE(result.incidents.size() == 2);
    CHECK(result.incidents[0].incident.incident_id != result.incidents[1].incident.incident_id);
    CHECK(result.merges == 0);
}

TEST_CASE("the dedup report has one row per merged report", "[dedup]") {
    test::TempDir dir("dedup");
    const std::vector<StoredReport> reports = {
        report(1, 1, "ambush", "2023-03-09", sukhnah, 4),
        report(2, 2, "ambush", "2023-03-09", sukhnah, 5),
        report(3, 3, "ambush", "2023-03-09", sukhnah, 4),
        report(4, 4, "air_strike", "2023-05-01", sukhnah, 1)};
    const DedupResult result = deduplicate(reports);
    const auto csv = dir.path() / "dedup_report.csv";
    write_dedup_report(result, reports, csv);
    std::ifstream in(csv);
    std::string line;
    std::vector<std::string> lines;
    while (std::getline(in, line)) lines.push_back(line);
    REQUIRE(lines.size() == 3);  // header + 2 merges
    CHECK(lines[0].rfind("incident_id,", 0) == 0);
    CHECK(lines[1].find("art2") != std::string::npos);
    CHECK(lines[2].find("art3") != std::string::npos);
}

TEST_CASE("the dedup report neutralises article ids that start like a spreadsheet formula",
          "[dedup][csv]") {
    test::TempDir dir("dedup");
    std::vector<StoredReport> reports = {report(1, 1, "ambush", "2023-03-09", sukhnah, 4),
                                         report(2, 2, "ambush", "2023-03-09", sukhnah, 4)};
    reports[0].incident.article_id = "@SUM(1+1)*cmd|' /C calc'!A0";
    reports[1].incident.article_id = "=HYPERLINK(\"http://evil.example\")";
    const DedupResult result = deduplicate(reports);
    REQUIRE(result.merges == 1);
    const auto csv = dir.path() / "dedup_report.csv";
    write_dedup_report(result, reports, csv);
    std::ifstream in(csv);
    std::string header, row;
    std::getline(in, header);
    std::getline(in, row);
    CHECK_THAT(row, Catch::Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\","));
    CHECK_THAT(row, Catch::Contains(",'@SUM(1+1)*cmd|' /C calc'!A0,"));
    CHECK_THAT(row, !Catch::Contains(",=") && !Catch::Contains(",@") && !Catch::Contains(",\"="));
}
