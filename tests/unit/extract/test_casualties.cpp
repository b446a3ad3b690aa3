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
    // A whole month or year named with a summing word.
    CHECK(is_cumulative("In March 2021, the monitor documented the deaths of 93 people."));
    CHECK_FALSE(is_cumulative("On 4 March 2021, the monitor documented the deaths of 3 people."));
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

TEST_CASE("reads idioms of dying as a verb of death", "[extract][casualties]") {
    CHECK(find_casualties("A shepherd lost his life when the shell fell.").counts.killed.value == 1);
    CHECK(find_casualties("Three porters lost their lives in the blast.").counts.killed.value == 3);
    CHECK(find_casualties("A guard succumbed to his wounds in hospital.").counts.killed.value == 1);
    CHECK(find_casualties("Two herders were found dead near the well.").counts.killed.value == 2);
    CHECK(find_casualties("The raid resulted in the death of one guard.").counts.killed.value == 1);
    CHECK(find_casualties("A boy was among the dead.").counts.killed.value == 1);
}

TEST_CASE("reads a risen death toll as the event's dead", "[extract][casualties]") {
    auto r = find_casualties("The death toll from Tuesday's market bombing in the town rose to 14.");
    CHECK(r.counts.killed.value == 14);
    CHECK(find_casualties("The toll of the wounded climbed to 9.").counts.injured.value == 9);
    CHECK_FALSE(find_casualties("Prices rose to 14 pounds.").any());
}

TEST_CASE("counts another one and captures read as active verbs", "[extract][casualties]") {
    auto r = find_casualties("Two guards were killed and another was injured.");
    CHECK(r.counts.killed.value == 2);
    CHECK(r.counts.injured.value == 1);
    auto s = find_casualties("As a result, two guards were allegedly killed and another one was injured.");
    CHECK(s.counts.killed.value == 2);
    CHECK(s.counts.injured.value == 1);
    auto c = find_casualties("Gunmen ambushed the convoy, killing one driver and capturing four others.");
    CHECK(c.counts.killed.value == 1);
    CHECK(c.counts.captured.value == 4);
}

TEST_CASE("a total and its breakdown are one count", "[extract][casualties]") {
    CHECK(find_casualties("12 people were killed, 5 of them children.").counts.killed.value == 12);
    CHECK(find_casualties("Nine guards died, three of whom were officers.").counts.killed.value == 9);
}

TEST_CASE("the same figure told twice under two verbs counts once", "[extract][casualties]") {
    // A headline glued to its lead without a full stop.
    auto r = find_casualties("Shelling kills 11 in the old market Monitor says shelling killed 11 civilians");
    CHECK(r.counts.killed.value == 11);
    // Different figures under two verbs still add up.
    CHECK(find_casualties("Four were killed in the north and three were killed in the south.")
              .counts.killed.value == 7);
}

TEST_CASE("a tally is told by its structure, not by one word", "[extract][casualties]") {
    CHECK_FALSE(is_cumulative("The death toll from Tuesday's car bomb in the town rose to 12."));
    CHECK_FALSE(is_cumulative("Over the past hour, gunmen ambushed a patrol near the dam, killing three."));
    CHECK_FALSE(is_cumulative("In March this year a car bomb killed five civilians in the market."));
    CHECK(is_cumulative("The toll of landmine victims this year rose to 61."));
    CHECK(is_cumulative("In the past five years the group claimed 26,549 attacks."));
    CHECK(is_cumulative("A total of 40 guards were killed in attacks across the province."));
    CHECK(is_cumulative("Over the past two months 30 herders were killed by mines."));
    // Several blasts of one named day are one attack's toll.
    CHECK_FALSE(is_cumulative(
        "Multiple explosions tore through two coastal towns on Monday morning, leaving at least "
        "100 dead, according to an agency toll."));
    CHECK(is_cumulative("A total of 40 guards were killed in explosions across the province."));
    // A period the event is compared with sums nothing.
    CHECK_FALSE(is_cumulative(
        "Thirteen people were killed in the explosion, the first of its kind in the capital "
        "since last August."));
    CHECK(is_cumulative("Thirteen people have been killed in the capital since last August."));
    // A plural after the means names one salvo, not many events.
    CHECK_FALSE(is_cumulative(
        "Activists documented the killing of two civilians in regime rocket attacks on fig pickers."));
    CHECK(is_cumulative("Activists documented the killing of 40 civilians in attacks by the regime."));
}

