// Place rules of the extractor against the real gazetteer (built from ../shared/data): names
// that share their consonants with some village, governorates of the country around a city,
// and a governorate's name read as its capital. The reports are written for these tests.
#include <algorithm>
#include <catch2/catch.hpp>

#include "extract/extractor.hpp"
#include "geo/geos_context.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolver.hpp"
#include "shared_data.hpp"

using namespace incimap;

namespace {

// The incidents of one invented report, read with the real gazetteer; nullopt (and a warning
// that CTest shows as a skip) when the gazetteer has not been built.
std::optional<std::vector<Incident>> extract(std::string text) {
    const std::filesystem::path db = Gazetteer::default_path();
    if (!test::have_shared() || !std::filesystem::exists(db)) {
        WARN("skipped: no gazetteer database at " << db.string());
        return std::nullopt;
    }
    static const std::unique_ptr<Gazetteer> gazetteer = Gazetteer::open(db);
    const Resolver resolver(*gazetteer);
    const Extractor extractor(*gazetteer, resolver);
    Article a;
    a.id = "invented";
    a.text = std::move(text);
    return extractor.extract(a);
}

std::string where(const Incident& in) {
    return in.where.text + " -> " + (in.where.place ? in.where.place->name : "-") + " (" +
           in.where.admin.admin1_pcode + ", precision " + std::to_string(in.where.geo_precision) + ")";
}

}  // namespace

TEST_CASE("a person's name spelled like a village is not the place of the event", "[shared][place]") {
    // "Qasim" shares its consonants with the village Jasim in Daraa; "Hussein" with Husayn.
    const auto out = extract(
        "A drone strike on a car near the border with Lebanon killed Faris Qasim, a commander, "
        "on Wednesday. His cousin Muhammad al-Hussein was wounded.");
    if (!out) return;
    REQUIRE_FALSE(out->empty());
    for (const Incident& in : *out) {
        INFO(where(in));
        CHECK_FALSE((in.where.place && (in.where.place->feature_type == "village" ||
                                        in.where.place->feature_type == "town")));
    }
}

