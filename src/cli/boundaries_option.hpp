#pragma once
// Governorate outlines for the maps drawn by `heatmap` and `brief`.
#include <filesystem>
#include <string>

#include "output/heatmap_boundaries.hpp"

namespace incimap::cli {

// The outlines from --boundaries when given; else the run's incidents.gpkg (layer
// governorates), else the gazetteer (layer admin1). Unreadable candidates are warned about and
// passed over; with none, a warning ending in `without_note` and empty boundaries.
MapBoundaries find_map_boundaries(const std::string& explicit_path,
                                  const std::filesystem::path& run_dir,
                                  const std::string& without_note);

}  // namespace incimap::cli
