#pragma once
// The heatmap as a picture anyone can open: the raster coloured over governorate boundaries,
// with a title, a legend, a scale bar and a north arrow (cairo, DejaVu fonts).
#include <filesystem>
#include <string>
#include <vector>

#include "output/heatmap.hpp"
#include "output/heatmap_boundaries.hpp"

namespace incimap {

struct PngMapOptions {
    int width_px = 1600;
    std::string title = "Heatmap of incidents";
    std::vector<std::string> subtitle;   // one line each: period, weight, parameters
    std::string value_label = "weight";  // what the legend's numbers count
    std::string focus;  // P-code or name of a governorate to zoom on; empty: whole map
    std::string attribution =
        "Boundaries: OCHA COD-AB (admin 1). Projection EPSG:22770 Syria Lambert.";
    // Written across the map when the grid holds no weight at all.
    std::string empty_message = "No incidents in the selected period";
};

// Writes a PNG (atomically). The map covers the boundaries and the grid (or the focused
// governorate). Throws incimap::Error naming the file when cairo cannot write it.
void render_heatmap_png(const HeatmapGrid& grid, const MapBoundaries& boundaries,
                        const std::filesystem::path& png_path, const PngMapOptions& options = {});

}  // namespace incimap
