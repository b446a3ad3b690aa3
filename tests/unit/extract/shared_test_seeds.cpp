// The five seed articles in ../shared/seeds against the real gazetteer: the incidents an
// analyst would map, one expectation at a time. Needs a built gazetteer.sqlite
// ($INCIMAP_GAZETTEER or the build tree's); skips without it or without ../shared.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "extract/casualties.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolver.hpp"
#include "shared_data.hpp"

using namespace incimap;

namespace {

std::unique_ptr<Gazetteer> open_gazetteer() {
    std::filesystem::path db = Gazetteer::default_path();
    if (!std::filesystem::exists(db)) {
        WARN("skipped: no gazetteer database at " << db.string());
        return nullptr;
    }
    return Gazetteer::open(db);
}

Article seed(const std::string& prefix, std::optional<Date> published = std::nullopt) {
    for (const auto& e : std::filesystem::directory_iterator(test::shared_dir() / "seeds"))
        if (e.path().filename().string().starts_with(prefix)) {
            std::ifstream in(e.path());
            std::stringstream ss;
            ss << in.rdbuf();
            Article a;
            a.id = e.path().stem().string();
            a.text = ss.str();
            a.published = published;
            return a;
        }
    FAIL("seed " << prefix << " not found");
    return {};
}

const Incident* find(const std::vector<Incident>& all, int killed) {
    for (const Incident& in : all)
        if (in.casualties.killed.value == killed) return &in;
    return nullptr;
}

bool near(const Incident& in, double lat, double lon, double tol) {
    INFO("place_text '" << in.where.text << "' -> " << (in.where.place ? in.where.place->name : "-")
                        << " at " << in.where.point.lat << "N " << in.where.point.lon << "E p"
                        << in.where.geo_precision);
    return in.where.place && std::abs(in.where.point.lat - lat) < tol &&
           std::abs(in.where.point.lon - lon) < tol;
}

}  // namespace

TEST_CASE("seed 001: ten killed by landmines at al-Tayba near al-Sukhnah", "[shared][seeds]") {
    if (!test::have_shared()) return;
    auto gaz = open_gazetteer();
    if (!gaz) return;
    Resolver resolver(*gaz);
    Extractor ex(*gaz, resolver);
    const auto out = ex.extract(seed("001"));
    const Incident* lead = find(out, 10);
    REQUIRE(lead);
    CHECK(lead->event_type == "landmine");
    CHECK(lead->role == IncidentRole::current);
    CHECK(near(*lead, 35.09, 38.92, 0.1));
    CHECK(lead->where.admin.admin1_pcode == "SY04");

    const Incident* buses = find(out, 39);
    REQUIRE(buses);
    CHECK(buses->role == IncidentRole::background);
    CHECK(buses->where.admin.admin1_pcode == "SY09");

    CHECK_FALSE(find(out, 1199));
    // "in al-Shula desert on Deir Ezzor-Homs road": al-Shoula, a named place on the road,
    // near Deir ez-Zor's Ash Shula rather than Deir ez-Zor city.
    CHECK(buses->where.geo_precision == 2);
    CHECK(near(*buses, 35.186, 39.849, 0.1));
    const Incident* highway = find(out, 15);
    REQUIRE(highway);
    REQUIRE(highway->where.place);
    CHECK(highway->where.place->feature_type == "road");
    CHECK(highway->where.geo_precision == 2);
    for (const Incident& in : out) {
        const bool meanwhile = in.evidence.rfind("Meanwhile", 0) == 0;
        const bool village = in.where.place && in.where.place->feature_type == "village";
        CHECK_FALSE((meanwhile && village));
    }
    for (const Incident& in : out) CHECK(in.evidence.find("Jenin") == std::string::npos);

    // Air strikes in a list of three governorates: governorate level in the first named, and
    // the next sentence's tally of attacks ("killing and injuring dozens") is not their toll.
    const auto strikes = std::find_if(out.begin(), out.end(), [](const Incident& in) {
        return in.event_type == "air_strike";
    });
    REQUIRE(strikes != out.end());
    CHECK(strikes->where.geo_precision == 3);
    CHECK(strikes->where.admin.admin1_pcode == "SY02");
    CHECK(strikes->where.text.find("Raqqa") != std::string::npos);
    CHECK_FALSE(mentioned(strikes->casualties.killed));
}

