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
constexpr int merge_version = 3;

std::string count_text(const Count& c) { return c.value ? std::to_string(*c.value) : "none"; }

// Reports between two looks at the stop request and the progress callback.
constexpr std::size_t reports_per_check = 256;

struct Cluster {
    std::vector<const StoredReport*> members;  // in report order
    std::vector<std::string> reasons;          // per member; empty for the first
    std::string incident_id;                   // as stored; empty for a new incident
    bool changed = true;                       // new, or took a report in this merge
    // What a joining report is compared with: the articles of the members, and one member
    // per comparison key (a report is the same event as every member exactly when it comes
    // from none of their articles and is the same event as each of these).
    std::unordered_set<std::int64_t> articles;
    std::unordered_set<std::string> keys;
    std::vector<const StoredReport*> distinct;

    void add(const StoredReport* report, std::string reason) {
        members.push_back(report);
        reasons.push_back(std::move(reason));
        articles.insert(report->article_key);
        if (keys.insert(comparison_key(*report)).second) distinct.push_back(report);
    }
    bool takes(const StoredReport& report, const DedupRules& rules,
               std::size_t& comparisons) const {
        if (articles.count(report.article_key)) return false;
        return std::all_of(distinct.begin(), distinct.end(), [&](const StoredReport* m) {
            ++comparisons;
            return is_same_event(*m, report, rules);
        });
    }
};

Cluster new_cluster(const StoredReport& first) {
    Cluster c;
    c.add(&first, std::string());
    return c;
}

// `earlier` as clusters of `reports`, or nullopt when it does not consist of exactly the
// first reports (in id order), each once: then it cannot be continued.
std::optional<std::vector<Cluster>> restore(const std::vector<StoredReport>& reports,
                                            const std::vector<IncidentMembers>& earlier) {
    const auto by_id = [](const StoredReport& r, std::int64_t id) { return r.report_id < id; };
    if (!std::is_sorted(
            reports.begin(), reports.end(),
            [](const StoredReport& a, const StoredReport& b) { return a.report_id < b.report_id; }))
        return std::nullopt;
    std::size_t covered = 0;
    for (const IncidentMembers& m : earlier) covered += m.sources.size();
    if (covered > reports.size()) return std::nullopt;
    std::vector<bool> taken(covered, false);
    std::vector<Cluster> clusters;
    clusters.reserve(earlier.size());
    for (const IncidentMembers& m : earlier) {
        if (m.sources.empty()) return std::nullopt;
        Cluster c;
        c.incident_id = m.incident_id;
        c.changed = false;
        for (const auto& source : m.sources) {
            const auto it =
                std::lower_bound(reports.begin(), reports.end(), source.report_id, by_id);
            const auto at = static_cast<std::size_t>(it - reports.begin());
            if (at >= covered || it->report_id != source.report_id || taken[at])
                return std::nullopt;
            taken[at] = true;
            c.add(&*it, source.reason);
        }
        clusters.push_back(std::move(c));
    }
    return clusters;
}

std::size_t reports_in(const std::vector<Cluster>& clusters) {
    std::size_t n = 0;
    for (const Cluster& c : clusters) n += c.members.size();
    return n;
}

