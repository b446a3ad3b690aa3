#include <catch2/catch.hpp>

#include "extract/actors.hpp"
#include "extract/taxonomy.hpp"

using namespace incimap;

TEST_CASE("prefers the most specific event keyword", "[extract][taxonomy]") {
    auto cues = find_event_cues("the explosion of a landmine left on the road");
    REQUIRE(most_specific(cues) != nullptr);
    CHECK(most_specific(cues)->type->code == "landmine");
    CHECK(most_specific(find_event_cues("a car bomb went off"))->type->code == "car_bomb");
    CHECK(most_specific(find_event_cues("Turkish drone strikes hit a car"))->type->code ==
          "air_strike");
    CHECK(most_specific(find_event_cues("the aerial bombardment left a family dead"))->type->code ==
          "air_strike");
}

TEST_CASE("a cause named after the deed is not the deed", "[extract][taxonomy]") {
    CHECK(most_specific(find_event_cues(
              "two people were killed in fierce clashes, amid violence triggered by abductions"))
              ->type->code == "armed_clash");
    // Alone, the cause still names what happened.
    CHECK(most_specific(find_event_cues("a feud triggered by abductions"))->type->code == "abduction");
}

TEST_CASE("lets the deed decide the type over a word for the attackers", "[extract][taxonomy]") {
    CHECK(most_specific(find_event_cues("masked gunmen ambushed a supply truck"))->type->code ==
          "ambush");
    CHECK(most_specific(find_event_cues("gunmen attacked the checkpoint"))->type->code ==
          "attack");
    CHECK(most_specific(find_event_cues("gunmen stormed the bakery and opened fire"))->type->code ==
          "assassination");  // no deed keyword: the attackers' word still gives the type
    CHECK(most_specific(find_event_cues("gunmen shot dead the mayor"))->type->code ==
          "assassination");
}

TEST_CASE("marks plural tallies of attacks as aggregate", "[extract][taxonomy]") {
    auto cues = find_event_cues("the group claimed 300 attacks");
    REQUIRE(cues.size() == 1);
    CHECK(cues[0].aggregate);
}

TEST_CASE("a few blasts told together are one incident, not a tally", "[extract][taxonomy]") {
    for (const char* text : {"Twin bombings hit the market.", "Two simultaneous attacks hit the base.",
                             "Coordinated attacks hit the checkpoints."}) {
        INFO(text);
        const auto cues = find_event_cues(text);
        REQUIRE_FALSE(cues.empty());
        CHECK_FALSE(cues.front().aggregate);
    }
    CHECK(find_event_cues("Its attacks killed dozens.").front().aggregate);
    // The plural after a word for the means names that one event's means.
    // The definite plural refers back to the attacks just told.
    CHECK_FALSE(find_event_cues("The attacks on the village left eight dead.").front().aggregate);
    const auto suicide = find_event_cues("Ten died in suicide bomb attacks on the town.");
    CHECK(std::none_of(suicide.begin(), suicide.end(), [](const EventCue& c) { return c.aggregate; }));
}

TEST_CASE("maps every event type to an ACLED event type", "[extract][taxonomy]") {
    for (const auto& t : event_types()) {
        CHECK_FALSE(t.acled_event_type.empty());
        CHECK_FALSE(t.acled_sub_event_type.empty());
    }
}

TEST_CASE("gives every event type a readable legend label", "[extract][taxonomy]") {
    CHECK(event_type_label("air_strike") == "Air or drone strike");
    for (const auto& type : event_types()) {
        const std::string label = event_type_label(type.code);
        CHECK(label != type.code);
        CHECK(label.find('_') == std::string::npos);
    }
    CHECK(event_type_label("something_new") == "something_new");
}

TEST_CASE("folds the names of IS to one actor", "[extract][actors]") {
    for (auto text : {"ISIS cells", "the IS group", "Islamic State fighters", "Daesh", "ISIL"}) {
        auto a = find_actors(text);
        REQUIRE(a.size() == 1);
        CHECK(a[0].actor == "Islamic State (IS)");
    }
    CHECK(find_actors("it is late").empty());
    CHECK(find_actors("the Liwa al-Quds militia")[0].actor == "Russia-backed militias");
}

TEST_CASE("names victim categories", "[extract][actors]") {
    CHECK(victim_category("three officers") == "soldiers");
    CHECK(victim_category("a little girl") == "children");
    CHECK(victim_category("six civilians") == "civilians");
    CHECK(victim_category("bombs").empty());
}
