// neighbourhoods.tsv: city quarters and camps that Who's On First lacks. The builder loads the
// file, skips a row that repeats a place already present (same GeoNames id, or a same-named
// place within 2 km), and gives every row its governorate and district by point-in-polygon.
// The fixture rows below are written for these tests; their points are not real places.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "core/error.hpp"
#include "gazetteer/gazetteer_schema.hpp"
#include "gazetteer_fixture.hpp"

using namespace incimap;
namespace fs = std::filesystem;
namespace schema = gazetteer_schema;

namespace {

constexpr const char* kHeader =
    "id\tname\tvariants\tname_ar\tfeature_type\tlat\tlon\tprecision_km\tcity\tgeonames_id\tsource\tnote\n";

struct Built {
    fs::path path;
    GazetteerBuildReport report;
    std::unique_ptr<Gazetteer> gazetteer;
};

const Built& built() {
    static const Built b = [] {
        const auto src = test::fixture_sources();
        std::ofstream(src / "neighbourhoods.tsv")
            << kHeader << "# test fixture\n"
            // kept: a name no other place has, inside Tadmur district
            << "1\tQasr Quarter\tQasr|Old Qasr\tحي القصر\tneighbourhood\t34.5500\t38.2700\t\tPalmyra\t\ttest\t\n"
            // skipped: a variant of WOF Palmyra (Tadmor), 0.1 km from it
            << "2\tTadmor\t\t\tneighbourhood\t34.5610\t38.2810\t2\tPalmyra\t\ttest\t\n"
            // kept: the same name 200 km away, in Damascus
            << "3\tPalmyra Street Quarter\tPalmyra\t\tneighbourhood\t33.5100\t36.3000\t2\tDamascus\t\ttest\t\n"
            // skipped: Palmyra's GeoNames id under another name
            << "4\tAncient Town\t\t\tneighbourhood\t34.5500\t38.2600\t2\tPalmyra\t163808\ttest\t\n"
            // kept: a camp, default radius
            << "5\tTest Camp\tCamp of Test\t\tcamp\t35.9000\t39.0000\t\tRaqqa\t\ttest\t\n";
        std::ofstream(src / "exonyms.tsv", std::ios::app) << "neighbourhood:1\tQasr al-Qadim\n";
        Built out;
        out.path = test::scratch_dir("neighbourhoods") / "gazetteer.sqlite";
        out.report = build_gazetteer(src, out.path);
        out.gazetteer = Gazetteer::open(out.path);
        return out;
    }();
    return b;
}

long warnings_with(const std::string& text) {
    const auto& w = built().report.warnings;
    return std::count_if(w.begin(), w.end(),
                         [&](const std::string& s) { return s.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("the builder loads neighbourhoods.tsv with ids from 9400000000", "[gazetteer][neighbourhoods]") {
    const auto& b = built();
    CHECK(b.report.source_rows.at("neighbourhoods.tsv") == 3);
    CHECK(b.report.places == 93 + 3);  // the shared fixture plus rows 1, 3 and 5
    const Place* qasr = b.gazetteer->by_id(schema::neighbourhood_base + 1);
    REQUIRE(qasr);
    CHECK(qasr->name == "Qasr Quarter");
    CHECK(qasr->name_ar == "حي القصر");
    CHECK(qasr->feature_type == "neighbourhood");
    CHECK(qasr->precision_km == Approx(2.0));
    CHECK(qasr->country_code == "SY");
    CHECK(qasr->source.rfind("neighbourhoods:", 0) == 0);
    const Place* camp = b.gazetteer->by_id(schema::neighbourhood_base + 5);
    REQUIRE(camp);
    CHECK(camp->feature_type == "camp");
}

TEST_CASE("neighbourhood rows are found by name, variant, Arabic name and exonym",
          "[gazetteer][neighbourhoods]") {
    const auto& g = *built().gazetteer;
    for (const char* name : {"Qasr Quarter", "Old Qasr", "حي القصر", "Qasr al-Qadim"}) {
        INFO(name);
        const auto hits = g.lookup(name);
        CHECK(std::any_of(hits.begin(), hits.end(), [](const Place* p) {
            return p->id == schema::neighbourhood_base + 1;
        }));
    }
}

TEST_CASE("a neighbourhood row that repeats a place within 2 km or its GeoNames id is skipped",
          "[gazetteer][neighbourhoods]") {
    const auto& g = *built().gazetteer;
    CHECK(g.by_id(schema::neighbourhood_base + 2) == nullptr);
    CHECK(g.by_id(schema::neighbourhood_base + 4) == nullptr);
    CHECK(warnings_with("neighbourhoods.tsv:4: 'Tadmor'") == 1);  // line 4: header, comment, row 1
    CHECK(warnings_with("GeoNames id 163808") == 1);
    // The same name far away is another place, not a duplicate.
    const Place* street = g.by_id(schema::neighbourhood_base + 3);
    REQUIRE(street);
    const auto palmyras = g.lookup("Palmyra");
    CHECK(std::count_if(palmyras.begin(), palmyras.end(),
                        [](const Place* p) { return p->id == schema::neighbourhood_base + 3; }) == 1);
}

TEST_CASE("neighbourhood rows get their governorate and district by point-in-polygon",
          "[gazetteer][neighbourhoods]") {
    const auto& g = *built().gazetteer;
    const Place* qasr = g.by_id(schema::neighbourhood_base + 1);
    REQUIRE(qasr);
    CHECK(qasr->admin.admin1_pcode == "SY04");
    CHECK(qasr->admin.admin2_pcode == "SY0405");
    const Place* street = g.by_id(schema::neighbourhood_base + 3);
    REQUIRE(street);
    CHECK(street->admin.admin1_pcode == "SY01");
    const Place* camp = g.by_id(schema::neighbourhood_base + 5);
    REQUIRE(camp);
    CHECK(camp->admin.admin1_pcode == "SY11");
}

TEST_CASE("a neighbourhood row of an unknown feature type stops the build at its line",
          "[gazetteer][neighbourhoods]") {
    const auto src = test::fixture_sources();
    std::ofstream(src / "neighbourhoods.tsv")
        << kHeader << "1\tSomewhere\t\t\tairport\t34.5\t38.3\t2\t\t\ttest\t\n";
    const auto out = test::scratch_dir("neighbourhoods-broken") / "gazetteer.sqlite";
    try {
        build_gazetteer(src, out);
        FAIL("no exception");
    } catch (const Error& e) {
        CHECK(e.file() == (src / "neighbourhoods.tsv").string());
        CHECK(e.line() == 2);
    }
    CHECK_FALSE(fs::exists(out));
}
