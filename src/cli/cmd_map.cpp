// `incimap map RUN_DIR -o OUT`: re-writes the map layers (docs/layers.md) from a previous
// run's incidents, with other filters, weight or format.
// Exit codes: 0 written (also when the filters leave no incident), 2 usage error (bad
// option value), 3 the run could not be read or the layers not written.
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "cli/layer_args.hpp"
#include "core/error.hpp"
#include "gazetteer/gazetteer.hpp"
#include "output/incident_reader.hpp"
#include "output/layer_writer.hpp"
#include "pipeline/folder_lock.hpp"
#include "store/incident_store.hpp"

namespace incimap::cli {
namespace {

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
        layer_args_.add_to(app);
        app.add_option("--gazetteer", gazetteer_,
                       "Gazetteer database with the admin polygons (default: "
                       "$INCIMAP_GAZETTEER or the built one)");
    }

    int run() override {
        LayerOptions options;
        try {
            options = layer_args_.layer_options();
        } catch (const Error& e) {
            std::cerr << "incimap: error: " << e.what() << '\n';
            return exit_code::usage;
        }
        options.admin_source =
            gazetteer_.empty() ? Gazetteer::default_path() : std::filesystem::path(gazetteer_);

        // A run directory's store holds every incident (all roles, all dates); its layers
        // only the selection of that run. Files and older runs fall back to the layers.
        const bool stored = has_store(run_dir_);
        const auto incidents = stored ? load_incidents(run_dir_) : read_incidents(run_dir_);
        const auto articles = stored ? load_articles(run_dir_)
                              : std::filesystem::is_directory(run_dir_) ? read_articles(run_dir_)
                                                                        : std::vector<Article>{};
        // Into a folder, the same lock as `incimap run`: never beside a run writing there.
        std::optional<FolderLock> lock;
        if (!is_postgres_target(output_)) {
            std::error_code ec;
            std::filesystem::create_directories(output_, ec);
            if (ec)
                throw Error("cannot create the output directory: " + ec.message(), output_);
            lock.emplace(output_);
        }
        const auto report = write_layers(incidents, articles, options, output_);
        for (const auto& [layer, count] : report.layers)
            std::cout << layer << '\t' << count << '\n';
        return exit_code::ok;
    }

private:
    std::string run_dir_;
    std::string output_;
    LayerArgs layer_args_;
    std::string gazetteer_;
};

}  // namespace

std::unique_ptr<Command> make_map_command() { return std::make_unique<MapCommand>(); }

}  // namespace incimap::cli
