#pragma once
// What a run writes besides the layers: heatmap.tif (+ .qml) and heatmap.png, and the
// briefing brief.html / brief.md, all for the incidents the layer filter selects.
#include <filesystem>
#include <vector>

#include "core/article.hpp"
#include "core/incident.hpp"

namespace incimap {

struct RunOptions;

// Returns the files written. A heatmap needs at least one located incident; without one it
// is left out (the briefing says there is nothing to map).
std::vector<std::filesystem::path> write_run_products(const std::vector<Incident>& incidents,
                                                      const std::vector<Article>& articles,
                                                      const RunOptions& options);

}  // namespace incimap