TEST_CASE("an N-strong group is N people", "[extract][casualties]") {
    CHECK(find_casualties("The strike left a five-strong family dead.").counts.killed.value == 5);
    CHECK(find_casualties("Police captured a 5-person cell in the city.").counts.captured.value == 5);
    CHECK(find_casualties("Police arrested a five-man crew.").counts.captured.value == 5);
}

TEST_CASE("a bracketed aside is read past and its breakdown not added", "[extract][casualties]") {
    auto r = find_casualties(
        "On the same day, five herders (four women and one young man) were killed, and four "
        "others were wounded.");
    CHECK(r.counts.killed.value == 5);
    CHECK(r.counts.injured.value == 4);
}

TEST_CASE("a singular passive without a figure counts one victim", "[extract][casualties]") {
    CHECK(find_casualties("A council member was assassinated by masked men.").counts.killed.value == 1);
    CHECK(find_casualties("The driver has been wounded.").counts.injured.value == 1);
    CHECK(find_casualties("Their commander, known as Abu Salem, lost his life.").counts.killed.value == 1);
    // A town can be captured; only verbs whose subject is a person count.
    CHECK_FALSE(find_casualties("The town was captured after a week.").any());
    // A figure of its own is not counted twice.
    CHECK(find_casualties("Two guards were killed and one was injured.").counts.killed.value == 2);
}

TEST_CASE("a tally phrase without a figure is no tally", "[extract][casualties]") {
    CHECK_FALSE(is_cumulative("Jets struck the outskirts at night, with no word on casualties so far."));
    CHECK(is_cumulative("So far, 12 guards have been killed in the hills."));
    CHECK(incimap::opens_with_tally("So far this year, 40 herders were killed."));
    CHECK_FALSE(incimap::opens_with_tally("Jets struck at night, with no word so far."));
}

TEST_CASE("one shot dead without a figure is one killed", "[extract][casualties]") {
    CHECK(find_casualties("A refugee was shot dead in the camp.").counts.killed.value == 1);
    CHECK(find_casualties("The mukhtar was shot dead at his door.").counts.killed.value == 1);
}

TEST_CASE("a stated toll of zero is zero, an unknown toll stays unknown", "[extract][casualties]") {
    auto r = find_casualties("The rocket fell in a field; there were no injuries.");
    REQUIRE(r.counts.injured.value);
    CHECK(*r.counts.injured.value == 0);
    CHECK_FALSE(r.counts.killed.value);
    // An attack said to cause no injuries, or no casualties however the report goes on, hurt
    // nobody: no one was killed either.
    for (const std::string text : {"Shells hit the market, with no casualties reported.",
                                   "Rockets hit two farms. No casualties have been reported so far.",
                                   "We have no casualties or injuries, the mayor said.",
                                   "The rocket fell in a field, causing no injuries or damage.",
                                   "The shelling of the farms caused no human losses."}) {
        CAPTURE(text);
        auto both = find_casualties(text);
        CHECK(both.counts.killed.value == 0);
        CHECK(both.counts.injured.value == 0);
    }
    CHECK_FALSE(find_casualties("Jets struck the town; there was no information about casualties.").any());
    // "No one" is nobody, never one person.
    for (const std::string text : {"A shell hit a house. No one was injured.",
                                   "Gunmen fired on the checkpoint; no one was hurt."}) {
        CAPTURE(text);
        CHECK(find_casualties(text).counts.injured.value == 0);
    }
}

TEST_CASE("a figure of ten thousand or more is a war's toll", "[extract][casualties]") {
    CHECK(is_cumulative("More than 250,000 people have died and millions have fled."));
    CHECK_FALSE(is_cumulative("More than 250 people died when the dam burst."));
}

TEST_CASE("captives are counted when the phrase names people further on", "[extract][casualties]") {
    CHECK(find_casualties("Gunmen seized eight of the twelve truffle hunters.").counts.captured.value == 8);
    CHECK(find_casualties("Gunmen kidnapped two young men near the mill.").counts.captured.value == 2);
    CHECK(find_casualties("Police arrested a young man and his mother at the square.")
              .counts.captured.value == 2);
    CHECK_FALSE(find_casualties("The patrol seized 3 trucks loaded with fuel.").any());
}