TEST_CASE("seed 002: the Palmyra desert incidents with their offsets", "[shared][seeds]") {
    if (!test::have_shared()) return;
    auto gaz = open_gazetteer();
    if (!gaz) return;
    Resolver resolver(*gaz);
    Extractor ex(*gaz, resolver);
    const auto out = ex.extract(seed("002", Date{2022, 3, 8}));
    const Incident* basateen = find(out, 3);
    REQUIRE(basateen);
    CHECK(basateen->casualties.injured.value == 2);
    CHECK(basateen->where.geo_precision == 2);
    CHECK(basateen->where.point.lat < 34.56);  // south of Palmyra
    CHECK(basateen->where.admin.admin1_pcode == "SY04");

    const Incident* dibsi = find(out, 2);
    REQUIRE(dibsi);
    CHECK(dibsi->where.admin.admin1_pcode == "SY11");
    INFO("place_text '" << dibsi->where.text << "'");
    CHECK(dibsi->where.geo_precision == 2);

    const Incident* bus = find(out, 15);
    REQUIRE(bus);
    CHECK(bus->casualties.injured.value == 18);
    CHECK(bus->event_date == Date{2022, 3, 6});
    CHECK(bus->where.admin.admin1_pcode == "SY04");

    CHECK_FALSE(find(out, 61));
    // The lead's five sums 3 + 2 and is dropped; the five of November last year ("a general
    // and four soldiers dead") is another, recalled event.
    const Incident* november = find(out, 5);
    REQUIRE(november);
    CHECK(november->evidence.find("a general and four soldiers") != std::string::npos);
    CHECK(november->role == IncidentRole::background);
    CHECK(november->event_type == "attack");
    for (const Incident& in : out) {
        INFO(in.evidence);
        CHECK((!in.where.place || in.where.place->name.find("Ibrahim") == std::string::npos));
    }

    // The Damascus bus bombing of October last year keeps its own date; the bombing of March
    // 2017 told in the next sentence is another event.
    const Incident* damascus = find(out, 14);
    REQUIRE(damascus);
    CHECK(damascus->event_date == Date{2021, 10, 1});
    CHECK(find(out, 30));
    // The convoy attack recalled "Earlier in January" is not the Hasakeh prison assault.
    const Incident* convoy = find(out, 9);
    REQUIRE(convoy);
    CHECK(convoy->evidence.rfind("Earlier", 0) == 0);
    CHECK_FALSE(convoy->where.place);
    const auto hasakeh = std::find_if(out.begin(), out.end(), [](const Incident& in) {
        return in.where.place && in.where.admin.admin1_pcode == "SY08";
    });
    REQUIRE(hasakeh != out.end());
    CHECK(hasakeh->casualties.killed.value > 300);

    // Without a publication date "October last year" stays unresolved, and March 2017 still
    // must not date it; the recalled months keep their events apart.
    const auto undated = ex.extract(seed("002"));
    const Incident* damascus_undated = find(undated, 14);
    REQUIRE(damascus_undated);
    CHECK_FALSE(damascus_undated->event_date);
    REQUIRE(find(undated, 9));
    REQUIRE(find(undated, 5));
    CHECK(find(undated, 5)->evidence.find("a general and four soldiers") != std::string::npos);
}

