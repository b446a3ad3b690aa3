#include "store/incident_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <sstream>

#include "core/error.hpp"
#include "store/incident_columns.hpp"

namespace incimap {
namespace {

namespace fs = std::filesystem;

void bind_optional_text(Statement& s, int i, const std::string& text) {
    if (text.empty())
        s.bind_null(i);
    else
        s.bind(i, text);
}

std::string text_or_empty(const Statement& s, int i) {
    return s.is_null(i) ? std::string() : s.text(i);
}

// The articles in the order stored (their texts are not kept), one at a time.
void visit_article_rows(Database& db, const std::function<void(const Article&)>& visit) {
    Statement s = db.prepare(
        "SELECT article_id, title, published, source, url, origin FROM articles ORDER BY id");
    while (s.step()) {
        Article a;
        a.id = s.text(0);
        a.title = text_or_empty(s, 1);
        if (!s.is_null(2)) a.published = Date::parse_iso(s.text_view(2));
        a.source = text_or_empty(s, 3);
        a.url = text_or_empty(s, 4);
        a.origin = text_or_empty(s, 5);
        visit(a);
    }
}

std::vector<Article> read_article_rows(Database& db) {
    std::vector<Article> out;
    visit_article_rows(db, [&](const Article& a) { out.push_back(a); });
    return out;
}

// The merged incidents in the order written, one at a time.
void visit_incident_rows(Database& db, const std::function<void(const Incident&)>& visit) {
    Statement s = db.prepare("SELECT " + incident_column_list() + " FROM incidents ORDER BY id");
    while (s.step()) visit(read_incident(s, 0));
}

long count_rows(Database& db, std::string_view sql) {
    Statement s = db.prepare(sql);
    s.step();
    return static_cast<long>(s.int64(0));
}

// A new store is built beside its place and linked into it complete, so that a store file
// that exists is always one incimap finished creating: a run killed while creating it leaves
// only a temporary (which the next run in that folder removes), never an empty store.
void create_store(const fs::path& path) {
    const fs::path tmp = path.parent_path() /
                         ("." + path.stem().string() + ".tmp" + std::to_string(::getpid()) +
                          path.extension().string());
    std::error_code ec;
    fs::remove(tmp, ec);
    {
        Database db(tmp, Database::Mode::create);
        IncidentStore::migrate(db, IncidentStore::current_version());
    }  // closed: SQLite synced each migration's commit
    // link() rather than rename(): it never replaces a store another process made meanwhile.
    const int linked = ::link(tmp.c_str(), path.c_str());
    const int error = errno;
    fs::remove(tmp, ec);
    if (linked != 0 && error != EEXIST)
        throw Error("cannot create the store: " + std::string(std::strerror(error)), path.string());
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);  // the new name on disk; a failure here loses nothing already stored
        ::close(fd);
    }
}

// An existing store is only ever opened, never started afresh: SQLite takes a zero-length
// file for a new database, and a run would then keep nothing but its own articles.
const fs::path& existing_store_or_new(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) {
        create_store(path);
        return path;
    }
    if (ec)
        throw Error("cannot examine the store: " + ec.message() +
                        "; fix the path or its permissions",
                    path.string());
    if (status.type() != fs::file_type::regular)
        throw Error("the store path is not a file; give another --store or move it away",
                    path.string());
    if (::access(path.c_str(), R_OK | W_OK) != 0)
        throw Error("cannot read and write the store: " + std::string(std::strerror(errno)) +
                        "; fix its permissions (it is not replaced)",
                    path.string());
    if (fs::file_size(path, ec) == 0 && !ec)
        throw Error("the store is empty (0 bytes), so it was truncated or damaged; it is not "
                    "replaced: restore it from a backup, or delete it to start a new store",
                    path.string());
    return path;
}

}  // namespace

IncidentStore::IncidentStore(const fs::path& path)
    : db_(existing_store_or_new(path), Database::Mode::read_write) {
    // WAL: readers (incimap map on the same run directory) never block the writer, and a
    // crash mid-transaction leaves the last committed state.
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA foreign_keys = ON");
    db_.exec("PRAGMA busy_timeout = 10000");
    // 64 MB of pages instead of SQLite's 2 MB: a merge into a big store looks up many new
    // reports in the same index pages, which would otherwise be read again for each.
    db_.exec("PRAGMA cache_size = -65536");
    migrate(db_, current_version());
}

