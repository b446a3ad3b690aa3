// Which mentions of an article are one event and which are not: dates of other sentences,
// "Earlier ..." accounts, tallies of many attacks, lists of governorates. Every text here is
// our own.
#include <catch2/catch.hpp>

#include "extract/casualties.hpp"
#include "extract/extractor.hpp"
#include "fake_gazetteer.hpp"

using namespace incimap;

namespace {

struct World {
    test::FakeGazetteer gaz;
    World() {
        gaz.add({"Homs"}, "governorate", 34.6, 38.0, "SY04");
        gaz.add({"Hama"}, "governorate", 35.2, 37.0, "SY05");
        gaz.add({"Hama"}, "city", 35.13, 36.75, "SY05");
        gaz.add({"Aleppo"}, "governorate", 36.1, 37.6, "SY02");
        gaz.add({"Aleppo"}, "city", 36.2, 37.16, "SY02");
        gaz.add({"Qaryatein"}, "town", 34.23, 37.24, "SY04");
        gaz.add({"Maskanah"}, "town", 35.96, 38.03, "SY02");
        gaz.add({"Mahin"}, "town", 34.25, 37.05, "SY04");
    }
};

std::vector<Incident> extract(const std::string& text, std::optional<Date> published = {}) {
    return test::extract_text(World().gaz, text, published, "t3");
}

const Incident* with_killed(const std::vector<Incident>& all, int killed) {
    for (const Incident& in : all)
        if (in.casualties.killed.value == killed) return &in;
    return nullptr;
}

}  // namespace

TEST_CASE("a dated event of a later sentence does not date an earlier one", "[extract][merge]") {
    const std::string text =
        "A roadside bomb killed 7 workers in Qaryatein in August last year, state media had "
        "reported. It was the worst attack on the town since a car bomb struck its market in "
        "May 2015, killing at least 20 people.";
    const auto undated = extract(text);
    const Incident* seven = with_killed(undated, 7);
    REQUIRE(seven);
    CHECK_FALSE(seven->event_date);  // "August last year" needs a publication date
    CHECK(with_killed(undated, 20));

    const auto dated = extract(text, Date{2023, 3, 1});
    const Incident* seven_dated = with_killed(dated, 7);
    REQUIRE(seven_dated);
    CHECK(seven_dated->event_date == Date{2022, 8, 1});
}

TEST_CASE("a date after the deed is the event's even before a reporting verb",
          "[extract][dates]") {
    const auto out = extract("A mortar shell killed 4 farmers in Qaryatein on Tuesday, state "
                             "media reported.",
                             Date{2023, 3, 3});  // a Friday
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_date == Date{2023, 2, 28});
    // Opening the statement, the date is the report's; with no other time in the report it
    // stands for the event's, as event coders date such reports.
    const auto report = extract("On Thursday, state media reported that a mortar shell had "
                                "killed 4 farmers in Qaryatein.",
                                Date{2023, 3, 3});
    REQUIRE(report.size() == 1);
    CHECK(report[0].event_date == Date{2023, 3, 2});
    const auto earlier = extract("On Thursday, state media reported that a mortar shell had "
                                 "killed 4 farmers in Qaryatein on Tuesday.",
                                 Date{2023, 3, 3});
    REQUIRE(earlier.size() == 1);
    CHECK(earlier[0].event_date == Date{2023, 2, 28});
}

TEST_CASE("a later undated sentence with the same toll tells the dated event again",
          "[extract][merge]") {
    const auto out = extract(
        "Insurgents killed at least 19 civilians after storming a village on Thursday.\n\n"
        "Officials denied it.\n\nA spokesman said nothing.\n\nWitnesses spoke of fear.\n\n"
        "The 19 dead were shot in their houses in Qaryatein.",
        Date{2023, 3, 3});
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 19);
    REQUIRE(out[0].where.place);
}

TEST_CASE("a suicide bomber and a car bomb told in turn are one attack", "[extract][merge]") {
    const auto out = extract(
        "At least 12 people were killed in suicide bomb attacks on Qaryatein on Saturday.\n\n"
        "A car bomb hit the market of Qaryatein and 55 people were wounded, officials said.",
        Date{2023, 3, 5});
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 12);
    CHECK(out[0].casualties.injured.value == 55);
}

