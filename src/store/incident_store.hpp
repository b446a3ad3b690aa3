#pragma once
// The store of a run directory (docs/store.md): the articles seen (by content hash), the
// incident each article reports ("reports", as extracted), the incidents after merging
// reports of the same event from different articles, which reports each incident comes from,
// and one row per run. SQLite in WAL mode; every multi-row write is one transaction, so an
// interrupted run leaves the store as it was before the batch.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.hpp"
#include "core/incident.hpp"
#include "store/database.hpp"

namespace incimap {

// An article read in this run, with its hash and what was extracted from it.
struct ExtractedArticle {
    Article article;
    std::string content_hash;
    std::vector<Incident> reports;
};

// One stored report: an incident as one article tells it.
struct StoredReport {
    std::int64_t report_id = 0;     // row id: increases in the order reports were stored
    std::int64_t article_key = 0;   // row id of its article (article ids need not be unique)
    std::optional<Date> published;  // its article's publication date
    Incident incident;
};

// A key under which a merge finds an incident (a place, a grid cell, a governorate), with
// the days its event may lie in; no days: any day. As a lookup, the days the looked-up
// report needs.
struct MergeKey {
    std::string key;
    std::optional<long> first_day, last_day;  // days since 1970-01-01, inclusive
};

// An incident as the merge index lists it under one key.
struct IndexedIncident {
    std::string incident_id;
    std::int64_t first_report = 0;
    std::optional<long> first_day, last_day;  // none: any day
};

// What a merge keeps of an incident beside its merged record, so that a later merge can add
// reports to it without reading its other reports (pipeline/store_merge.hpp).
struct IncidentMergeState {
    std::int64_t best_report = 0;  // the report its place, date and text come from
    std::string first_actor;       // the first its reports named
    std::string first_victims;
};

// A merged incident and the reports it was made from (one when nothing merged).
struct MergedIncident {
    Incident incident;
    struct Source {
        std::int64_t report_id = 0;
        std::string article_id;
        std::string reason;  // why this report joined the incident; empty for the first
        // One of the reports a joining report is compared with: the first of its kind
        // (pipeline/dedup.hpp, comparison_key).
        bool compared = false;
    };
    std::vector<Source> sources;
    std::vector<MergeKey> merge_keys;  // where later merges look it up
    IncidentMergeState state;
    // Sources the store already lists before `sources`: a stored incident that took more
    // reports is written with only the new ones.
    std::size_t stored_sources = 0;
};

// A stored incident as a continued merge reads it: never its reports, but the ones
// it compares a joining report with.
struct StoredIncident {
    Incident incident;  // as merged
    std::size_t sources = 0;
    std::vector<std::int64_t> compared;  // report ids, in report order; the first report first
    IncidentMergeState state;
};

// A report that joined an earlier report's incident: a row of the dedup report.
struct JoinedReport {
    std::string incident_id;  // of the incident it joined
    std::optional<int> incident_killed;
    std::string first_article_id;  // of the incident's first report
    // The report as its article tells it: the fields the dedup report shows.
    std::string report_incident_id, article_id, event_type, event_date, place_name;
    std::optional<int> killed;
    std::string reason;
};

// Which reports one stored incident was merged from, in report order.
struct IncidentMembers {
    std::string incident_id;
    std::vector<MergedIncident::Source> sources;
};

// What one `incimap run` did, kept in the runs table.
struct RunRecord {
    std::string started;  // ISO 8601 UTC
    std::string finished;
    std::string inputs;    // the input paths, one per line
    std::string settings;  // the options that shape the outputs (JSON)
    long articles_new = 0;
    long articles_known = 0;
    long reports_new = 0;
    long incidents = 0;
    long merges = 0;
    int exit_code = 0;
    bool interrupted = false;
};

class IncidentStore {
public:
    // The schema version this build writes; older stores are migrated on open.
    static int current_version();
    // The migrations: step i (0-based) takes a store from version i to i + 1.
    static const std::vector<std::vector<std::string_view>>& migrations();
    // Applies migrations until the store is at `target` (tests use it to build old stores).
    static void migrate(Database& db, int target);
    // Throws incimap::Error naming the store when `found` (its PRAGMA user_version) is negative
    // (a damaged header) or newer than this build.
    static void check_readable_version(Database& db, int found);

    // Opens or creates the store and migrates it. Throws incimap::Error naming the file when
    // it cannot be opened, is not an incimap store, or is newer than this build.
    explicit IncidentStore(const std::filesystem::path& path);

