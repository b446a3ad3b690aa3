#pragma once
// The points of a heatmap: incidents of a previous run, read with GDAL/OGR from the run's
// incidents layer (incidents.geojson, or the "incidents" layer of incidents.gpkg).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "output/heatmap.hpp"

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

// The incidents file of a run directory: incidents.geojson, else incidents.gpkg.
// nullopt when neither exists.
std::optional<std::filesystem::path> find_incidents_file(const std::filesystem::path& run_dir);

// True when `wanted` names this governorate: its P-code (any case) or its name, ignoring case,
// punctuation and a leading article ("Deir-ez-Zor" = "deir ez zor", "Ar-Raqqa" = "Raqqa").
bool governorate_matches(std::string_view wanted, std::string_view pcode, std::string_view name);

}  // namespace incimap
