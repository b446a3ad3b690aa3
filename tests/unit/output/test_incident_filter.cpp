#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "layer_fixtures.hpp"
#include "output/incident_filter.hpp"

using namespace incimap;

namespace {
std::vector<std::string> ids(const IncidentFilter& filter) {
    std::vector<std::string> out;
    for (const auto& i : test::sample_incidents())
        if (filter.matches(i)) out.push_back(i.incident_id);
    return out;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("the default filter keeps current incidents at every precision", "[filter]") {
    CHECK(ids(IncidentFilter{}) == V{"inc-a", "inc-b", "inc-d"});
}

TEST_CASE("the role filter selects background or all incidents", "[filter]") {
    IncidentFilter f;
    f.role = RoleFilter::background;
    CHECK(ids(f) == V{"inc-c"});
    f.role = parse_role_filter("all");
    CHECK(ids(f).size() == 4);
    CHECK_THROWS_AS(parse_role_filter("recent"), Error);
}

TEST_CASE("a date range keeps dated incidents inside it, bounds included", "[filter]") {
    IncidentFilter f;
    f.role = RoleFilter::all;
    f.from = Date{2024, 3, 5};
    CHECK(ids(f) == V{"inc-a", "inc-b"});
    f.to = Date{2024, 3, 8};
    CHECK(ids(f) == V{"inc-a"});
    f.from.reset();
    CHECK(ids(f) == V{"inc-a", "inc-c"});
}

TEST_CASE("the governorate filter accepts a name in any case or a P-code", "[filter]") {
    IncidentFilter f;
    f.governorate = "southland";
    CHECK(ids(f) == V{"inc-d"});
    f.governorate = "SY91";
    CHECK(ids(f) == V{"inc-a", "inc-b"});
    f.governorate = "Nowhere";
    CHECK(ids(f).empty());
}

TEST_CASE("the minimum precision drops vaguer locations", "[filter]") {
    IncidentFilter f;
    f.min_precision = 1;
    CHECK(ids(f) == V{"inc-a"});
    f.min_precision = 2;
    CHECK(ids(f) == V{"inc-a", "inc-b"});
}