TEST_CASE("the martyrdom of N is N killed", "[extract][casualties]") {
    auto r = find_casualties("Shells fell on the square, causing the martyrdom of 8 citizens and the injury of 24 others.");
    CHECK(r.counts.killed.value == 8);
    CHECK(r.counts.injured.value == 24);
}

TEST_CASE("a group killed is no head count, suffocated is a death", "[extract][casualties]") {
    CHECK_FALSE(find_casualties("A family was killed in the strike.").counts.killed.value);
    CHECK(find_casualties("A farmer was killed in the strike.").counts.killed.value == 1);
    CHECK(find_casualties("Nine people had suffocated after the gas attack.").counts.killed.value == 9);
}

TEST_CASE("a bare figure under a capture verb counts people, things do not", "[extract][casualties]") {
    CHECK(find_casualties("Police arrested 15 in a raid on the town.").counts.captured.value == 15);
    CHECK(find_casualties("Police arrested twelve residents of the town.").counts.captured.value == 12);
    CHECK_FALSE(find_casualties("Rebels seized 3 tanks in the raid.").counts.captured.value);
}

TEST_CASE("adds two groups under one verb across a long name between them", "[extract][casualties]") {
    auto r = find_casualties(
        "Three members of the Internal Security Forces of the region and two young men on a "
        "motorbike were injured by shrapnel.");
    CHECK(r.counts.injured.value == 5);
    // A verb between the groups keeps them apart.
    r = find_casualties("Three guards of the border post were killed and two men were injured.");
    CHECK(r.counts.killed.value == 3);
    CHECK(r.counts.injured.value == 2);
}

TEST_CASE("reads 'one other' and 'other 8' as people", "[extract][casualties]") {
    auto r = find_casualties("A strike killed three people and left one other injured.");
    CHECK(r.counts.killed.value == 3);
    CHECK(r.counts.injured.value == 1);
    r = find_casualties("The shelling resulted in killing 2 civilians and wounding other 8 civilians.");
    CHECK(r.counts.killed.value == 2);
    CHECK(r.counts.injured.value == 8);
}

TEST_CASE("a number of people killed that rose is the toll, its place by place account is not added",
          "[extract][casualties]") {
    auto r = find_casualties(
        "The number of civilians who were killed in the air strikes carried out by warplanes on "
        "the town this morning has risen to 23, where 11 civilians were killed in the market.");
    CHECK(r.counts.killed.value == 23);
    r = find_casualties("The number of displaced families rose to 500 after the strikes.");
    CHECK_FALSE(r.counts.killed.value);
    r = find_casualties("Shells hit the town, where 11 civilians were killed.");
    CHECK(r.counts.killed.value == 11);
}

TEST_CASE("people feared dead are no toll", "[extract][casualties]") {
    auto r = find_casualties("Over 100 people are feared dead after seven blasts.");
    CHECK_FALSE(r.counts.killed.value);
}

TEST_CASE("'killed or wounded' leaves the split unknown like 'killed and wounded'", "[extract][casualties]") {
    auto r = find_casualties("Twin bombings hit two restaurants, killing or wounding dozens of people.");
    CHECK_FALSE(r.counts.killed.value);
    CHECK_FALSE(r.counts.injured.value);
    r = find_casualties("At least 60 people were killed or wounded in the clashes.");
    CHECK_FALSE(r.counts.killed.value);
}

TEST_CASE("'wounding another' after an active verb is one more person", "[extract][casualties]") {
    auto r = find_casualties("The drone struck a car on the highway, killing one person and injuring another.");
    CHECK(r.counts.killed.value == 1);
    CHECK(r.counts.injured.value == 1);
    r = find_casualties("Two bombs exploded, killing 14 people and wounding another, an official said.");
    CHECK(r.counts.killed.value == 14);
    CHECK(r.counts.injured.value == 1);
}

TEST_CASE("a singular person followed by a participle is one person", "[extract][casualties]") {
    auto r = find_casualties(
        "The attack resulted in the deaths of two guards and the injury of two others, as well as "
        "a civilian passing near the checkpoint.");
    CHECK(r.counts.killed.value == 2);
    CHECK(r.counts.injured.value == 3);
}
