#include "cli/commands.hpp"

namespace incimap::cli {

std::vector<std::unique_ptr<Command>> all_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(make_run_command());
    commands.push_back(make_extract_command());
    commands.push_back(make_resolve_command());
    commands.push_back(make_map_command());
    commands.push_back(make_heatmap_command());
    commands.push_back(make_brief_command());
    commands.push_back(make_gazetteer_command());
    return commands;
}

}  // namespace incimap::cli
