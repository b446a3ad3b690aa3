// Ranking rules of the Resolver against a small hand-made gazetteer. Coordinates are rounded
// real ones so that distances behave as they do on the map; the texts are written for the test.
#include <catch2/catch.hpp>

#include "fake_gazetteer.hpp"
#include "gazetteer/context_hints.hpp"
#include "gazetteer/resolver.hpp"

using incimap::Candidate;
using incimap::ResolveContext;
using incimap::Resolver;
using incimap::test::FakeGazetteer;

namespace {

FakeGazetteer make_gazetteer() {
    FakeGazetteer g;
    g.add({"Syria", "Syrian", "Syrians"}, "country", 35.0, 38.5, "", "SY").precision_km = 400;
    g.add({"Homs"}, "governorate", 34.6, 38.0, "SY04");
    g.add({"Deir ez-Zor", "Deir Ezzor"}, "governorate", 35.2, 40.1, "SY09");
    g.add({"Ar-Raqqa", "Raqqa"}, "governorate", 35.9, 38.9, "SY11");
    g.add({"Damascus"}, "governorate", 33.5, 36.3, "SY01");
    g.add({"Rural Damascus"}, "governorate", 33.4, 36.6, "SY03");
    g.add({"Homs"}, "city", 34.73, 36.71, "SY04", "SY", 775000);
    g.add({"Damascus"}, "city", 33.51, 36.29, "SY01", "SY", 1700000);
    g.add({"Palmyra", "Tadmur", "تدمر"}, "city", 34.56, 38.28, "SY04", "SY", 51000);
    g.add({"As Sukhnah", "Sukhnah", "Es Sukhne", "السخنة"}, "town", 34.885, 38.871, "SY04");
    // Eleven places all written al-Tayba in English news: only one near al-Sukhnah.
    g.add({"At Tayyibah"}, "village", 35.089, 38.916, "SY04");
    g.add({"At Tayyibah"}, "village", 32.947, 35.721, "SY14");
    g.add({"At Tayyibah"}, "village", 36.198, 37.440, "SY02");
    g.add({"At Tayyibah"}, "village", 32.563, 36.244, "SY12");
    g.add({"Tayyibah"}, "village", 35.520, 36.019, "SY06");
    g.add({"Tayyibah"}, "village", 33.334, 36.201, "SY03");
    g.add({"Tayyibah"}, "village", 35.909, 37.372, "SY02");
    g.add({"Tayyibah"}, "village", 35.131, 37.446, "SY05");
    g.add({"At Tayyibah"}, "village", 32.767, 36.724, "SY13");
    g.add({"Tayba"}, "village", 36.00, 40.50, "SY08");
    g.add({"Taibeh"}, "village", 33.90, 35.60, "", "LB");
    g.add({"Janin", "Janine"}, "village", 34.894, 36.253, "SY10");
    g.add({"Jenin"}, "city", 32.461, 35.300, "", "PS", 39000);
    g.add({"Mosul"}, "city", 36.34, 43.13, "", "IQ", 1700000);
    g.add({"Nablus"}, "city", 32.22, 35.26, "", "PS", 126000);
    g.add({"Al Qaim", "Qaim"}, "town", 34.37, 41.09, "", "IQ", 74000);
    g.add({"Qaim"}, "village", 35.20, 36.50, "SY05");
    return g;
}

const Candidate& best(const std::vector<Candidate>& candidates) {
    REQUIRE_FALSE(candidates.empty());
    return candidates.front();
}

}  // namespace

TEST_CASE("an unknown name gives no candidates and does not throw", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    const Resolver r(g);
    CHECK(r.resolve("Xyzzyville", ResolveContext{}).empty());
    CHECK(r.resolve("", ResolveContext{}).empty());
}

TEST_CASE("a bare name prefers the big city to the governorate of the same name", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    const auto c = Resolver(g).resolve("Homs", ResolveContext{});
    REQUIRE(c.size() == 2);
    CHECK(c[0].place.feature_type == "city");
    CHECK(c[0].score > c[1].score);
    CHECK_FALSE(c[0].reasons.empty());
}

TEST_CASE("Syria and its adjective forms resolve to the country", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    const Resolver r(g);
    for (const char* name : {"Syria", "Syrian", "Syrians"}) {
        INFO(name);
        CHECK(best(r.resolve(name, ResolveContext{})).place.feature_type == "country");
    }
}

TEST_CASE("Arabic script resolves like the Latin name", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    const Resolver r(g);
    CHECK(best(r.resolve("تدمر", ResolveContext{})).place.name == "Palmyra");
    ResolveContext homs{"Clashes went on in the Homs desert east of the city.", {}, {}};
    CHECK(best(r.resolve("السخنة", homs)).place.name == "As Sukhnah");
}

TEST_CASE("resolves al-Tayba to the one near al-Sukhnah given Homs context", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    const Resolver r(g);
    ResolveContext context;
    context.text = "Gunmen hit a patrol in the al-Tayba area in al-Sukhna, in the eastern Homs "
                   "countryside, late on Monday.";
    const Candidate top = best(r.resolve("al-Tayba", context));
    CHECK(top.place.point.lat == Approx(35.089));
    CHECK(top.place.point.lon == Approx(38.916));
}

