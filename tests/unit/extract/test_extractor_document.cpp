// Rules that read the article as a whole: a toll with no named means, names that are not the
// event's place (organisations, origins), and the place carried from the headline or the
// sentence before. Every text here is our own.
#include <algorithm>
#include <catch2/catch.hpp>

#include "extract/extractor.hpp"
#include "fake_gazetteer.hpp"

using namespace incimap;

namespace {

struct World {
    test::FakeGazetteer gaz;
    World() {
        gaz.add({"Homs"}, "governorate", 34.6, 38.0, "SY04");
        gaz.add({"Idlib"}, "governorate", 35.7, 36.6, "SY07");
        gaz.add({"Aleppo"}, "governorate", 36.2, 37.6, "SY02");
        gaz.add({"Qaryatein"}, "town", 34.23, 37.24, "SY04");
        gaz.add({"Shaitat"}, "village", 34.9, 40.5, "SY09");
        gaz.add({"Maskanah"}, "town", 35.96, 38.03, "SY02");
        gaz.add({"Sukhnah"}, "town", 34.88, 38.87, "SY04");
    }
};

std::vector<Incident> extract(const std::string& text, std::optional<Date> published = {}) {
    return test::extract_text(World().gaz, text, published, "doc");
}

}  // namespace

TEST_CASE("a toll without a named means is an unspecified attack", "[extract]") {
    const auto out = extract("Two guards were killed near Qaryatein on Monday.", Date{2023, 4, 5});
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_type == "attack");
    CHECK(out[0].casualties.killed.value == 2);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Qaryatein");
}

TEST_CASE("a tribe or a military council named after a place is not the event's place",
          "[extract]") {
    const auto out = extract(
        "Gunmen from the Shaitat tribe ambushed a patrol near Qaryatein, killing three guards.");
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Qaryatein");
    const auto council = extract("The Maskanah Military Council said a mine killed two herders.");
    REQUIRE(council.size() == 1);
    CHECK_FALSE(council[0].where.place);
}

TEST_CASE("where the victims came from is not where they died", "[extract]") {
    const auto out = extract(
        "A landmine killed four herders, natives of Maskanah, in the Qaryatein desert.");
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Qaryatein");
    const auto mostly = extract("Shelling killed six civilians in Qaryatein, mostly from Maskanah.");
    REQUIRE(mostly.size() == 1);
    REQUIRE(mostly[0].where.place);
    CHECK(mostly[0].where.place->name == "Qaryatein");
}

TEST_CASE("the headline names the place the lead leaves at governorate level", "[extract]") {
    const auto out = extract(
        "Landmine kills two shepherds in Sukhnah\n\n"
        "Two shepherds were killed on Friday when a landmine went off in the eastern Homs "
        "countryside.",
        Date{2023, 3, 4});
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Sukhnah");
    CHECK(out[0].casualties.killed.value == 2);
}

TEST_CASE("a headline that names only the governorate's city keeps the lead's governorate",
          "[extract]") {
    const auto out = extract(
        "Landmine kills two shepherds in Homs\n\n"
        "Two shepherds were killed on Friday when a landmine went off in the eastern Homs "
        "countryside.",
        Date{2023, 3, 4});
    REQUIRE(out.size() == 1);
    CHECK(out[0].where.geo_precision == 3);
}

TEST_CASE("a headline without a toll keeps the lead's event first when it names its place",
          "[extract]") {
    const std::string body =
        "An explosion hit a market in Sukhnah, damaging several shops.\n"
        "On Monday a landmine killed three herders near Qaryatein.";
    const auto out = extract("Blast rocks Sukhnah market\n\n" + body, Date{2023, 4, 5});
    REQUIRE(out.size() == 2);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Sukhnah");
    // Without a place the headline backs nothing: the toll-less explosion stays an aside.
    const auto unplaced = extract("Blast rocks a market\n\n" + body, Date{2023, 4, 5});
    REQUIRE(unplaced.size() == 1);
    CHECK(unplaced[0].casualties.killed.value == 3);
}