TEST_CASE("seed 003: two soldiers killed near al-Sukhnah on June 23", "[shared][seeds]") {
    if (!test::have_shared()) return;
    auto gaz = open_gazetteer();
    if (!gaz) return;
    Resolver resolver(*gaz);
    Extractor ex(*gaz, resolver);
    const auto out = ex.extract(seed("003", Date{2022, 6, 25}));
    const Incident* sukhnah = find(out, 2);
    REQUIRE(sukhnah);
    CHECK(sukhnah->casualties.injured.value == 1);
    CHECK(sukhnah->event_date == Date{2022, 6, 23});
    CHECK(sukhnah->role == IncidentRole::current);
    CHECK(near(*sukhnah, 34.885, 38.871, 0.1));
    for (const Incident& in : out) CHECK(in.evidence.find("Ziocorporate") == std::string::npos);

    const auto undated = ex.extract(seed("003"));
    const Incident* u = find(undated, 2);
    REQUIRE(u);
    CHECK_FALSE(u->event_date);
}

TEST_CASE("seed 000: six civilians killed by a landmine in the Homs countryside",
          "[shared][seeds]") {
    if (!test::have_shared()) return;
    auto gaz = open_gazetteer();
    if (!gaz) return;
    Resolver resolver(*gaz);
    Extractor ex(*gaz, resolver);
    const auto out = ex.extract(seed("000"));
    const Incident* six = find(out, 6);
    REQUIRE(six);
    CHECK(six->event_type == "landmine");
    CHECK(six->where.geo_precision == 3);
    CHECK(six->where.admin.admin1_pcode == "SY04");
    CHECK(six->where.admin.admin2_pcode.empty());
    CHECK_FALSE(find(out, 26549));
}

TEST_CASE("seed 004: four killed and two injured near al-Sukhna city", "[shared][seeds]") {
    if (!test::have_shared()) return;
    auto gaz = open_gazetteer();
    if (!gaz) return;
    Resolver resolver(*gaz);
    Extractor ex(*gaz, resolver);
    const auto out = ex.extract(seed("004"));
    const Incident* four = find(out, 4);
    REQUIRE(four);
    CHECK(four->casualties.injured.value == 2);
    INFO("place_text '" << four->where.text << "'");
    CHECK(four->where.geo_precision == 2);
    CHECK(near(*four, 34.885, 38.871, 0.1));
    CHECK(four->event_type == "attack");
    CHECK_FALSE(four->casualties.captured.value);
    CHECK_FALSE(find(out, 61));

    // "Security forces in Badia have arrested at least three members of the National Defense
    // Forces": an arrest of three, not part of the attack.
    const auto arrest = std::find_if(out.begin(), out.end(),
                                     [](const Incident& in) { return in.event_type == "arrest"; });
    REQUIRE(arrest != out.end());
    CHECK(arrest->casualties.captured.value == 3);
    CHECK_FALSE(arrest->casualties.killed.value);

    // The bus attack of a month before is recalled, in the Badia (a region, precision 3).
    const auto bus = std::find_if(out.begin(), out.end(), [](const Incident& in) {
        return in.evidence.find("military bus") != std::string::npos;
    });
    REQUIRE(bus != out.end());
    CHECK(bus->role == IncidentRole::background);
    CHECK(bus->where.geo_precision == 3);
    // "dozens of soldiers were killed and injured": an open split over the word's range, no
    // figure (the other report of this attack, in seed 002, says 15 killed and 18 injured).
    CHECK_FALSE(bus->casualties.killed.value);
    CHECK(bus->casualties.killed.vague);
    CHECK(bus->casualties.killed.high == 99);
}

TEST_CASE("with the real gazetteer, a town only loosely spelled and unsupported is no place",
          "[shared][places]") {
    const auto gazetteer = open_gazetteer();
    if (!gazetteer) return;
    const Resolver resolver(*gazetteer);
    const Extractor ex(*gazetteer, resolver);
    Article a;
    a.id = "quarter";
    // al-Qasa'a, a quarter of Damascus the gazetteer lacks, shares its consonants with the
    // town of al-Kiswah; nothing in the text points there.
    a.text = "Three mortar shells landed near the hospital in al-Qasa'a, killing eight people.";
    const auto out = ex.extract(a);
    REQUIRE(out.size() == 1);
    CHECK_FALSE(out[0].where.place);
}