    int version();
    const std::filesystem::path& path() const { return db_.path(); }

    bool has_article(std::string_view content_hash);
    long article_count();
    long report_count();
    long incident_count();
    // Reports that joined another report's incident (every source after an incident's first).
    long merged_report_count();
    // What the outputs of the store show depends on, in one line: its articles and reports,
    // the settings of its merge, and where it is. Equal states give equal outputs.
    std::string state();

    // Stores articles and their reports in one transaction.
    void add_articles(const std::vector<ExtractedArticle>& batch);

    std::vector<Article> articles();
    // The same one at a time, none held (texts are never read).
    void for_each_article(const std::function<void(const Article&)>& visit);
    // The merged incidents one at a time, none held, in the order of load_incidents().
    void for_each_incident(const std::function<void(const Incident&)>& visit);
    // Every report, in the order stored.
    std::vector<StoredReport> reports();
    // The reports with these row ids, in the order stored.
    std::vector<StoredReport> reports(const std::vector<std::int64_t>& report_ids);
    // The same one at a time, in the order given, none held.
    void for_each_report(const std::vector<std::int64_t>& report_ids,
                         const std::function<void(StoredReport&&)>& visit);
    // The reports stored after every report the incidents list, in the order stored.
    std::vector<StoredReport> reports_not_merged();
    // Reports read into memory by this object so far (a run adding a few articles to a big
    // store must read only the reports it may merge with).
    std::size_t reports_read() const { return reports_read_; }

    // Replaces the incidents and their sources in one transaction, with the settings of the
    // merge that made them (see merge_settings()).
    void replace_incidents(const std::vector<MergedIncident>& incidents,
                           const std::string& merge_settings = {});
    // Writes new incidents and stored ones that took more reports (their new sources are
    // added to the stored ones), in one transaction; a stored incident keeps its place in the
    // order.
    void update_incidents(const std::vector<MergedIncident>& incidents,
                          const std::string& merge_settings);
    // The settings of the merge the stored incidents come from; empty when unknown.
    std::string merge_settings();
    // The reports of every stored incident, in incident order.
    std::vector<IncidentMembers> incident_members();
    // True when the incidents list exactly the first reports, each once: a merge of the
    // reports after them continues theirs. Also true when no incident lists any. Checked
    // against what the last merge recorded (its number of sources and last report), not by
    // reading every source.
    bool merged_reports_come_first();
    // Reports the incidents list (0 when the store was never merged).
    long merged_source_count();
    // The incidents with these ids as a continued merge reads them, in incident order.
    std::vector<StoredIncident> stored_incidents(const std::vector<std::string>& incident_ids);
    // The article of the last report the incidents list (0 when none): a continued merge
    // must add no report of it or of an earlier article.
    std::int64_t last_merged_article();
    // The incidents indexed under `key` (merge_keys), one at a time, none held.
    void for_each_indexed_incident(const std::string& key,
                                   const std::function<void(IndexedIncident&&)>& visit);
    bool has_incident(const std::string& incident_id);
    // The reports that joined an earlier report's incident, in incident and report order.
    void for_each_joined_report(const std::function<void(const JoinedReport&)>& visit);
    // The merged incidents, in the order they were written.
    std::vector<MergedIncident> incidents();

    // Records a run and returns its id. A run is recorded when it starts, with empty
    // settings, so that one that dies before it finishes never makes the next run think the
    // outputs are current; finish_run() records the outcome.
    std::int64_t add_run(const RunRecord& run);
    void finish_run(std::int64_t id, const RunRecord& run);
    std::optional<RunRecord> last_run();

private:
    std::vector<StoredReport> read_reports(Statement& select);
    StoredReport read_report(const Statement& row);

    Database db_;
    std::size_t reports_read_ = 0;
};

// The incidents of a store file or of a run directory (DIR/incimap.sqlite), for `incimap
// map`, `heatmap` and `brief`. Throws incimap::Error naming the path when there is no store.
std::vector<Incident> load_incidents(const std::filesystem::path& store_or_run_dir);
// The articles of the same store.
std::vector<Article> load_articles(const std::filesystem::path& store_or_run_dir);
// True when `run_dir` is a directory holding a store (DIR/incimap.sqlite).
bool has_store(const std::filesystem::path& run_dir);
// DIR/incimap.sqlite for a directory, the path itself for a file.
std::filesystem::path store_path_of(const std::filesystem::path& store_or_run_dir);

}  // namespace incimap