TEST_CASE("an event with no place of its own happened where the sentence before did",
          "[extract]") {
    const auto out = extract(
        "A car bomb exploded in Maskanah on Monday, killing five people. "
        "Hours later, a second car bomb went off, killing two guards.",
        Date{2023, 4, 4});
    REQUIRE(out.size() == 2);
    REQUIRE(out[1].where.place);
    CHECK(out[1].where.place->name == "Maskanah");
}

TEST_CASE("a dateline is not the event's place", "[extract]") {
    const auto out = extract("HOMS, Syria (Local Wire) - A landmine killed two herders near Qaryatein on Friday.",
                             Date{2023, 3, 4});
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Qaryatein");
}

TEST_CASE("the sentence that goes on telling the event names its village", "[extract]") {
    const auto out = extract(
        "A herder was killed on Friday when a landmine exploded in the eastern Homs countryside. "
        "He was grazing sheep near Sukhnah when the mine went off.",
        Date{2023, 3, 4});
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Sukhnah");
    CHECK(out[0].casualties.killed.value == 1);
}

TEST_CASE("a finer place in another governorate does not move the event", "[extract]") {
    const auto out = extract(
        "A herder was killed on Friday when a landmine exploded in the eastern Homs countryside. "
        "His family had fled Maskanah years ago.",
        Date{2023, 3, 4});
    REQUIRE(out.size() == 1);
    CHECK(out[0].where.geo_precision == 3);
    CHECK(out[0].where.admin.admin1_pcode == "SY04");
}

TEST_CASE("a denial governs only the verb it stands before", "[extract]") {
    const auto out = extract(
        "A mine whose source we have not been able to identify killed two herders near Qaryatein.");
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 2);
    CHECK(extract("The drone did not hit the convoy near Qaryatein.").empty());
}

TEST_CASE("the items of a list under a tally are not events", "[extract]") {
    const auto out = extract(
        "A guard was shot dead in Qaryatein on Monday.\n\n"
        "Since the start of the year, 40 people have been killed in the province, as follows:\n\n"
        "\xE2\x80\xA2 22 herders were killed by mines in Sukhnah.\n\n"
        "\xE2\x80\xA2 18 guards were killed in Qaryatein.",
        Date{2023, 4, 4});
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 1);
}

TEST_CASE("a list under a tally stays the tally's after sub-headings", "[extract]") {
    const auto out = extract(
        "A guard was shot dead in Qaryatein on Monday.\n\n"
        "In March 2023, the monitor documented the deaths of 40 people in the province; the "
        "deaths are as follows:\n\nCivilians\n\n"
        "30 civilians, among them six women.\n\n"
        "Details of these deaths are given below.\n\n"
        "\xE2\x80\xA2 22 herders were killed by mines in Sukhnah.\n\n"
        "\xE2\x80\xA2 8 farmers were killed by shelling in Qaryatein.",
        Date{2023, 4, 4});
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 1);
}

TEST_CASE("a recalled wave of arrests does not make today's arrests past", "[extract]") {
    const auto out = extract(
        "Security forces have arrested at least 12 residents of Qaryatein.\n\n"
        "The same forces had made arrests last October in the towns of the province, when dozens "
        "were detained.",
        Date{2023, 4, 4});
    REQUIRE_FALSE(out.empty());
    CHECK(out[0].role == IncidentRole::current);
    CHECK(out[0].casualties.captured.value == 12);
}

TEST_CASE("with no other time, the day the report gives dates the event", "[extract]") {
    // 2023-04-04 is a Tuesday: "on Sunday" is 2 April.
    auto out = extract("Gunmen attacked a checkpoint in Qaryatein, killing one guard, state TV reported on Sunday.",
                       Date{2023, 4, 4});
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_date == Date{2023, 4, 2});
    // A time of the event itself wins over the report's day.
    out = extract("Gunmen killed a guard in Qaryatein on Saturday, state TV reported on Sunday.",
                  Date{2023, 4, 4});
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_date == Date{2023, 4, 1});
}

