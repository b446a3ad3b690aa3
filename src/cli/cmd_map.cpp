// `incimap map RUN_DIR -o OUT`: re-writes the map layers (docs/layers.md) from a previous
// run's incidents, with other filters, weight or format.
// Exit codes: 0 written (also when the filters leave no incident), 2 usage error (bad
// option value), 3 the run could not be read or the layers not written.
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "cli/governorate_option.hpp"
#include "cli/layer_args.hpp"
#include "core/error.hpp"
#include "gazetteer/gazetteer.hpp"
#include "output/incident_reader.hpp"
#include "output/layer_writer.hpp"
#include "output/postgis_writer.hpp"
#include "output/publication.hpp"
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
        app.add_flag("--replace", replace_,
                     "PostGIS: replace the incidents and articles tables by this selection "
                     "(needed to write a filtered selection into existing tables)");
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
        if (!layer_args_.governorate.empty()) {
            const auto unit = governorate_option(layer_args_.governorate, gazetteer_, std::cerr);
            if (!unit) return exit_code::usage;
            options.filter.governorate = unit->pcode;
        }
        options.admin_source =
            gazetteer_.empty() ? Gazetteer::default_path() : std::filesystem::path(gazetteer_);
        options.replace = replace_;
        const bool postgis = is_postgres_target(output_);
        if (replace_ && !postgis) {
            std::cerr << "incimap: error: --replace is for PostGIS outputs (-o PG:...); a "
                         "directory's files are always replaced whole\n";
            return exit_code::usage;
        }
        // Said before any work, and as a usage error: the same command with --replace or
        // into another database does what was meant.
        if (postgis && options.filter.narrows() && !replace_ &&
            postgis_has_table(output_, "incidents")) {
            std::cerr << "incimap: error: " << output_ << ": " << narrowed_write_refusal() << '\n';
            return exit_code::usage;
        }

        // A run directory's store holds every incident (all roles, all dates); its layers
        // only the selection of that run. Files and older runs fall back to the layers.
        if (!std::filesystem::exists(run_dir_)) {
            std::cerr << "incimap: error: " << run_dir_
                      << ": no such run directory or file; give the -o DIR of an `incimap run`\n";
            return exit_code::nothing_processed;
        }
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
            if (finish_interrupted_publication(output_))
                std::cerr << "incimap: warning: finished publishing the outputs of a run that "
                             "was killed while publishing them\n";
        }
        // A folder also gets the QGIS project of what it now holds (docs/layers.md).
        const auto report =
            postgis ? write_layers(incidents, articles, options, output_)
                    : write_layers_and_project(incidents, articles, options, output_);
        for (const auto& [layer, count] : report.layers)
            std::cout << layer << '\t' << count << '\n';
        if (!report.layers.empty() && report.layers.front().second == 0 && !incidents.empty())
            std::cerr << "incimap: warning: 0 of the " << incidents.size()
                      << " incidents matched the filters; the layers are written empty\n";
        if (postgis)
            std::cout << "incidents table: " << report.table_rows << " rows after this write\n";
        return exit_code::ok;
    }

private:
    std::string run_dir_;
    std::string output_;
    LayerArgs layer_args_;
    std::string gazetteer_;
    bool replace_ = false;
};

}  // namespace

std::unique_ptr<Command> make_map_command() { return std::make_unique<MapCommand>(); }

}  // namespace incimap::cli
