// `incimap heatmap RUN_DIR`: kernel density of a run's incidents as heatmap.tif (+ .qml style)
// and heatmap.png. Exit codes: 0 written (also for an empty selection, which gives an all-zero
// raster and a map that says so), 2 usage error (bad option, unknown governorate), 3 the
// incidents could not be read or the output not written.
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/boundaries_option.hpp"
#include "cli/commands.hpp"
#include "cli/governorate_option.hpp"
#include "cli/layer_args.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "output/heatmap.hpp"
#include "output/heatmap_boundaries.hpp"
#include "output/heatmap_geotiff.hpp"
#include "output/heatmap_input.hpp"
#include "output/png_map.hpp"
#include "store/incident_store.hpp"

namespace incimap::cli {
namespace {

namespace fs = std::filesystem;

// Syria's extent (lon 35.6–42.4, lat 32.3–37.3, as given in shared/data/README.md), the grid
// of an empty selection when no boundaries are at hand.
constexpr LonLat syria_south_west{35.6, 32.3};
constexpr LonLat syria_north_east{42.4, 37.3};

class HeatmapCommand final : public Command {
  public:
    std::string name() const override { return "heatmap"; }
    std::string synopsis() const override {
        return "Kernel density heatmap of a run's incidents: heatmap.tif, heatmap.qml, heatmap.png";
    }

    void setup(CLI::App& app) override {
        app.add_option("RUN_DIR", run_dir_,
                       "Output directory of a previous run (reads its store, as brief does; "
                       "else incidents.geojson or incidents.gpkg), or an incidents file")
            ->required();
        app.add_option("-o,--output", output_,
                       "GeoTIFF to write (default RUN_DIR/heatmap.tif); "
                       "heatmap.png and the .qml style go beside it");
        app.add_option("--radius", radius_km_, "Kernel radius in km")
            ->capture_default_str()
            ->check(positive_number());
        app.add_option("--cell", cell_m_, "Cell size in metres")
            ->capture_default_str()
            ->check(positive_number());
        app.add_option("--weight", weight_,
                       "What an incident weighs: killed, casualties "
                       "(killed + injured) or incidents (1 each)")
            ->capture_default_str()
            ->check(CLI::IsMember({"killed", "casualties", "incidents"}));
        app.add_option("--scaling", scaling_,
                       "raw (as QGIS: a lone incident peaks at its "
                       "weight) or density (weight per km2)")
            ->capture_default_str()
            ->check(CLI::IsMember({"raw", "density"}));
        app.add_option("--from", from_, "First event date, YYYY-MM-DD")->check(check_date);
        app.add_option("--to", to_, "Last event date, YYYY-MM-DD")->check(check_date);
        app.add_option("--governorate", governorate_,
                       "Only this governorate (any spelling the gazetteer knows, or P-code)");
        app.add_option("--gazetteer", gazetteer_,
                       "Gazetteer database that names the governorates (default: "
                       "$INCIMAP_GAZETTEER or the built one)");
        app.add_option("--boundaries", boundaries_,
                       "Governorate polygons for the PNG (default: the run's incidents.gpkg, "
                       "else the gazetteer)");
        app.add_flag("--no-png", no_png_, "Write only the GeoTIFF and its style, no picture");
    }

    int run() override {
        if (!governorate_.empty()) {
            const auto unit = governorate_option(governorate_, gazetteer_, std::cerr);
            if (!unit) return exit_code::usage;
            governorate_ = unit->pcode;
            governorate_name_ = unit->name;
        }
        const fs::path tif =
            output_.empty() ? default_output_dir() / "heatmap.tif" : fs::path(output_);
        fs::path png = tif;
        png.replace_extension(".png");

        IncidentSelection selection;
        if (!from_.empty()) selection.from = Date::parse_iso(from_);
        if (!to_.empty()) selection.to = Date::parse_iso(to_);
        selection.governorate = governorate_;
        if (selection.from && selection.to && *selection.to < *selection.from) {
            std::cerr << "incimap: error: --to " << to_ << " is before --from " << from_ << '\n';
            return exit_code::usage;
        }
        const HeatmapWeight weight = *parse_heatmap_weight(weight_);
        // A run's store, as brief and map read it: a filtered `map` into the run folder
        // rewrites its layers, not its incidents (docs/figures.md).
        const bool stored = has_store(run_dir_);
        const fs::path source = stored ? store_path_of(run_dir_) : incidents_file();
        const HeatmapInput input =
            stored ? heatmap_input_of(load_incidents(run_dir_), weight, filter_of(selection))
                   : read_heatmap_input(source, weight, selection);
        const MapBoundaries boundaries = no_png_ && governorate_.empty() && !input.points.empty()
                                             ? MapBoundaries{}
                                             : load_boundaries();

        HeatmapOptions options;
        options.radius_m = radius_km_ * 1000.0;
        options.cell_m = cell_m_;
        options.scaling = *parse_kernel_scaling(scaling_);
        if (input.points.empty()) {
            // Decided: an empty selection still yields valid files (all zeros over the area
            // asked for), so that a pipeline or a briefing can show "nothing happened".
            std::cerr << "incimap: warning: no incidents" << selection_text() << " in "
                      << source.string() << "; writing an empty heatmap\n";
            options.extent = empty_extent(boundaries);
        }
        // As brief does: a new folder for the output is made, not an error.
        if (tif.has_parent_path()) fs::create_directories(tif.parent_path());
        const HeatmapGrid grid = kernel_density(input.points, options);
        write_heatmap_geotiff(grid, tif);
        if (!no_png_) render_heatmap_png(grid, boundaries, png, png_options(grid));

        std::cout << "heatmap: " << input.points.size() << " incidents" << selection_text()
                  << ", weight " << weight_ << " (total " << grid.total_weight << "), " << grid.cols
                  << " x " << grid.rows << " cells of " << cell_m_ << " m -> " << tif.string()
                  << (no_png_ ? "" : ", " + png.string()) << '\n';
        if (input.without_geometry > 0)
            std::cerr << "incimap: warning: " << input.without_geometry
                      << " incidents have no point and are not on the heatmap\n";
        return exit_code::ok;
    }

