#pragma once
// What a run writes besides the layers: heatmap.tif (+ .qml) and heatmap.png, and the
// briefing brief.html / brief.md, all for the incidents the layer filter selects.
#include <filesystem>
#include <vector>

#include "core/article.hpp"
#include "core/incident.hpp"
#include "core/sequence.hpp"

namespace incimap {

struct RunOptions;

// Writes them into `dir` (a publication's staging folder) and returns the files written. A heatmap needs at least one located incident; without one it
// is left out (the briefing says there is nothing to map). Throws Cancelled when
// options.cancel asks to stop.
// Both read the incidents and articles one at a time, holding only what they draw.
std::vector<std::filesystem::path> write_run_products(const Sequence<Incident>& incidents,
                                                      const Sequence<Article>& articles,
                                                      const RunOptions& options,
                                                      const std::filesystem::path& dir);

}  // namespace incimap
