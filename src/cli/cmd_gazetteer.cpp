// Placeholder until the gazetteer subcommand lands: it says so and exits with the usage code.
#include <iostream>

#include "cli/commands.hpp"
#include "core/error.hpp"

namespace incimap::cli {
namespace {
class GazetteerCommand final : public Command {
public:
    std::string name() const override { return "gazetteer"; }
    std::string synopsis() const override { return "(not implemented yet)"; }
    void setup(CLI::App&) override {}
    int run() override {
        std::cerr << "incimap: error: 'gazetteer' is not implemented yet\n";
        return exit_code::usage;
    }
};
}  // namespace

std::unique_ptr<Command> make_gazetteer_command() { return std::make_unique<GazetteerCommand>(); }

}  // namespace incimap::cli
