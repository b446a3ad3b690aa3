// The resolver against the compiled gazetteer (gazetteer.sqlite in the build tree, target
// gazetteer_db): every place the seed articles name, Arabic input, out-of-country names.
// Expected points are the Who's On First / GeoNames coordinates, checked within a radius; the
// context sentences are written for these tests.
#include <catch2/catch.hpp>
#include <memory>

#include "gazetteer/resolver.hpp"
#include "shared_data.hpp"

using namespace incimap;

namespace {

const Gazetteer* real_gazetteer() {
    static const std::unique_ptr<Gazetteer> g = [] {
        const auto path = test::binary_dir() / "gazetteer.sqlite";
        return std::filesystem::exists(path) ? Gazetteer::open(path) : nullptr;
    }();
    return g.get();
}

// The best candidate for `name` in `context`, or fails the test.
Candidate top(std::string_view name, std::string context = {}) {
    const Gazetteer* g = real_gazetteer();
    if (!g) FAIL("gazetteer.sqlite not built in " << test::binary_dir() << ": build target gazetteer_db");
    ResolveContext c;
    c.text = std::move(context);
    const auto candidates = Resolver(*g).resolve(name, c);
    INFO("resolving " << name);
    REQUIRE_FALSE(candidates.empty());
    const Candidate& best = candidates.front();
    INFO("got " << best.place.name << " " << best.place.point.lat << "N " << best.place.point.lon << "E");
    return best;
}

void check_near(std::string_view name, double lat, double lon, double km, std::string context = {}) {
    const Candidate c = top(name, std::move(context));
    const double d = great_circle_km(c.place.point, {lon, lat});
    INFO(name << " -> " << c.place.name << " (" << c.place.feature_type << ") at " << c.place.point.lat
              << "N " << c.place.point.lon << "E, " << d << " km from the expected point");
    CHECK(d <= km);
}

void check_feature(std::string_view name, std::string_view admin1_pcode, std::initializer_list<std::string_view> types,
                   std::string context = {}) {
    const Candidate c = top(name, std::move(context));
    INFO(name << " -> " << c.place.name << " (" << c.place.feature_type << ") in " << c.place.admin.admin1_pcode);
    CHECK(c.place.admin.admin1_pcode == admin1_pcode);
    CHECK(std::find(types.begin(), types.end(), c.place.feature_type) != types.end());
}

}  // namespace

TEST_CASE("the governorate capitals named in the seed articles resolve to their cities", "[resolver][db]") {
    check_near("Homs", 34.727, 36.723, 10);
    check_near("Hama", 35.131, 36.757, 10);
    check_near("Aleppo", 36.202, 37.159, 10);
    check_near("Idlib", 35.930, 36.634, 10);
    check_near("Damascus", 33.510, 36.291, 10);
    check_near("Deir Ezzor", 35.336, 40.141, 10);
    check_near("Raqqa", 35.953, 39.008, 10);
    check_near("Hasakeh", 36.502, 40.748, 10);
    check_near("Al-Hasakah", 36.502, 40.748, 10);
}

TEST_CASE("the desert towns named in the seed articles resolve", "[resolver][db]") {
    check_near("Palmyra", 34.561, 38.281, 5);
    check_near("al-Sukhna", 34.885, 38.871, 5);
    check_near("al-Sukhnah", 34.885, 38.871, 5);
    check_near("Dibsi Afnan", 35.933, 38.264, 5);
    check_near("al-Shadadi", 36.06, 40.73, 10);
}

TEST_CASE("resolves al-Tayba to the one near al-Sukhnah given eastern Homs context", "[resolver][db]") {
    check_near("al-Tayba", 35.089, 38.916, 3,
               "Two shepherds died when a mine went off in the al-Tayba area in al-Sukhna, in the "
               "eastern Homs countryside.");
}

TEST_CASE("Arabic names resolve like their Latin forms", "[resolver][db]") {
    check_near("تدمر", 34.561, 38.281, 5);
    check_near("السخنة", 34.885, 38.871, 5, "Shelling was reported in the Homs desert.");
    check_near("حلب", 36.202, 37.159, 10);
}

TEST_CASE("Jenin in a West Bank story is the Palestinian city", "[resolver][db]") {
    const Candidate c = top("Jenin", "Soldiers raided Jenin in the occupied West Bank; Palestinian "
                                     "medics said three people were hurt.");
    CHECK(c.place.country_code == "PS");
    CHECK(c.place.admin.empty());
}

TEST_CASE("Syria resolves to the country", "[resolver][db]") {
    CHECK(top("Syria").place.feature_type == "country");
    CHECK(top("Syria").place.country_code == "SY");
}

TEST_CASE("Syrian and Syrians resolve to the country", "[resolver][db]") {
    // Needs the demonyms as exonym rows of the Syria country place.
    CHECK(top("Syrian").place.feature_type == "country");
    CHECK(top("Syrians").place.feature_type == "country");
}

TEST_CASE("out-of-country names resolve outside Syria", "[resolver][db]") {
    CHECK(top("Mosul").place.country_code == "IQ");
    CHECK(top("Beirut").place.country_code == "LB");
    CHECK(top("Amman").place.country_code == "JO");
    CHECK(top("Gaziantep").place.country_code == "TR");
    CHECK(top("al-Qaim", "Iraqi border guards closed the crossing at al-Qaim on the Iraq side.")
              .place.country_code == "IQ");
}

TEST_CASE("the conflict features of the seed articles resolve from the supplement", "[resolver][db][supplement]") {
    check_near("al-Tanf", 33.50, 38.65, 25);
    check_near("al-Shoula", 35.186, 39.849, 10);
    check_near("al-Shula", 35.186, 39.849, 10);
    check_feature("Kabajib", "SY09", {"village", "town", "other", "military_base"});
    check_feature("al-Omar", "SY09", {"oil_field"}, "US forces at the al-Omar oil field in Deir Ezzor countryside.");
    check_feature("Semalka", "SY08", {"border_crossing"});
    const Candidate basateen = top("Basateen", "Fighters hid in the orchards of Basateen near Palmyra.");
    CHECK(great_circle_km(basateen.place.point, {38.281, 34.561}) <= 15);
}
