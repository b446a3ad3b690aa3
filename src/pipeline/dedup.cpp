// Grouping reports into incidents, continuing the store's grouping, and the dedup report.
#include "pipeline/dedup.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "core/error.hpp"
#include "output/csv_cell.hpp"
#include "output/heatmap_file.hpp"
#include "pipeline/merge_candidates.hpp"

namespace incimap {
namespace {

// The merge's own version. A change to what same_event() accepts, to merge_reports() or to
// the order reports are taken in must increase it, so that stores merged by an older incimap
// are merged again rather than continued.
// Version 3: incidents carry merge keys (store_merge.hpp); an older store has none to look up.
// Version 4: incidents carry what a merge continues them from without their reports (their
// best report, first actor and victims, and the sources compared with).
constexpr int merge_version = 4;

std::string count_text(const Count& c) { return c.value ? std::to_string(*c.value) : "none"; }

// Reports between two looks at the stop request and the progress callback.
constexpr std::size_t reports_per_check = 256;

// An incident as a merge builds it.
struct Cluster {
    std::string incident_id;          // as stored; empty for a new incident
    std::size_t stored_sources = 0;   // reports an earlier merge gave it
    MergingIncident merged;
    std::vector<MergedIncident::Source> added;  // the reports this merge gave it, in order
    // What a joining report is compared with: the articles of the members, and one member
    // per comparison key (a report is the same event as every member exactly when it comes
    // from none of their articles and is the same event as each of these). A stored
    // incident's articles are left out: no report a merge adds comes from them
    // (continue_merge).
    std::unordered_set<std::int64_t> articles;
    std::unordered_set<std::string> keys;
    std::vector<const StoredReport*> compared;  // the first report first

    explicit Cluster(const StoredReport& first) : merged(first) { note(first, std::string()); }
    explicit Cluster(const ContinuedIncident& c)
        : incident_id(c.stored->incident.incident_id),
          stored_sources(c.stored->sources),
          merged(c.stored->incident, *c.best, c.stored->state.first_actor,
                 c.stored->state.first_victims),
          compared(c.compared) {
        for (const StoredReport* r : compared) keys.insert(comparison_key(*r));
    }

    const StoredReport& first() const { return *compared.front(); }
    bool changed() const { return !added.empty(); }

