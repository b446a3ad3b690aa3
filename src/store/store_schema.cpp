// The store's schema as a list of migrations (docs/store.md). A store records its version in
// PRAGMA user_version; opening an older store applies the missing steps in order, each
// version in its own transaction. Released steps are never edited: a change of schema is a
// new step at the end.
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/incident_store.hpp"

namespace incimap {
namespace {

// The incident columns shared by reports and incidents as of version 1 (incident_columns.cpp
// binds them in this order).
#define INCIMAP_V1_INCIDENT_COLUMNS                                                           \
    "incident_id TEXT NOT NULL, article_id TEXT NOT NULL, role TEXT NOT NULL, "               \
    "event_type TEXT NOT NULL, sub_event_type TEXT, event_date TEXT, date_precision TEXT, "   \
    "killed INTEGER, killed_low INTEGER, killed_high INTEGER, killed_vague INTEGER, "         \
    "injured INTEGER, injured_low INTEGER, injured_high INTEGER, injured_vague INTEGER, "     \
    "captured INTEGER, captured_low INTEGER, captured_high INTEGER, captured_vague INTEGER, " \
    "actor TEXT, victims TEXT, place_text TEXT, "                                             \
    "place_id INTEGER, place_name TEXT, place_name_ar TEXT, place_type TEXT, "                \
    "place_country TEXT, place_lon REAL, place_lat REAL, place_precision_km REAL, "           \
    "place_source TEXT, place_admin1_name TEXT, place_admin1_pcode TEXT, "                    \
    "place_admin2_name TEXT, place_admin2_pcode TEXT, "                                       \
    "lon REAL, lat REAL, geo_precision INTEGER, country TEXT, admin1_name TEXT, "             \
    "admin1_pcode TEXT, admin2_name TEXT, admin2_pcode TEXT, evidence TEXT, "                 \
    "evidence_offset INTEGER, confidence REAL"

const std::vector<std::vector<std::string_view>> steps = {
    // Version 1: articles by content hash, reports, merged incidents, their sources, runs.
    {
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, "
        "article_id TEXT NOT NULL, title TEXT, published TEXT, source TEXT, url TEXT, "
        "origin TEXT)",
        "CREATE TABLE reports (id INTEGER PRIMARY KEY, "
        "article INTEGER NOT NULL REFERENCES articles(id), " INCIMAP_V1_INCIDENT_COLUMNS ")",
        "CREATE TABLE incidents (id INTEGER PRIMARY KEY, " INCIMAP_V1_INCIDENT_COLUMNS
        ", sources INTEGER NOT NULL, UNIQUE (incident_id))",
        "CREATE TABLE incident_sources (incident_id TEXT NOT NULL, "
        "report_id INTEGER NOT NULL REFERENCES reports(id), article_id TEXT NOT NULL, "
        "PRIMARY KEY (incident_id, report_id))",
        "CREATE TABLE runs (id INTEGER PRIMARY KEY, started TEXT, finished TEXT, inputs TEXT, "
        "articles_new INTEGER, articles_known INTEGER, reports_new INTEGER, incidents INTEGER, "
        "merges INTEGER, exit_code INTEGER)",
    },
    // Version 2: why each report joined its incident (the dedup report's reasons), the
    // options a run wrote its outputs with (a re-run with the same ones rewrites nothing),
    // interrupted runs, and reports found by article.
    {
        "ALTER TABLE incident_sources ADD COLUMN reason TEXT",
        "ALTER TABLE runs ADD COLUMN settings TEXT",
        "ALTER TABLE runs ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX reports_by_article ON reports(article)",
    },
    // Version 3: the store's own state, such as the settings of the merge its incidents come
    // from (a run continues that merge when its settings are the same).
    {
        "CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    },
    // Version 4: where a merge looks up the incidents a new report may join (the keys of
    // each incident's first report, pipeline/merge_candidates.hpp), so that a run adding a
    // few articles reads only those incidents; and sources found by report.
    {
        "CREATE TABLE merge_keys (incident_id TEXT NOT NULL, key TEXT NOT NULL, "
        "first_day INTEGER, last_day INTEGER, span INTEGER)",
        "CREATE INDEX merge_keys_by_key ON merge_keys(key, span, first_day)",
        "CREATE INDEX merge_keys_by_incident ON merge_keys(incident_id)",
        "CREATE INDEX incident_sources_by_report ON incident_sources(report_id)",
    },
    // Version 5: what a merge continues an incident from without reading its reports
    // (pipeline/store_merge.hpp): the report it takes place, date and text from, the first
    // actor and victims its reports named, the sources a joining report is compared with,
    // one per kind of report, each indexed incident's first report, and the fields of each
    // source the dedup report shows.
    {
        "ALTER TABLE incidents ADD COLUMN best_report INTEGER",
        "ALTER TABLE incidents ADD COLUMN first_actor TEXT",
        "ALTER TABLE incidents ADD COLUMN first_victims TEXT",
        "ALTER TABLE incident_sources ADD COLUMN compared INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX incident_sources_compared ON incident_sources(incident_id, report_id) "
        "WHERE compared = 1",
        "ALTER TABLE merge_keys ADD COLUMN first_report INTEGER",
        // The report's fields the dedup report shows, so that writing it reads no report.
        "ALTER TABLE incident_sources ADD COLUMN report_incident_id TEXT",
        "ALTER TABLE incident_sources ADD COLUMN event_type TEXT",
        "ALTER TABLE incident_sources ADD COLUMN event_date TEXT",
        "ALTER TABLE incident_sources ADD COLUMN place_name TEXT",
        "ALTER TABLE incident_sources ADD COLUMN killed INTEGER",
    },
};

#undef INCIMAP_V1_INCIDENT_COLUMNS

int user_version(Database& db) {
    // SQLite keeps user_version as a signed 32-bit integer: the cast never narrows.
    Statement s = db.prepare("PRAGMA user_version");
    s.step();
    return static_cast<int>(s.int64(0));
}

}  // namespace

int IncidentStore::current_version() { return static_cast<int>(steps.size()); }

const std::vector<std::vector<std::string_view>>& IncidentStore::migrations() { return steps; }

void IncidentStore::check_readable_version(Database& db, int found) {
    // No incimap ever writes a negative version: the header is damaged, and migrating "from"
    // it would run steps that do not exist.
    if (found < 0)
        throw Error("store schema version " + std::to_string(found) +
                        " is not one incimap writes: the store is damaged; restore it from a "
                        "backup or give another --store",
                    db.path().string());
    if (found > current_version())
        throw Error("store schema version " + std::to_string(found) +
                        " is newer than this incimap understands (" +
                        std::to_string(current_version()) + "); use a newer incimap",
                    db.path().string());
}

void IncidentStore::migrate(Database& db, int target) {
    const int found = user_version(db);
    check_readable_version(db, found);
    if (found == 0) {
        // A version-0 file must be empty: never build our tables beside someone else's.
        Statement s = db.prepare("SELECT count(*) FROM sqlite_master");
        s.step();
        if (s.int64(0) != 0)
            throw Error(
                "not an incimap store (it has tables but no incimap schema version); "
                "give another --store path",
                db.path().string());
    }
    for (int version = found; version < target && version < current_version(); ++version) {
        Transaction transaction(db);
        for (std::string_view sql : steps[static_cast<std::size_t>(version)]) db.exec(sql);
        db.exec("PRAGMA user_version = " + std::to_string(version + 1));
        transaction.commit();
    }
}

}  // namespace incimap
