// write_qgis_project(): what an output folder holds, read back into a QgisProject and
// written as DIR/incimap.qgz (a zip of incimap.qgs, as QGIS saves projects by default).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "core/error.hpp"
#include "geo/durable_file.hpp"
#include "geo/gdal_dataset.hpp"
#include "geo/gdal_error.hpp"
#include "geo/zip_archive.hpp"
#include "output/brief_writer.hpp"
#include "output/qgis_project.hpp"

namespace incimap {
namespace {

namespace fs = std::filesystem;

// The credits gazetteer/ATTRIBUTION asks for, for the project's metadata.
constexpr const char* project_abstract =
    "Violent incidents in Syria extracted by incimap from news articles: incident points "
    "weighted by casualties, totals by governorate and district, and a kernel density heatmap.\n"
    "Places: Who's On First (https://whosonfirst.org/, CC0; crediting required) and GeoNames "
    "(https://www.geonames.org/, CC BY 4.0); neighbourhood coordinates from Wikipedia "
    "contributors (CC BY-SA 4.0). Administrative boundaries: UN OCHA COD-AB Syria via the "
    "Humanitarian Data Exchange (CC BY-IGO); the boundaries and names shown do not imply "
    "official endorsement or acceptance by the United Nations. Natural Earth (public domain).";

// Top of the layer tree first; the visible ones make a readable map on their own: incidents
// over the governorate choropleth with its labels.
struct LayerChoice {
    const char* name;
    bool visible;
};
constexpr LayerChoice layer_order[] = {
    {"incidents", true}, {"places", false},    {"governorate_points", false},
    {"heatmap", false},  {"districts", false}, {"governorates", true},
    {"articles", true},
};

QgisCrs crs_of(const OGRSpatialReference* srs) {
    QgisCrs crs;
    if (!srs) return crs;
    char* text = nullptr;
    const char* wkt2[] = {"FORMAT=WKT2_2019", nullptr};
    if (srs->exportToWkt(&text, wkt2) == OGRERR_NONE && text) crs.wkt = text;
    CPLFree(text);
    text = nullptr;
    if (srs->exportToProj4(&text) == OGRERR_NONE && text) crs.proj4 = text;
    CPLFree(text);
    const char* authority = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (authority && code) crs.authid = std::string(authority) + ":" + code;
    if (const char* name = srs->GetName()) crs.description = name;
    return crs;
}

std::string wkb_type_name(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
        case wkbPoint:
            return "Point";
        case wkbMultiPoint:
            return "MultiPoint";
        case wkbPolygon:
            return "Polygon";
        case wkbMultiPolygon:
            return "MultiPolygon";
        case wkbLineString:
            return "LineString";
        case wkbMultiLineString:
            return "MultiLineString";
        case wkbNone:
            return "NoGeometry";
        default:
            return "Unknown";
    }
}

// The style QGIS applies when it loads the layer alone: its default row in layer_styles.
std::map<std::string, std::string> default_styles_in(GdalDataset& gpkg) {
    std::map<std::string, std::string> qml;
    OGRLayer* styles = gpkg.find_layer("layer_styles");
    if (!styles) return qml;
    styles->ResetReading();
    while (OGRFeatureUniquePtr row{styles->GetNextFeature()})
        if (row->GetFieldAsInteger("useAsDefault") == 1)
            qml[row->GetFieldAsString("f_table_name")] = row->GetFieldAsString("styleQML");
    return qml;
}

// First and last event_date of the incidents (SQLite compares ISO dates as text).
void read_date_range(GdalDataset& gpkg, QgisProject& project) {
    OGRLayer* result = gpkg.get().ExecuteSQL(
        "SELECT min(event_date), max(event_date) FROM incidents", nullptr, nullptr);
    if (!result) return;
    if (OGRFeatureUniquePtr row{result->GetNextFeature()}) {
        if (row->IsFieldSetAndNotNull(0) && row->IsFieldSetAndNotNull(1)) {
            project.first_date = Date::parse_iso(row->GetFieldAsString(0));
            project.last_date = Date::parse_iso(row->GetFieldAsString(1));
        }
    }
    gpkg.get().ReleaseResultSet(result);
    if (!project.first_date || !project.last_date) project.first_date = project.last_date = {};
}

// The project's CRS and initial view: the layer's, with a 5% margin. False for an empty layer.
bool set_view(OGRLayer& layer, QgisProject& project) {
    OGREnvelope e;
    if (layer.GetExtent(&e, TRUE) != OGRERR_NONE) return false;
    const double margin = 0.05 * std::max(e.MaxX - e.MinX, e.MaxY - e.MinY);
    project.extent = {e.MinX - margin, e.MinY - margin, e.MaxX + margin, e.MaxY + margin};
    project.crs = crs_of(layer.GetSpatialRef());
    return true;
}

// Vector layers of the GeoPackage that have a default style or no geometry (articles).
std::map<std::string, QgisMapLayer> geopackage_layers(GdalDataset& gpkg, QgisProject& project) {
    const auto styles = default_styles_in(gpkg);
    std::map<std::string, QgisMapLayer> layers;
    for (const auto& name : gpkg.layer_names()) {
        OGRLayer& source = gpkg.layer(name);
        const OGRwkbGeometryType type = source.GetGeomType();
        const auto style = styles.find(name);
        // Map layers come with their default style; the articles table has none.
        if (name == "layer_styles" || (type != wkbNone && style == styles.end())) continue;
        QgisMapLayer layer;
        layer.name = name;
        layer.source = "./incidents.gpkg|layername=" + name;
        layer.geometry = wkb_type_name(type);
        layer.crs = crs_of(source.GetSpatialRef());
        layer.qml = style != styles.end() ? style->second
                                          : "<qgis styleCategories=\"AllStyleCategories\"/>";
        layers.emplace(name, std::move(layer));
    }
    // QGIS opens on Syria (the governorates), else on the incidents.
    for (const char* name : {"governorates", "incidents"})
        if (layers.count(name) && set_view(gpkg.layer(name), project)) break;
    if (layers.count("incidents")) read_date_range(gpkg, project);
    return layers;
}

// heatmap.tif with the style written beside it (heatmap.qml), when the run wrote one.
std::optional<QgisMapLayer> heatmap_layer(const fs::path& dir) {
    const fs::path tif = dir / "heatmap.tif", qml = dir / "heatmap.qml";
    if (!fs::exists(tif) || !fs::exists(qml)) return std::nullopt;
    GdalErrorScope errors;
    GDALDatasetUniquePtr raster{GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY)};
    errors.throw_if_failed("cannot open the heatmap", tif.string(), raster != nullptr);
    QgisMapLayer layer;
    layer.name = "heatmap";
    layer.source = "./heatmap.tif";
    layer.raster = true;
    layer.crs = crs_of(raster->GetSpatialRef());
    layer.qml = read_file_bytes(qml);
    return layer;
}

