// The gazetteer compiled from the committed files of gazetteer/ (no ../shared needed).
#include <catch2/catch.hpp>

#include <chrono>

#include "gazetteer_fixture.hpp"

using namespace incimap;

TEST_CASE("the real gazetteer holds every WOF place, the admin units and the neighbours",
          "[gazetteer][real]") {
    const auto& g = test::real_gazetteer();
    CHECK(g.place_count() >= 10'580 + 14 + 62 + 1 + 1'981);
    for (const char* code : {"SY01", "SY04", "SY09", "SY14"}) {
        INFO(code);
        CHECK(g.governorate(code) != nullptr);
    }
}

TEST_CASE("the real gazetteer loads with its name index in well under a second",
          "[gazetteer][real]") {
    const auto path = test::real_gazetteer_path();
    const auto start = std::chrono::steady_clock::now();
    const auto g = Gazetteer::open(path);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    WARN("gazetteer load: " << ms << " ms for " << g->place_count() << " places");
    CHECK(ms < 1000);
}

TEST_CASE("the real gazetteer places the check-table towns in the right governorate",
          "[gazetteer][real]") {
    const auto& g = test::real_gazetteer();
    struct Case {
        const char* name;
        const char* admin1;
    };
    for (const Case& c : {Case{"Palmyra", "SY04"}, Case{"Dibsi Afnan", "SY11"},
                          Case{"al-Tanf", "SY03"}, Case{"Deir ez-Zor", "SY09"},
                          Case{"Raqqa", "SY11"}, Case{"al-Hasakah", "SY08"},
                          Case{"Idlib", "SY07"}, Case{"Damascus", "SY01"}}) {
        INFO(c.name);
        const auto hits = g.lookup(c.name);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0]->admin.admin1_pcode == c.admin1);
    }
}

TEST_CASE("the real gazetteer knows eleven places called al-Tayba and Jenin in the West Bank",
          "[gazetteer][real]") {
    const auto& g = test::real_gazetteer();
    const auto tayba = g.lookup("al-Tayba");
    CHECK(tayba.size() >= 10);
    bool near_sukhnah = false;
    for (const Place* p : tayba)
        near_sukhnah |= std::abs(p->point.lat - 35.09) < 0.05 && std::abs(p->point.lon - 38.92) < 0.05;
    CHECK(near_sukhnah);
    bool west_bank = false;
    for (const Place* p : g.lookup("Jenin")) west_bank |= p->country_code == "PS";
    CHECK(west_bank);
}

TEST_CASE("governorate() resolves the spellings journalists use", "[gazetteer][real]") {
    const auto& g = test::real_gazetteer();
    struct Case {
        const char* name;
        const char* pcode;
    };
    for (const Case& c : {Case{"Homs", "SY04"}, Case{"Deir Ezzor", "SY09"},
                          Case{"Deir ez-Zor province", "SY09"}, Case{"Hasakeh", "SY08"},
                          Case{"Hassakeh", "SY08"}, Case{"Raqqa", "SY11"}, Case{"Sweida", "SY13"},
                          Case{"Daraa", "SY12"}, Case{"Deraa", "SY12"}, Case{"Latakia", "SY06"},
                          Case{"Idlib", "SY07"}, Case{"Tartus", "SY10"}, Case{"Hama", "SY05"},
                          Case{"Aleppo", "SY02"}, Case{"Quneitra", "SY14"},
                          Case{"Rif Dimashq", "SY03"}}) {
        INFO(c.name);
        const Place* p = g.governorate(c.name);
        REQUIRE(p);
        CHECK(p->admin.admin1_pcode == c.pcode);
    }
}
