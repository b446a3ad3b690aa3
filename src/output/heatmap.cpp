#include "output/heatmap.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.hpp"

namespace incimap {
namespace {

// Beyond this many cells (1.6 GB of floats) the user almost certainly asked for too fine a
// cell over too wide an area; say so instead of exhausting memory.
constexpr double max_cells = 400'000'000;

double density_constant(double radius_m) {
    // Integral of (1 - (d/r)^2)^2 over the disc of radius r is pi r^2 / 3.
    const double r_km = radius_m / 1000.0;
    return 3.0 / (std::numbers::pi * r_km * r_km);
}

bool usable(const PlanarWeightedPoint& p) {
    return std::isfinite(p.where.x) && std::isfinite(p.where.y) && std::isfinite(p.weight);
}

// Bounding box of the usable points grown by the radius; nullopt when there are none.
std::optional<PlanarExtent> points_extent(const std::vector<PlanarWeightedPoint>& points,
                                          double radius) {
    std::optional<PlanarExtent> found;
    for (const auto& p : points) {
        if (!usable(p)) continue;
        if (!found) found = PlanarExtent{p.where.x, p.where.y, p.where.x, p.where.y};
        PlanarExtent& e = *found;
        e.min_x = std::min(e.min_x, p.where.x);
        e.min_y = std::min(e.min_y, p.where.y);
        e.max_x = std::max(e.max_x, p.where.x);
        e.max_y = std::max(e.max_y, p.where.y);
    }
    if (found) {
        found->min_x -= radius;
        found->min_y -= radius;
        found->max_x += radius;
        found->max_y += radius;
    }
    return found;
}

void add_point(HeatmapGrid& grid, const PlanarWeightedPoint& p, double constant) {
    const double r = grid.radius_m;
    const double r2 = r * r;
    const int col_first =
        std::max(0, static_cast<int>(std::floor((p.where.x - r - grid.west) / grid.cell)));
    const int col_last = std::min(
        grid.cols - 1, static_cast<int>(std::floor((p.where.x + r - grid.west) / grid.cell)));
    const int row_first =
        std::max(0, static_cast<int>(std::floor((grid.north - p.where.y - r) / grid.cell)));
    const int row_last = std::min(
        grid.rows - 1, static_cast<int>(std::floor((grid.north - p.where.y + r) / grid.cell)));
    const double scale = p.weight * constant;
    for (int row = row_first; row <= row_last; ++row) {
        const double dy = grid.north - (row + 0.5) * grid.cell - p.where.y;
        const double dy2 = dy * dy;
        if (dy2 > r2) continue;
        float* line = grid.values.data() + static_cast<std::size_t>(row) * grid.cols;
        for (int col = col_first; col <= col_last; ++col) {
            const double dx = grid.west + (col + 0.5) * grid.cell - p.where.x;
            const double d2 = dx * dx + dy2;
            if (d2 > r2) continue;  // QGIS: "is pixel outside search bandwidth of feature?"
            const double u = 1.0 - d2 / r2;
            line[col] += static_cast<float>(scale * u * u);
        }
    }
}

}  // namespace

std::string_view to_string(KernelScaling s) { return s == KernelScaling::raw ? "raw" : "density"; }

std::optional<KernelScaling> parse_kernel_scaling(std::string_view text) {
    if (text == "raw") return KernelScaling::raw;
    if (text == "density") return KernelScaling::density;
    return std::nullopt;
}

float HeatmapGrid::max_value() const {
    return values.empty() ? 0.0f : *std::max_element(values.begin(), values.end());
}

double HeatmapGrid::integral_km2() const {
    double sum = 0;
    for (float v : values) sum += v;
    return sum * (cell / 1000.0) * (cell / 1000.0);
}

double quartic_kernel(double distance, double radius, KernelScaling scaling) {
    if (distance > radius || radius <= 0) return 0;
    const double t = distance / radius;
    const double u = 1.0 - t * t;
    const double raw = u * u;  // Wand and Jones (1995), biweight kernel without its constant
    return scaling == KernelScaling::raw ? raw : raw * density_constant(radius);
}

HeatmapGrid kernel_density_planar(const std::vector<PlanarWeightedPoint>& points,
                                  const HeatmapOptions& options) {
    if (!(options.radius_m > 0)) throw Error("heatmap radius must be positive");
    if (!(options.cell_m > 0)) throw Error("heatmap cell size must be positive");
    const std::optional<PlanarExtent> grown =
        options.extent ? options.extent : points_extent(points, options.radius_m);
    if (!grown) throw Error("heatmap of no points needs an explicit extent");

    HeatmapGrid grid;
    grid.crs = options.crs;
    grid.cell = options.cell_m;
    grid.radius_m = options.radius_m;
    grid.scaling = options.scaling;
    grid.point_count = points.size();

    double cols = 0;
    double rows = 0;
    if (options.extent) {
        const PlanarExtent& e = *options.extent;
        grid.west = e.min_x;
        grid.north = e.max_y;
        cols = std::max(1.0, std::ceil(e.width() / options.cell_m));
        rows = std::max(1.0, std::ceil(e.height() / options.cell_m));
    } else {
        // QGIS aligns the grid on the top-left corner of the grown bounding box and adds one
        // row and one column beyond it (QgsKernelDensityEstimation::prepare).
        const PlanarExtent& e = *grown;
        grid.west = e.min_x;
        grid.north = e.max_y;
        cols = std::max(std::ceil(e.width() / options.cell_m) + 1, 1.0);
        rows = std::max(std::ceil(e.height() / options.cell_m) + 1, 1.0);
    }
    if (cols * rows > max_cells)
        throw Error("heatmap grid of " + std::to_string(static_cast<long long>(cols)) + " x " +
                    std::to_string(static_cast<long long>(rows)) +
                    " cells is too large; use a larger --cell");
    grid.cols = static_cast<int>(cols);
    grid.rows = static_cast<int>(rows);
    grid.values.assign(static_cast<std::size_t>(grid.cols) * grid.rows, 0.0f);

    const double constant =
        options.scaling == KernelScaling::raw ? 1.0 : density_constant(options.radius_m);
    std::size_t done = 0;
    for (const auto& p : points) {
        if (++done % 1000 == 0) options.cancel.throw_if_requested();
        if (!usable(p)) continue;
        grid.total_weight += p.weight;
        if (p.weight != 0) add_point(grid, p, constant);
    }
    return grid;
}

HeatmapGrid kernel_density(const std::vector<WeightedPoint>& lonlat_points,
                           const HeatmapOptions& options) {
    const ProjTransform to_grid = ProjTransform::from_lonlat(options.crs);
    std::vector<double> xs;
    std::vector<double> ys;
    xs.reserve(lonlat_points.size());
    ys.reserve(lonlat_points.size());
    for (const auto& p : lonlat_points) {
        xs.push_back(p.where.lon);
        ys.push_back(p.where.lat);
    }
    to_grid.forward_in_place(xs, ys);
    std::vector<PlanarWeightedPoint> planar;
    planar.reserve(lonlat_points.size());
    for (std::size_t i = 0; i < lonlat_points.size(); ++i) {
        if (!std::isfinite(xs[i]))
            throw Error("cannot project lon " + std::to_string(lonlat_points[i].where.lon) +
                        ", lat " + std::to_string(lonlat_points[i].where.lat) + " to " +
                        options.crs);
        planar.push_back({{xs[i], ys[i]}, lonlat_points[i].weight});
    }
    return kernel_density_planar(planar, options);
}

}  // namespace incimap
