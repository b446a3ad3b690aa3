// Placeholder until the map subcommand lands: it says so and exits with the usage code.
#include <iostream>

#include "cli/commands.hpp"
#include "core/error.hpp"

namespace incimap::cli {
namespace {
class MapCommand final : public Command {
public:
    std::string name() const override { return "map"; }
    std::string synopsis() const override { return "(not implemented yet)"; }
    void setup(CLI::App&) override {}
    int run() override {
        std::cerr << "incimap: error: 'map' is not implemented yet\n";
        return exit_code::usage;
    }
};
}  // namespace

std::unique_ptr<Command> make_map_command() { return std::make_unique<MapCommand>(); }

}  // namespace incimap::cli