TEST_CASE("what keeps happening is background, not the news of the day", "[extract]") {
    const auto out = extract(
        "The town has been repeatedly targeted by shelling that killed 13 people.\n\n"
        "A car bomb killed four guards in Qaryatein.",
        Date{2023, 4, 4});
    REQUIRE(out.size() == 2);
    const auto shelling = std::find_if(out.begin(), out.end(), [](const Incident& in) {
        return in.casualties.killed.value == 13;
    });
    REQUIRE(shelling != out.end());
    CHECK(shelling->role == IncidentRole::background);
}

TEST_CASE("people taken with no word for the deed are an abduction", "[extract]") {
    const auto out = extract("Fighters stormed Qaryatein on Sunday and captured two men.", Date{2023, 4, 4});
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_type == "abduction");
    CHECK(out[0].casualties.captured.value == 2);
}

TEST_CASE("a photo caption is no event of its own", "[extract]") {
    // The caption shows an older strike elsewhere; the report tells a car bomb in Qaryatein.
    const auto out = extract(
        "Men search the rubble of a house hit by an air strike in Maskanah last week. (Photo: "
        "Agency)\n\n"
        "A car bomb killed five guards in Qaryatein on Monday.",
        Date{2023, 4, 4});
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_type == "car_bomb");
    CHECK(out[0].casualties.killed.value == 5);

    // A page scraped as one long paragraph with a credit inside is still a report.
    const auto one_paragraph = extract(
        "Photo: Agency. A car bomb killed five guards in Qaryatein on Monday, the governor said, "
        "adding that the blast destroyed several shops and damaged the main mosque of the town, "
        "and that ambulances took the wounded to the hospital of the provincial capital, where "
        "doctors appealed for blood donations as the number of victims was expected to rise "
        "further during the night according to medical sources in the province and witnesses.",
        Date{2023, 4, 4});
    REQUIRE(one_paragraph.size() == 1);
    CHECK(one_paragraph[0].casualties.killed.value == 5);

    // A caption without a credit: what the photo shows, told in the present.
    const auto present = extract(
        "Police officers inspect a house in Maskanah after a rocket killed two people there last year.\n\n"
        "A car bomb killed five guards in Qaryatein on Monday.",
        Date{2023, 4, 4});
    REQUIRE(present.size() == 1);
    CHECK(present[0].casualties.killed.value == 5);
}

TEST_CASE("a war's whole toll is no event", "[extract]") {
    const auto out = extract(
        "A car bomb killed three guards in Qaryatein on Monday. More than 8,000 people have been "
        "killed since the uprising began, and hundreds of thousands in the conflict.",
        Date{2023, 4, 4});
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 3);
}

TEST_CASE("an aside about earlier attacks beside a told event is not mapped", "[extract]") {
    const auto out = extract(
        "A car bomb killed four guards in Qaryatein on Monday. The town has often been targeted "
        "by shelling near Sukhnah.",
        Date{2023, 4, 4});
    // Dropped as an aside, or kept as background: either way not on the map of current events.
    REQUIRE(std::count_if(out.begin(), out.end(), [](const Incident& in) {
                return in.role == IncidentRole::current;
            }) == 1);
    CHECK(out[0].event_type == "car_bomb");
}

TEST_CASE("a foreign actor does not move the event abroad, a foreign scene does", "[extract]") {
    const auto shelled = extract("Turkish artillery shelled Qaryatein on Monday, killing two farmers.",
                                 Date{2023, 4, 4});
    REQUIRE(shelled.size() == 1);
    REQUIRE(shelled[0].where.place);
    CHECK(shelled[0].where.place->name == "Qaryatein");
    const auto abroad = extract(
        "Two soldiers were killed in clashes in eastern Lebanon, near the border with Syria, on Monday.",
        Date{2023, 4, 4});
    REQUIRE(abroad.size() == 1);
    CHECK(abroad[0].where.country_code == "LB");
    CHECK_FALSE(abroad[0].where.place);
}

