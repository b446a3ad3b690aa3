#include "output/layer_writer.hpp"

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <system_error>

#include "core/error.hpp"
#include "geo/checked_gdal_files.hpp"
#include "geo/durable_file.hpp"
#include "output/postgis_writer.hpp"
#include "output/qgis_style.hpp"

namespace incimap {
namespace {

// A directory beside the final files, removed with everything in it unless the write was
// committed. Being inside DIR keeps the final renames on one file system, hence atomic.
class StagingDir {
public:
    explicit StagingDir(const std::filesystem::path& out) {
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = out / (".incimap-writing-" + std::to_string(::getpid()) + "-" +
                       std::to_string(stamp));
        std::error_code ec;
        std::filesystem::create_directories(path_, ec);
        if (ec) throw Error("cannot create a temporary directory: " + ec.message(), path_.string());
    }
    ~StagingDir() {
        std::error_code ec;  // best effort: never throw from a destructor
        std::filesystem::remove_all(path_, ec);
    }
    StagingDir(const StagingDir&) = delete;
    StagingDir& operator=(const StagingDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

void notify(const LayerOptions& options, const std::string& written) {
    if (options.on_layer_written) options.on_layer_written(written);
}

// Errors name the file the user will look for (DIR/incidents.geojson), not the temporary
// folder it was being written in, which is gone by the time the message is read.
template <typename Write>
void naming_final_file(const std::filesystem::path& staged, const std::filesystem::path& out,
                       Write&& write) {
    try {
        write();
    } catch (const Error& e) {
        if (e.file() != staged.string()) throw;
        throw Error(e.what(), (out / staged.filename()).string(), e.line());
    }
}

void write_geopackage(const std::vector<LayerTable>& layers, const std::filesystem::path& path,
                      const LayerOptions& options) {
    GdalDataset gpkg = GdalDataset::create("GPKG", path.string());
    for (const auto& layer : layers) {
        write_table(gpkg, LayerFormat::gpkg, layer);
        notify(options, path.filename().string() + ":" + layer.name);
    }
    write_layer_styles(gpkg, default_styles(layers));
    gpkg.close();
    // SQLite checked its own writes; the bytes must still be on disk before the rename.
    sync_file(path);
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
std::filesystem::path write_layer_file(const LayerTable& layer, LayerFormat format,
                                       const std::filesystem::path& dir,
                                       const std::filesystem::path& out) {
    if (format == LayerFormat::flatgeobuf && layer.geometry == GeometryKind::none)
        format = LayerFormat::csv;
    const std::filesystem::path path = dir / (layer.name + file_extension(format));
    const std::filesystem::path shown = out / path.filename();
    try {
        GdalDataset dataset = GdalDataset::create(driver_name(format), checked_gdal_path(path));
        write_table(dataset, format, layer);
        dataset.close();
        if (format == LayerFormat::csv)
            write_csvt(layer, std::filesystem::path(path).replace_extension(".csvt"));
    } catch (const Error& e) {
        // A failed write is the reason a later GDAL call failed: say that one.
        throw_if_write_failed(dir, shown);
        throw Error(e.what(), shown.string(), e.line());
    }
    // Companions (.csvt) and the drivers' own temporary files are under `dir` too.
    throw_if_write_failed(dir, shown);
    return path;
}

LayerReport write_directory(const std::vector<LayerTable>& layers, const LayerOptions& options,
                            const std::filesystem::path& out) {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw Error("cannot create the output directory: " + ec.message(), out.string());

    StagingDir staging{out};
    std::vector<std::filesystem::path> staged;
    staged.push_back(staging.path() / "incidents.gpkg");
    naming_final_file(staged.back(), out,
                      [&] { write_geopackage(layers, staged.back(), options); });
    if (options.format != LayerFormat::gpkg) {
        for (const auto& layer : layers) {
            staged.push_back(write_layer_file(layer, options.format, staging.path(), out));
            notify(options, staged.back().filename().string());
        }
    }

    // Everything is written: now replace the previous files, each rename atomic.
    LayerReport report;
    for (const auto& file : staged) {
        for (const auto& companion : {file, std::filesystem::path(file).replace_extension(".csvt")}) {
            if (!std::filesystem::exists(companion)) continue;
            const auto target = out / companion.filename();
            std::filesystem::rename(companion, target, ec);
            if (ec) throw Error("cannot move the new file into place: " + ec.message(), target.string());
            report.files.push_back(target);
        }
    }
    // The renames themselves reach the disk.
    sync_directory(out);
    for (const auto& layer : layers) report.layers.emplace_back(layer.name, layer.rows.size());
    return report;
}

}  // namespace

bool is_postgres_target(const std::string& out) { return out.rfind("PG:", 0) == 0; }

LayerReport write_layers(const std::vector<Incident>& incidents,
                         const std::vector<Article>& articles, const LayerOptions& options,
                         const std::filesystem::path& out,
                         const std::vector<PlaceMentions>& mentions) {
    AdminPolygons admin;
    if (!options.admin_source.empty()) admin = read_admin_polygons(options.admin_source);
    const LayerBuilder builder{options.filter, WeightExpression::parse(options.weight), admin};
    if (is_postgres_target(out.string()))
        return write_postgis(builder, {incidents, articles, mentions}, out.string(), options);
    return write_directory(builder.build({incidents, articles, mentions}), options, out);
}

}  // namespace incimap
