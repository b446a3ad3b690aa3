// `incimap map RUN_DIR -o OUT`: re-writes the map layers (docs/layers.md) from a previous
// run's incidents, with other filters, weight or format.
// Exit codes: 0 written (also when the filters leave no incident), 2 usage error (bad
// option value), 3 the run could not be read or the layers not written.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "gazetteer/gazetteer.hpp"
#include "output/incident_reader.hpp"
#include "output/layer_writer.hpp"
#include "store/incident_store.hpp"

namespace incimap::cli {
namespace {

std::string check_date(const std::string& text) {
    return Date::parse_iso(text) ? std::string() : "expected a date as YYYY-MM-DD: " + text;
}

class MapCommand final : public Command {
public:
    std::string name() const override { return "map"; }
    std::string synopsis() const override {
        return "Write GIS layers (GeoPackage with QGIS styles, GeoJSON, PostGIS) from a run";
    }

    void setup(CLI::App& app) override {
        app.add_option("RUN_DIR", run_dir_,
                       "Output directory of a previous run (incidents.geojson or "
                       "incidents.gpkg), or an incidents file")
            ->required();
        app.add_option("-o,--output", output_,
                       "Directory for incidents.gpkg and the layer files, or PG:\"dbname=...\"")
            ->required();
        app.add_option("-f,--format", format_,
                       "Per-layer files beside incidents.gpkg: GeoJSON, FlatGeobuf, CSV, or "
                       "GPKG for the GeoPackage only")
            ->capture_default_str();
        app.add_option("--from", from_, "First event date to map (YYYY-MM-DD)")->check(check_date);
        app.add_option("--to", to_, "Last event date to map (YYYY-MM-DD)")->check(check_date);
        app.add_option("--governorate", governorate_, "Only this governorate (name or P-code)");
        app.add_option("--role", role_, "current, background or all incidents")
            ->capture_default_str()
            ->check(CLI::IsMember({"current", "background", "all"}));
        app.add_option("--min-precision", min_precision_,
                       "Worst geo-precision kept: 1 named places, 2 also near/offset, 3 all")
            ->capture_default_str()
            ->check(CLI::Range(1, 3));
        app.add_option("--weight", weight_,
                       "Circle weight: killed, casualties, or an expression such as "
                       "killed*2+injured")
            ->capture_default_str();
        app.add_option("--gazetteer", gazetteer_,
                       "Gazetteer database with the admin polygons (default: "
                       "$INCIMAP_GAZETTEER or the built one)");
    }

    int run() override {
        LayerOptions options;
        try {
            options.format = parse_layer_format(format_);
            WeightExpression::parse(weight_);  // a usage error, before any reading
        } catch (const Error& e) {
            std::cerr << "incimap: error: " << e.what() << '\n';
            return exit_code::usage;
        }
        options.weight = weight_;
        options.filter.role = parse_role_filter(role_);
        options.filter.min_precision = min_precision_;
        options.filter.governorate = governorate_;
        if (!from_.empty()) options.filter.from = Date::parse_iso(from_);
        if (!to_.empty()) options.filter.to = Date::parse_iso(to_);
        options.admin_source =
            gazetteer_.empty() ? Gazetteer::default_path() : std::filesystem::path(gazetteer_);

        // A run directory's store holds every incident (all roles, all dates); its layers
        // only the selection of that run. Files and older runs fall back to the layers.
        const bool stored = has_store(run_dir_);
        const auto incidents = stored ? load_incidents(run_dir_) : read_incidents(run_dir_);
        const auto articles = stored ? load_articles(run_dir_)
                              : std::filesystem::is_directory(run_dir_) ? read_articles(run_dir_)
                                                                        : std::vector<Article>{};
        const auto report = write_layers(incidents, articles, options, output_);
        for (const auto& [layer, count] : report.layers)
            std::cout << layer << '\t' << count << '\n';
        return exit_code::ok;
    }

private:
    std::string run_dir_;
    std::string output_;
    std::string format_ = "GeoJSON";
    std::string from_, to_, governorate_;
    std::string role_ = "current";
    int min_precision_ = 3;
    std::string weight_ = "casualties";
    std::string gazetteer_;
};

}  // namespace

std::unique_ptr<Command> make_map_command() { return std::make_unique<MapCommand>(); }

}  // namespace incimap::cli
