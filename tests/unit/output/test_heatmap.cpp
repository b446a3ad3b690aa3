#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "core/error.hpp"
#include "output/heatmap.hpp"

using namespace incimap;

namespace {
HeatmapOptions options(double radius_m, double cell_m, KernelScaling s = KernelScaling::raw) {
    HeatmapOptions o;
    o.radius_m = radius_m;
    o.cell_m = cell_m;
    o.scaling = s;
    return o;
}
// Index of the cell with the highest value.
std::pair<int, int> peak(const HeatmapGrid& g) {
    std::pair<int, int> best{0, 0};
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c)
            if (g.at(c, r) > g.at(best.first, best.second)) best = {c, r};
    return best;
}
}  // namespace

TEST_CASE("the quartic kernel is one at the point, zero at the radius and beyond",
          "[output][heatmap]") {
    CHECK(quartic_kernel(0, 1000, KernelScaling::raw) == 1.0);
    CHECK(quartic_kernel(500, 1000, KernelScaling::raw) == Approx(0.5625));  // (1 - 1/4)^2
    CHECK(quartic_kernel(1000, 1000, KernelScaling::raw) == 0.0);
    CHECK(quartic_kernel(1500, 1000, KernelScaling::raw) == 0.0);
    CHECK(quartic_kernel(0, 1000, KernelScaling::density) == Approx(3 / std::numbers::pi));
}

TEST_CASE("aligns the grid as QGIS does: corner of the grown box plus one row and column",
          "[output][heatmap]") {
    const std::vector<PlanarWeightedPoint> pts{{{100'000, 200'000}, 1}, {{103'300, 201'000}, 1}};
    const HeatmapGrid g = kernel_density_planar(pts, options(2'000, 500));
    CHECK(g.west == 98'000);
    CHECK(g.north == 203'000);
    // width 3300 + 4000 = 7300 m -> ceil(14.6) + 1; height 1000 + 4000 = 5000 m -> 10 + 1
    CHECK(g.cols == 16);
    CHECK(g.rows == 11);
    CHECK(g.crs == "EPSG:22770");
}

TEST_CASE("a lone incident peaks at its weight in the cell that holds it", "[output][heatmap]") {
    const std::vector<PlanarWeightedPoint> pts{{{250'250, 310'250}, 7}};
    const HeatmapGrid g = kernel_density_planar(pts, options(5'000, 500));
    const auto [c, r] = peak(g);
    const PlanarXY centre = g.cell_centre(c, r);
    CHECK(std::abs(centre.x - 250'250) <= 250);
    CHECK(std::abs(centre.y - 310'250) <= 250);
    CHECK(g.at(c, r) == Approx(7).epsilon(0.01));
    CHECK(g.max_value() == g.at(c, r));
}

TEST_CASE("cells farther than the radius from every incident stay zero", "[output][heatmap]") {
    const PlanarXY p{400'000, 400'000};
    const double radius = 3'000;
    const std::vector<PlanarWeightedPoint> pts{{p, 5}};
    const HeatmapGrid g = kernel_density_planar(pts, options(radius, 250));
    int inside = 0;
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c) {
            const PlanarXY q = g.cell_centre(c, r);
            const double d = std::hypot(q.x - p.x, q.y - p.y);
            if (d >= radius) CHECK(g.at(c, r) == 0.0f);
            if (d < radius * 0.99) {
                ++inside;
                CHECK(g.at(c, r) > 0.0f);
            }
        }
    CHECK(inside > 400);
}

TEST_CASE("the density scaling integrates to the total weight", "[output][heatmap]") {
    const std::vector<PlanarWeightedPoint> pts{
        {{300'000, 300'000}, 3}, {{320'000, 305'000}, 10}, {{310'000, 290'000}, 0.5}};
    const HeatmapGrid g = kernel_density_planar(pts, options(8'000, 200, KernelScaling::density));
    CHECK(g.total_weight == Approx(13.5));
    CHECK(g.integral_km2() == Approx(13.5).epsilon(0.005));
}

TEST_CASE("the raw scaling integrates to weight times pi r^2 / 3", "[output][heatmap]") {
    const std::vector<PlanarWeightedPoint> pts{{{300'000, 300'000}, 4}};
    const HeatmapGrid g = kernel_density_planar(pts, options(6'000, 100));
    const double r_km = 6.0;
    CHECK(g.integral_km2() == Approx(4 * std::numbers::pi * r_km * r_km / 3).epsilon(0.005));
}

TEST_CASE("overlapping incidents add up", "[output][heatmap]") {
    const std::vector<PlanarWeightedPoint> one{{{300'000, 300'000}, 2}};
    const std::vector<PlanarWeightedPoint> two{{{300'000, 300'000}, 2}, {{300'000, 300'000}, 3}};
    CHECK(kernel_density_planar(two, options(4'000, 500)).max_value() ==
          Approx(kernel_density_planar(one, options(4'000, 500)).max_value() * 2.5));
}

TEST_CASE("incidents of weight zero widen the grid but add nothing", "[output][heatmap]") {
    const std::vector<PlanarWeightedPoint> pts{{{300'000, 300'000}, 0}, {{330'000, 300'000}, 0}};
    const HeatmapGrid g = kernel_density_planar(pts, options(2'000, 1'000));
    CHECK(g.cols == 35);
    CHECK(g.max_value() == 0.0f);
    CHECK(g.point_count == 2);
}

TEST_CASE("projects lon/lat incidents to Syria Lambert before the kernel", "[output][heatmap]") {
    const LonLat palmyra{38.27, 34.56};
    const HeatmapGrid g = kernel_density({{palmyra, 1}}, options(10'000, 1'000));
    const PlanarXY expected = ProjTransform::from_lonlat(syria_lambert_crs).forward(palmyra);
    const auto [c, r] = peak(g);
    const PlanarXY centre = g.cell_centre(c, r);
    CHECK(std::abs(centre.x - expected.x) <= 500);
    CHECK(std::abs(centre.y - expected.y) <= 500);
}

TEST_CASE("an explicit extent fixes the grid, even without incidents", "[output][heatmap]") {
    HeatmapOptions o = options(5'000, 1'000);
    o.extent = PlanarExtent{100'000, 100'000, 150'500, 120'000};
    const HeatmapGrid g = kernel_density_planar({}, o);
    CHECK(g.cols == 51);
    CHECK(g.rows == 20);
    CHECK(g.west == 100'000);
    CHECK(g.north == 120'000);
    CHECK(g.max_value() == 0.0f);
}

TEST_CASE("refuses a non-positive radius or cell and no points without an extent",
          "[output][heatmap]") {
    const std::vector<PlanarWeightedPoint> pts{{{0, 0}, 1}};
    CHECK_THROWS_AS(kernel_density_planar(pts, options(0, 100)), Error);
    CHECK_THROWS_AS(kernel_density_planar(pts, options(1'000, -5)), Error);
    CHECK_THROWS_AS(kernel_density_planar({}, options(1'000, 100)), Error);
}

TEST_CASE("refuses a grid too large for memory instead of allocating it", "[output][heatmap]") {
    const std::vector<PlanarWeightedPoint> pts{{{0, 0}, 1}, {{900'000, 800'000}, 1}};
    CHECK_THROWS_WITH(kernel_density_planar(pts, options(1'000, 1)),
                      Catch::Contains("use a larger --cell"));
}
