#pragma once
// The heatmap as a GeoTIFF that GIS software opens with the right CRS and colours.
#include <filesystem>

#include "output/heatmap.hpp"

namespace incimap {

// Value written in the GeoTIFF's nodata tag. As in QGIS's heatmap, every cell holds a real
// density (0 where no incident is within the radius); the tag is there so tools that expect
// one find it.
inline constexpr double heatmap_nodata = -9999.0;

// Writes a Float32, DEFLATE-compressed GeoTIFF in the grid's CRS (WKT from the EPSG code),
// with nodata, band description and statistics, plus `<stem>.qml` beside it (the QGIS style
// with the heatmap colour ramp). Both files are written atomically. Throws incimap::Error
// naming the file on any GDAL failure.
void write_heatmap_geotiff(const HeatmapGrid& grid, const std::filesystem::path& tif_path);

}  // namespace incimap
