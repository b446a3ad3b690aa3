#include "pipeline/store_merge.hpp"

#include <algorithm>
#include <map>

#include "pipeline/merge_candidates.hpp"

namespace incimap {
namespace {

// The ids of the stored incidents that some report of `added` may join, in id order: those
// whose merge keys a lookup for the report finds and whose first report is the same event as
// it (every member of an incident a report joins is). First reports are read one at a time.
std::vector<std::string> candidate_incidents(IncidentStore& store, const DedupRules& rules,
                                             const std::vector<StoredReport>& added) {
    const MergeCandidates keys(rules);
    const std::vector<long> spans = keys.spans();
    std::map<std::string, std::vector<const StoredReport*>> found;  // incident -> its lookers
    for (const StoredReport& r : added)
        for (std::string& id : store.incidents_under(keys.lookup_keys(r), spans))
            found[std::move(id)].push_back(&r);
    std::vector<std::string> ids;
    for (const auto& [id, lookers] : found) ids.push_back(id);
    const std::vector<std::int64_t> firsts = store.first_reports(ids);
    std::map<std::int64_t, const std::string*> incident_of;
    for (std::size_t i = 0; i < ids.size(); ++i) incident_of[firsts[i]] = &ids[i];
    std::vector<std::string> out;
    store.for_each_report(firsts, [&](StoredReport&& first) {
        const std::string& id = *incident_of.at(first.report_id);
        const auto& lookers = found.at(id);
        if (std::any_of(lookers.begin(), lookers.end(),
                        [&](const StoredReport* r) { return is_same_event(first, *r, rules); }))
            out.push_back(id);
    });
    std::sort(out.begin(), out.end());
    return out;
}

// The candidates' reports (they come before every new one) and the new reports, in order.
std::vector<StoredReport> reports_to_merge(IncidentStore& store,
                                           const std::vector<IncidentMembers>& candidates,
                                           std::vector<StoredReport> added) {
    std::vector<std::int64_t> ids;
    for (const IncidentMembers& m : candidates)
        for (const auto& source : m.sources) ids.push_back(source.report_id);
    std::vector<StoredReport> reports = store.reports(ids);
    reports.insert(reports.end(), std::make_move_iterator(added.begin()),
                   std::make_move_iterator(added.end()));
    return reports;
}

}  // namespace

StoreMergeSummary merge_store(IncidentStore& store, bool dedup, const DedupRules& rules,
                              const MergeHooks& hooks) {
    const std::string settings = merge_settings(dedup, rules);
    StoreMergeSummary summary;
    if (store.merge_settings() == settings && store.merged_reports_come_first()) {
        // A report joins the first incident all of whose reports are the same event as it,
        // and only incidents found under its keys can be: merging it with those alone, in
        // store order, gives the incident it would join among all of them.
        summary.continued = store.merged_source_count() > 0;
        std::vector<StoredReport> added = store.reports_not_merged();
        const std::vector<IncidentMembers> candidates =
            dedup ? store.incident_members(candidate_incidents(store, rules, added))
                  : std::vector<IncidentMembers>{};
        const std::vector<StoredReport> reports =
            reports_to_merge(store, candidates, std::move(added));
        MergeHooks partial = hooks;
        partial.stored_id_in_use = [&](const std::string& id) { return store.has_incident(id); };
        const DedupResult merged = dedup ? deduplicate(reports, rules, candidates, partial)
                                         : keep_reports_apart(reports, candidates, partial);
        store.update_incidents(merged.incidents, merged.changed, settings);
        summary.reports_merged = merged.reports_merged;
    } else {
        const std::vector<StoredReport> reports = store.reports();
        const DedupResult merged =
            dedup ? deduplicate(reports, rules, {}, hooks) : keep_reports_apart(reports);
        store.replace_incidents(merged.incidents, settings);
        summary.reports_merged = merged.reports_merged;
    }
    summary.incidents = static_cast<std::size_t>(store.incident_count());
    summary.merges = static_cast<std::size_t>(store.merged_report_count());
    return summary;
}

}  // namespace incimap
