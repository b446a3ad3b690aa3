#include <catch2/catch.hpp>
#include <cmath>

#include "extract/extractor.hpp"
#include "extract/incident_json.hpp"
#include "extract/place_linker.hpp"
#include "fake_gazetteer.hpp"

using namespace incimap;

namespace {

struct World {
    test::FakeGazetteer gaz;
    World() {
        gaz.add({"Homs"}, "governorate", 34.6, 38.0, "SY04");
        gaz.add({"Raqqa"}, "governorate", 35.8, 38.8, "SY11");
        gaz.add({"Qaryatein"}, "town", 34.23, 37.24, "SY04");
        gaz.add({"Bir Hamad"}, "village", 34.30, 37.30, "SY04");
        gaz.add({"Bir Hamad"}, "village", 36.9, 36.2, "SY02");  // a homonym far away
        gaz.add({"Maskanah"}, "town", 35.96, 38.03, "SY02");
        gaz.add({"Nablus"}, "city", 32.22, 35.26, "", "PS");
        gaz.add({"Tell Safa"}, "village", 34.2, 38.0, "SY04");  // 200 km south of Maskanah
    }
};

Article article(std::string text, std::optional<Date> published = std::nullopt) {
    Article a;
    a.id = "t1";
    a.text = std::move(text);
    a.published = published;
    return a;
}

}  // namespace

TEST_CASE("offsets a point along a compass bearing", "[extract][place]") {
    const LonLat p = destination({38.0, 34.0}, 180, 10);
    CHECK(p.lon == Approx(38.0).margin(1e-9));
    CHECK(p.lat == Approx(34.0 - 10 / 111.195).epsilon(1e-3));
    const LonLat e = destination({38.0, 34.0}, 90, 20);
    CHECK(e.lat == Approx(34.0).margin(0.01));
    CHECK(e.lon > 38.2);
}

TEST_CASE("extracts a landmine incident with its count, place and date", "[extract]") {
    World w;
    Resolver resolver(w.gaz);
    Extractor ex(w.gaz, resolver);
    auto out = ex.extract(article(
        "Guards hurt in desert\n\nFour herders were killed on Sunday when a landmine exploded "
        "near the town of Qaryatein in the eastern Homs countryside.",
        Date{2023, 5, 10}));
    REQUIRE(out.size() == 1);
    const Incident& in = out[0];
    CHECK(in.event_type == "landmine");
    CHECK(in.casualties.killed.value == 4);
    CHECK(in.victims == "civilians");
    REQUIRE(in.where.place);
    CHECK(in.where.place->name == "Qaryatein");
    CHECK(in.where.geo_precision == 2);
    CHECK(in.event_date == Date{2023, 5, 7});
    CHECK(in.role == IncidentRole::current);
    CHECK(in.confidence > 0.5);
    CHECK(in.confidence <= 1.0);
}

TEST_CASE("offsets the point for a compass phrase and keeps governorate-level areas coarse",
          "[extract]") {
    World w;
    Resolver resolver(w.gaz);
    Extractor ex(w.gaz, resolver);
    auto out = ex.extract(article(
        "Three soldiers were killed in an ambush 20 km east of Maskanah on Friday.\n"
        "Separately, two shepherds were killed by a mine explosion in Raqqa province."));
    REQUIRE(out.size() == 2);
    CHECK(out[0].event_type == "ambush");
    CHECK(out[0].where.geo_precision == 2);
    CHECK(out[0].where.point.lon > 38.2);
    CHECK(out[1].where.geo_precision == 3);
    CHECK(out[1].where.admin.admin1_pcode == "SY11");
    CHECK(out[1].where.admin.admin2_pcode.empty());
}

TEST_CASE("a measured offset right after a name frames it", "[extract][place]") {
    World w;
    Resolver resolver(w.gaz);
    Extractor ex(w.gaz, resolver);
    // Neither Bir Hamad lies anywhere near Maskanah: the raid is placed 20 km south of the town.
    auto out = ex.extract(article(
        "Two guards were killed in a raid on Bir Hamad village 20 km southern Maskanah town on "
        "Monday."));
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Maskanah");
    CHECK(out[0].where.geo_precision == 2);
    CHECK(out[0].where.point.lat == Approx(35.96 - 20 / 111.195).epsilon(1e-3));
    // A village near the offset point is the place, however far that is from the town.
    auto far = ex.extract(article(
        "Two guards were killed in a raid on Tell Safa village 200 km south of Maskanah town."));
    REQUIRE(far.size() == 1);
    REQUIRE(far[0].where.place);
    CHECK(far[0].where.place->name == "Tell Safa");
    // Without a distance, "southern" names no offset.
    auto side = ex.extract(article("Two guards were killed in a raid on southern Maskanah town."));
    REQUIRE(side.size() == 1);
    REQUIRE(side[0].where.place);
    CHECK(side[0].where.geo_precision == 1);
}

