// Placeholder until the heatmap subcommand lands: it says so and exits with the usage code.
#include <iostream>

#include "cli/commands.hpp"
#include "core/error.hpp"

namespace incimap::cli {
namespace {
class HeatmapCommand final : public Command {
public:
    std::string name() const override { return "heatmap"; }
    std::string synopsis() const override { return "(not implemented yet)"; }
    void setup(CLI::App&) override {}
    int run() override {
        std::cerr << "incimap: error: 'heatmap' is not implemented yet\n";
        return exit_code::usage;
    }
};
}  // namespace

std::unique_ptr<Command> make_heatmap_command() { return std::make_unique<HeatmapCommand>(); }

}  // namespace incimap::cli
