#pragma once
// Kernel density of weighted incidents: the heatmap of issue 5. The kernel, the grid alignment
// and the "raw" scaling follow QGIS's "Heatmap (Kernel Density Estimation)"
// (native:heatmapkerneldensityestimation, QgsKernelDensityEstimation in
// src/analysis/raster/qgskde.cpp) so that our raster and QGIS's agree cell by cell.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/cancellation.hpp"
#include "core/place.hpp"
#include "geo/proj_transform.hpp"

namespace incimap {

struct WeightedPoint {
    LonLat where;
    double weight = 1;
};

struct PlanarWeightedPoint {
    PlanarXY where;
    double weight = 1;
};

// How kernel values are scaled.
enum class KernelScaling {
    // QGIS's "Raw" output: weight * (1 - (d/r)^2)^2. A lone incident peaks at its weight.
    raw,
    // A true density in weight per km^2: raw * 3 / (pi r_km^2), so that the raster summed over
    // cells times the cell area gives the total weight. (QGIS's "Scaled" output uses a
    // different constant that does not integrate to one, so we do not offer it.)
    density,
};

std::string_view to_string(KernelScaling s);
std::optional<KernelScaling> parse_kernel_scaling(std::string_view text);

// An axis-aligned rectangle in the grid CRS.
struct PlanarExtent {
    double min_x = 0;
    double min_y = 0;
    double max_x = 0;
    double max_y = 0;
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
};

struct HeatmapOptions {
    double radius_m = 10'000;  // kernel bandwidth
    double cell_m = 500;       // square cells
    KernelScaling scaling = KernelScaling::raw;
    std::string crs = syria_lambert_crs;  // metric CRS the kernel is computed in
    // The area to cover, in `crs`. Default, as QGIS: the points' bounding box grown by the
    // radius on every side. Required when there are no points.
    std::optional<PlanarExtent> extent;
    // Checked every thousand points: kernel_density throws Cancelled when it asks to stop.
    CancellationToken cancel;
};

// A north-up raster: row 0 is the northern row, values row-major.
struct HeatmapGrid {
    std::string crs;
    double west = 0;   // x of the left edge of column 0
    double north = 0;  // y of the top edge of row 0
    double cell = 0;
    int cols = 0;
    int rows = 0;
    std::vector<float> values;

    double radius_m = 0;
    KernelScaling scaling = KernelScaling::raw;
    std::size_t point_count = 0;  // points that went in (weight 0 included)
    double total_weight = 0;

    float at(int col, int row) const { return values[static_cast<std::size_t>(row) * cols + col]; }
    PlanarXY cell_centre(int col, int row) const {
        return {west + (col + 0.5) * cell, north - (row + 0.5) * cell};
    }
    PlanarExtent extent() const { return {west, north - rows * cell, west + cols * cell, north}; }
    float max_value() const;
    // Sum of all cells times the cell area in km^2.
    double integral_km2() const;
};

// The quartic (biweight) kernel at `distance` from a point, 0 beyond `radius`.
double quartic_kernel(double distance, double radius, KernelScaling scaling);

// Projects lon/lat points to options.crs with PROJ, then computes the density.
// Throws incimap::Error for a non-positive radius or cell, a grid too large to hold in memory,
// or no points and no extent.
HeatmapGrid kernel_density(const std::vector<WeightedPoint>& lonlat_points,
                           const HeatmapOptions& options);
// The same for points already in options.crs.
HeatmapGrid kernel_density_planar(const std::vector<PlanarWeightedPoint>& points,
                                  const HeatmapOptions& options);

}  // namespace incimap