TEST_CASE("rejects a homonym far from the place that frames it", "[extract]") {
    World w;
    Resolver resolver(w.gaz);
    Extractor ex(w.gaz, resolver);
    auto out = ex.extract(article(
        "Two guards were killed in a blast in Bir Hamad area in Qaryatein on Monday."));
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Bir Hamad");
    CHECK(out[0].where.admin.admin1_pcode == "SY04");
}

TEST_CASE("attaches counts from a sentence that continues the event", "[extract]") {
    World w;
    Resolver resolver(w.gaz);
    Extractor ex(w.gaz, resolver);
    auto out = ex.extract(article(
        "Gunmen attacked a checkpoint near the town of Qaryatein on Tuesday. Fierce clashes "
        "followed. As a result, three guards were killed and another one was injured."));
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 3);
    CHECK(out[0].casualties.injured.value == 1);
}

TEST_CASE("leaves out tallies and claim counts", "[extract]") {
    World w;
    Resolver resolver(w.gaz);
    Extractor ex(w.gaz, resolver);
    CHECK(ex.extract(article("So far this year 70 guards had been killed in attacks in Homs."))
              .empty());
    CHECK(ex.extract(article("The group claimed 4,000 attacks in 3 years.")).empty());
}

TEST_CASE("marks recalled events as background", "[extract]") {
    World w;
    Resolver resolver(w.gaz);
    Extractor ex(w.gaz, resolver);
    auto out = ex.extract(article(
        "Four herders were killed on Sunday by a landmine near Qaryatein.\n"
        "Last year, 9 drivers were killed in a car bomb in Maskanah.",
        Date{2023, 5, 10}));
    REQUIRE(out.size() == 2);
    CHECK(out[0].role == IncidentRole::current);
    CHECK(out[1].role == IncidentRole::background);
    CHECK(out[1].date_precision == DatePrecision::year);
    CHECK(out[1].event_date == Date{2022, 1, 1});
}

TEST_CASE("never puts an event of another country in Syria", "[extract]") {
    World w;
    Resolver resolver(w.gaz);
    Extractor ex(w.gaz, resolver);
    auto out = ex.extract(article(
        "In the West Bank, two policemen were killed in clashes in Nablus on Sunday."));
    for (const Incident& in : out) CHECK(in.where.country_code != "SY");
}

TEST_CASE("writes every property of the contract", "[extract][json]") {
    Incident in;
    in.article_id = "a";
    in.event_type = "landmine";
    in.casualties.killed = Count::exact(3);
    in.incident_id = make_incident_id("a", 10, "landmine");
    const auto j = incident_to_json(in);
    for (auto key : {"incident_id", "article_id", "role", "event_type", "event_date",
                     "date_precision", "killed", "injured", "captured", "killed_low",
                     "killed_high", "actor", "victims", "place_text", "place_name", "place_id",
                     "geo_precision", "country_code", "admin1_name", "admin1_pcode", "admin2_name",
                     "admin2_pcode", "evidence", "confidence"})
        CHECK(j.contains(key));
    CHECK(j["killed"] == 3);
    CHECK(j["injured"].is_null());
    CHECK(j["event_date"].is_null());
    CHECK(make_incident_id("a", 10, "landmine") == in.incident_id);
    CHECK(make_incident_id("a", 11, "landmine") != in.incident_id);
}

TEST_CASE("a village far from every governorate the text names is a homonym", "[extract][place]") {
    World w;
    w.gaz.add({"Tell Salma"}, "village", 36.9, 36.2, "SY02");  // only a namesake in Aleppo
    Resolver resolver(w.gaz);
    Extractor ex(w.gaz, resolver);
    auto out = ex.extract(article(
        "Two guards were killed in Tell Salma, in the eastern Homs countryside, on Monday."));
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.geo_precision == 3);
    CHECK(out[0].where.admin.admin1_pcode == "SY04");
}