// The incidents of `clusters`; `index`, when given, adds the merge keys of those to rewrite.
DedupResult finish(const std::vector<Cluster>& clusters, bool continued, std::size_t reports_merged,
                   const MergeHooks& hooks, const MergeCandidates* index = nullptr) {
    DedupResult result;
    result.continued = continued;
    result.reports_merged = reports_merged;
    std::unordered_set<std::string> ids;
    for (const Cluster& c : clusters)
        if (!c.incident_id.empty()) ids.insert(c.incident_id);
    const auto taken = [&](const std::string& id) {
        return ids.count(id) || (hooks.stored_id_in_use && hooks.stored_id_in_use(id));
    };
    result.incidents.reserve(clusters.size());
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const Cluster& c = clusters[i];
        MergedIncident m;
        m.incident = c.members.size() == 1 ? c.members.front()->incident : merge_reports(c.members);
        for (std::size_t k = 0; k < c.members.size(); ++k)
            m.sources.push_back(
                {c.members[k]->report_id, c.members[k]->incident.article_id, c.reasons[k]});
        if (!c.incident_id.empty()) {
            m.incident.incident_id = c.incident_id;
        } else {
            // The same article id read from two files with different text gives equal ids.
            const std::string base = m.incident.incident_id;
            for (int n = 2; taken(m.incident.incident_id); ++n)
                m.incident.incident_id = base + "-" + std::to_string(n);
            ids.insert(m.incident.incident_id);
        }
        if (c.changed) {
            result.changed.push_back(i);
            if (index) m.merge_keys = index->index_keys(*c.members.front());
        }
        result.merges += c.members.size() - 1;
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
                               const std::vector<IncidentMembers>& earlier,
                               const MergeHooks& hooks) {
    auto restored = restore(reports, earlier);
    std::vector<Cluster> clusters = restored ? std::move(*restored) : std::vector<Cluster>{};
    const std::size_t start = reports_in(clusters);
    for (std::size_t n = start; n < reports.size(); ++n)
        clusters.push_back(new_cluster(reports[n]));
    return finish(clusters, restored && !earlier.empty(), reports.size() - start, hooks);
}

DedupResult deduplicate(const std::vector<StoredReport>& reports, const DedupRules& rules,
                        const std::vector<IncidentMembers>& earlier, const MergeHooks& hooks) {
    auto restored = restore(reports, earlier);
    std::vector<Cluster> clusters = restored ? std::move(*restored) : std::vector<Cluster>{};
    MergeCandidates candidates(rules);
    for (std::size_t c = 0; c < clusters.size(); ++c)
        candidates.add(*clusters[c].members.front(), c);

    const std::size_t start = reports_in(clusters);
    const std::size_t total = reports.size() - start;
    std::size_t comparisons = 0;
    for (std::size_t n = start; n < reports.size(); ++n) {
        if ((n - start) % reports_per_check == 0) {
            if (hooks.on_progress) hooks.on_progress(n - start, total);
            if (hooks.stop_requested && hooks.stop_requested()) throw MergeInterrupted{};
        }
        const StoredReport& r = reports[n];
        std::optional<std::size_t> joined;
        for (std::size_t c : candidates.lookup(r)) {
            if (clusters[c].takes(r, rules, comparisons)) {
                joined = c;
                break;
            }
        }
        if (joined) {
            Cluster& c = clusters[*joined];
            const StoredReport& first = *c.members.front();
            c.add(&r, "with " + first.incident.article_id + ": " + *same_event(first, r, rules));
            c.changed = true;
        } else {
            clusters.push_back(new_cluster(r));
            candidates.add(r, clusters.size() - 1);
        }
    }
    if (hooks.on_progress) hooks.on_progress(total, total);
    DedupResult result = finish(clusters, restored && !earlier.empty(), total, hooks, &candidates);
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
            const Incident& in = row.report;
            out << csv_field(row.incident_id) << ',' << csv_field(in.incident_id) << ','
                << csv_field(in.article_id) << ',' << csv_field(row.first_article_id) << ','
                << csv_field(in.event_type) << ','
                << (in.event_date ? in.event_date->iso() : std::string()) << ','
                << csv_field(in.where.place ? in.where.place->name : std::string()) << ','
                << count_text(in.casualties.killed) << ',' << count_text(Count{row.incident_killed})
                << ',' << csv_field(row.reason) << '\n';
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
            for (std::size_t i = 1; i < m.sources.size(); ++i)
                visit(JoinedReport{m.incident.incident_id, m.incident.casualties.killed.value,
                                   m.sources[0].article_id,
                                   by_id.at(m.sources[i].report_id)->incident,
                                   m.sources[i].reason});
        }
    });
}

void write_dedup_report(IncidentStore& store, const std::filesystem::path& csv) {
    write_dedup_rows(csv, [&](const auto& visit) { store.for_each_joined_report(visit); });
}

}  // namespace incimap