TEST_CASE("a looser spelling written as a town is still the town", "[shared][place]") {
    // The gazetteer spells it Kafr Zita; reports write Kafr Zeita.
    const auto out = extract("Two farmers were killed when shells hit Kafr Zeita town in northern Hama.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    const Incident& in = out->front();
    INFO(where(in));
    REQUIRE(in.where.place);
    CHECK(great_circle_km(in.where.point, {36.60, 35.37}) < 5);
    CHECK(in.where.admin.admin1_pcode == "SY05");
}

TEST_CASE("rural Damascus is the governorate around the capital", "[shared][place]") {
    const auto out = extract("A mine killed two boys tending goats in rural Damascus on Sunday.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    CHECK(out->front().where.geo_precision == 3);
    CHECK(out->front().where.admin.admin1_pcode == "SY03");
}

TEST_CASE("a headline's governorate name is not its capital when the lead says countryside",
          "[shared][place]") {
    const auto out = extract(
        "Mine blast in Deir Ezzor kills a shepherd\n\n"
        "A shepherd was killed on Friday when a landmine exploded in the Deir Ezzor countryside. "
        "He had taken his sheep to Shola town in the western Deir Ezzor countryside.");
    if (!out) return;
    REQUIRE_FALSE(out->empty());
    const Incident& lead = out->front();
    INFO(where(lead));
    REQUIRE(lead.where.place);
    CHECK(lead.where.place->name != "Deir ez-Zor");
    CHECK(great_circle_km(lead.where.point, {39.849, 35.186}) < 5);  // Ash Shula
}

TEST_CASE("a village the text places well is kept beside a far namesake of another name",
          "[shared][place]") {
    // Al Jarba lies in the Eastern Ghouta; the gazetteer's villages called Al Marj are in the north.
    const auto out = extract(
        "Three children were killed this morning when a mine exploded in the village of Al-Jarba "
        "in rural Damascus, said a teacher from Al-Marj.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    REQUIRE(out->front().where.place);
    CHECK(great_circle_km(out->front().where.point, {36.536, 33.517}) < 3);
}

TEST_CASE("a village framed by a governorate is looked for inside that governorate",
          "[shared][place]") {
    // Another governorate named in the report must not pull "Hama" to a namesake elsewhere.
    const auto out = extract(
        "Jets struck Kafr Zita village in Hama countryside, killing a farmer. In Idlib "
        "countryside, militias shelled the city of Saraqeb.");
    if (!out) return;
    REQUIRE_FALSE(out->empty());
    INFO(where(out->front()));
    REQUIRE(out->front().where.place);
    CHECK(great_circle_km(out->front().where.point, {36.60, 35.37}) < 5);
}

TEST_CASE("a news agency named after a place is no place", "[shared][place]") {
    const auto out = extract(
        "Two children were wounded by Turkish shelling on the Ain Issa district on Saturday, "
        "according to Hawar Agency.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    REQUIRE(out->front().where.place);
    CHECK(great_circle_km(out->front().where.point, {38.87, 36.39}) < 10);  // Ain Issa
}

TEST_CASE("towns in a governorate's name make it the governorate, a town's name with city stays the town",
          "[shared][place]") {
    auto out = extract("Police arrested twenty men in three towns in Daraa on Sunday.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    CHECK(out->front().where.geo_precision == 3);
    CHECK(out->front().where.admin.admin1_pcode == "SY12");

    out = extract(
        "Jets bombed areas in al-Tabaqa city in the western countryside of Raqqa, killing five people.");
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    CHECK(out->front().where.geo_precision < 3);
    CHECK(out->front().where.admin.admin1_pcode == "SY11");
}

TEST_CASE("a village unknown inside the governorate that frames it gives the governorate, not a namesake elsewhere",
          "[shared][place]") {
    // The gazetteer has no al-Mariya in Deir ez-Zor; its skeleton matches places in Idleb.
    for (const char* text :
         {"A shepherd was wounded by a mine in al-Mariya in the eastern countryside of Deir ez-Zor.",
          "A shepherd was wounded by a mine in al-Mariya in Deir ez-Zor's eastern countryside."}) {
        const auto out = extract(text);
        if (!out) return;
        REQUIRE(out->size() == 1);
        INFO(text << " -> " << where(out->front()));
        CHECK(out->front().where.geo_precision == 3);
        CHECK(out->front().where.admin.admin1_pcode == "SY09");
    }
}

TEST_CASE("a name placed by a city after a comma lies near that city", "[shared][place]") {
    for (const char* text : {"Gunmen killed a teacher in the village of al-Mariya, Deir ez-Zor.",
                             "Gunmen killed a teacher in al-Mariya, east of Deir ez-Zor."}) {
        const auto out = extract(text);
        if (!out) return;
        REQUIRE(out->size() == 1);
        INFO(text << " -> " << where(out->front()));
        REQUIRE(out->front().where.place);
        CHECK(out->front().where.geo_precision == 2);  // near the city, not at its centre
        CHECK(great_circle_km(out->front().where.point, {40.14, 35.33}) < 15);
    }
}

TEST_CASE("the countryside of a large town is the area around it, not its governorate",
          "[shared][place]") {
    // Manbij is a large town of Aleppo governorate, not the governorate's namesake.
    const auto out = extract("A Turkish drone killed two fighters in the countryside of Manbij.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    CHECK(out->front().where.geo_precision == 2);
    CHECK(great_circle_km(out->front().where.point, {37.95, 36.53}) < 10);
}

TEST_CASE("a town loosely spelled is not displaced by a village that bears the spelling",
          "[shared][place]") {
    // "Sallmiyya" is how a village of Lattakia is spelled; the text means Salamiyah in Hama.
    const auto out = extract("Rockets wounded four farmers in the northern countryside of Sallmiyya.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    CHECK(out->front().where.admin.admin1_pcode == "SY05");
}

TEST_CASE("a looser spelling the report's governorate supports beats an exact namesake elsewhere",
          "[shared][place]") {
    // Al Kawm is the gazetteer's spelling of a village of Quneitra; "al-Kom" is, exactly, a
    // village of Homs.
    const auto out = extract(
        "Aircraft targeted a car in the village of al-Kom on Friday, killing five civilians. A "
        "reporter in Quneitra said the raids took place at 10 am.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    CHECK(out->front().where.admin.admin1_pcode == "SY14");
}

TEST_CASE("a governorate's name as the label opening a headline is the governorate", "[shared][place]") {
    const auto out = extract("Latakia: Gunmen Kill 16 Guards\n\nGunmen killed 16 guards on Thursday, a monitor said.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    CHECK(out->front().where.geo_precision == 3);
    CHECK(out->front().where.admin.admin1_pcode == "SY06");
}

TEST_CASE("a neighbourhood with no city beside it is looked for in the city the report names",
          "[shared][place]") {
    // Villages called Mazraa lie far from Damascus; the report is about Damascus.
    const auto out = extract(
        "Shells fell on Damascus on Tuesday.\n\nThe army said nothing.\n\n"
        "Mortar rounds fired by militants struck around a square in the Mazraa neighborhood, "
        "killing nine people, state media said.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    CHECK_FALSE((out->front().where.place && out->front().where.place->feature_type == "village"));
}

TEST_CASE("the villages of a governorate's name lie in that governorate", "[shared][place]") {
    // Sarja is also a village of Aleppo, which the report names first.
    const auto out = extract(
        "Jets also struck the western Aleppo countryside on Saturday, witnesses said.\n\n"
        "Strikes on the Idlib villages of Sarja and Ehsin that day killed 14 civilians.");
    if (!out) return;
    bool sarja_seen = false;
    for (const Incident& in : *out) {
        if (in.evidence.find("Sarja") == std::string::npos) continue;
        sarja_seen = true;
        INFO(where(in));
        CHECK(in.where.admin.admin1_pcode == "SY07");
    }
    CHECK(sarja_seen);
}

TEST_CASE("a village's name that starts another name is no place, one naming a facility is",
          "[shared][place]") {
    // Hala is a village of Rural Damascus; "Hala Akhbar" is a news site.
    auto out = extract(
        "Troops on the border killed three smugglers, the Hala Akhbar site reported on Monday.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    CHECK_FALSE(out->front().where.place);
    // A research centre named after a village is in the village (Az Zawi, Hama).
    out = extract("Jets bombed the Al Zawy Research Center in the western Hama countryside, killing two.");
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    REQUIRE(out->front().where.place);
    CHECK(out->front().where.geo_precision < 3);
}

TEST_CASE("a district's name loosely spelled and not written as a place is no place", "[shared][place]") {
    // "Dome" shares the consonants of Duma, a town and its district.
    const auto out = extract("Rockets were intercepted by the Iron Dome system, wounding two.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    CHECK_FALSE(out->front().where.place);
}

TEST_CASE("a name the report framed once keeps that place when told alone later", "[shared][place]") {
    // Al Khalidiyah is a district of Homs city and a village of Hama.
    const auto out = extract(
        "Troops shelled the Homs district of Khaldiyeh on Wednesday, killing five civilians.\n\n"
        "Khaldiyeh was shelled again at night, killing two more people, an activist said.");
    if (!out) return;
    REQUIRE_FALSE(out->empty());
    for (const Incident& in : *out) {
        INFO(where(in));
        CHECK(in.where.admin.admin1_pcode == "SY04");
    }
}

TEST_CASE("a name followed by areas is an area, not the town itself", "[shared][place]") {
    const auto out = extract("Shelling killed two diggers on the frontlines in Ain Issa areas on Monday.");
    if (!out) return;
    REQUIRE(out->size() == 1);
    INFO(where(out->front()));
    REQUIRE(out->front().where.place);
    CHECK(out->front().where.geo_precision == 2);
}

TEST_CASE("the countryside of a name is around the town, not a village of that name",
          "[shared][place]") {
    // A village named Al Qusayr lies in Tartous, the province this report is mostly about; the
    // town of Al-Qusayr lies in Homs.
    const auto out = extract(
        "Explosions shake Baniyas in Tartous province\n\n"
        "Three loud explosions shook Baniyas in Tartous province at dawn on Monday, residents "
        "said. The cause of the blasts in the Baniyas countryside was not known.\n\n"
        "On Sunday, a drone struck a truck in Al-Qusayr countryside near the border with "
        "Lebanon, killing one man.");
    if (!out) return;
    const auto truck = std::find_if(out->begin(), out->end(), [](const Incident& in) {
        return in.evidence.find("truck") != std::string::npos;
    });
    REQUIRE(truck != out->end());
    INFO(where(*truck));
    REQUIRE(truck->where.place);
    CHECK(truck->where.place->feature_type == "town");
    CHECK(truck->where.admin.admin1_pcode == "SY04");
}
