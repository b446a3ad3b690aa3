// Event kinds beyond the killed-in-an-attack sentence: a shooting of one person, arrests,
// and the actor of shelling. Every text here is our own.
#include <catch2/catch.hpp>

#include "extract/extractor.hpp"
#include "fake_gazetteer.hpp"

using namespace incimap;

namespace {

struct World {
    test::FakeGazetteer gaz;
    World() {
        gaz.add({"Homs"}, "governorate", 34.6, 38.0, "SY04");
        gaz.add({"Qaryatein"}, "town", 34.23, 37.24, "SY04");
        gaz.add({"Maskanah"}, "town", 35.96, 38.03, "SY02");
    }
};

std::vector<Incident> extract(const std::string& text, std::optional<Date> published = {}) {
    return test::extract_text(World().gaz, text, published, "t2");
}

}  // namespace

TEST_CASE("a shooting of one named victim is an assassination with one killed", "[extract]") {
    const auto out = extract(
        "Separately, unknown gunmen shot dead a council official in Maskanah two days ago.",
        Date{2023, 6, 21});
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_type == "assassination");
    CHECK(out[0].casualties.killed.value == 1);
    CHECK(out[0].actor == "Unidentified armed group");
    CHECK(out[0].victims == "civilians");
    REQUIRE(out[0].where.place);
    CHECK(out[0].where.place->name == "Maskanah");
    CHECK(out[0].event_date == Date{2023, 6, 19});
}

TEST_CASE("arrests are an arrest event with the number captured", "[extract]") {
    const auto out = extract(
        "Police in Qaryatein have arrested at least three members of a local militia over "
        "their links to the group.");
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_type == "arrest");
    CHECK(out[0].casualties.captured.value == 3);
    CHECK_FALSE(out[0].casualties.killed.value);
}

TEST_CASE("regime artillery is the government's", "[extract][actors]") {
    const auto out = extract("Regime artillery shelled Qaryatein on Monday, killing two farmers.",
                             Date{2023, 4, 2});
    REQUIRE(out.size() == 1);
    CHECK(out[0].event_type == "shelling");
    CHECK(out[0].actor == "Syrian government forces");
    CHECK(out[0].casualties.killed.value == 2);
}

TEST_CASE("a general and four soldiers dead are five killed", "[extract]") {
    const auto out = extract("A roadside bomb near Qaryatein left a general and four soldiers dead.");
    REQUIRE(out.size() == 1);
    CHECK(out[0].casualties.killed.value == 5);
}

TEST_CASE("a road of the supplement is the place of an attack on it, not a town it names",
          "[extract][place]") {
    const auto db = Gazetteer::default_path();
    if (!std::filesystem::exists(db)) {
        WARN("skipped: no gazetteer database at " << db.string());
        return;
    }
    const auto gaz = Gazetteer::open(db);
    Resolver resolver(*gaz);
    Extractor ex(*gaz, resolver);
    for (const std::string road : {"on the Deir Ezzor-Homs road", "on Deir Ezzor-Homs road",
                                   "on the Damascus-al-Raqqah highway"}) {
        Article a;
        a.id = "road";
        a.text = "Militants ambushed a convoy " + road + ", killing 4 soldiers.";
        const auto out = ex.extract(a);
        INFO(a.text);
        REQUIRE(out.size() == 1);
        REQUIRE(out[0].where.place);
        CHECK(out[0].where.place->feature_type == "road");
        CHECK(out[0].where.geo_precision == 2);
    }
}
