#pragma once
// One subcommand per file pair, as in osmium-tool: setup() declares and validates options
// (no I/O), run() does the work and returns an exit code (core/error.hpp).
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

namespace incimap::cli {

class Command {
public:
    virtual ~Command() = default;
    virtual std::string name() const = 0;
    virtual std::string synopsis() const = 0;
    // Declare options on the subcommand's CLI11 app.
    virtual void setup(CLI::App& app) = 0;
    // Called after parsing succeeded; returns an exit code.
    virtual int run() = 0;
};

std::vector<std::unique_ptr<Command>> all_commands();

}  // namespace incimap::cli
