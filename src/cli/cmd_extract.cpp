// Placeholder until the extract subcommand lands: it says so and exits with the usage code.
#include <iostream>

#include "cli/commands.hpp"
#include "core/error.hpp"

namespace incimap::cli {
namespace {
class ExtractCommand final : public Command {
public:
    std::string name() const override { return "extract"; }
    std::string synopsis() const override { return "(not implemented yet)"; }
    void setup(CLI::App&) override {}
    int run() override {
        std::cerr << "incimap: error: 'extract' is not implemented yet\n";
        return exit_code::usage;
    }
};
}  // namespace

std::unique_ptr<Command> make_extract_command() { return std::make_unique<ExtractCommand>(); }

}  // namespace incimap::cli
