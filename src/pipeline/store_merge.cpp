#include "pipeline/store_merge.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/error.hpp"
#include "pipeline/merge_candidates.hpp"

namespace incimap {
namespace {

// The ids of the stored incidents that some report of `added` may join, in id order: those
// whose merge keys a lookup for the report finds and whose first report is the same event as
// it (every member of an incident a report joins is).
//
// Reports of one kind (comparison_key; copies of one story often are) look up the same keys
// and are the same event as the same reports of other articles: each kind is looked up and
// tested once. The store's index is read one key at a time, each key once for every lookup
// that names it, into an index of that key alone; first reports are read one at a time, in
// the order stored.
std::vector<std::string> candidate_incidents(IncidentStore& store, const DedupRules& rules,
                                             const std::vector<StoredReport>& added) {
    std::unordered_map<std::string, const StoredReport*> kinds;
    for (const StoredReport& r : added) kinds.emplace(comparison_key(r), &r);
    const MergeCandidates keys(rules);
    std::map<std::string, std::vector<std::pair<MergeKey, const StoredReport*>>> by_key;
    for (const auto& [kind, r] : kinds)
        for (MergeKey& lookup : keys.lookup_keys(*r)) {
            auto& lookups = by_key[lookup.key];
            lookups.emplace_back(std::move(lookup), r);
        }

    struct Found {
        std::string incident_id;
        std::vector<const StoredReport*> lookers;
    };
    std::map<std::int64_t, Found> by_first_report;
    for (const auto& [key, lookups] : by_key) {
        std::vector<IndexedIncident> listed;
        MergeCandidates one_key(rules);
        store.for_each_indexed_incident(key, [&](IndexedIncident&& i) {
            one_key.add(MergeKey{key, i.first_day, i.last_day}, listed.size());
            listed.push_back(std::move(i));
        });
        for (const auto& [lookup, looker] : lookups)
            for (std::size_t n : one_key.lookup({lookup})) {
                Found& found = by_first_report[listed[n].first_report];
                found.incident_id = listed[n].incident_id;
                found.lookers.push_back(looker);
            }
    }

    std::vector<std::int64_t> firsts;
    for (const auto& [first, found] : by_first_report) firsts.push_back(first);
    std::vector<std::string> out;
    store.for_each_report(firsts, [&](StoredReport&& first) {
        const Found& found = by_first_report.at(first.report_id);
        if (std::any_of(found.lookers.begin(), found.lookers.end(),
                        [&](const StoredReport* r) { return is_same_event(first, *r, rules); }))
            out.push_back(found.incident_id);
    });
    std::sort(out.begin(), out.end());
    return out;
}

// The stored incidents with the reports of them a continued merge reads, which `held` keeps.
std::vector<ContinuedIncident> continued_incidents(IncidentStore& store,
                                                   const std::vector<StoredIncident>& stored,
                                                   std::vector<StoredReport>& held) {
    std::vector<std::int64_t> ids;
    for (const StoredIncident& s : stored) {
        ids.insert(ids.end(), s.compared.begin(), s.compared.end());
        ids.push_back(s.state.best_report);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    held = store.reports(ids);
    const auto report = [&](std::int64_t id) {
        const auto it = std::lower_bound(
            held.begin(), held.end(), id,
            [](const StoredReport& r, std::int64_t wanted) { return r.report_id < wanted; });
        if (it == held.end() || it->report_id != id)
            throw Error("an incident lists report " + std::to_string(id) +
                            ", which the store does not hold: the store is damaged; restore "
                            "it from a backup or give another --store",
                        store.path().string());
        return &*it;
    };
    std::vector<ContinuedIncident> out;
    out.reserve(stored.size());
    for (const StoredIncident& s : stored) {
        ContinuedIncident c{&s, {}, report(s.state.best_report)};
        for (std::int64_t id : s.compared) c.compared.push_back(report(id));
        out.push_back(std::move(c));
    }
    return out;
}

// True when no report of `added` comes from the article of a merged report, which a
// continued merge takes for granted (continue_merge).
bool added_after_merged_articles(IncidentStore& store, const std::vector<StoredReport>& added) {
    const std::int64_t last = store.last_merged_article();
    return std::all_of(added.begin(), added.end(),
                       [&](const StoredReport& r) { return r.article_key > last; });
}

}  // namespace

StoreMergeSummary merge_store(IncidentStore& store, bool dedup, const DedupRules& rules,
                              const MergeHooks& hooks) {
    const std::string settings = merge_settings(dedup, rules);
    StoreMergeSummary summary;
    bool continues = store.merge_settings() == settings && store.merged_reports_come_first();
    std::vector<StoredReport> added;
    if (continues) {
        added = store.reports_not_merged();
        continues = added_after_merged_articles(store, added);
    }
    if (continues) {
        // A report joins the first incident all of whose reports are the same event as it,
        // and only incidents found under its keys can be: merging it with those alone, in
        // store order, gives the incident it would join among all of them.
        summary.continued = store.merged_source_count() > 0;
        MergeHooks partial = hooks;
        partial.stored_id_in_use = [&](const std::string& id) { return store.has_incident(id); };
        DedupResult merged;
        if (dedup) {
            const std::vector<StoredIncident> stored =
                store.stored_incidents(candidate_incidents(store, rules, added));
            std::vector<StoredReport> held;
            merged = continue_merge(continued_incidents(store, stored, held), added, rules, partial);
        } else {
            merged = keep_reports_apart(added, partial);
        }
        store.update_incidents(merged.incidents, settings);
        summary.reports_merged = merged.reports_merged;
    } else {
        const std::vector<StoredReport> reports = store.reports();
        const DedupResult merged =
            dedup ? deduplicate(reports, rules, hooks) : keep_reports_apart(reports, hooks);
        store.replace_incidents(merged.incidents, settings);
        summary.reports_merged = merged.reports_merged;
    }
    summary.incidents = static_cast<std::size_t>(store.incident_count());
    summary.merges = static_cast<std::size_t>(store.merged_report_count());
    return summary;
}

}  // namespace incimap
