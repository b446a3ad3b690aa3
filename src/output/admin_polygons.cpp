#include "output/admin_polygons.hpp"

#include <memory>

#include "core/error.hpp"
#include "geo/gdal_dataset.hpp"
#include "geo/gdal_error.hpp"

namespace incimap {
namespace {

std::string field_string(OGRFeature& feature, int index) {
    return index >= 0 && feature.IsFieldSetAndNotNull(index) ? feature.GetFieldAsString(index)
                                                             : std::string{};
}

int require_field(OGRLayer& layer, const char* name, const std::string& source) {
    const int index = layer.GetLayerDefn()->GetFieldIndex(name);
    if (index < 0)
        throw Error(std::string{"layer "} + layer.GetName() + " has no field " + name +
                        " (is this a gazetteer database?)",
                    source);
    return index;
}

std::vector<AdminPolygon> read_level(GdalDataset& dataset, const std::string& layer_name,
                                     const char* prefix, bool with_parent) {
    OGRLayer& layer = dataset.layer(layer_name);
    const std::string p{prefix};
    const int pcode = require_field(layer, (p + "_pcode").c_str(), dataset.path());
    const int name = require_field(layer, (p + "_name").c_str(), dataset.path());
    const int name_ar = layer.GetLayerDefn()->GetFieldIndex((p + "_name_ar").c_str());
    const int parent_pcode = with_parent ? require_field(layer, "admin1_pcode", dataset.path()) : -1;
    const int parent_name = with_parent ? layer.GetLayerDefn()->GetFieldIndex("admin1_name") : -1;

    std::vector<AdminPolygon> out;
    layer.ResetReading();
    for (auto& feature : layer) {
        AdminPolygon polygon;
        polygon.pcode = field_string(*feature, pcode);
        polygon.name = field_string(*feature, name);
        polygon.name_ar = field_string(*feature, name_ar);
        polygon.parent_pcode = field_string(*feature, parent_pcode);
        polygon.parent_name = field_string(*feature, parent_name);
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry) continue;
        std::unique_ptr<OGRGeometry> multi{
            OGRGeometryFactory::forceToMultiPolygon(geometry->clone())};
        polygon.wkb.resize(static_cast<std::size_t>(multi->WkbSize()));
        multi->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(polygon.wkb.data()),
                           wkbVariantIso);
        out.push_back(std::move(polygon));
    }
    return out;
}

}  // namespace

AdminPolygons read_admin_polygons(const std::filesystem::path& source) {
    if (!std::filesystem::exists(source))
        throw Error("gazetteer database not found (build target gazetteer_db or pass --gazetteer)",
                    source.string());
    GdalDataset dataset = GdalDataset::open_vector(source.string());
    AdminPolygons polygons;
    polygons.admin1 = read_level(dataset, "admin1", "admin1", false);
    polygons.admin2 = read_level(dataset, "admin2", "admin2", true);
    return polygons;
}

std::optional<std::string> pcode_at(const std::vector<AdminPolygon>& polygons, LonLat point) {
    GdalErrorScope errors;  // a broken polygon is skipped, not fatal, for a lookup
    const OGRPoint p{point.lon, point.lat};
    for (const auto& polygon : polygons) {
        OGRGeometry* geometry = nullptr;
        if (OGRGeometryFactory::createFromWkb(polygon.wkb.data(), nullptr, &geometry,
                                              polygon.wkb.size()) != OGRERR_NONE)
            continue;
        std::unique_ptr<OGRGeometry> owned{geometry};
        OGREnvelope envelope;
        owned->getEnvelope(&envelope);
        if (point.lon < envelope.MinX || point.lon > envelope.MaxX || point.lat < envelope.MinY ||
            point.lat > envelope.MaxY)
            continue;
        if (owned->Contains(&p)) return polygon.pcode;
    }
    return std::nullopt;
}

}  // namespace incimap
