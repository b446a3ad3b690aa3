#pragma once
// Merging the store's reports into its incidents with no more of the store in memory than the
// merge needs: a run that adds a few articles to a big store reads only the new reports and,
// of the stored incidents they may join (found by the merge keys the store keeps), the
// merged record and the few reports a joining report is compared with, never all their
// reports.
#include <cstddef>

#include "pipeline/dedup.hpp"
#include "store/incident_store.hpp"

namespace incimap {

struct StoreMergeSummary {
    bool continued = false;          // the store's earlier merge was continued
    std::size_t reports_merged = 0;  // reports this merge placed
    std::size_t incidents = 0;       // in the store afterwards
    std::size_t merges = 0;          // reports that joined another report's incident
};

// Merges the reports stored since the last merge into the stored incidents when the last
// merge had the same settings (merge_settings()), reading only the new reports and what
// continue_merge() needs of the incidents whose merge keys they look up; otherwise merges
// every report again. Either way the store ends with the incidents deduplicate() or
// keep_reports_apart() makes of all its reports. Throws MergeInterrupted, with the store unchanged, when a stop is
// requested.
StoreMergeSummary merge_store(IncidentStore& store, bool dedup, const DedupRules& rules,
                              const MergeHooks& hooks = {});

}  // namespace incimap
