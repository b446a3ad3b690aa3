#include "cli/boundaries_option.hpp"

#include <iostream>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "gazetteer/gazetteer.hpp"

namespace incimap::cli {

MapBoundaries find_map_boundaries(const std::string& explicit_path,
                                  const std::filesystem::path& run_dir,
                                  const std::string& without_note) {
    namespace fs = std::filesystem;
    if (!explicit_path.empty()) return load_map_boundaries(explicit_path);
    const std::vector<std::pair<fs::path, std::string>> candidates = {
        {run_dir / "incidents.gpkg", "governorates"},
        {Gazetteer::default_path(), "admin1"},
    };
    for (const auto& [path, layer] : candidates) {
        if (!fs::exists(path)) continue;
        try {
            return load_map_boundaries(path, layer);
        } catch (const Error& e) {
            std::cerr << "incimap: warning: " << e.located() << '\n';
        }
    }
    std::cerr << "incimap: warning: no governorate boundaries found (give --boundaries); "
              << without_note << '\n';
    return {};
}

}  // namespace incimap::cli
