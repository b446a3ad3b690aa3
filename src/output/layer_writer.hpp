#pragma once
// Writes the map layers of a set of incidents (docs/layers.md):
//   - into a directory: DIR/incidents.gpkg with every layer, QGIS default styles and
//     metadata, plus one file per layer in the chosen format (GeoJSON by default);
//   - or into PostGIS, when `out` is a GDAL "PG:..." connection string.
// Files are written into a staging folder inside DIR and published together with the rest
// (publication.hpp): a failure leaves the previous output intact.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/incident.hpp"
#include "output/incident_filter.hpp"
#include "output/layer_builder.hpp"
#include "output/layer_sink.hpp"

namespace incimap {

struct LayerOptions {
    // Format of the per-layer files beside incidents.gpkg; gpkg writes the GeoPackage only.
    LayerFormat format = LayerFormat::geojson;
    IncidentFilter filter;
    // killed | casualties | an expression over killed, injured, captured (weight_expression.hpp).
    std::string weight = "casualties";
    // GDAL source with tables admin1 and admin2 (the gazetteer database). Empty: the
    // governorates, governorate_points and districts layers are not written.
    std::filesystem::path admin_source;
    // PostGIS only: replace the incidents and articles tables by this selection. Without it a
    // narrowing filter (IncidentFilter::narrows) into existing tables is refused, since
    // merging it would delete the rows of its articles that the filter left out.
    bool replace = false;
    // Called after each layer was written ("incidents.gpkg:incidents", "places.geojson");
    // an exception thrown from it aborts the write like any failure would.
    std::function<void(const std::string& written)> on_layer_written;
    // Asks the write to stop (Cancelled, checked every 1,000 rows); nothing is published.
    CancellationToken cancel;
};

struct LayerReport {
    std::vector<std::pair<std::string, std::size_t>> layers;  // name, features
    std::vector<std::filesystem::path> files;                 // final paths (none for PG)
    std::size_t table_rows = 0;  // PostGIS: rows of the incidents table after the write
};

LayerReport write_layers(const std::vector<Incident>& incidents,
                         const std::vector<Article>& articles, const LayerOptions& options,
                         const std::filesystem::path& out,
                         const std::vector<PlaceMentions>& mentions = {});

// write_layers into a directory (`map -o DIR`), published together with the QGIS project of
// what the folder then holds; the products of the folder's current set that the layers do not
// replace (a run's heatmap, briefing, ...) stay.
LayerReport write_layers_and_project(const std::vector<Incident>& incidents,
                                     const std::vector<Article>& articles,
                                     const LayerOptions& options, const std::filesystem::path& out);

class Publication;

// The directory layers of write_layers, written into the staging folder of `publication`
// for the caller to publish with its other products; report.files are the staged files.
// The incidents and articles are read from `input` as the layers are written (twice when
// the format is not gpkg), never all held.
LayerReport stage_layers(const LayerSources& input, const LayerOptions& options,
                         const Publication& publication);

// True for "PG:..." connection strings.
bool is_postgres_target(const std::string& out);

}  // namespace incimap
