#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "geo/admin_lookup.hpp"
#include "shared_data.hpp"

using namespace incimap;

namespace {

// The committed OCHA COD-AB copies in gazetteer/ (no ../shared needed).
AdminLookup load_ocha() {
    AdminLookup lookup;
    for (int level : {1, 2}) {
        std::ifstream in(test::source_dir() / "gazetteer" /
                         ("ocha_admin" + std::to_string(level) + ".geojson"));
        REQUIRE(in);
        const auto doc = nlohmann::json::parse(in);
        const std::string n = std::to_string(level);
        for (const auto& f : doc.at("features")) {
            const auto& p = f.at("properties");
            AdminArea a;
            a.level = level;
            a.pcode = p.at("ADM" + n + "_PCODE");
            a.name = p.at("ADM" + n + "_EN");
            if (level == 2) {
                a.parent_pcode = p.at("ADM1_PCODE");
                a.parent_name = p.at("ADM1_EN");
            }
            lookup.add_geojson(a, f.at("geometry").dump());
        }
    }
    return lookup;
}

const AdminLookup& ocha() {
    static const AdminLookup lookup = load_ocha();
    return lookup;
}

}  // namespace

TEST_CASE("the OCHA copies hold 14 governorates and 62 districts", "[admin]") {
    int l1 = 0, l2 = 0;
    for (const auto& a : ocha().areas()) (a.level == 1 ? l1 : l2)++;
    CHECK(l1 == 14);
    CHECK(l2 == 62);
}

TEST_CASE("Palmyra lies in Homs governorate, Tadmor district", "[admin]") {
    const auto u = ocha().at({38.2805, 34.5608});
    CHECK(u.admin1_pcode == "SY04");
    CHECK(u.admin1_name == "Homs");
    CHECK(u.admin2_pcode == "SY0405");
}

TEST_CASE("Dibsi Afnan lies in Ar-Raqqa governorate", "[admin]") {
    CHECK(ocha().at({38.2638, 35.9333}).admin1_pcode == "SY11");
}

TEST_CASE("al-Tanf lies in Rural Damascus governorate", "[admin]") {
    CHECK(ocha().at({38.6570, 33.4883}).admin1_pcode == "SY03");
}

TEST_CASE("Jenin in the West Bank is in no Syrian admin unit", "[admin]") {
    CHECK(ocha().at({35.3009, 32.4594}).empty());
}

TEST_CASE("a coastal town just outside the generalised coastline gets the nearest district",
          "[admin]") {
    // Jableh's point lies a few hundred metres seaward of the OCHA Lattakia polygon.
    const auto u = ocha().at({35.922203, 35.360487});
    CHECK(u.admin1_pcode == "SY06");
    CHECK(u.admin2_pcode == "SY0602");
}

TEST_CASE("points far outside Syria and non-finite points are in no admin unit", "[admin]") {
    CHECK(ocha().at({44.36, 33.31}).empty());  // Baghdad
    CHECK(ocha().at({std::nan(""), 34.0}).empty());
}
