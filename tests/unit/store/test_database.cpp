#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "shared_data.hpp"
#include "store/database.hpp"

using namespace incimap;
namespace fs = std::filesystem;

namespace {
fs::path temp_path(const std::string& name) {
    const fs::path dir = test::binary_dir() / "test-tmp" / "store";
    fs::create_directories(dir);
    fs::remove(dir / name);
    return dir / name;
}
}  // namespace

TEST_CASE("a database stores and reads back text, integers, reals, blobs and nulls", "[store]") {
    Database db(temp_path("types.sqlite"), Database::Mode::create);
    db.exec("CREATE TABLE t(s TEXT, i INTEGER, r REAL, b BLOB, n TEXT)");
    const unsigned char bytes[] = {1, 2, 0, 3};
    auto ins = db.prepare("INSERT INTO t VALUES(?, ?, ?, ?, ?)");
    ins.bind(1, "دير الزور").bind(2, std::int64_t{9'000'000'001}).bind(3, 38.28);
    ins.bind_blob(4, bytes, sizeof bytes).bind_null(5);
    ins.run();
    auto q = db.prepare("SELECT s, i, r, b, n FROM t");
    REQUIRE(q.step());
    CHECK(q.text(0) == "دير الزور");
    CHECK(q.int64(1) == 9'000'000'001);
    CHECK(q.real(2) == Approx(38.28));
    CHECK(q.blob(3) == std::vector<unsigned char>{1, 2, 0, 3});
    CHECK(q.is_null(4));
    CHECK_FALSE(q.step());
}

TEST_CASE("a transaction not committed is rolled back", "[store]") {
    Database db(temp_path("tx.sqlite"), Database::Mode::create);
    db.exec("CREATE TABLE t(x INTEGER)");
    {
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES(1)");
    }
    {
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES(2)");
        tx.commit();
    }
    auto q = db.prepare("SELECT group_concat(x) FROM t");
    REQUIRE(q.step());
    CHECK(q.text(0) == "2");
}

TEST_CASE("a database another connection is writing to says so, for statements and exec",
          "[store]") {
    const auto path = temp_path("busy.sqlite");
    Database writer(path, Database::Mode::create);
    writer.exec("CREATE TABLE t(x INTEGER)");
    writer.exec("BEGIN IMMEDIATE");
    Database other(path, Database::Mode::create);
    CHECK_THROWS_WITH(other.exec("INSERT INTO t VALUES(1)"),
                      Catch::Contains("another process") && Catch::Contains("--store"));
    auto insert = other.prepare("INSERT INTO t VALUES(2)");
    CHECK_THROWS_WITH(insert.run(), Catch::Contains("another process"));
    writer.exec("COMMIT");
}

TEST_CASE("opening a missing database read-only names the file in the error", "[store]") {
    const auto path = temp_path("missing.sqlite");
    try {
        Database db(path, Database::Mode::read_only);
        FAIL("no exception");
    } catch (const Error& e) {
        CHECK(e.file() == path.string());
    }
}

TEST_CASE("bad SQL and a file that is not a database raise errors naming the file", "[store]") {
    Database db(temp_path("bad.sqlite"), Database::Mode::create);
    CHECK_THROWS_AS(db.exec("SELEC nonsense"), Error);
    CHECK_THROWS_AS(db.prepare("SELECT * FROM no_such_table"), Error);

    const auto junk = temp_path("junk.sqlite");
    std::ofstream(junk) << std::string(4096, 'x');
    Database broken(junk, Database::Mode::read_only);
    try {
        broken.prepare("SELECT 1 FROM sqlite_master");
        FAIL("no exception");
    } catch (const Error& e) {
        CHECK(e.file() == junk.string());
        CHECK(std::string(e.what()).find("not a database") != std::string::npos);
    }
}

TEST_CASE("SpatiaLite loads into a connection and builds geometries", "[store]") {
    Database db(temp_path("spatial.sqlite"), Database::Mode::create);
    db.enable_spatialite();
    auto q = db.prepare("SELECT AsText(MakePoint(38.28, 34.56, 4326)), spatialite_version()");
    REQUIRE(q.step());
    CHECK(q.text(0) == "POINT(38.28 34.56)");
    CHECK_FALSE(q.text(1).empty());
}
