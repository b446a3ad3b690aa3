#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "core/error.hpp"
#include "gazetteer/gazetteer_schema.hpp"
#include "gazetteer_fixture.hpp"
#include "store/database.hpp"

using namespace incimap;
namespace fs = std::filesystem;

namespace {

const Gazetteer& gaz() { return *test::fixture_gazetteer().gazetteer; }

bool has_id(const std::vector<const Place*>& places, std::int64_t id) {
    return std::any_of(places.begin(), places.end(), [&](const Place* p) { return p->id == id; });
}

long count(const fs::path& db_path, const std::string& sql) {
    Database db(db_path, Database::Mode::read_only);
    auto q = db.prepare(sql);
    REQUIRE(q.step());
    return static_cast<long>(q.int64(0));
}

}  // namespace

TEST_CASE("the builder writes places, names, admin polygons and meta", "[gazetteer]") {
    const auto& f = test::fixture_gazetteer();
    // 10 WOF + 3 neighbours + 2 supplement points + 1 line + 14 + 62 admin units + Syria.
    CHECK(f.report.places == 93);
    CHECK(gaz().place_count() == 93);
    CHECK(count(f.path, "SELECT count(*) FROM admin1") == 14);
    CHECK(count(f.path, "SELECT count(*) FROM admin2") == 62);
    CHECK(count(f.path, "SELECT count(*) FROM names WHERE kind = 'exonym'") == 7);
    CHECK(count(f.path, "SELECT count(*) FROM meta WHERE key = 'schema_version'") == 1);
    CHECK(count(f.path, "SELECT count(*) FROM places WHERE geom IS NULL") == 0);
}

TEST_CASE("an exonym pointing at no place is reported as a warning, not an error",
          "[gazetteer]") {
    const auto& w = test::fixture_gazetteer().report.warnings;
    REQUIRE(w.size() == 1);
    CHECK(w[0].find("wof:1") != std::string::npos);
}

TEST_CASE("every place gets its governorate and district by point-in-polygon", "[gazetteer]") {
    const Place* palmyra = gaz().by_id(421197935);
    REQUIRE(palmyra);
    CHECK(palmyra->admin.admin1_pcode == "SY04");
    CHECK(palmyra->admin.admin2_pcode == "SY0405");
    CHECK(gaz().by_id(100000004)->admin.admin1_pcode == "SY11");  // Dibsi Afnan
    CHECK(gaz().by_id(100000006)->admin.admin2_pcode == "SY0602");  // Jableh, 5 km rule
    const Place* jenin = gaz().by_id(293400);
    REQUIRE(jenin);
    CHECK(jenin->country_code == "PS");
    CHECK(jenin->admin.empty());
}

TEST_CASE("a town across the border gets no Syrian governorate from the nearest polygon",
          "[gazetteer]") {
    // Al Qa'im (Iraq) lies within 5 km of Abu Kamal district, Ceylanpinar (Turkey) across the
    // fence from Ras al-Ain: the nearest-district rule is for Syrian villages only.
    for (const std::int64_t id : {92138, 318668}) {
        const Place* town = gaz().by_id(id);
        REQUIRE(town);
        INFO(town->name);
        CHECK(town->country_code != "SY");
        CHECK(town->admin.empty());
        CHECK(town->admin.admin2_pcode.empty());
    }
}

TEST_CASE("lookup finds a place by its name, variants, Arabic name and exonyms", "[gazetteer]") {
    for (const char* name : {"Palmyra", "Tadmur", "تدمر", "Tadmor City", "palmyre"}) {
        INFO(name);
        CHECK(has_id(gaz().lookup(name), 421197935));
    }
    CHECK(has_id(gaz().lookup("Dibsi Afnan"), 100000004));
    CHECK(gaz().lookup("Atlantis").empty());
}

TEST_CASE("lookup returns every homonym, the Syrian village and the West Bank city", "[gazetteer]") {
    const auto jenin = gaz().lookup("Jenin");
    CHECK(has_id(jenin, 100000005));
    CHECK(has_id(jenin, 293400));
    const auto tayba = gaz().lookup("al-Tayba");
    CHECK(has_id(tayba, 100000002));
    CHECK(has_id(tayba, 100000003));
}

TEST_CASE("supplement rows get ids from 9000000000, lines from 9050000000 and their middle point", "[gazetteer]") {
    const Place* garrison = gaz().by_id(gazetteer_schema::supplement_base + 1);
    REQUIRE(garrison);
    CHECK(garrison->feature_type == "military_base");
    CHECK(garrison->precision_km == 3.0);
    CHECK(garrison->source == "supplement:test fixture");
    CHECK(has_id(gaz().lookup("Camp Fixture"), garrison->id));
    const Place* road = gaz().by_id(gazetteer_schema::supplement_line_base + 3);
    REQUIRE(road);
    CHECK(road->point.lon == Approx(39.0));
    CHECK(road->point.lat == Approx(34.0));
    CHECK(road->line_wkt.rfind("LINESTRING", 0) == 0);
    CHECK(has_id(gaz().lookup("Fixture Highway"), road->id));
}

