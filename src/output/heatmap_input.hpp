#pragma once
// The points of a heatmap: incidents of a previous run, read with GDAL/OGR from the run's
// incidents layer (incidents.geojson, or the "incidents" layer of incidents.gpkg).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/incident.hpp"
#include "output/heatmap.hpp"
#include "output/incident_filter.hpp"

namespace incimap {

// What one incident weighs in the heatmap.
enum class HeatmapWeight {
    killed,      // the "killed" property
    casualties,  // killed + injured
    incidents,   // 1 each: where things happen, whatever their toll
};
std::string_view to_string(HeatmapWeight w);
std::optional<HeatmapWeight> parse_heatmap_weight(std::string_view text);

struct IncidentSelection {
    std::optional<Date> from;  // inclusive; incidents without event_date are left out
    std::optional<Date> to;    // inclusive
    std::string governorate;   // OCHA P-code ("SY04") or name ("Homs", "Deir ez-Zor"); empty: all
};

struct HeatmapInput {
    std::vector<WeightedPoint> points;
    std::size_t features_read = 0;
    std::size_t without_geometry = 0;   // skipped: nothing to place
    std::size_t outside_selection = 0;  // skipped by date or governorate
    // Every governorate (P-code and name) seen in the file, for "unknown governorate" errors.
    std::vector<std::pair<std::string, std::string>> governorates_seen;
    bool governorate_known = true;  // false when selection.governorate matched nothing seen
};

// Reads point features with the properties killed, injured, event_date (YYYY-MM-DD),
// admin1_pcode, admin1_name. Missing or null counts weigh 0. Throws incimap::Error naming the
// file when it cannot be opened or holds no point layer.
HeatmapInput read_heatmap_input(const std::filesystem::path& incidents_file, HeatmapWeight weight,
                                const IncidentSelection& selection);

// True when the filter keeps the incident and it has a point in Syria: the points of the
// heatmaps of `run` and `heatmap`, and the incidents `map` writes with a point.
bool on_heatmap(const Incident& incident, const IncidentFilter& filter);

// The points of incidents already read (a run's store), on_heatmap, weighed by the same
// killed and injured figures as the layers (docs/figures.md).
HeatmapInput heatmap_input_of(const std::vector<Incident>& incidents, HeatmapWeight weight,
                              const IncidentFilter& filter);

// The incidents file of a run directory: incidents.geojson, else incidents.gpkg.
// nullopt when neither exists.
std::optional<std::filesystem::path> find_incidents_file(const std::filesystem::path& run_dir);

}  // namespace incimap