TEST_CASE("fire from Syria that lands in a neighbour's ground is an event in that country",
          "[extract]") {
    const struct {
        const char* text;
        const char* country;
    } cases[] = {
        {"Three rockets fired by militants in Syria hit Turkey's border province on Saturday, "
         "wounding two.", "TR"},
        {"Shells fired from Syria hit the Lebanese border town, killing a child.", "LB"},
        {"Border guards of the Jordanian army opened fire on smugglers from Syria, killing 12.", "JO"},
        // Where a force is based is no scene; where its fire lands is.
        {"The militant group in northern Syria fired rockets into southern Turkey, wounding two.", "TR"},
        // Syria named as a force's country, not as where it came from: Syria.
        {"A Turkish drone killed two fighters from Syria's Kurdish forces in Qaryatein.", "SY"},
        // Whose ministry says it is no scene.
        {"Turkey's defence ministry said two soldiers were killed in Qaryatein.", "SY"},
    };
    for (const auto& c : cases) {
        const auto out = extract(c.text, Date{2023, 4, 4});
        REQUIRE(out.size() == 1);
        INFO(c.text);
        CHECK(out[0].where.country_code == c.country);
    }
}

TEST_CASE("a report set abroad by its headline keeps later sentences abroad unless they name Syria",
          "[extract]") {
    World w;
    w.gaz.add({"Hermel"}, "town", 34.9, 36.3, "SY05").population = 30000;  // a Syrian namesake
    w.gaz.add({"Hermel"}, "village", 34.39, 36.38, "", "LB");
    w.gaz.add({"Aleppo"}, "city", 36.2, 37.15, "SY02");
    const auto out = test::extract_text(
        w.gaz,
        "Shells from Syria hit Lebanon, killing two\n\n"
        "Shells fired from across the border hit Lebanon's border town on Sunday, killing two.\n"
        "Later, a rocket hit the town of Hermel, killing a boy.\n"
        "The government said the group had killed 80 civilians in the northern city of Aleppo last year.",
        Date{2023, 4, 4}, "abroad");
    REQUIRE(out.size() >= 3);
    for (const Incident& in : out) {
        INFO(in.evidence);
        if (in.evidence.find("Hermel") != std::string::npos) CHECK(in.where.country_code == "LB");
        if (in.evidence.find("Aleppo") != std::string::npos) CHECK(in.where.country_code == "SY");
    }
}

TEST_CASE("a photo caption before the lead does not decide where the report is set", "[extract]") {
    World w;
    w.gaz.add({"Hermel"}, "town", 34.9, 36.3, "SY05").population = 30000;  // a Syrian namesake
    const auto out = test::extract_text(
        w.gaz,
        "A mother holds the body of her son after he was killed by a sniper near Qaryatein.\n\n"
        "Shelling from across the border hit villages in northern Lebanon on Saturday, killing five.\n"
        "A grenade later hit a tent in Hermel, killing two.",
        Date{2023, 4, 4}, "caption");
    bool hermel_seen = false;
    for (const Incident& in : out)
        if (in.evidence.find("Hermel") != std::string::npos) {
            hermel_seen = true;
            CHECK(in.where.country_code == "LB");
        }
    CHECK(hermel_seen);
}

