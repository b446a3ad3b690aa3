#pragma once
// What a finished publication (src/output/publication.hpp) leaves in an output folder: the
// product links, DIR/.incimap-current and the one generation folder it points at.
#include <filesystem>
#include <string>
#include <vector>

namespace incimap::test {

// Names of publishing's own in `dir` (generation folders, temporaries) beyond the current
// generation and its link, the folder's lock and the manifest: none once a publication is
// done.
inline std::vector<std::string> publishing_leftovers(const std::filesystem::path& dir) {
    std::error_code ec;
    const std::string current = std::filesystem::read_symlink(dir / ".incimap-current", ec);
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(".incimap", 0) == 0 && name != current && name != ".incimap-current" &&
            name != ".incimap-manifest.json" && name != ".incimap.lock")
            names.push_back(name);
    }
    return names;
}

}  // namespace incimap::test
