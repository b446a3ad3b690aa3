#pragma once
#include "cli/command.hpp"

namespace incimap::cli {

std::unique_ptr<Command> make_run_command();        // cmd_run.cpp
std::unique_ptr<Command> make_extract_command();    // cmd_extract.cpp
std::unique_ptr<Command> make_resolve_command();    // cmd_resolve.cpp
std::unique_ptr<Command> make_map_command();        // cmd_map.cpp
std::unique_ptr<Command> make_heatmap_command();    // cmd_heatmap.cpp
std::unique_ptr<Command> make_brief_command();      // cmd_brief.cpp
std::unique_ptr<Command> make_gazetteer_command();  // cmd_gazetteer.cpp

}  // namespace incimap::cli
