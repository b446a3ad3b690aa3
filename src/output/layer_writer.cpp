#include "output/layer_writer.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <system_error>

#include "core/error.hpp"
#include "geo/checked_gdal_files.hpp"
#include "geo/durable_file.hpp"
#include "output/postgis_writer.hpp"
#include "output/publication.hpp"
#include "output/qgis_project.hpp"
#include "output/qgis_style.hpp"

namespace incimap {
namespace {

LayerBuilder builder_for(const LayerOptions& options) {
    AdminPolygons admin;
    if (!options.admin_source.empty()) admin = read_admin_polygons(options.admin_source);
    return LayerBuilder{options.filter, WeightExpression::parse(options.weight), admin};
}

void notify(const LayerOptions& options, const std::string& written) {
    if (options.on_layer_written) options.on_layer_written(written);
}

// The default styles of the layers. Those of the summary layers depend on their rows (a
// few thousand, held); that of the incidents layer on `legend`, gathered while its rows were
// written; the articles layer has none.
std::vector<LayerStyle> styles_of(const std::vector<LayerStream>& layers,
                                  const IncidentsLegend& legend) {
    std::vector<LayerTable> styled;
    for (const auto& layer : layers) {
        if (layer.table.name == "articles") continue;
        styled.push_back(layer.table);
        if (layer.table.name != "incidents")
            layer.rows([&](const Row& row) { styled.back().rows.push_back(row); });
    }
    return default_styles(styled, legend);
}

// Returns the rows written per layer.
std::vector<std::size_t> write_geopackage(const std::vector<LayerStream>& layers,
                                          const std::filesystem::path& path,
                                          const LayerOptions& options) {
    std::vector<std::size_t> rows;
    GdalDataset gpkg = GdalDataset::create("GPKG", path.string());
    try {
        IncidentsLegend legend;
        for (const auto& layer : layers) {
            LayerStream written = layer;
            if (layer.table.name == "incidents")
                written.rows = [&](const std::function<void(const Row&)>& visit) {
                    layer.rows([&](const Row& row) {
                        legend.add(layer.table, row);
                        visit(row);
                    });
                };
            rows.push_back(write_table(gpkg, LayerFormat::gpkg, written, false, options.cancel));
            notify(options, path.filename().string() + ":" + layer.table.name);
        }
        write_layer_styles(gpkg, styles_of(layers, legend));
        gpkg.close();
    } catch (const Error& e) {
        // SQLite says "disk I/O error" for a full disk, and GDAL adds its SQL.
        throw Error(std::string("cannot write the GeoPackage (is the disk full?): ") + e.what(),
                    path.string(), e.line());
    }
    // SQLite checked its own writes; the bytes must still be on disk before the rename.
    sync_file(path);
    return rows;
}

void write_csvt(const LayerTable& layer, const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary);
    out << csvt_line(layer);
    out.close();
    if (!out) throw Error("cannot write the column types", path.string());
    sync_file(path);
}

// One file per layer. FlatGeobuf has no geometry-less layers: articles go to CSV then.
// GDAL writes it through checked_gdal_path(): every write is checked and the file synced.
std::filesystem::path write_layer_file(const LayerStream& layer, LayerFormat format,
                                       const std::filesystem::path& dir,
                                       const std::filesystem::path& out,
                                       const CancellationToken& cancel) {
    if (format == LayerFormat::flatgeobuf && layer.table.geometry == GeometryKind::none)
        format = LayerFormat::csv;
    const std::filesystem::path path = dir / (layer.table.name + file_extension(format));
    const std::filesystem::path shown = out / path.filename();
    try {
        GdalDataset dataset = GdalDataset::create(driver_name(format), checked_gdal_path(path));
        write_table(dataset, format, layer, false, cancel);
        dataset.close();
        if (format == LayerFormat::csv)
            write_csvt(layer.table, std::filesystem::path(path).replace_extension(".csvt"));
    } catch (const Error& e) {
        // A failed write is the reason a later GDAL call failed: say that one.
        throw_if_write_failed(dir, shown);
        throw Error(e.what(), shown.string(), e.line());
    }
    // Companions (.csvt) and the drivers' own temporary files are under `dir` too.
    throw_if_write_failed(dir, shown);
    return path;
}

}  // namespace

LayerReport stage_layers(const LayerSources& input, const LayerOptions& options,
                         const Publication& publication) {
    const LayerBuilder builder = builder_for(options);
    const std::vector<LayerStream> layers = builder.stream(input);
    const std::filesystem::path& staging = publication.staging();
    LayerReport report;
    report.files.push_back(staging / "incidents.gpkg");
    std::vector<std::size_t> rows;
    publication.naming_final_paths(
        [&] { rows = write_geopackage(layers, report.files.back(), options); });
    if (options.format != LayerFormat::gpkg) {
        for (const auto& layer : layers) {
            const auto file = write_layer_file(layer, options.format, staging,
                                               publication.out_dir(), options.cancel);
            notify(options, file.filename().string());
            report.files.push_back(file);
            const auto types = std::filesystem::path(file).replace_extension(".csvt");
            if (std::filesystem::exists(types)) report.files.push_back(types);
        }
    }
    for (std::size_t i = 0; i < layers.size(); ++i)
        report.layers.emplace_back(layers[i].table.name, rows[i]);
    return report;
}

bool is_postgres_target(const std::string& out) { return out.rfind("PG:", 0) == 0; }

namespace {

// The layers into folder `out`, published with the products of the folder's current set
// that they do not replace (a run's heatmap and briefing stay), and, when `with_project`,
// with the QGIS project of that whole set.
LayerReport publish_layers(const std::vector<Incident>& incidents,
                           const std::vector<Article>& articles, const LayerOptions& options,
                           const std::filesystem::path& out,
                           const std::vector<PlaceMentions>& mentions, bool with_project) {
    Publication publication{out};
    LayerReport report = stage_layers(
        {sequence_of(incidents), sequence_of(articles), mentions}, options, publication);
    std::vector<std::string> names;
    for (const auto& file : report.files) names.push_back(file.filename().string());
    const std::size_t layer_files = names.size();
    for (std::string& kept : publication.keep_other_products()) names.push_back(std::move(kept));
    if (with_project) {
        std::optional<std::filesystem::path> project;
        publication.naming_final_paths(
            [&] { project = write_qgis_project(publication.staging()); });
        const std::string name = "incimap.qgz";
        if (project && std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    }
    report.files = publication.publish(names);
    report.files.resize(layer_files);  // the layers' final paths
    return report;
}

}  // namespace

LayerReport write_layers(const std::vector<Incident>& incidents,
                         const std::vector<Article>& articles, const LayerOptions& options,
                         const std::filesystem::path& out,
                         const std::vector<PlaceMentions>& mentions) {
    if (is_postgres_target(out.string()))
        return write_postgis(builder_for(options), {incidents, articles, mentions}, out.string(),
                             options);
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw Error("cannot create the output directory: " + ec.message(), out.string());
    return publish_layers(incidents, articles, options, out, mentions, /*with_project=*/false);
}

LayerReport write_layers_and_project(const std::vector<Incident>& incidents,
                                     const std::vector<Article>& articles,
                                     const LayerOptions& options,
                                     const std::filesystem::path& out) {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw Error("cannot create the output directory: " + ec.message(), out.string());
    return publish_layers(incidents, articles, options, out, {}, /*with_project=*/true);
}

}  // namespace incimap