int IncidentStore::version() {
    Statement s = db_.prepare("PRAGMA user_version");
    s.step();
    return static_cast<int>(s.int64(0));
}

bool IncidentStore::has_article(std::string_view hash) {
    Statement s = db_.prepare("SELECT 1 FROM articles WHERE content_hash = ?");
    s.bind(1, hash);
    return s.step();
}

long IncidentStore::article_count() { return count_rows(db_, "SELECT count(*) FROM articles"); }
long IncidentStore::report_count() { return count_rows(db_, "SELECT count(*) FROM reports"); }
long IncidentStore::incident_count() { return count_rows(db_, "SELECT count(*) FROM incidents"); }
long IncidentStore::merged_report_count() {
    return count_rows(db_, "SELECT count(*) FROM incident_sources") - incident_count();
}

std::string IncidentStore::state() {
    std::error_code ec;
    const fs::path where = fs::weakly_canonical(db_.path(), ec);
    return "articles=" + std::to_string(article_count()) +
           " reports=" + std::to_string(report_count()) +
           " incidents=" + std::to_string(incident_count()) + " merge=" + merge_settings() +
           " store=" + (ec ? db_.path() : where).string();
}

void IncidentStore::add_articles(const std::vector<ExtractedArticle>& batch) {
    if (batch.empty()) return;
    Transaction transaction(db_);
    Statement article = db_.prepare(
        "INSERT INTO articles (content_hash, article_id, title, published, source, url, origin) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    Statement report = db_.prepare("INSERT INTO reports (article, " + incident_column_list() +
                                   ") VALUES (?, " + incident_placeholders() + ")");
    for (const ExtractedArticle& item : batch) {
        const Article& a = item.article;
        article.bind(1, item.content_hash).bind(2, a.id);
        bind_optional_text(article, 3, a.title);
        if (a.published)
            article.bind(4, a.published->iso());
        else
            article.bind_null(4);
        bind_optional_text(article, 5, a.source);
        bind_optional_text(article, 6, a.url);
        bind_optional_text(article, 7, a.origin);
        article.run();
        const std::int64_t key = db_.last_insert_rowid();
        for (const Incident& incident : item.reports) {
            report.bind(1, key);
            bind_incident(report, 2, incident);
            report.run();
        }
    }
    transaction.commit();
}

std::vector<Article> IncidentStore::articles() { return read_article_rows(db_); }

void IncidentStore::for_each_article(const std::function<void(const Article&)>& visit) {
    visit_article_rows(db_, visit);
}

void IncidentStore::for_each_incident(const std::function<void(const Incident&)>& visit) {
    visit_incident_rows(db_, visit);
}

namespace {

// The columns of a StoredReport, read by IncidentStore::read_reports.
std::string select_reports(const std::string& where) {
    return "SELECT r.id, r.article, a.published, " + incident_column_list("r.") +
           " FROM reports r JOIN articles a ON a.id = r.article " + where + " ORDER BY r.id";
}

}  // namespace

StoredReport IncidentStore::read_report(const Statement& s) {
    StoredReport r;
    r.report_id = s.int64(0);
    r.article_key = s.int64(1);
    if (!s.is_null(2)) r.published = Date::parse_iso(s.text_view(2));
    r.incident = read_incident(s, 3);
    ++reports_read_;
    return r;
}

std::vector<StoredReport> IncidentStore::read_reports(Statement& s) {
    std::vector<StoredReport> out;
    while (s.step()) out.push_back(read_report(s));
    return out;
}

std::vector<StoredReport> IncidentStore::reports() {
    Statement s = db_.prepare(select_reports(""));
    return read_reports(s);
}

void IncidentStore::for_each_report(const std::vector<std::int64_t>& report_ids,
                                    const std::function<void(StoredReport&&)>& visit) {
    Statement s = db_.prepare(select_reports("WHERE r.id = ?"));
    for (const std::int64_t id : report_ids) {
        s.bind(1, id);
        if (s.step()) visit(read_report(s));
        s.reset();
    }
}

std::vector<StoredReport> IncidentStore::reports(const std::vector<std::int64_t>& report_ids) {
    std::vector<StoredReport> out;
    for_each_report(report_ids, [&](StoredReport&& r) { out.push_back(std::move(r)); });
    std::sort(out.begin(), out.end(), [](const StoredReport& a, const StoredReport& b) {
        return a.report_id < b.report_id;
    });
    return out;
}

std::vector<StoredReport> IncidentStore::reports_not_merged() {
    Statement s = db_.prepare(
        select_reports("WHERE r.id > coalesce((SELECT max(report_id) FROM incident_sources), 0)"));
    return read_reports(s);
}

namespace {

const char* const merge_settings_key = "merge_settings";

// Inserts one incident, the sources it lists after its stored ones, and its merge keys;
// `row` keeps a rewritten incident in its place.
class IncidentWriter {
public:
    explicit IncidentWriter(Database& db)
        : db_(db),
          incident_(db.prepare("INSERT INTO incidents (id, " + incident_column_list() +
                               ", sources, best_report, first_actor, first_victims) VALUES (?, " +
                               incident_placeholders() + ", ?, ?, ?, ?)")),
          // A source carries the fields of its report the dedup report shows.
          source_(db.prepare(
              "INSERT INTO incident_sources (incident_id, report_id, article_id, reason, "
              "compared, report_incident_id, event_type, event_date, place_name, killed) "
              "SELECT ?1, ?2, ?3, ?4, ?5, incident_id, event_type, event_date, place_name, "
              "killed FROM reports WHERE id = ?2")),
          key_(db.prepare("INSERT INTO merge_keys (incident_id, key, first_day, last_day, span, "
                          "first_report) VALUES (?, ?, ?, ?, ?, ?)")) {}

    void write(const MergedIncident& m, std::optional<std::int64_t> row) {
        if (row)
            incident_.bind(1, *row);
        else
            incident_.bind_null(1);
        const int next = bind_incident(incident_, 2, m.incident);
        incident_.bind(next, static_cast<std::int64_t>(m.stored_sources + m.sources.size()));
        incident_.bind(next + 1, m.state.best_report);
        bind_optional_text(incident_, next + 2, m.state.first_actor);
        bind_optional_text(incident_, next + 3, m.state.first_victims);
        incident_.run();
        for (const auto& src : m.sources) {
            source_.bind(1, m.incident.incident_id).bind(2, src.report_id).bind(3, src.article_id);
            bind_optional_text(source_, 4, src.reason);
            source_.bind(5, src.compared ? 1 : 0);
            source_.run();
            if (db_.changes() != 1)
                throw Error("incident " + m.incident.incident_id + " lists report " +
                                std::to_string(src.report_id) + ", which the store does not hold",
                            db_.path().string());
        }
        for (const MergeKey& key : m.merge_keys) {
            key_.bind(1, m.incident.incident_id).bind(2, key.key).bind(6, m.sources.front().report_id);
            if (key.first_day && key.last_day)
                key_.bind(3, static_cast<std::int64_t>(*key.first_day))
                    .bind(4, static_cast<std::int64_t>(*key.last_day))
                    .bind(5, static_cast<std::int64_t>(*key.last_day - *key.first_day));
            key_.run();  // unbound days are NULL: any day
        }
    }

private:
    Database& db_;
    Statement incident_;
    Statement source_;
    Statement key_;
};

void set_state(Database& db, const char* key, const std::string& value) {
    Statement s = db.prepare("INSERT OR REPLACE INTO store_state (key, value) VALUES (?, ?)");
    s.bind(1, std::string_view(key)).bind(2, value);
    s.run();
}

std::string get_state(Database& db, const char* key) {
    Statement s = db.prepare("SELECT value FROM store_state WHERE key = ?");
    s.bind(1, std::string_view(key));
    return s.step() ? s.text(0) : std::string();
}

// What the last merge placed: how many sources its incidents list, up to which report.
const char* const merged_sources_key = "merged_sources";
struct MergedSources {
    std::int64_t sources = 0;
    std::int64_t last_report = 0;
};

std::optional<MergedSources> merged_sources(Database& db) {
    std::istringstream text(get_state(db, merged_sources_key));
    MergedSources m;
    if (!(text >> m.sources >> m.last_report)) return std::nullopt;
    return m;
}

// Records what a merge placed, `more` sources after those of `before`.
void record_merged_sources(Database& db, MergedSources before,
                           const std::vector<MergedIncident>& incidents) {
    for (const MergedIncident& m : incidents)
        for (const auto& source : m.sources) {
            ++before.sources;
            before.last_report = std::max(before.last_report, source.report_id);
        }
    set_state(db, merged_sources_key,
              std::to_string(before.sources) + " " + std::to_string(before.last_report));
}

}  // namespace

void IncidentStore::replace_incidents(const std::vector<MergedIncident>& incidents,
                                      const std::string& merge_settings) {
    Transaction transaction(db_);
    db_.exec("DELETE FROM incident_sources");
    db_.exec("DELETE FROM merge_keys");
    db_.exec("DELETE FROM incidents");
    IncidentWriter writer(db_);
    for (const MergedIncident& m : incidents) writer.write(m, std::nullopt);
    set_state(db_, merge_settings_key, merge_settings);
    record_merged_sources(db_, {}, incidents);
    transaction.commit();
}

void IncidentStore::update_incidents(const std::vector<MergedIncident>& incidents,
                                     const std::string& merge_settings) {
    Transaction transaction(db_);
    Statement row_of = db_.prepare("SELECT id FROM incidents WHERE incident_id = ?");
    Statement drop_keys = db_.prepare("DELETE FROM merge_keys WHERE incident_id = ?");
    Statement drop = db_.prepare("DELETE FROM incidents WHERE id = ?");
    IncidentWriter writer(db_);
    for (const MergedIncident& m : incidents) {
        std::optional<std::int64_t> row;
        row_of.bind(1, m.incident.incident_id);
        if (row_of.step()) row = row_of.int64(0);
        row_of.reset();
        if (row) {
            // Its stored sources stay; its keys are rewritten only when given (a stored
            // incident's first report, which they come from, never changes).
            if (!m.merge_keys.empty()) {
                drop_keys.bind(1, m.incident.incident_id);
                drop_keys.run();
            }
            drop.bind(1, *row);
            drop.run();
        }
        writer.write(m, row);
    }
    set_state(db_, merge_settings_key, merge_settings);
    record_merged_sources(db_, merged_sources(db_).value_or(MergedSources{}), incidents);
    transaction.commit();
}

std::string IncidentStore::merge_settings() { return get_state(db_, merge_settings_key); }

std::vector<IncidentMembers> IncidentStore::incident_members() {
    std::vector<IncidentMembers> out;
    Statement s = db_.prepare(
        "SELECT s.incident_id, s.report_id, s.article_id, s.reason FROM incident_sources s "
        "JOIN incidents i ON i.incident_id = s.incident_id ORDER BY i.id, s.report_id");
    while (s.step()) {
        std::string id = s.text(0);
        if (out.empty() || out.back().incident_id != id) out.push_back({std::move(id), {}});
        out.back().sources.push_back({s.int64(1), s.text(2), text_or_empty(s, 3)});
    }
    return out;
}

std::vector<StoredIncident> IncidentStore::stored_incidents(
    const std::vector<std::string>& incident_ids) {
    Statement incident = db_.prepare("SELECT id, " + incident_column_list() +
                                     ", sources, best_report, first_actor, first_victims "
                                     "FROM incidents WHERE incident_id = ?");
    Statement compared = db_.prepare(
        "SELECT report_id FROM incident_sources WHERE incident_id = ? AND compared = 1 "
        "ORDER BY report_id");
    std::vector<std::pair<std::int64_t, StoredIncident>> rows;
    for (const std::string& id : incident_ids) {
        incident.bind(1, id);
        if (incident.step()) {
            StoredIncident stored;
            stored.incident = read_incident(incident, 1);
            const int at = 1 + static_cast<int>(incident_column_names().size());
            stored.sources = static_cast<std::size_t>(incident.int64(at));
            stored.state.best_report = incident.is_null(at + 1) ? 0 : incident.int64(at + 1);
            stored.state.first_actor = text_or_empty(incident, at + 2);
            stored.state.first_victims = text_or_empty(incident, at + 3);
            rows.emplace_back(incident.int64(0), std::move(stored));
        }
        incident.reset();
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<StoredIncident> out;
    out.reserve(rows.size());
    for (auto& [row, stored] : rows) {
        compared.bind(1, stored.incident.incident_id);
        while (compared.step()) stored.compared.push_back(compared.int64(0));
        compared.reset();
        out.push_back(std::move(stored));
    }
    return out;
}

std::int64_t IncidentStore::last_merged_article() {
    Statement s = db_.prepare(
        "SELECT article FROM reports WHERE id = (SELECT max(report_id) FROM incident_sources)");
    return s.step() ? s.int64(0) : 0;
}

bool IncidentStore::merged_reports_come_first() {
    // A merge places every report up to the last it lists, each once, and records how many
    // sources that gave (record_merged_sources): the store still lists exactly those when
    // the count and the last report agree. Reading every source would cost a pass over a
    // big store on every run.
    const std::int64_t sources = merged_source_count();
    if (sources == 0) return true;
    const std::optional<MergedSources> recorded = merged_sources(db_);
    return recorded && recorded->sources == sources &&
           recorded->last_report == count_rows(db_, "SELECT max(report_id) FROM incident_sources");
}

long IncidentStore::merged_source_count() {
    return count_rows(db_, "SELECT count(*) FROM incident_sources");
}

void IncidentStore::for_each_indexed_incident(
    const std::string& key, const std::function<void(IndexedIncident&&)>& visit) {
    Statement s = db_.prepare(
        "SELECT incident_id, first_report, first_day, last_day FROM merge_keys WHERE key = ?");
    s.bind(1, key);
    while (s.step()) {
        IndexedIncident i{s.text(0), s.is_null(1) ? 0 : s.int64(1), {}, {}};
        if (!s.is_null(2) && !s.is_null(3)) {
            i.first_day = static_cast<long>(s.int64(2));
            i.last_day = static_cast<long>(s.int64(3));
        }
        visit(std::move(i));
    }
}

bool IncidentStore::has_incident(const std::string& incident_id) {
    Statement s = db_.prepare("SELECT 1 FROM incidents WHERE incident_id = ?");
    s.bind(1, incident_id);
    return s.step();
}

void IncidentStore::for_each_joined_report(const std::function<void(const JoinedReport&)>& visit) {
    // Row by row, from the sources alone (they carry the report fields it shows): the dedup
    // report of a big store is never held in memory, and no report is read for it.
    Statement s = db_.prepare(
        "SELECT i.incident_id, i.killed, s.article_id, s.reason, s.report_incident_id, "
        "s.article_id, s.event_type, s.event_date, s.place_name, s.killed "
        "FROM incidents i JOIN incident_sources s ON s.incident_id = i.incident_id "
        "ORDER BY i.id, s.report_id");
    const auto optional_int = [&](int column) {
        return s.is_null(column) ? std::nullopt
                                 : std::optional<int>(static_cast<int>(s.int64(column)));
    };
    JoinedReport row;
    while (s.step()) {
        std::string incident_id = s.text(0);
        if (incident_id != row.incident_id) {  // the incident's first report
            row.incident_id = std::move(incident_id);
            row.first_article_id = s.text(2);
            continue;
        }
        row.incident_killed = optional_int(1);
        row.reason = text_or_empty(s, 3);
        row.report_incident_id = s.text(4);
        row.article_id = s.text(5);
        row.event_type = s.text(6);
        row.event_date = text_or_empty(s, 7);  // as Date::iso() wrote it
        row.place_name = text_or_empty(s, 8);
        row.killed = optional_int(9);
        visit(row);
    }
}

std::vector<MergedIncident> IncidentStore::incidents() {
    std::vector<MergedIncident> out;
    Statement s = db_.prepare("SELECT " + incident_column_list() + " FROM incidents ORDER BY id");
    while (s.step()) out.push_back(MergedIncident{read_incident(s, 0), {}});
    std::size_t at = 0;
    for (IncidentMembers& members : incident_members()) {
        while (at < out.size() && out[at].incident.incident_id != members.incident_id) ++at;
        if (at == out.size()) break;
        out[at].sources = std::move(members.sources);
    }
    return out;
}

namespace {

// Binds a run's fields to ?1..?11 in the order of the runs table's columns below.
const char* const run_columns =
    "started, finished, inputs, settings, articles_new, articles_known, reports_new, "
    "incidents, merges, exit_code, interrupted";

void bind_run(Statement& s, const RunRecord& run) {
    s.bind(1, run.started).bind(2, run.finished).bind(3, run.inputs).bind(4, run.settings);
    s.bind(5, static_cast<std::int64_t>(run.articles_new));
    s.bind(6, static_cast<std::int64_t>(run.articles_known));
    s.bind(7, static_cast<std::int64_t>(run.reports_new));
    s.bind(8, static_cast<std::int64_t>(run.incidents));
    s.bind(9, static_cast<std::int64_t>(run.merges));
    s.bind(10, run.exit_code).bind(11, run.interrupted ? 1 : 0);
}

}  // namespace

std::int64_t IncidentStore::add_run(const RunRecord& run) {
    Statement s = db_.prepare(std::string("INSERT INTO runs (") + run_columns +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_run(s, run);
    s.run();
    return db_.last_insert_rowid();
}

void IncidentStore::finish_run(std::int64_t id, const RunRecord& run) {
    Statement s = db_.prepare(std::string("REPLACE INTO runs (") + run_columns +
                              ", id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_run(s, run);
    s.bind(12, id);
    s.run();
}

std::optional<RunRecord> IncidentStore::last_run() {
    Statement s =
        db_.prepare(std::string("SELECT ") + run_columns + " FROM runs ORDER BY id DESC LIMIT 1");
    if (!s.step()) return std::nullopt;
    RunRecord r;
    r.started = text_or_empty(s, 0);
    r.finished = text_or_empty(s, 1);
    r.inputs = text_or_empty(s, 2);
    r.settings = text_or_empty(s, 3);
    r.articles_new = static_cast<long>(s.int64(4));
    r.articles_known = static_cast<long>(s.int64(5));
    r.reports_new = static_cast<long>(s.int64(6));
    r.incidents = static_cast<long>(s.int64(7));
    r.merges = static_cast<long>(s.int64(8));
    r.exit_code = static_cast<int>(s.int64(9));
    r.interrupted = s.int64(10) != 0;
    return r;
}

bool has_store(const fs::path& run_dir) {
    std::error_code ec;
    return fs::is_directory(run_dir, ec) && fs::is_regular_file(run_dir / "incimap.sqlite", ec);
}

fs::path store_path_of(const fs::path& store_or_run_dir) {
    return fs::is_directory(store_or_run_dir) ? store_or_run_dir / "incimap.sqlite"
                                              : store_or_run_dir;
}

namespace {

// Reading must not create a store where there is none, nor migrate one behind a reader's back.
fs::path existing_store(const fs::path& store_or_run_dir) {
    const fs::path path = store_path_of(store_or_run_dir);
    if (!fs::exists(path))
        throw Error("no incimap store here; run `incimap run INPUT... -o DIR` first",
                    path.string());
    return path;
}

void check_version(Database& db) {
    Statement v = db.prepare("PRAGMA user_version");
    v.step();
    const int found = static_cast<int>(v.int64(0));
    IncidentStore::check_readable_version(db, found);
    // Only an older store is left: `run` migrates those (a newer or damaged one it refuses).
    if (found != IncidentStore::current_version())
        throw Error("store schema version " + std::to_string(found) + ", expected " +
                        std::to_string(IncidentStore::current_version()) +
                        "; `incimap run` on it migrates it",
                    db.path().string());
}

// Reading a store in WAL mode needs its -shm file, which SQLite creates beside it: in a
// folder or on a file system that cannot be written, that fails with "unable to open
// database file". Such a store is read as immutable then, unless its -wal file holds
// changes that reading it that way would miss.
std::unique_ptr<Database> open_for_reading(const fs::path& store_or_run_dir) {
    const fs::path path = existing_store(store_or_run_dir);
    auto db = std::make_unique<Database>(path, Database::Mode::read_only);
    try {
        check_version(*db);
        return db;
    } catch (const Error& first) {
        std::error_code ec;
        const auto wal_size = fs::file_size(path.string() + "-wal", ec);
        if (!ec && wal_size > 0)
            throw Error(std::string(first.what()) +
                            " (the store cannot be written here and its -wal file holds "
                            "changes; open it where it can be written, or copy the folder)",
                        path.string());
        try {
            auto immutable = std::make_unique<Database>(path, Database::Mode::read_only_immutable);
            check_version(*immutable);
            return immutable;
        } catch (const Error&) {
            throw first;
        }
    }
}

}  // namespace

std::vector<Incident> load_incidents(const fs::path& store_or_run_dir) {
    const auto db_ptr = open_for_reading(store_or_run_dir);
    Database& db = *db_ptr;
    std::vector<Incident> out;
    visit_incident_rows(db, [&](const Incident& i) { out.push_back(i); });
    return out;
}

std::vector<Article> load_articles(const fs::path& store_or_run_dir) {
    return read_article_rows(*open_for_reading(store_or_run_dir));
}

}  // namespace incimap
