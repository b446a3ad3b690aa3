// `incimap gazetteer build --source-dir DIR --out FILE`: compile gazetteer/ into SQLite.
// `incimap gazetteer info [--gazetteer FILE]`: what a compiled gazetteer holds.
// Exit codes: 0 ok, 2 usage error, 3 the gazetteer could not be built or read.
#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/gazetteer_builder.hpp"

namespace incimap::cli {
namespace {

class GazetteerCommand final : public Command {
public:
    std::string name() const override { return "gazetteer"; }
    std::string synopsis() const override {
        return "Build the gazetteer database from its source files, or describe one";
    }

    void setup(CLI::App& app) override {
        app.require_subcommand(1);
        build_ = app.add_subcommand("build", "Compile the files of gazetteer/ into one SQLite file");
        build_->add_option("--source-dir", source_dir_, "Folder with wof_places.tsv, ocha_admin*.geojson, ...")
            ->required()
            ->check(CLI::ExistingDirectory);
        build_->add_option("--out", out_, "Gazetteer file to write (replaced atomically)")->required();
        info_ = app.add_subcommand("info", "Print the counts and sources of a compiled gazetteer");
        info_->add_option("--gazetteer", gazetteer_,
                          "Gazetteer file (default: $INCIMAP_GAZETTEER, else beside the binary)");
    }

    int run() override { return build_->parsed() ? run_build() : run_info(); }

private:
    int run_build() {
        const auto start = std::chrono::steady_clock::now();
        const auto report = build_gazetteer(source_dir_, out_);
        for (const auto& w : report.warnings) std::cerr << "incimap: warning: " << w << '\n';
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << "wrote " << out_ << ": " << report.places << " places, " << report.names
                  << " names in " << secs << " s\n";
        for (const auto& [file, rows] : report.source_rows)
            std::cout << "  " << file << ": " << rows << " rows\n";
        return exit_code::ok;
    }

    int run_info() {
        const std::string path =
            gazetteer_.empty() ? Gazetteer::default_path().string() : gazetteer_;
        const auto start = std::chrono::steady_clock::now();
        const auto gazetteer = Gazetteer::open(path);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        std::cout << "gazetteer: " << path << '\n';
        for (const auto& [key, value] : read_gazetteer_meta(path))
            std::cout << "  " << key << ": " << value << '\n';
        std::cout << "  loaded: " << gazetteer->place_count() << " places in " << ms << " ms\n";
        return exit_code::ok;
    }

    CLI::App* build_ = nullptr;
    CLI::App* info_ = nullptr;
    std::string source_dir_;
    std::string out_;
    std::string gazetteer_;
};

}  // namespace

std::unique_ptr<Command> make_gazetteer_command() { return std::make_unique<GazetteerCommand>(); }

}  // namespace incimap::cli