TEST_CASE("a sentence recalling other attacks does not date the event", "[extract][merge]") {
    const auto out = extract(
        "At least 12 people were killed in a car bomb attack on Qaryatein.\n\n"
        "The group says it was behind two other bombings in the town earlier this year.",
        Date{2023, 6, 12});
    REQUIRE_FALSE(out.empty());
    CHECK_FALSE(out[0].event_date);
}

TEST_CASE("an event told as the consequence of what came before takes its time", "[extract][merge]") {
    const auto out = extract(
        "Commanders met in a building of Qaryatein on Wednesday, March 1. The army learned of "
        "the meeting. Consequently, the building was bombed by jets, killing everyone inside.",
        Date{2023, 3, 3});
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].event_date);
    CHECK(*out[0].event_date == Date{2023, 3, 1});
}

TEST_CASE("an account opening with earlier is another event", "[extract][merge]") {
    const auto out = extract(
        "In May, militants launched an assault on the central jail of Qaryatein to free their comrades. Five "
        "days of fighting left more than 100 dead. Earlier in May, six guards were killed in an "
        "attack on a fuel convoy in the east of the country.");
    const Incident* six = with_killed(out, 6);
    REQUIRE(six);
    CHECK(six->evidence.rfind("Earlier", 0) == 0);
    const Incident* jail = with_killed(out, 100);
    REQUIRE(jail);
    REQUIRE(jail->where.place);
    CHECK(jail->where.place->name == "Qaryatein");
}

TEST_CASE("unresolved dates naming different months are different events", "[extract][merge]") {
    const auto out = extract(
        "In March, gunmen attacked a checkpoint near Qaryatein. Two days of clashes left dozens "
        "dead. In October last year, another attack left three soldiers dead.");
    REQUIRE(with_killed(out, 3));
    const Incident* march = with_killed(out, 24);
    REQUIRE(march);
    CHECK(march->casualties.killed.vague);
}

TEST_CASE("counts of a tally of attacks do not continue the event before", "[extract][merge]") {
    const auto out = extract(
        "Warplanes struck a depot in Qaryatein on Monday. The group has stepped up its attacks "
        "on the army in recent weeks, killing and injuring dozens.",
        Date{2023, 5, 10});
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_type == "air_strike");
    CHECK_FALSE(mentioned(out[0].casualties.killed));
}

TEST_CASE("a list of governorates is placed at governorate level, not at a city",
          "[extract][place]") {
    const auto out = extract("Warplanes struck militant positions in Aleppo, Hama and Homs on "
                             "Friday, killing 12 fighters.");
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.geo_precision == 3);
    CHECK(out[0].where.place->feature_type == "governorate");
    CHECK(out[0].where.admin.admin1_pcode == "SY02");
    CHECK(out[0].where.admin.admin2_pcode.empty());
    CHECK(out[0].where.text == "Aleppo, Hama and Homs");

    // One name alone, or towns in a list, keep their own points.
    const auto city = extract("Warplanes struck militant positions in Hama city, killing 12 "
                              "fighters.");
    REQUIRE(city.size() == 1);
    REQUIRE(city[0].where.place);
    CHECK(city[0].where.place->feature_type == "city");
    const auto towns = extract("Warplanes struck militant positions in Mahin and Qaryatein, "
                               "killing 12 fighters.");
    REQUIRE(towns.size() == 1);
    REQUIRE(towns[0].where.place);
    CHECK(towns[0].where.geo_precision == 1);
}

TEST_CASE("gunmen who ambush make an ambush", "[extract]") {
    const auto out = extract("Gunmen ambushed an army patrol near Qaryatein, killing three "
                             "soldiers.");
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_type == "ambush");
    CHECK(out[0].casualties.killed.value == 3);
}

TEST_CASE("shootings told in two neighbouring villages are two events", "[extract][merge]") {
    test::FakeGazetteer gaz;
    gaz.add({"Homs"}, "governorate", 34.6, 38.0, "SY04");
    gaz.add({"Tell Abyad"}, "village", 34.50, 37.00, "SY04");
    gaz.add({"Umm Ruman"}, "village", 34.55, 37.08, "SY04");  // about 9 km away
    const auto out = test::extract_text(
        gaz,
        "Gunmen shot dead a farmer in Tell Abyad on Monday. In Umm Ruman, gunmen shot dead a "
        "guard the same day.",
        Date{2023, 4, 4}, "roundup");
    REQUIRE(out.size() == 2);
    CHECK(out[0].where.place->name == "Tell Abyad");
    CHECK(out[1].where.place->name == "Umm Ruman");
}

