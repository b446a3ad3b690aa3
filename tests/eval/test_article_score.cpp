#include <catch2/catch.hpp>

#include "eval/article_score.hpp"

using namespace incimap;
using namespace incimap::eval;

namespace {

Incident incident(std::optional<int> killed, std::size_t offset,
                  IncidentRole role = IncidentRole::current) {
    Incident i;
    i.role = role;
    i.evidence_offset = offset;
    if (killed) i.casualties.killed = Count{killed, *killed, *killed, false};
    return i;
}

}  // namespace

TEST_CASE("the primary incident is the current one with the most killed") {
    const std::vector<Incident> v{incident(3, 0), incident(40, 300, IncidentRole::background),
                                  incident(12, 120), incident(std::nullopt, 50)};
    REQUIRE(primary_incident(v) == &v[2]);
    CHECK(primary_killed(v) == 12);
}

TEST_CASE("equal killed counts are spoken for by the incident told first") {
    const std::vector<Incident> v{incident(5, 400), incident(5, 90)};
    CHECK(primary_incident(v) == &v[1]);
}

TEST_CASE("an article with only background incidents has no primary incident") {
    const std::vector<Incident> v{incident(9, 0, IncidentRole::background)};
    CHECK(primary_incident(v) == nullptr);
    CHECK_FALSE(primary_killed(v));
    CHECK_FALSE(killed_sum(v));
    CHECK(current_incidents(v).empty());
}

TEST_CASE("current incidents without a count are spoken for by the first one told") {
    const std::vector<Incident> v{incident(std::nullopt, 70), incident(std::nullopt, 10)};
    CHECK(primary_incident(v) == &v[1]);
    CHECK_FALSE(primary_killed(v));
}

TEST_CASE("the killed sum adds current incidents and leaves background ones out") {
    const std::vector<Incident> v{incident(4, 0), incident(std::nullopt, 10), incident(6, 20),
                                  incident(100, 30, IncidentRole::background)};
    CHECK(killed_sum(v) == 10);
}

TEST_CASE("a vague count holds the crowd figure when it lies within low and high") {
    std::vector<Incident> v{incident(24, 0)};
    v[0].casualties.killed = Count{24, 24, 99, true};  // "dozens"
    CHECK(primary_range_holds(v, 30));
    CHECK_FALSE(primary_range_holds(v, 12));
    CHECK_FALSE(primary_range_holds({}, 0));
}

TEST_CASE("FA-KES causes of death map to the event types they cover") {
    const auto shelling = event_types_for_cause("shelling");
    CHECK(std::find(shelling.begin(), shelling.end(), "air_strike") != shelling.end());
    const auto explosion = event_types_for_cause("explosion");
    CHECK(std::find(explosion.begin(), explosion.end(), "car_bomb") != explosion.end());
    CHECK(std::find(explosion.begin(), explosion.end(), "shelling") == explosion.end());
    CHECK(event_types_for_cause("unknown").empty());
}

TEST_CASE("UCDP governorate names lose their suffix for a gazetteer lookup") {
    CHECK(strip_governorate_suffix("Deir ez Zor governorate") == "Deir ez Zor");
    CHECK(strip_governorate_suffix("Idlib") == "Idlib");
    CHECK(strip_governorate_suffix(" governorate") == " governorate");
}