TEST_CASE("a lead with Syria only as the origin is set in the country the report names most",
          "[extract]") {
    World w;
    w.gaz.add({"Hermel"}, "town", 34.9, 36.3, "SY05").population = 30000;  // a Syrian namesake
    const auto out = test::extract_text(
        w.gaz,
        "Two people were killed when rockets fired from Syria hit the town of Hermel on Sunday.\n"
        "Lebanon's president condemned the attack, a Lebanese agency said.",
        Date{2023, 4, 4}, "origin");
    REQUIRE(out.size() == 1);
    CHECK(out[0].where.country_code == "LB");
}

TEST_CASE("an age is no count of people", "[extract]") {
    const auto out = extract("A sniper killed a mother and her 5 year-old son in Qaryatein.", Date{2023, 4, 4});
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value.value_or(0) != 5);
}

TEST_CASE("a town given only as east of a city takes the name told after", "[extract]") {
    test::FakeGazetteer gaz;
    gaz.add({"Deir"}, "governorate", 35.2, 40.2, "SY09");
    gaz.add({"Dayr"}, "city", 35.33, 40.14, "SY09");
    gaz.add({"Jalaa"}, "village", 34.55, 40.95, "SY09");  // about 100 km to the south-east
    const auto out = test::extract_text(
        gaz,
        "A man was killed on Saturday by a landmine in a town east of Dayr, in Deir province. He was on his "
        "farmland in Jalaa when the mine went off.",
        Date{2023, 4, 4}, "side");
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Jalaa");
}

TEST_CASE("where fire or victims came from is no place, whatever stands between", "[extract]") {
    const auto fired = extract(
        "Rockets fired from the ISIS-controlled town of Maskanah hit the eastern Homs "
        "countryside, killing two farmers.");
    REQUIRE(fired.size() == 1);
    CHECK(fired[0].where.geo_precision == 3);
    CHECK(fired[0].where.admin.admin1_pcode == "SY04");
    const auto mostly = extract(
        "A car bomb killed nine guards in the eastern Homs countryside, mostly from the northern "
        "town of Maskanah.");
    REQUIRE(mostly.size() == 1);
    CHECK(mostly[0].where.geo_precision == 3);
    CHECK(mostly[0].where.admin.admin1_pcode == "SY04");
    const auto direction = extract(
        "Missiles launched from the direction of Maskanah hit the eastern Homs countryside, "
        "killing a guard.");
    REQUIRE(direction.size() == 1);
    CHECK(direction[0].where.geo_precision == 3);
}

TEST_CASE("a place name opening the text or after a single letter is read safely", "[extract]") {
    CHECK_NOTHROW(extract("Qaryatein was shelled on Monday, killing two farmers."));
    CHECK_NOTHROW(extract("A Qaryatein farmer was killed by shelling."));
    CHECK_NOTHROW(extract("I Qaryatein"));
}

TEST_CASE("the seat of an institution is not the event's place", "[extract]") {
    const auto leadership = extract("The security leadership in Maskanah said a mortar shell killed "
                                    "three civilians near Qaryatein.");
    REQUIRE(leadership.size() == 1);
    REQUIRE(leadership[0].where.place);
    CHECK(leadership[0].where.place->name == "Qaryatein");
    const auto committee = extract("The negotiating committee in Maskanah said shells killed two "
                                   "farmers on the outskirts of Qaryatein.");
    REQUIRE(committee.size() == 1);
    REQUIRE(committee[0].where.place);
    CHECK(committee[0].where.place->name == "Qaryatein");
    // The government's headquarters in a town may be the target.
    const auto target = extract("A car bomb killed five guards at the headquarters of the interim "
                                "government in the town of Maskanah.");
    REQUIRE(target.size() == 1);
    REQUIRE(target[0].where.place);
    CHECK(target[0].where.place->name == "Maskanah");
}

TEST_CASE("a victim's home town or province is not where he died", "[extract]") {
    for (const std::string home : {"Maskanah", "the town of Maskanah", "the province of Idlib"}) {
        CAPTURE(home);
        const auto out = extract("Gunmen shot dead a teacher, a native of " + home + ", on Monday.");
        REQUIRE(out.size() == 1);
        CHECK_FALSE(out[0].where.place);
    }
}