TEST_CASE("a hedged toll told again further on is the same event", "[extract][merge]") {
    test::FakeGazetteer gaz;
    gaz.add({"Homs"}, "governorate", 34.6, 38.0, "SY04");
    gaz.add({"Qaryatein"}, "town", 34.23, 37.24, "SY04");
    const auto out = test::extract_text(
        gaz,
        "Insurgents killed at least 19 civilians after storming a village. The army sent "
        "reinforcements. Residents fled to the hills. A monitor said the group had planned it "
        "for weeks. The 19 dead were shot in Qaryatein, a resident said.",
        Date{2023, 4, 4}, "echo");
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 19);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Qaryatein");
}

TEST_CASE("the bare name of the area told before is that area, not its namesake city",
          "[extract][merge][place]") {
    const auto out = extract("Eleven soldiers were killed in clashes in the western countryside "
                             "of Hama province on Monday. The 11 soldiers were killed in fighting "
                             "with militants in Hama, a commander said.");
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.geo_precision == 3);
    CHECK(out[0].where.place->feature_type == "governorate");

    // A name written as the city still refines the area.
    const auto city = extract("Eleven soldiers were killed in clashes in the western countryside "
                              "of Hama province on Monday. The 11 soldiers were killed in "
                              "fighting inside Hama city, a commander said.");
    REQUIRE(city.size() == 1);
    REQUIRE(city[0].where.place);
    CHECK(city[0].where.place->feature_type == "city");
}

TEST_CASE("an undated retelling of the lead figure joins the lead, not the nearer event",
          "[extract][merge]") {
    // The middle sentence tells Thursday's rockets; the last one tells Friday's shelling again,
    // with the lead's figure exact and its village.
    const auto out = extract(
        "Shelling killed at least four people in the Homs countryside on Friday, officials said. "
        "The army said its guns had answered rockets fired on Thursday. "
        "A shell hit a bus in Qaryatein, killing four passengers, officials said.",
        Date{2023, 3, 4});
    REQUIRE(!out.empty());
    const Incident& lead = out.front();
    CHECK(lead.casualties.killed.value == 4);
    CHECK_FALSE(lead.casualties.killed.vague);
    REQUIRE(lead.where.place);
    CHECK(lead.where.place->name == "Qaryatein");
    REQUIRE(lead.event_date);
    CHECK(*lead.event_date == Date{2023, 3, 3});
}

TEST_CASE("the same exact toll and deed told at two nearby places is one event",
          "[extract][merge]") {
    // Qaryatein and Mahin lie about 17 km apart.
    const auto out = extract(
        "Three men were killed in an explosion in Qaryatein. "
        "Sources said the explosion occurred on Monday in the village of Mahin, killing three men "
        "and wounding one.",
        Date{2023, 3, 7});
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 3);
    CHECK(out[0].casualties.injured.value == 1);
    REQUIRE(out[0].event_date);
    CHECK(*out[0].event_date == Date{2023, 3, 6});
    // Different tolls in two villages stay two events.
    CHECK(extract("Three men were killed in an explosion in Qaryatein. "
                  "An explosion near Mahin killed two men.")
              .size() == 2);
}

TEST_CASE("the same deed at the same place told again paragraphs later is the same event",
          "[extract][merge]") {
    const auto out = extract(
        "Suicide bombers killed 12 people in Qaryatein, officials said.\n"
        "The town lies at the edge of the desert.\nMany of its families left years ago.\n"
        "Its market reopened last spring.\nA new school opened in the autumn.\n"
        "Officials said Qaryatein was hit by two suicide bombings on Saturday.",
        Date{2023, 3, 6});
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 12);
    REQUIRE(out[0].event_date);
    CHECK(*out[0].event_date == Date{2023, 3, 4});
    // An account that recalls an earlier time is another event.
    const auto recalled = extract(
        "Suicide bombers killed 12 people in Qaryatein, officials said.\n"
        "The town lies at the edge of the desert.\nMany of its families left years ago.\n"
        "Its market reopened last spring.\nA new school opened in the autumn.\n"
        "Qaryatein was hit by two suicide bombings earlier this year.",
        Date{2023, 3, 6});
    CHECK(recalled.size() == 2);
}
