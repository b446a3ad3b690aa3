#pragma once
// One colour ramp for the heatmap, shared by the PNG renderer and the QGIS style written
// beside the GeoTIFF, so both show the same colours for the same values.
#include <array>
#include <filesystem>
#include <string>

#include "output/heatmap.hpp"

namespace incimap {

struct Rgba {
    double r = 0, g = 0, b = 0, a = 1;  // 0..1
};

// Colour of a cell whose value is `fraction` (0..1) of the grid maximum. Colours follow the
// square root of the value, because casualty densities are heavy-tailed and a linear ramp
// shows only the single worst place. Zero is fully transparent.
Rgba heatmap_colour(double fraction);

// The value (as a fraction of the maximum) at which the ramp reaches position t (0..1):
// the inverse of the square-root stretch, for legends and QGIS colour-ramp stops.
double heatmap_value_at(double t);

// A legend value to three significant digits, without exponent or trailing zeros: 12300,
// 316, 19.7, 0.0421. The raster keeps the exact values; only labels are rounded.
std::string legend_number(double value);

// QGIS layer style (singleband pseudocolour, same ramp, zero transparent). QGIS applies a
// .qml named like the raster automatically when the raster is opened.
void write_heatmap_qml(const HeatmapGrid& grid, const std::filesystem::path& qml_path);

}  // namespace incimap
