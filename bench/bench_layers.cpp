// Features written per second by the layer writer, GeoPackage and GeoJSON, against
// ogr2ogr converting the same features (from a GeoJSON file of them) in the same run.
// Prints the ratios at the end: above 1 means incimap writes faster than ogr2ogr converts.
// ogr2ogr must be on PATH (Debian gdal-bin).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include "output/layer_builder.hpp"
#include "output/layer_sink.hpp"

namespace fs = std::filesystem;
using namespace incimap;

namespace {

fs::path scratch() {
    static const fs::path dir = [] {
        auto d = fs::temp_directory_path() / ("incimap-bench-layers-" + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

// Invented incidents spread over Syria's extent with realistic text lengths.
std::vector<Incident> make_incidents(int n) {
    std::vector<Incident> out(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k) {
        Incident& i = out[static_cast<std::size_t>(k)];
        i.incident_id = "bench-" + std::to_string(k);
        i.article_id = "article-" + std::to_string(k / 5);
        i.event_type = k % 2 ? "shelling" : "air_strike";
        i.event_date = Date{2024, 1 + k % 12, 1 + k % 28};
        i.date_precision = DatePrecision::day;
        i.casualties.killed = Count::exact(k % 9);
        i.casualties.injured = Count::exact(k % 4);
        i.actor = "an invented actor";
        i.victims = "civilians";
        Place p;
        p.id = 10000 + k % 500;
        p.name = "Place " + std::to_string(k % 500);
        p.feature_type = "village";
        p.point = {35.7 + std::fmod(k * 0.0137, 6.6), 32.4 + std::fmod(k * 0.0071, 4.8)};
        p.admin = {"Somewhere", "SY99", "Somewhere district", "SY9901"};
        i.where.place = p;
        i.where.point = p.point;
        i.where.geo_precision = 1;
        i.where.text = "in " + p.name;
        i.evidence = std::string(160, 'x');  // a sentence-sized evidence string
        i.confidence = 0.7;
    }
    return out;
}

// Built outside the timed loops: what is measured is writing, as for ogr2ogr.
LayerTable incidents_table(int n) {
    const auto incidents = make_incidents(n);
    const LayerBuilder builder{IncidentFilter{}, WeightExpression::parse("casualties"), {}};
    return builder.incidents_table(builder.selected(incidents));
}

void write_file(LayerFormat format, const LayerTable& table, const fs::path& path) {
    fs::remove(path);
    GdalDataset ds = GdalDataset::create(driver_name(format), path.string());
    write_table(ds, format, table);
    ds.close();
}

void BM_incimap_gpkg(benchmark::State& state) {
    const LayerTable table = incidents_table(static_cast<int>(state.range(0)));
    for (auto _ : state) write_file(LayerFormat::gpkg, table, scratch() / "incimap.gpkg");
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_incimap_geojson(benchmark::State& state) {
    const LayerTable table = incidents_table(static_cast<int>(state.range(0)));
    for (auto _ : state) write_file(LayerFormat::geojson, table, scratch() / "incimap.geojson");
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The same features as a GeoJSON file, ogr2ogr's input.
fs::path source_geojson(int n) {
    const fs::path path = scratch() / ("source-" + std::to_string(n) + ".geojson");
    if (!fs::exists(path)) write_file(LayerFormat::geojson, incidents_table(n), path);
    return path;
}

void run_ogr2ogr(benchmark::State& state, const std::string& format_args, const fs::path& out) {
    const fs::path in = source_geojson(static_cast<int>(state.range(0)));
    const std::string command = "ogr2ogr -overwrite " + format_args + " '" + out.string() +
                                "' '" + in.string() + "' -nln incidents";
    for (auto _ : state) {
        fs::remove(out);
        if (std::system(command.c_str()) != 0) {
            state.SkipWithError("ogr2ogr failed (is gdal-bin installed?)");
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_ogr2ogr_gpkg(benchmark::State& state) {
    run_ogr2ogr(state, "-f GPKG", scratch() / "ogr2ogr.gpkg");
}

void BM_ogr2ogr_geojson(benchmark::State& state) {
    run_ogr2ogr(state,
                "-f GeoJSON -lco RFC7946=YES -lco COORDINATE_PRECISION=6 -lco WRITE_NAME=NO",
                scratch() / "ogr2ogr.geojson");
}

// Wall-clock time: ogr2ogr's work happens in a child process, invisible to CPU time.
BENCHMARK(BM_incimap_gpkg)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ogr2ogr_gpkg)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_incimap_geojson)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ogr2ogr_geojson)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Keeps features/s of every run so that main can print incimap/ogr2ogr ratios.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const auto& run : runs) {
            const auto items = run.counters.find("items_per_second");
            if (items != run.counters.end()) rates[run.benchmark_name()] = items->second.value;
        }
        ConsoleReporter::ReportRuns(runs);
    }
    std::map<std::string, double> rates;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::cout << "\nfeatures/s, incimap writing vs ogr2ogr converting the same features:\n";
    for (const char* format : {"gpkg", "geojson"}) {
        for (const char* n : {"1000", "20000"}) {
            const std::string ours = std::string("BM_incimap_") + format + "/" + n + "/real_time";
            const std::string theirs = std::string("BM_ogr2ogr_") + format + "/" + n + "/real_time";
            if (!reporter.rates.count(ours) || !reporter.rates.count(theirs)) continue;
            std::printf("  %-8s n=%-6s incimap %10.0f/s  ogr2ogr %10.0f/s  ratio %.2f\n", format,
                        n, reporter.rates[ours], reporter.rates[theirs],
                        reporter.rates[ours] / reporter.rates[theirs]);
        }
    }
    std::error_code ec;
    fs::remove_all(scratch(), ec);
    return 0;
}
