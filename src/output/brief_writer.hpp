#pragma once
// Writes brief.html and brief.md side by side, each atomically (temporary name, then rename).
#include <filesystem>
#include <string>

#include "output/brief.hpp"
#include "output/brief_render.hpp"

namespace incimap {

struct BriefFiles {
    std::filesystem::path html;
    std::filesystem::path markdown;
};

// `html` names the HTML file; the Markdown goes beside it with the extension .md. Throws
// incimap::Error naming the file when the directory is missing or a write fails.
BriefFiles write_brief(const BriefReport& report, const BriefAssets& assets,
                       const std::filesystem::path& html);

// The whole content of a file (the heatmap PNG to embed). Throws incimap::Error if unreadable.
std::string read_file_bytes(const std::filesystem::path& path);

}  // namespace incimap
