#include <catch2/catch.hpp>
#include <fstream>

#include "core/error.hpp"
#include "store/content_hash.hpp"
#include "store/incident_store.hpp"
#include "store_fixtures.hpp"

using namespace incimap;
using incimap::test::TempDir;

namespace {

ExtractedArticle extracted(const std::string& id, const std::string& text,
                           std::vector<Incident> reports) {
    Article a = test::make_article(id, text);
    return {a, content_hash(a.text), std::move(reports)};
}

const LonLat sukhnah{38.87, 34.88};

}  // namespace

TEST_CASE("content hash is the SHA-256 of the text with white space runs collapsed", "[store]") {
    CHECK(content_hash("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(content_hash("  a  bus was\n\n hit ") == content_hash("a bus was hit"));
    CHECK(content_hash("a bus was hit") != content_hash("a bus was hot"));
}

TEST_CASE("stored reports read back with every contract field", "[store]") {
    TempDir dir("store");
    IncidentStore store(dir.path() / "s.sqlite");
    Incident in = test::make_report("a1", "ambush", "2023-03-09", 7, "Sukhnah", sukhnah, 4);
    in.role = IncidentRole::background;
    in.sub_event_type = "Armed clash";
    in.casualties.injured = Count{12, 10, 20, true};
    in.actor = "Islamic State";
    in.victims = "soldiers";
    in.where.point = {38.9, 34.9};
    store.add_articles({extracted("a1", "Invented text one.", {in})});

    const auto reports = store.reports();
    REQUIRE(reports.size() == 1);
    const Incident& back = reports[0].incident;
    CHECK(back.incident_id == in.incident_id);
    CHECK(back.role == IncidentRole::background);
    CHECK(back.event_type == "ambush");
    CHECK(back.sub_event_type == "Armed clash");
    CHECK(back.event_date == in.event_date);
    CHECK(back.date_precision == DatePrecision::day);
    CHECK(back.casualties.killed.value == 4);
    CHECK(back.casualties.injured.value == 12);
    CHECK(back.casualties.injured.low == 10);
    CHECK(back.casualties.injured.high == 20);
    CHECK(back.casualties.injured.vague);
    CHECK_FALSE(back.casualties.captured.value);
    CHECK(back.actor == "Islamic State");
    CHECK(back.victims == "soldiers");
    REQUIRE(back.where.place);
    CHECK(back.where.place->id == 7);
    CHECK(back.where.place->point.lon == Approx(sukhnah.lon));
    CHECK(back.where.point.lon == Approx(38.9));
    CHECK(back.where.geo_precision == 2);
    CHECK(back.where.admin.admin2_pcode == "SY0403");
    CHECK(back.evidence == in.evidence);
    CHECK(back.evidence_offset == 12);
    CHECK(back.confidence == Approx(0.8));
    CHECK(reports[0].published == Date::parse_iso("2023-03-10"));

    const auto articles = store.articles();
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].id == "a1");
    CHECK(articles[0].url == "https://example.org/a1");
}

TEST_CASE("a reopened store still knows its articles by content hash", "[store]") {
    TempDir dir("store");
    const auto path = dir.path() / "s.sqlite";
    {
        IncidentStore store(path);
        store.add_articles(
            {extracted("a1", "Invented text one.", {}), extracted("a2", "Invented text two.", {})});
    }
    IncidentStore again(path);
    CHECK(again.article_count() == 2);
    CHECK(again.has_article(content_hash("Invented   text one.")));
    CHECK_FALSE(again.has_article(content_hash("Invented text three.")));
}

TEST_CASE("storing an article twice fails and leaves the store as it was", "[store]") {
    TempDir dir("store");
    IncidentStore store(dir.path() / "s.sqlite");
    store.add_articles({extracted("a1", "Invented text one.", {})});
    const Incident r = test::make_report("a2", "ied", "2023-03-01", 7, "Sukhnah", sukhnah, 1);
    CHECK_THROWS_AS(store.add_articles({extracted("a2", "Invented text two.", {r}),
                                        extracted("a1", "Invented text one.", {})}),
                    Error);
    CHECK(store.article_count() == 1);
    CHECK(store.report_count() == 0);
}

TEST_CASE("replacing incidents twice gives the same incidents, not twice as many", "[store]") {
    TempDir dir("store");
    IncidentStore store(dir.path() / "s.sqlite");
    const Incident r = test::make_report("a1", "ied", "2023-03-01", 7, "Sukhnah", sukhnah, 1);
    store.add_articles({extracted("a1", "Invented text one.", {r})});
    const auto rid = store.reports().at(0).report_id;
    const std::vector<MergedIncident> merged = {{r, {{rid, "a1", ""}}}};
    store.replace_incidents(merged);
    store.replace_incidents(merged);
    const auto incidents = store.incidents();
    REQUIRE(incidents.size() == 1);
    REQUIRE(incidents[0].sources.size() == 1);
    CHECK(incidents[0].sources[0].report_id == rid);
    CHECK(load_incidents(dir.path() / "s.sqlite").size() == 1);
}

