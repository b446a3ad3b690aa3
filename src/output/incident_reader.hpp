#pragma once
// Reads incidents and articles back from layers incimap wrote: a run's incidents.geojson,
// the incidents layer of incidents.gpkg, or a PostGIS table. Used by `incimap map` (until
// runs are kept in the store) and to recompute totals after a PostGIS merge.
#include <filesystem>
#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/incident.hpp"
#include "geo/gdal_dataset.hpp"

namespace incimap {

// `source` is a file or a run directory (then DIR/incidents.geojson, else
// DIR/incidents.gpkg). Throws incimap::Error naming the file when it cannot be read.
std::vector<Incident> read_incidents(const std::filesystem::path& source);
std::vector<Incident> read_incidents(OGRLayer& layer);

// Articles from DIR/articles.geojson or the articles layer of DIR/incidents.gpkg; empty
// when the run wrote none.
std::vector<Article> read_articles(const std::filesystem::path& run_dir);
std::vector<Article> read_articles(OGRLayer& layer);

}  // namespace incimap