TEST_CASE("countries are places: Syria from OCHA admin0, neighbours from the supplement",
          "[gazetteer]") {
    const auto syria = gaz().lookup("Syria");
    REQUIRE_FALSE(syria.empty());
    CHECK(syria[0]->feature_type == "country");
    CHECK(syria[0]->country_code == "SY");
    CHECK(has_id(gaz().lookup("Syrian Arab Republic"), syria[0]->id));
    const auto jordan = gaz().lookup("al-Urdun");
    REQUIRE(jordan.size() == 1);
    CHECK(jordan[0]->country_code == "JO");
}

TEST_CASE("governorate() accepts names, P-codes, qualifiers, ALT names and exonyms",
          "[gazetteer]") {
    auto pcode = [](std::string_view q) {
        const Place* p = gaz().governorate(q);
        return p ? p->admin.admin1_pcode : std::string("none");
    };
    CHECK(pcode("Homs") == "SY04");
    CHECK(pcode("Hims") == "SY04");
    CHECK(pcode("SY04") == "SY04");
    CHECK(pcode("sy11") == "SY11");
    CHECK(pcode("Homs province") == "SY04");
    CHECK(pcode("Raqqa") == "SY11");
    CHECK(pcode("Deir Ezzor") == "SY09");
    CHECK(pcode("Hasakeh") == "SY08");
    CHECK(pcode("Sweida") == "SY13");
    CHECK(pcode("Idleb") == "SY07");
    CHECK(pcode("Atlantis") == "none");
    REQUIRE(gaz().governorate("SY04"));
    CHECK(gaz().governorate("SY04")->feature_type == "governorate");
}

TEST_CASE("admin_at answers for points that are not places", "[gazetteer]") {
    CHECK(gaz().admin_at({38.6570, 33.4883}).admin1_pcode == "SY03");
    CHECK(gaz().admin_at({35.3009, 32.4594}).empty());
}

TEST_CASE("a missing gazetteer file is an error naming the file", "[gazetteer]") {
    const auto path = test::scratch_dir("missing") / "nothing.sqlite";
    try {
        Gazetteer::open(path);
        FAIL("no exception");
    } catch (const Error& e) {
        CHECK(e.file() == path.string());
        CHECK(std::string(e.what()).find("not found") != std::string::npos);
    }
}

TEST_CASE("a corrupt file or a database that is not a gazetteer is an error", "[gazetteer]") {
    const auto dir = test::scratch_dir("corrupt");
    std::ofstream(dir / "junk.sqlite") << "these bytes are not SQLite at all\n";
    CHECK_THROWS_AS(Gazetteer::open(dir / "junk.sqlite"), Error);
    {
        Database other(dir / "other.sqlite", Database::Mode::create);
        other.exec("CREATE TABLE unrelated(x)");
    }
    CHECK_THROWS_WITH(Gazetteer::open(dir / "other.sqlite"),
                      Catch::Contains("not an incimap gazetteer"));
    fs::copy_file(test::fixture_gazetteer().path, dir / "old.sqlite");
    {
        Database old(dir / "old.sqlite", Database::Mode::read_write);
        old.exec("UPDATE meta SET value = '0' WHERE key = 'schema_version'");
    }
    CHECK_THROWS_WITH(Gazetteer::open(dir / "old.sqlite"), Catch::Contains("schema version"));
}

TEST_CASE("a malformed source row stops the build with file and line, leaving no output",
          "[gazetteer]") {
    const auto src = test::fixture_sources();
    std::ofstream(src / "supplement.tsv", std::ios::app) << "4\tBroken\t\t\tvillage\tnorth\t38\n";
    const auto out = test::scratch_dir("broken") / "gazetteer.sqlite";
    try {
        build_gazetteer(src, out);
        FAIL("no exception");
    } catch (const Error& e) {
        CHECK(e.file() == (src / "supplement.tsv").string());
        CHECK(e.line() == 4);
    }
    CHECK_FALSE(fs::exists(out));
    CHECK(std::distance(fs::directory_iterator(out.parent_path()), fs::directory_iterator{}) == 0);
}

TEST_CASE("the optional supplement files may be absent", "[gazetteer]") {
    const auto src = test::fixture_sources();
    for (const char* f : {"supplement.tsv", "supplement_lines.tsv", "exonyms.tsv", "neighbours.tsv"})
        fs::remove(src / f);
    const auto out = test::scratch_dir("minimal") / "gazetteer.sqlite";
    const auto report = build_gazetteer(src, out);
    CHECK(report.places == 10 + 14 + 62 + 1);
    CHECK(Gazetteer::open(out)->lookup("Palmyra").size() == 1);
}

TEST_CASE("default_path prefers $INCIMAP_GAZETTEER", "[gazetteer]") {
    ::setenv("INCIMAP_GAZETTEER", "/some/where/gaz.sqlite", 1);
    CHECK(Gazetteer::default_path() == "/some/where/gaz.sqlite");
    ::unsetenv("INCIMAP_GAZETTEER");
    CHECK(Gazetteer::default_path().filename() == "gazetteer.sqlite");
}

TEST_CASE("lookup_exact returns only the places whose key matches exactly", "[gazetteer]") {
    const auto exact = gaz().lookup_exact("Tadmur");
    REQUIRE(exact.size() == 1);
    CHECK(exact[0]->id == 421197935);
    CHECK(gaz().lookup_exact("Atlantis").empty());
}