TEST_CASE("a name that says or reports something is a source, not the event's place",
          "[extract]") {
    for (const std::string verb : {"reported", "said", "told reporters"}) {
        CAPTURE(verb);
        const auto out =
            extract("A car bomb killed 31 soldiers near Qaryatein, the activist Sukhnah " + verb + ".");
        REQUIRE(out.size() == 1);
        REQUIRE(out[0].where.place);
        CHECK(out[0].where.place->name == "Qaryatein");
    }
    // The place of the deed stays a place when someone else reports it, also when a
    // preposition puts it before the reporting verb.
    for (const std::string text :
         {"A car bomb killed 31 soldiers in Sukhnah, the activist said.",
          "Activists in Sukhnah said a car bomb killed 31 soldiers.",
          "A car bomb killed 31 soldiers in the town of Sukhnah said the monitor."}) {
        CAPTURE(text);
        const auto place = extract(text);
        REQUIRE(place.size() == 1);
        REQUIRE(place[0].where.place);
        CHECK(place[0].where.place->name == "Sukhnah");
    }
}

TEST_CASE("where attackers set out and where the wounded were taken are not the event's place",
          "[extract]") {
    for (const std::string text :
         {"A drone launched from its base in Maskanah killed two soldiers near Qaryatein.",
          "Rockets fired from positions in Maskanah killed two soldiers near Qaryatein.",
          "Shelling killed two men near Qaryatein, days after they fled Maskanah.",
          "A drone killed two men near Qaryatein, who were transferred to a hospital in Maskanah.",
          "A drone killed two men near Qaryatein and the wounded were rushed to Maskanah."}) {
        CAPTURE(text);
        const auto out = extract(text);
        REQUIRE(out.size() == 1);
        REQUIRE(out[0].where.place);
        CHECK(out[0].where.place->name == "Qaryatein");
    }
    // A hospital that is hit is the event's place.
    const auto hit = extract("Shells hit the hospital in Maskanah, killing two nurses.");
    REQUIRE(hit.size() == 1);
    REQUIRE(hit[0].where.place);
    CHECK(hit[0].where.place->name == "Maskanah");
}

TEST_CASE("a village named while telling the event refines a city or the countryside of a town",
          "[extract]") {
    test::FakeGazetteer gaz;
    gaz.add({"Homs"}, "governorate", 34.6, 38.0, "SY04");
    gaz.add({"Zahran"}, "city", 34.70, 36.70, "SY04");
    gaz.add({"Kafr Nabad"}, "village", 34.72, 36.75, "SY04");    // about 5 km from the city
    gaz.add({"Bir Saqi"}, "town", 34.74, 36.72, "SY04");         // a town of its own
    gaz.add({"Mazraat Hilal"}, "village", 34.90, 36.70, "SY04");  // about 22 km away
    auto place_of = [&](const std::string& text) {
        const auto out = test::extract_text(gaz, text, Date{2023, 3, 4}, "doc");
        REQUIRE(out.size() == 1);
        REQUIRE(out[0].where.place);
        return out[0].where.place->name;
    };
    const std::string in_city = "Shelling killed three civilians in Zahran on Friday. ";
    CHECK(place_of(in_city + "Rescuers worked through the night in Kafr Nabad.") == "Kafr Nabad");
    // Another town, or a village beyond the city's edge, is not where the city was hit.
    CHECK(place_of(in_city + "Rescuers worked through the night in Bir Saqi.") == "Zahran");
    CHECK(place_of(in_city + "Rescuers worked through the night in Mazraat Hilal.") == "Zahran");
    // The countryside of a town reaches farther.
    CHECK(place_of("A drone struck the northern countryside of Zahran on Friday, killing two "
                   "farmers. They were harvesting olives in the fields of Mazraat Hilal.") ==
          "Mazraat Hilal");
}