TEST_CASE("a district of a city is looked for inside the city", "[extract][place]") {
    World w;
    w.gaz.add({"Homs city", "Homs"}, "city", 34.73, 36.71, "SY04");
    w.gaz.add({"Khalidiya"}, "village", 35.08, 36.73, "SY05");  // a namesake 39 km away
    Resolver resolver(w.gaz);
    Extractor ex(w.gaz, resolver);
    auto out = ex.extract(article("Shells hit the Homs district of Khalidiya on Monday, killing two."));
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name != "Khalidiya");
}

TEST_CASE("a village in the eastern countryside lies east of the governorate's city",
          "[extract][place]") {
    test::FakeGazetteer gaz;
    gaz.add({"Deir ez-Zor"}, "governorate", 35.2, 40.3, "SY09");
    gaz.add({"Deir ez-Zor"}, "city", 35.34, 40.14, "SY09");
    gaz.add({"Shafa"}, "village", 35.42, 39.48, "SY09").population = 5000;  // west of the city
    gaz.add({"Shafa"}, "village", 34.58, 40.93, "SY09");                     // east of it
    Resolver resolver(gaz);
    Extractor ex(gaz, resolver);
    auto out = ex.extract(article("A roadside bomb killed two men in the town of Shafa in the "
                                  "eastern countryside of Deir ez-Zor."));
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->point.lon == Approx(40.93));
    // "the southern province of Daraa" names the country's side, not the province's: no side.
    auto province = ex.extract(article("A roadside bomb killed two men in the town of Shafa in the "
                                       "eastern province of Deir ez-Zor."));
    REQUIRE(province.size() == 1);
    REQUIRE(province[0].where.place);
    CHECK(province[0].where.place->point.lon == Approx(39.48));
}

TEST_CASE("a neighbour's province written as ground sets the scene in that country",
          "[extract][place]") {
    test::FakeGazetteer gaz;
    gaz.add({"Idlib"}, "governorate", 35.8, 36.6, "SY07");
    gaz.add({"Sinjar"}, "village", 35.6, 36.9, "SY07");  // a Syrian namesake
    gaz.add({"Sinjar"}, "town", 36.32, 41.87, "", "IQ");
    Resolver resolver(gaz);
    Extractor ex(gaz, resolver);
    const auto out = ex.extract(article(
        "A drone struck a car in the Sinjar district of Nineveh province on Monday, killing two men."));
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.country_code == "IQ");
    // Where the wounded were taken is no scene.
    const auto taken = ex.extract(article(
        "A car bomb killed two men in Sinjar in Idlib on Monday, and the wounded were taken to "
        "hospitals in Mardin."));
    REQUIRE(taken.size() == 1);
    REQUIRE(taken[0].where.place);
    CHECK(taken[0].where.country_code == "SY");
}

TEST_CASE("a suburb of Damascus lies in Rural Damascus", "[extract][place]") {
    test::FakeGazetteer gaz;
    gaz.add({"Damascus"}, "governorate", 33.51, 36.27, "SY01");
    gaz.add({"Damascus"}, "city", 33.51, 36.29, "SY01");
    gaz.add({"Rural Damascus"}, "governorate", 33.45, 37.44, "SY03");
    gaz.add({"Aleppo"}, "city", 36.2, 37.16, "SY02");
    Resolver resolver(gaz);
    Extractor ex(gaz, resolver);
    for (const std::string where : {"a suburb of Damascus", "the Damascus suburbs"}) {
        CAPTURE(where);
        const auto out = ex.extract(article("A car bomb went off in " + where + " on Friday, killing two guards."));
        REQUIRE(out.size() == 1);
        REQUIRE(out[0].where.place);
        CHECK(out[0].where.geo_precision == 3);
        CHECK(out[0].where.admin.admin1_pcode == "SY03");
    }
    // A city with no rural governorate of its own keeps its suburbs near it.
    const auto aleppo = ex.extract(article("A car bomb went off in a suburb of Aleppo, killing two guards."));
    REQUIRE(aleppo.size() == 1);
    REQUIRE(aleppo[0].where.place);
    CHECK(aleppo[0].where.place->name == "Aleppo");
    CHECK(aleppo[0].where.geo_precision == 2);
}
