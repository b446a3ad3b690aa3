// Reports without an event date (docs/store.md, "undated"): the cross-report cases of the
// seed articles, in invented reports.
#include <catch2/catch.hpp>

#include "pipeline/dedup.hpp"
#include "store_fixtures.hpp"

using namespace incimap;

namespace {

constexpr LonLat sukhnah{38.87, 34.88};
constexpr LonLat palmyra{38.27, 34.56};
LonLat east_of_sukhnah(double degrees) { return {sukhnah.lon + degrees, sukhnah.lat}; }

// An undated report unless `date` is given; no publication date unless `published` is.
StoredReport report(std::int64_t id, const std::string& type, LonLat where, int killed,
                    const std::string& victims, const std::string& published = "",
                    const std::string& date = "") {
    StoredReport r;
    r.report_id = id;
    r.article_key = id;
    r.published = Date::parse_iso(published);
    r.incident = test::make_report("art" + std::to_string(id), type, date, 1000 + id,
                                   "Place" + std::to_string(id), where, killed);
    r.incident.victims = victims;
    return r;
}

std::size_t incidents(const std::vector<StoredReport>& reports) {
    return deduplicate(reports).incidents.size();
}

}  // namespace

TEST_CASE("undated reports within 10 km with the same figures and victims are one event",
          "[dedup][undated]") {
    const auto a = report(1, "attack", sukhnah, 4, "militia");
    const auto b = report(2, "armed_clash", east_of_sukhnah(0.05), 4, "militia");
    const auto result = deduplicate({a, b});
    REQUIRE(result.incidents.size() == 1);
    CHECK_THAT(result.incidents[0].sources[1].reason,
               Catch::Contains("no common event date") && Catch::Contains("km apart"));
    // 18 km apart: two villages of one district, not one event, without a date to tie them.
    CHECK(incidents({a, report(3, "attack", east_of_sukhnah(0.2), 4, "militia")}) == 2);
    // A different type family.
    CHECK(incidents({a, report(4, "abduction", sukhnah, 4, "militia")}) == 2);
}

TEST_CASE("undated reports with different figures or different victims stay apart",
          "[dedup][undated]") {
    // Two killed among soldiers and four among a militia near one town: without dates a
    // rising toll cannot be told from a second attack.
    CHECK(incidents({report(1, "armed_clash", sukhnah, 2, "soldiers"),
                     report(2, "attack", sukhnah, 4, "militia (Iran-backed militias)")}) == 2);
    CHECK(incidents({report(1, "attack", sukhnah, 4, "soldiers"),
                     report(2, "attack", sukhnah, 4, "militia (Iran-backed militias)")}) == 2);
    CHECK(incidents({report(1, "attack", sukhnah, 4, "militia"),
                     report(2, "attack", sukhnah, 4, "militia (Iran-backed militias)")}) == 1);
}

TEST_CASE("publication dates keep apart undated reports of different months",
          "[dedup][undated]") {
    // The same figures near one town, in news of April and of June.
    const auto april = report(1, "attack", sukhnah, 2, "soldiers", "2022-04-11");
    const auto june = report(2, "armed_clash", sukhnah, 2, "soldiers", "2022-06-25");
    CHECK(incidents({april, june}) == 2);
    // A dated clash of June 23 and an undated report of June 25's news: one event.
    const auto june_dated = report(3, "armed_clash", sukhnah, 2, "soldiers", "2022-06-25",
                                   "2022-06-23");
    CHECK(incidents({june_dated, report(4, "attack", sukhnah, 2, "soldiers", "2022-06-26")}) == 1);
    // The dated June clash and April's undated current news: two events.
    CHECK(incidents({june_dated, april}) == 2);
    // April's news recalling an earlier event reaches back further than a week.
    auto recalled = report(5, "attack", sukhnah, 2, "soldiers", "2022-07-20");
    recalled.incident.role = IncidentRole::background;
    CHECK(incidents({june_dated, recalled}) == 1);
}

TEST_CASE("a region-level report of a bus attack merges with the located bus attack",
          "[dedup][undated]") {
    auto located = report(1, "attack", palmyra, 15, "soldiers");
    located.incident.evidence = "Fifteen soldiers died when gunmen fired on a bus in the city.";
    auto region = report(2, "attack", {38.5, 34.8}, -1, "soldiers");
    region.incident.where.geo_precision = 3;
    region.incident.role = IncidentRole::background;
    region.incident.evidence = "Weeks ago dozens of troops were hurt when an army bus was hit.";
    const auto result = deduplicate({located, region});
    REQUIRE(result.incidents.size() == 1);
    CHECK_THAT(result.incidents[0].sources[1].reason, Catch::Contains("bus"));
    CHECK(result.incidents[0].incident.casualties.killed.value == 15);
    CHECK(result.incidents[0].incident.role == IncidentRole::current);

    // Without a common target the region says too little to tie it to one attack.
    region.incident.evidence = "Weeks ago dozens of troops were hurt in the desert.";
    CHECK(incidents({located, region}) == 2);
    // Nor in another governorate.
    region.incident.evidence = "Weeks ago dozens of troops were hurt when an army bus was hit.";
    region.incident.where.admin = {"Deir-ez-Zor", "SY09", "", ""};
    CHECK(incidents({located, region}) == 2);
}

TEST_CASE("a desert region reaches the places within its radius across governorates",
          "[dedup][undated]") {
    auto located = report(1, "attack", palmyra, 15, "soldiers");
    located.incident.evidence = "Fifteen soldiers died when gunmen fired on a bus in the city.";
    // A region whose representative point lies in another governorate, 130 km away.
    auto region = report(2, "attack", {38.10, 33.41}, -1, "soldiers");
    region.incident.where.geo_precision = 3;
    region.incident.where.place->feature_type = "desert";
    region.incident.where.place->precision_km = 150;
    region.incident.where.admin = {"Rural Damascus", "SY03", "", ""};
    region.incident.evidence = "A month ago an army bus was hit in the desert.";
    CHECK(incidents({located, region}) == 1);
    CHECK(incidents({region, located}) == 1);
    region.incident.where.place->precision_km = 100;
    CHECK(incidents({located, region}) == 2);
}

TEST_CASE("two undated reports at one governorate are not one event without a common target",
          "[dedup][undated]") {
    auto a = report(1, "attack", {37.5, 34.6}, 53, "civilians");
    auto b = report(2, "air_strike", {37.5, 34.6}, -1, "");
    for (StoredReport* r : {&a, &b}) {
        r->incident.where.geo_precision = 3;
        r->incident.where.place->id = 4;  // one governorate
        r->incident.where.place->feature_type = "governorate";
    }
    CHECK(incidents({a, b}) == 2);
}

TEST_CASE("undated reports within 10 km merge across a governorate border", "[dedup][undated]") {
    // A town on the edge of Damascus and a suburb in Rural Damascus: the rule is a distance,
    // so the search for candidates must not stop at the governorate.
    auto a = report(1, "shelling", {36.30, 33.51}, 3, "civilians");
    auto b = report(2, "shelling", {36.37, 33.56}, 3, "civilians");
    b.incident.where.admin = {"Rural Damascus", "SY03", "Duma", "SY0302"};
    b.incident.where.place->admin = b.incident.where.admin;
    const auto result = deduplicate({a, b});
    REQUIRE(result.incidents.size() == 1);
    CHECK_THAT(result.incidents[0].sources[1].reason, Catch::Contains("km apart"));
}
