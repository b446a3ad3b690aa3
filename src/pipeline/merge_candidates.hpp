#pragma once
// Which incidents a new report could join, found without comparing it with every incident.
// An incident can take a report only if its first report is the same event as the report
// (dedup.hpp), so only first reports are indexed: by the place they name, by a grid cell of
// their point, by their governorate when they are governorate- or region-level, and, within
// each of those, by the days their event may lie in. A lookup returns a superset of the
// incidents whose first report is the same event as the report; same_event() decides.
#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "pipeline/dedup.hpp"

namespace incimap {

class MergeCandidates {
public:
    explicit MergeCandidates(const DedupRules& rules);

    // Indexes the first report of incident number `incident`.
    void add(const StoredReport& first, std::size_t incident);
    // The incidents whose first report may be the same event as `report`, ascending.
    std::vector<std::size_t> lookup(const StoredReport& report) const;
    // The same for keys as the store keeps them (index_keys) and lookups (lookup_keys).
    void add(const MergeKey& key, std::size_t incident);
    std::vector<std::size_t> lookup(const std::vector<MergeKey>& lookups) const;

    // The same index kept in the store (merge_keys, IncidentStore::for_each_indexed_incident):
    // the keys an incident with this first report is indexed under, with its days, and the
    // keys a lookup for `report` reads, with the days it needs (slack included).
    std::vector<MergeKey> index_keys(const StoredReport& first) const;
    std::vector<MergeKey> lookup_keys(const StoredReport& report) const;

private:
    // The entries of one key, by the span of days their event may lie in, so that a lookup
    // can seek to the days it needs in each span.
    struct DayIndex {
        std::map<long, std::multimap<long, std::size_t>> by_length;  // length -> first day
        std::vector<std::size_t> undated;  // no date and no publication date: any day
    };
    void collect(const MergeKey& lookup, std::vector<std::size_t>& out) const;
    // Cells of the grid whose squares intersect `radius_km` around a point.
    std::vector<std::string> cells_within(LonLat point, double radius_km) const;

    DedupRules rules_;
    double cell_degrees_;
    std::unordered_map<std::string, DayIndex> index_;
    std::vector<std::size_t> everywhere_;  // regions too wide for the grid
};

}  // namespace incimap