    void join(const StoredReport& report, std::string reason) {
        merged.add(report);
        note(report, std::move(reason));
    }
    bool takes(const StoredReport& report, const DedupRules& rules,
               std::size_t& comparisons) const {
        if (articles.count(report.article_key)) return false;
        return std::all_of(compared.begin(), compared.end(), [&](const StoredReport* m) {
            ++comparisons;
            return is_same_event(*m, report, rules);
        });
    }

private:
    void note(const StoredReport& report, std::string reason) {
        articles.insert(report.article_key);
        const bool first_of_kind = keys.insert(comparison_key(report)).second;
        if (first_of_kind) compared.push_back(&report);
        added.push_back({report.report_id, report.incident.article_id, std::move(reason),
                         first_of_kind});
    }
};

// The incidents to write of `clusters`: the changed ones, new ones with their merge keys.
DedupResult finish(const std::vector<Cluster>& clusters, std::size_t reports_merged,
                   const MergeHooks& hooks, const MergeCandidates* index = nullptr) {
    DedupResult result;
    result.reports_merged = reports_merged;
    std::unordered_set<std::string> ids;
    for (const Cluster& c : clusters)
        if (!c.incident_id.empty()) ids.insert(c.incident_id);
    const auto taken = [&](const std::string& id) {
        return ids.count(id) || (hooks.stored_id_in_use && hooks.stored_id_in_use(id));
    };
    for (const Cluster& c : clusters) {
        if (!c.changed()) continue;
        MergedIncident m;
        m.incident = c.merged.incident();
        m.sources = c.added;
        m.stored_sources = c.stored_sources;
        m.state = {c.merged.best_report(), c.merged.first_actor(), c.merged.first_victims()};
        if (!c.incident_id.empty()) {
            m.incident.incident_id = c.incident_id;
        } else {
            // The same article id read from two files with different text gives equal ids.
            const std::string base = m.incident.incident_id;
            for (int n = 2; taken(m.incident.incident_id); ++n)
                m.incident.incident_id = base + "-" + std::to_string(n);
            ids.insert(m.incident.incident_id);
            if (index) m.merge_keys = index->index_keys(c.first());
        }
        result.merges += c.added.size() - (c.incident_id.empty() ? 1 : 0);
        result.incidents.push_back(std::move(m));
    }
    return result;
}

}  // namespace

std::string merge_settings(bool dedup, const DedupRules& rules) {
    nlohmann::json j;
    j["version"] = merge_version;
    j["dedup"] = dedup;
    if (dedup) {
        j["max_distance_km"] = rules.max_distance_km;
        j["date_slack_days"] = rules.date_slack_days;
        j["news_window_days"] = rules.news_window_days;
        j["recall_window_days"] = rules.recall_window_days;
        j["undated_distance_km"] = rules.undated_distance_km;
    }
    return j.dump();
}

DedupResult keep_reports_apart(const std::vector<StoredReport>& reports,
                               const MergeHooks& hooks) {
    std::vector<Cluster> clusters;
    clusters.reserve(reports.size());
    for (const StoredReport& r : reports) clusters.emplace_back(r);
    return finish(clusters, reports.size(), hooks);
}

DedupResult deduplicate(const std::vector<StoredReport>& reports, const DedupRules& rules,
                        const MergeHooks& hooks) {
    return continue_merge({}, reports, rules, hooks);
}

DedupResult continue_merge(const std::vector<ContinuedIncident>& stored,
                           const std::vector<StoredReport>& added, const DedupRules& rules,
                           const MergeHooks& hooks) {
    std::vector<Cluster> clusters(stored.begin(), stored.end());
    MergeCandidates candidates(rules);
    for (std::size_t c = 0; c < clusters.size(); ++c) candidates.add(clusters[c].first(), c);

    std::size_t comparisons = 0;
    for (std::size_t n = 0; n < added.size(); ++n) {
        if (n % reports_per_check == 0) {
            if (hooks.on_progress) hooks.on_progress(n, added.size());
            if (hooks.stop_requested && hooks.stop_requested()) throw MergeInterrupted{};
        }
        const StoredReport& r = added[n];
        std::optional<std::size_t> joined;
        for (std::size_t c : candidates.lookup(r)) {
            if (clusters[c].takes(r, rules, comparisons)) {
                joined = c;
                break;
            }
        }
        if (joined) {
            Cluster& c = clusters[*joined];
            c.join(r, "with " + c.first().incident.article_id + ": " +
                          *same_event(c.first(), r, rules));
        } else {
            clusters.emplace_back(r);
            candidates.add(r, clusters.size() - 1);
        }
    }
    if (hooks.on_progress) hooks.on_progress(added.size(), added.size());
    DedupResult result = finish(clusters, added.size(), hooks, &candidates);
    result.comparisons = comparisons;
    return result;
}

namespace {

// Writes the dedup report's rows, which `rows` passes one by one to the function it is given.
void write_dedup_rows(
    const std::filesystem::path& csv,
    const std::function<void(const std::function<void(const JoinedReport&)>&)>& rows) {
    write_file_atomically(csv, [&](const std::filesystem::path& tmp) {
        std::ofstream out(tmp, std::ios::binary);
        out << "incident_id,report_incident_id,article_id,first_article_id,event_type,"
               "event_date,place_name,killed,merged_killed,reasons\n";
        rows([&](const JoinedReport& row) {
            out << csv_field(row.incident_id) << ',' << csv_field(row.report_incident_id) << ','
                << csv_field(row.article_id) << ',' << csv_field(row.first_article_id) << ','
                << csv_field(row.event_type) << ',' << row.event_date << ','
                << csv_field(row.place_name) << ',' << count_text(Count{row.killed}) << ','
                << count_text(Count{row.incident_killed}) << ',' << csv_field(row.reason) << '\n';
        });
        out.flush();
        if (!out) throw Error("cannot write the dedup report", tmp.string());
    });
}

}  // namespace

void write_dedup_report(const DedupResult& result, const std::vector<StoredReport>& reports,
                        const std::filesystem::path& csv) {
    std::map<std::int64_t, const StoredReport*> by_id;
    for (const StoredReport& r : reports) by_id[r.report_id] = &r;
    write_dedup_rows(csv, [&](const auto& visit) {
        for (const MergedIncident& m : result.incidents) {
            for (std::size_t i = 1; i < m.sources.size(); ++i) {
                const Incident& in = by_id.at(m.sources[i].report_id)->incident;
                visit(JoinedReport{m.incident.incident_id,
                                   m.incident.casualties.killed.value,
                                   m.sources[0].article_id,
                                   in.incident_id,
                                   in.article_id,
                                   in.event_type,
                                   in.event_date ? in.event_date->iso() : std::string(),
                                   in.where.place ? in.where.place->name : std::string(),
                                   in.casualties.killed.value,
                                   m.sources[i].reason});
            }
        }
    });
}

void write_dedup_report(IncidentStore& store, const std::filesystem::path& csv) {
    write_dedup_rows(csv, [&](const auto& visit) { store.for_each_joined_report(visit); });
}

}  // namespace incimap
