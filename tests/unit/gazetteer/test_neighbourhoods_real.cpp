// The neighbourhoods and camps of gazetteer/neighbourhoods.tsv in the compiled gazetteer
// (gazetteer.sqlite in the build tree, target gazetteer_db): each lies in the governorate of
// its city, none repeats a WOF place, and a quarter named with its city in the context
// resolves inside that city. The context sentences are written for these tests.
#include <catch2/catch.hpp>

#include "gazetteer/gazetteer_schema.hpp"
#include "gazetteer/resolver.hpp"
#include "gazetteer_fixture.hpp"

using namespace incimap;

namespace {

// The city's own point in the gazetteer: its most populous place of that name.
LonLat city_point(const Gazetteer& g, const char* name) {
    const Place* best = nullptr;
    for (const Place* p : g.lookup(name))
        if (p->country_code == "SY" && (!best || p->population > best->population)) best = p;
    REQUIRE(best);
    REQUIRE(best->population > 100'000);
    return best->point;
}

}  // namespace

TEST_CASE("the real gazetteer holds the neighbourhood file in its cities' governorates",
          "[gazetteer][real][neighbourhoods]") {
    const auto& g = test::real_gazetteer();
    struct Case {
        int id;
        const char* admin1;
    };
    for (const Case& c : {Case{1, "SY01"}, Case{2, "SY01"}, Case{3, "SY01"}, Case{4, "SY01"},
                          Case{8, "SY04"}, Case{9, "SY04"}, Case{10, "SY02"}, Case{11, "SY02"},
                          Case{12, "SY06"}}) {
        INFO("neighbourhoods.tsv id " << c.id);
        const Place* p = g.by_id(gazetteer_schema::neighbourhood_base + c.id);
        REQUIRE(p);
        CHECK(p->admin.admin1_pcode == c.admin1);
        CHECK((p->feature_type == "neighbourhood" || p->feature_type == "camp"));
    }
}

TEST_CASE("city quarters named with their city resolve inside it", "[gazetteer][real][neighbourhoods]") {
    const auto& g = test::real_gazetteer();
    struct Case {
        const char* name;
        const char* context;
        const char* city;
    };
    for (const Case& c : {
             Case{"Barzeh", "Mortar shells fell on the Barzeh neighbourhood in Damascus.", "Damascus"},
             Case{"Kafr Sousa", "An air strike hit a building in Kafr Sousa in Damascus.", "Damascus"},
             Case{"Jobar", "Clashes continued in Jobar on the eastern edge of Damascus.", "Damascus"},
             Case{"Qaboun", "Shelling hit Qaboun, a district of northern Damascus.", "Damascus"},
             Case{"Baba Amr", "Troops entered Baba Amr in the city of Homs.", "Homs"},
             Case{"Sheikh Maqsoud", "Fighting broke out in Sheikh Maqsoud in Aleppo city.", "Aleppo"},
             Case{"Salaheddine", "A car bomb exploded in Salaheddine in Aleppo.", "Aleppo"},
             Case{"al-Raml camp", "Gunboats shelled the al-Raml camp in Latakia.", "Latakia"},
         }) {
        ResolveContext ctx;
        ctx.text = c.context;
        const auto candidates = Resolver(g).resolve(c.name, ctx);
        INFO(c.name << " in '" << c.context << "'");
        REQUIRE_FALSE(candidates.empty());
        const auto& best = candidates.front().place;
        const double km = great_circle_km(best.point, city_point(g, c.city));
        INFO("got " << best.name << " (" << best.feature_type << ") " << km << " km from " << c.city);
        CHECK(km < 10.0);
    }
}