TEST_CASE("without context al-Tayyiba is ambiguous and no single village stands out by far", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    const auto c = Resolver(g).resolve("al-Tayyiba", ResolveContext{});
    REQUIRE(c.size() >= 9);
    CHECK(c[0].score - c[1].score < 0.5);
}

TEST_CASE("a governorate given as a P-code hint decides between same-named villages", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    ResolveContext context;
    context.admin1_pcodes = {"SY13"};
    const Candidate top = best(Resolver(g).resolve("Tayyibah", context));
    CHECK(top.place.admin.admin1_pcode == "SY13");
}

TEST_CASE("a point already resolved nearby decides between same-named villages", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    ResolveContext context;
    context.nearby = {{36.0, 35.5}};  // lon, lat: near the Lattakia one
    const Candidate top = best(Resolver(g).resolve("Tayyibah", context));
    CHECK(top.place.admin.admin1_pcode == "SY06");
}

TEST_CASE("Jenin in a West Bank story is the Palestinian city, not the village in Tartus", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    const Resolver r(g);
    ResolveContext context;
    context.text = "Troops raided Jenin in the occupied West Bank and two Palestinians were "
                   "wounded, medics said.";
    const Candidate top = best(r.resolve("Jenin", context));
    CHECK(top.place.country_code == "PS");
    CHECK(top.place.admin.empty());
}

TEST_CASE("a Syrian story about Janin keeps the Syrian village", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    ResolveContext context;
    context.text = "Syrian state media said a shell fell on Janin in the Tartus countryside.";
    CHECK(best(Resolver(g).resolve("Janin", context)).place.country_code == "SY");
}

TEST_CASE("an Iraqi story resolves Qaim to the Iraqi border town", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    ResolveContext context;
    context.text = "Iraqi officials said the crossing at al-Qaim reopened for trucks.";
    CHECK(best(Resolver(g).resolve("al-Qaim", context)).place.country_code == "IQ");
}

TEST_CASE("out-of-country names resolve to their own country", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    CHECK(best(Resolver(g).resolve("Mosul", ResolveContext{})).place.country_code == "IQ");
    CHECK(best(Resolver(g).resolve("Nablus", ResolveContext{})).place.country_code == "PS");
}

TEST_CASE("an area name such as Raqqa province resolves to the governorate", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    const Candidate top = best(Resolver(g).resolve("Raqqa province", ResolveContext{}));
    CHECK(top.place.feature_type == "governorate");
    CHECK(top.place.admin.admin1_pcode == "SY11");
}

TEST_CASE("candidates are ordered best first and carry their reasons", "[resolver]") {
    const FakeGazetteer g = make_gazetteer();
    ResolveContext context;
    context.text = "Fighting near Palmyra spread south of Raqqa province.";
    const auto c = Resolver(g).resolve("Tayyibah", context);
    for (std::size_t i = 1; i < c.size(); ++i) CHECK(c[i - 1].score >= c[i].score);
    for (const Candidate& x : c) CHECK_FALSE(x.reasons.empty());
}

TEST_CASE("governorate hints are found in the usual phrasings", "[resolver][hints]") {
    const FakeGazetteer g = make_gazetteer();
    auto pcodes = [&](const char* text) {
        std::vector<std::string> out;
        for (const auto& h : incimap::governorate_hints(text, g)) out.push_back(h.pcode);
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(pcodes("shelling in the Homs countryside") == V{"SY04"});
    CHECK(pcodes("a raid in the countryside of Deir Ezzor at dawn") == V{"SY09"});
    CHECK(pcodes("a convoy in eastern Homs was hit") == V{"SY04"});
    CHECK(pcodes("southwest of Raqqa province, near the lake") == V{"SY11"});
    CHECK(pcodes("mortars hit the Damascus countryside") == V{"SY03"});
    CHECK(pcodes("the countryside was quiet and the province calm").empty());
    CHECK(pcodes("Officials in Homs said nothing.").empty());
}

TEST_CASE("country words are counted on word boundaries", "[resolver][hints]") {
    const auto counts = incimap::country_mentions("Iraqi and Syrian troops met near the Iraq border; Syrianness aside.");
    CHECK(counts.at("IQ") == 2);
    CHECK(counts.at("SY") == 1);
    CHECK(counts.count("PS") == 0);
}

TEST_CASE("great-circle distance matches a known figure", "[resolver]") {
    // Damascus to Aleppo is about 310 km as the crow flies.
    CHECK(incimap::great_circle_km({36.29, 33.51}, {37.16, 36.20}) == Approx(310).margin(10));
}

TEST_CASE("a short name written out in full in the text resolves to the longer name", "[resolver]") {
    FakeGazetteer g = make_gazetteer();
    g.add({"al-Omar oil field", "Omar oil field"}, "oil_field", 35.02, 40.56, "SY09");
    g.add({"Omar"}, "village", 34.75, 36.26, "SY04");
    ResolveContext context;
    context.text = "Drones circled over the al-Omar oil field before dawn.";
    const auto c = Resolver(g).resolve("al-Omar", context);
    REQUIRE(c.size() >= 2);
    CHECK(c[0].place.feature_type == "oil_field");
    CHECK(Resolver(g).resolve("al-Omar", ResolveContext{}).front().place.feature_type == "village");
}