TEST_CASE("updating incidents rewrites only the changed ones and keeps their order", "[store]") {
    TempDir dir("store");
    IncidentStore store(dir.path() / "s.sqlite");
    std::vector<Incident> reports;
    std::vector<ExtractedArticle> articles;
    for (int i = 0; i < 4; ++i) {
        const std::string id = "a" + std::to_string(i);
        reports.push_back(test::make_report(id, "ied", "2023-03-01", 7, "Sukhnah", sukhnah, i));
        articles.push_back(extracted(id, "Invented text number " + id + ".", {reports.back()}));
    }
    store.add_articles(articles);
    const auto stored = store.reports();
    auto source = [&](int i) {
        return MergedIncident::Source{stored[i].report_id, stored[i].incident.article_id,
                                      i ? "why" : ""};
    };
    std::vector<MergedIncident> merged = {{reports[0], {source(0)}}, {reports[1], {source(1)}}};
    store.replace_incidents(merged, "settings-1");
    CHECK(store.merge_settings() == "settings-1");

    // The first incident takes report 2 (written with its new source alone, after the one
    // stored); report 3 is a new incident.
    MergedIncident grown{reports[0], {source(2)}};
    grown.incident.casualties.killed = Count::exact(9);
    grown.stored_sources = 1;
    grown.state.best_report = stored[2].report_id;
    store.update_incidents({grown, {reports[3], {source(3)}}}, "settings-1");

    const auto incidents = store.incidents();
    REQUIRE(incidents.size() == 3);
    CHECK(incidents[0].incident.incident_id == reports[0].incident_id);
    CHECK(incidents[0].incident.casualties.killed.value == 9);
    CHECK(incidents[0].sources.size() == 2);
    CHECK(incidents[1].incident.incident_id == reports[1].incident_id);
    CHECK(incidents[2].incident.incident_id == reports[3].incident_id);
    const auto members = store.incident_members();
    REQUIRE(members.size() == 3);
    CHECK(members[0].sources.at(1).report_id == stored[2].report_id);
    CHECK(members[0].sources.at(1).reason == "why");
    CHECK(load_incidents(dir.path() / "s.sqlite").at(0).casualties.killed.value == 9);
    // What a later merge continues the incident from.
    const auto continued = store.stored_incidents({reports[0].incident_id});
    REQUIRE(continued.size() == 1);
    CHECK(continued[0].sources == 2);
    CHECK(continued[0].state.best_report == stored[2].report_id);
    CHECK(continued[0].incident.casualties.killed.value == 9);
}

TEST_CASE("a store without a recorded merge has empty merge settings", "[store]") {
    TempDir dir("store");
    IncidentStore store(dir.path() / "s.sqlite");
    CHECK(store.merge_settings().empty());
    CHECK(store.incident_members().empty());
}

TEST_CASE("a version 1 store is migrated to the current version and keeps its rows", "[store]") {
    TempDir dir("store");
    const auto path = dir.path() / "old.sqlite";
    {
        Database db(path, Database::Mode::create);
        IncidentStore::migrate(db, 1);
        db.exec("INSERT INTO articles (content_hash, article_id) VALUES ('h1', 'old-article')");
        db.exec("INSERT INTO runs (started, exit_code) VALUES ('2023-01-01T00:00:00Z', 0)");
    }
    REQUIRE(IncidentStore::current_version() >= 2);
    IncidentStore store(path);
    CHECK(store.version() == IncidentStore::current_version());
    CHECK(store.has_article("h1"));
    CHECK(store.articles().at(0).id == "old-article");
    // Columns added by version 2 are usable.
    RunRecord run;
    run.settings = "{}";
    run.interrupted = true;
    store.add_run(run);
    REQUIRE(store.last_run());
    CHECK(store.last_run()->interrupted);
    // Version 3 keeps the settings of the last merge; a migrated store has none yet.
    CHECK(store.merge_settings().empty());
    store.replace_incidents({}, "{}");
    CHECK(store.merge_settings() == "{}");
}

TEST_CASE("a store from a newer incimap is refused with its file name", "[store]") {
    TempDir dir("store");
    const auto path = dir.path() / "new.sqlite";
    {
        Database db(path, Database::Mode::create);
        db.exec("PRAGMA user_version = 999");
    }
    try {
        IncidentStore store(path);
        FAIL("opened a store from the future");
    } catch (const Error& e) {
        CHECK(e.file() == path.string());
        CHECK_THAT(e.what(), Catch::Contains("newer"));
    }
}

