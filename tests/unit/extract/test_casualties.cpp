#include <catch2/catch.hpp>

#include "extract/casualties.hpp"

using incimap::find_casualties;
using incimap::is_cumulative;

TEST_CASE("counts the killed in a passive sentence", "[extract][casualties]") {
    auto r = find_casualties("Ten drivers were killed when a mine went off near the well.");
    REQUIRE(r.counts.killed.value == 10);
    CHECK_FALSE(r.counts.injured.value);
    CHECK(r.victims == "civilians");
}

TEST_CASE("counts killed and injured groups separately", "[extract][casualties]") {
    auto r = find_casualties("4 guards were killed and two others were wounded at the gate.");
    CHECK(r.counts.killed.value == 4);
    CHECK(r.counts.injured.value == 2);
    CHECK(r.victims == "soldiers");
}

TEST_CASE("does not add a breakdown after including to its total", "[extract][casualties]") {
    auto r = find_casualties(
        "On Monday, 12 army forces, including 4 officers and 8 troops were killed and 9 others, "
        "including two officers, were wounded.");
    CHECK(r.counts.killed.value == 12);
    CHECK(r.counts.injured.value == 9);
}

TEST_CASE("adds groups joined under one verb", "[extract][casualties]") {
    auto r = find_casualties("3 officers and 7 troops were killed in the blast.");
    CHECK(r.counts.killed.value == 10);
}

TEST_CASE("reads active verbs before the figure", "[extract][casualties]") {
    CHECK(find_casualties("A car bomb tore through a market, killing 17 and injuring others.")
              .counts.killed.value == 17);
    CHECK(find_casualties("Two bombs planted under a truck killed 9 people.").counts.killed.value ==
          9);
    CHECK(find_casualties("the raid led to the death of 2 guards").counts.killed.value == 2);
}

TEST_CASE("keeps a stated killed-and-injured figure as an open split", "[extract][casualties]") {
    for (auto text : {"Eleven herders were killed and injured by the blast.",
                      "At least eleven herders were killed and injured by the blast."}) {
        INFO(text);
        auto r = find_casualties(text);
        CHECK_FALSE(r.counts.killed.value);
        CHECK(r.counts.killed.high >= 11);
        CHECK(r.counts.killed.low == 0);
        CHECK_FALSE(r.counts.injured.value);
        CHECK(r.any());
    }
}

TEST_CASE("keeps a vague killed-and-injured toll open, with the word's range",
          "[extract][casualties]") {
    // The word counts the dead and the hurt together: its figure would overstate the dead.
    auto r = find_casualties("Dozens of guards were killed and wounded when the depot burned.");
    CHECK_FALSE(r.counts.killed.value);
    CHECK(r.counts.killed.vague);
    CHECK(r.counts.killed.low == 0);
    CHECK(r.counts.killed.high == 99);
    CHECK_FALSE(r.counts.injured.value);
    CHECK(r.counts.injured.high == 99);
    auto several = find_casualties("Several herders were killed and injured by the blast.");
    CHECK_FALSE(several.counts.killed.value);
    CHECK(several.counts.killed.high == 9);
    CHECK(several.any());
}

TEST_CASE("counts captured people", "[extract][casualties]") {
    auto r = find_casualties("Five soldiers died, and three others were reportedly captured.");
    CHECK(r.counts.killed.value == 5);
    CHECK(r.counts.captured.value == 3);
}

TEST_CASE("ignores figures no casualty verb governs", "[extract][casualties]") {
    CHECK_FALSE(find_casualties("The group claimed 300 operations in 4 provinces.").any());
    CHECK_FALSE(find_casualties("About 90 prisoners were moved to another jail.").any());
}

TEST_CASE("recognises tallies over a period as cumulative", "[extract][casualties]") {
    CHECK(is_cumulative("So far this year 44 guards had been killed in the hills."));
    CHECK(is_cumulative("Nearly half a million people have died in the war."));
    CHECK(is_cumulative("They all died in raids from May 2020 to this day."));
    CHECK(is_cumulative("Thirty were killed in the region since 2015."));
    CHECK_FALSE(is_cumulative("Three guards were killed on Sunday near the well."));
    CHECK_FALSE(is_cumulative("It was the worst attack since a bombing hit the city."));
}

TEST_CASE("counts a single person named with a or an under a killing verb",
          "[extract][casualties]") {
    auto r = find_casualties("Masked men shot dead a village teacher near the mill.");
    CHECK(r.counts.killed.value == 1);
    CHECK(find_casualties("The blast left a colonel and three guards dead.").counts.killed.value ==
          4);
    CHECK(find_casualties("A soldier was killed by a sniper at dawn.").counts.killed.value == 1);
}

TEST_CASE("an article before a modifier noun is not a head count", "[extract][casualties]") {
    auto r = find_casualties("Shops observed a general strike after two men were killed.");
    CHECK(r.counts.killed.value == 2);
    CHECK_FALSE(find_casualties("A member state condemned the raid.").any());
}

TEST_CASE("reads active arrests of people but not seized things", "[extract][casualties]") {
    auto r = find_casualties("Police have arrested at least four members of a cell in the town.");
    CHECK(r.counts.captured.value == 4);
    CHECK_FALSE(r.counts.killed.value);
    CHECK_FALSE(find_casualties("The patrol seized 3 trucks loaded with fuel.").any());
    CHECK(find_casualties("The raid has killed 6 guards.").counts.killed.value == 6);
}
