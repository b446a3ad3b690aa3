// Placeholder until the resolve subcommand lands: it says so and exits with the usage code.
#include <iostream>

#include "cli/commands.hpp"
#include "core/error.hpp"

namespace incimap::cli {
namespace {
class ResolveCommand final : public Command {
public:
    std::string name() const override { return "resolve"; }
    std::string synopsis() const override { return "(not implemented yet)"; }
    void setup(CLI::App&) override {}
    int run() override {
        std::cerr << "incimap: error: 'resolve' is not implemented yet\n";
        return exit_code::usage;
    }
};
}  // namespace

std::unique_ptr<Command> make_resolve_command() { return std::make_unique<ResolveCommand>(); }

}  // namespace incimap::cli