TEST_CASE("a store with a negative or absurd schema version is refused with its file name",
          "[store]") {
    // A damaged header, not a store to migrate: migrating from a negative version read steps
    // before the first one and crashed.
    TempDir dir("store");
    for (const char* version : {"-1", "-2", "-2147483648", "2147483647"}) {
        const auto path = dir.path() / (std::string("v") + version + ".sqlite");
        {
            Database db(path, Database::Mode::create);
            db.exec("CREATE TABLE articles (id INTEGER PRIMARY KEY)");
            db.exec(std::string("PRAGMA user_version = ") + version);
        }
        INFO("user_version " << version);
        try {
            IncidentStore store(path);
            FAIL("opened a store whose schema version is " << version);
        } catch (const Error& e) {
            CHECK(e.file() == path.string());
            CHECK_THAT(e.what(), Catch::Contains(std::string("schema version ") + version));
        }
    }
}

TEST_CASE("reading a store with a negative schema version says it is damaged, not to migrate it",
          "[store]") {
    TempDir dir("store");
    const auto path = dir.path() / "damaged.sqlite";
    {
        Database db(path, Database::Mode::create);
        IncidentStore::migrate(db, IncidentStore::current_version());
        db.exec("PRAGMA user_version = -1");
    }
    try {
        load_incidents(path);
        FAIL("read a store whose schema version is -1");
    } catch (const Error& e) {
        CHECK(e.file() == path.string());
        CHECK_THAT(e.what(), !Catch::Contains("migrates"));
        CHECK_THAT(e.what(), Catch::Contains("damaged"));
    }
}

TEST_CASE("a database that is not an incimap store is refused", "[store]") {
    TempDir dir("store");
    const auto path = dir.path() / "other.sqlite";
    {
        Database db(path, Database::Mode::create);
        db.exec("CREATE TABLE something_else (x)");
    }
    CHECK_THROWS_WITH(IncidentStore(path), Catch::Contains("not an incimap store"));
}

TEST_CASE("a file of garbage given as store is an error naming it", "[store]") {
    TempDir dir("store");
    const auto path = dir.path() / "garbage.sqlite";
    {
        std::ofstream out(path, std::ios::binary);
        out << std::string(4096, 'x');
    }
    try {
        IncidentStore store(path);
        FAIL("opened garbage");
    } catch (const Error& e) {
        CHECK(e.file() == path.string());
    }
}

TEST_CASE("an existing zero-length store is refused and left as it is, never started afresh",
          "[store]") {
    // A truncated store used to be taken for a new one: the next run kept only its own articles.
    TempDir dir("store");
    const auto path = dir.write("incimap.sqlite", "");
    try {
        IncidentStore store(path);
        FAIL("opened a zero-length store as a new one");
    } catch (const Error& e) {
        CHECK(e.file() == path.string());
        CHECK_THAT(e.what(), Catch::Contains("empty") && Catch::Contains("backup"));
    }
    CHECK(std::filesystem::file_size(path) == 0);
    CHECK_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST_CASE("a store path that is a folder is refused naming it", "[store]") {
    TempDir dir("store");
    const auto path = dir.path() / "incimap.sqlite";
    std::filesystem::create_directories(path);
    try {
        IncidentStore store(path);
        FAIL("opened a folder as a store");
    } catch (const Error& e) {
        CHECK(e.file() == path.string());
        CHECK_THAT(e.what(), Catch::Contains("not a file"));
    }
}

TEST_CASE("loading incidents from a directory without a store says to run first", "[store]") {
    TempDir dir("store");
    CHECK_THROWS_WITH(load_incidents(dir.path()), Catch::Contains("incimap run"));
}

TEST_CASE("an incident listing a report the store does not hold is refused and not written",
          "[store]") {
    TempDir dir("store");
    IncidentStore store(dir.path() / "s.sqlite");
    const Incident report = test::make_report("a1", "ied", "2023-03-01", 7, "Sukhnah", sukhnah, 2);
    store.add_articles({extracted("a1", "Invented text.", {report})});
    const auto stored = store.reports();
    const MergedIncident ghost{report, {{stored[0].report_id, "a1", ""}, {stored[0].report_id + 9, "a9", "why"}}};
    CHECK_THROWS_WITH(store.replace_incidents({ghost}, "s"),
                      Catch::Contains("lists report " + std::to_string(stored[0].report_id + 9) +
                                      ", which the store does not hold"));
    CHECK(store.incident_count() == 0);
}