QgisProject read_output_folder(const fs::path& dir) {
    QgisProject project;
    fs::path folder = fs::absolute(dir).lexically_normal();
    if (folder.filename().empty()) folder = folder.parent_path();  // "out/"
    // A publication's generation folder (publication.hpp): the user knows the folder it is in.
    if (folder.filename().string().starts_with(".incimap-")) folder = folder.parent_path();
    project.title = "incimap: " + folder.filename().string();
    project.abstract = project_abstract;
    const fs::path gpkg_path = dir / "incidents.gpkg";
    GdalDataset gpkg = GdalDataset::open_vector(gpkg_path.string());
    auto layers = geopackage_layers(gpkg, project);
    if (auto heatmap = heatmap_layer(dir)) layers.emplace("heatmap", std::move(*heatmap));
    for (const auto& choice : layer_order) {
        auto it = layers.find(choice.name);
        if (it == layers.end()) continue;
        it->second.visible = choice.visible;
        project.layers.push_back(std::move(it->second));
    }
    return project;
}

}  // namespace

std::optional<fs::path> write_qgis_project(const fs::path& dir) {
    gdal_register_all();
    if (!fs::exists(dir / "incidents.gpkg")) return std::nullopt;
    const std::string qgs = qgis_project_xml(read_output_folder(dir));

    const fs::path target = dir / "incimap.qgz";
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    const fs::path temporary =
        dir / (".incimap.qgz-writing-" + std::to_string(::getpid()) + "-" + std::to_string(stamp));
    try {
        write_zip(temporary, {{"incimap.qgs", qgs}});
        sync_file(temporary);
        std::error_code ec;
        fs::rename(temporary, target, ec);
        if (ec)
            throw Error("cannot move the new project into place: " + ec.message(), target.string());
    } catch (const Error& e) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        // The message names the file the user will look for, not the temporary one.
        throw Error(e.what(), target.string());
    }
    sync_directory(dir);
    return target;
}

}  // namespace incimap
