// Heatmap kernel time at 1k, 10k and 100k incidents spread over Syria, with the same radius
// (15 km) and cell (1 km) as bench/heatmap_vs_qgis.sh. The baseline, measured in the same run,
// is a single pass over the same points that only projects them: the ratio shows what the
// kernel costs beyond touching the data.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "output/heatmap.hpp"
#include "output/heatmap_geotiff.hpp"

namespace {

using namespace incimap;

// Deterministic clustered points over Syria's extent (Numerical Recipes' LCG).
std::vector<WeightedPoint> make_points(std::size_t n) {
    std::uint32_t state = 20220101;
    auto uniform = [&] {
        state = 1664525u * state + 1013904223u;
        return (state + 0.5) / 4294967296.0;
    };
    const LonLat centres[] = {{36.72, 34.73}, {37.16, 36.20}, {40.14, 35.33}, {38.27, 34.56},
                              {36.30, 33.51}, {39.00, 35.95}, {40.90, 34.46}, {36.63, 35.93}};
    std::vector<WeightedPoint> points;
    points.reserve(n);
    while (points.size() < n) {
        LonLat p;
        if (uniform() < 0.65) {
            const LonLat c = centres[static_cast<int>(uniform() * 8)];
            const double r = 0.15 * std::sqrt(-2 * std::log(uniform()));
            const double a = 2 * 3.141592653589793 * uniform();
            p = {c.lon + r * std::cos(a), c.lat + r * std::sin(a)};
        } else {
            p = {36.0 + 6.0 * uniform(), 32.6 + 4.5 * uniform()};
        }
        points.push_back({p, std::floor(-std::log(uniform()) * 3)});
    }
    return points;
}

HeatmapOptions bench_options() {
    HeatmapOptions o;
    o.radius_m = 15'000;
    o.cell_m = 1'000;
    return o;
}

void BM_project_only(benchmark::State& state) {
    const auto points = make_points(static_cast<std::size_t>(state.range(0)));
    const ProjTransform t = ProjTransform::from_lonlat(syria_lambert_crs);
    for (auto _ : state) {
        std::vector<double> xs, ys;
        for (const auto& p : points) {
            xs.push_back(p.where.lon);
            ys.push_back(p.where.lat);
        }
        t.forward_in_place(xs, ys);
        benchmark::DoNotOptimize(xs.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_kernel_density(benchmark::State& state) {
    const auto points = make_points(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        HeatmapGrid g = kernel_density(points, bench_options());
        benchmark::DoNotOptimize(g.values.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_kernel_density_and_geotiff(benchmark::State& state) {
    const auto points = make_points(static_cast<std::size_t>(state.range(0)));
    const auto dir = std::filesystem::temp_directory_path();
    for (auto _ : state) {
        const HeatmapGrid g = kernel_density(points, bench_options());
        write_heatmap_geotiff(g, dir / "incimap-bench-heatmap.tif");
    }
    std::filesystem::remove(dir / "incimap-bench-heatmap.tif");
    std::filesystem::remove(dir / "incimap-bench-heatmap.qml");
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

}  // namespace

BENCHMARK(BM_project_only)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_kernel_density)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_kernel_density_and_geotiff)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
