// incimap: news text about violence in Syria -> incidents on a map.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/version.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
    using namespace incimap;
    CLI::App app{"incimap: extract violent incidents from news about Syria and map them"};
    app.require_subcommand(1);
    app.set_version_flag("--version", [] { return cli::version_report(); },
                         "Print the versions of incimap and of GDAL, GEOS, PROJ, SQLite, SpatiaLite");

    auto commands = cli::all_commands();
    std::vector<std::pair<CLI::App*, cli::Command*>> subs;
    for (auto& cmd : commands) {
        CLI::App* sub = app.add_subcommand(cmd->name(), cmd->synopsis());
        cmd->setup(*sub);
        subs.emplace_back(sub, cmd.get());
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 prints help/version to stdout with exit 0, usage errors to stderr with non-zero.
        const int rc = app.exit(e);
        return rc == 0 ? exit_code::ok : exit_code::usage;
    }

    try {
        for (auto& [sub, cmd] : subs)
            if (sub->parsed()) return cmd->run();
    } catch (const Error& e) {
        std::cerr << "incimap: error: " << e.located() << '\n';
        return exit_code::nothing_processed;
    } catch (const std::exception& e) {
        std::cerr << "incimap: error: " << e.what() << '\n';
        return exit_code::nothing_processed;
    }
    return exit_code::usage;
}