  private:
    fs::path incidents_file() const {
        const fs::path given(run_dir_);
        if (fs::is_regular_file(given)) return given;
        if (!fs::is_directory(given)) throw Error("no such run directory or file", run_dir_);
        if (auto found = find_incidents_file(given)) return *found;
        throw Error("no incidents.geojson or incidents.gpkg here; run `incimap run` first",
                    run_dir_);
    }

    // The selection as map and brief make it: current incidents, every precision.
    static IncidentFilter filter_of(const IncidentSelection& selection) {
        IncidentFilter filter;
        filter.from = selection.from;
        filter.to = selection.to;
        filter.governorate = selection.governorate;
        return filter;
    }

    fs::path default_output_dir() const {
        const fs::path given(run_dir_);
        return fs::is_directory(given) ? given : given.parent_path();
    }

    MapBoundaries load_boundaries() const {
        return find_map_boundaries(boundaries_, default_output_dir(), "the PNG shows the heatmap alone");
    }

    std::string selection_text() const {
        std::string s;
        if (!from_.empty() || !to_.empty())
            s += " from " + (from_.empty() ? "the start" : from_) + " to " +
                 (to_.empty() ? "the end" : to_);
        if (!governorate_.empty()) s += " in " + governorate_name_;
        return s;
    }

    PlanarExtent empty_extent(const MapBoundaries& boundaries) const {
        const ProjTransform to_grid = ProjTransform::from_lonlat(syria_lambert_crs);
        std::vector<double> xs, ys;
        const MapBoundary* focus = governorate_.empty() ? nullptr : boundaries.find(governorate_);
        for (const auto& unit : boundaries.units) {
            if (focus && &unit != focus) continue;
            for (const auto& polygon : unit.polygons)
                for (const LonLat& p : polygon.front()) {
                    xs.push_back(p.lon);
                    ys.push_back(p.lat);
                }
        }
        if (xs.empty()) {
            xs = {syria_south_west.lon, syria_north_east.lon, syria_south_west.lon,
                  syria_north_east.lon};
            ys = {syria_south_west.lat, syria_south_west.lat, syria_north_east.lat,
                  syria_north_east.lat};
        }
        to_grid.forward_in_place(xs, ys);
        PlanarExtent e{xs[0], ys[0], xs[0], ys[0]};
        for (std::size_t i = 0; i < xs.size(); ++i) {
            e.min_x = std::min(e.min_x, xs[i]);
            e.max_x = std::max(e.max_x, xs[i]);
            e.min_y = std::min(e.min_y, ys[i]);
            e.max_y = std::max(e.max_y, ys[i]);
        }
        return e;
    }

    PngMapOptions png_options(const HeatmapGrid& grid) const {
        PngMapOptions o;
        const std::string& where = governorate_name_;
        const std::string what = weight_ == "killed"       ? "People killed"
                                 : weight_ == "casualties" ? "Casualties (killed and injured)"
                                                           : "Incidents";
        o.title = what + (where.empty() ? "" : ", " + where) + ": heatmap";
        std::ostringstream period;
        period << "Period: " << (from_.empty() ? "all dates" : from_);
        if (!to_.empty() || !from_.empty()) period << " to " << (to_.empty() ? "latest" : to_);
        o.subtitle.push_back(period.str() + "   ·   " + std::to_string(grid.point_count) +
                             " incidents mapped");
        o.value_label = grid.scaling == KernelScaling::raw ? weight_ + ", kernel-weighted"
                                                           : weight_ + " per km²";
        o.focus = governorate_;
        return o;
    }

    std::string run_dir_;
    std::string output_;
    double radius_km_ = 10;
    double cell_m_ = 500;
    std::string weight_ = "casualties";
    std::string scaling_ = "raw";
    std::string from_;
    std::string to_;
    std::string governorate_;       // the P-code, once run() has resolved the name given
    std::string governorate_name_;  // its OCHA name
    std::string gazetteer_;
    std::string boundaries_;
    bool no_png_ = false;
};

}  // namespace

std::unique_ptr<Command> make_heatmap_command() { return std::make_unique<HeatmapCommand>(); }

}  // namespace incimap::cli
