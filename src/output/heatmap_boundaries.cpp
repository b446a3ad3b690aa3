#include "output/heatmap_boundaries.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "geo/gdal_dataset.hpp"
#include "output/heatmap_input.hpp"

namespace incimap {
namespace {

// Field names used by the sources we know: our own layers and gazetteer (admin1_*), OCHA
// COD-AB (ADM1_PCODE, ADM1_EN), Who's On First / Natural Earth style (name_en, name).
constexpr const char* pcode_fields[] = {"admin1_pcode", "ADM1_PCODE", "pcode"};
constexpr const char* name_fields[] = {"admin1_name", "ADM1_EN", "name_en", "name"};

template <std::size_t N>
std::string first_field(OGRFeature& f, const char* const (&names)[N]) {
    for (const char* n : names) {
        const int i = f.GetFieldIndex(n);
        if (i >= 0 && f.IsFieldSetAndNotNull(i)) return f.GetFieldAsString(i);
    }
    return {};
}

std::vector<LonLat> ring_points(const OGRLinearRing& ring) {
    std::vector<LonLat> out;
    out.reserve(ring.getNumPoints());
    for (int i = 0; i < ring.getNumPoints(); ++i) out.push_back({ring.getX(i), ring.getY(i)});
    return out;
}

void add_polygon(const OGRPolygon& poly, MapBoundary& unit) {
    std::vector<std::vector<LonLat>> rings;
    if (const OGRLinearRing* shell = poly.getExteriorRing()) rings.push_back(ring_points(*shell));
    for (int i = 0; i < poly.getNumInteriorRings(); ++i)
        rings.push_back(ring_points(*poly.getInteriorRing(i)));
    if (!rings.empty() && rings.front().size() >= 3) unit.polygons.push_back(std::move(rings));
}

OGRLayer* polygon_layer(GDALDataset& ds, const std::string& name) {
    if (!name.empty()) return ds.GetLayerByName(name.c_str());
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* layer = ds.GetLayer(i);
        const auto type = wkbFlatten(layer->GetGeomType());
        if (type == wkbPolygon || type == wkbMultiPolygon) return layer;
    }
    // GeoJSON mixing Polygon and MultiPolygon features (OCHA's files do) reports an unknown
    // geometry type; non-polygon features are skipped while reading.
    return ds.GetLayerCount() > 0 ? ds.GetLayer(0) : nullptr;
}

}  // namespace

const MapBoundary* MapBoundaries::find(std::string_view pcode_or_name) const {
    for (const auto& u : units)
        if (governorate_matches(pcode_or_name, u.pcode, u.name)) return &u;
    return nullptr;
}

MapBoundaries load_map_boundaries(const std::filesystem::path& source,
                                  const std::string& layer_name) {
    GDALAllRegister();
    const std::string where = source.string();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetUniquePtr ds(GDALDataset::Open(where.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, nullptr, nullptr));
    const std::string gdal_message = CPLGetLastErrorMsg();
    CPLPopErrorHandler();
    if (!ds) throw Error("cannot read boundaries (" + gdal_message + ")", where);
    OGRLayer* layer = polygon_layer(*ds, layer_name);
    if (!layer)
        throw Error(layer_name.empty() ? "no polygon layer" : "no layer named " + layer_name,
                    where);

    const auto to_lonlat = transform_to_lon_lat(*layer, where);

    MapBoundaries out;
    for (auto& feature : *layer) {
        OGRGeometry* geom = feature->GetGeometryRef();
        if (!geom || geom->IsEmpty()) continue;
        if (to_lonlat && geom->transform(to_lonlat.get()) != OGRERR_NONE) continue;
        MapBoundary unit;
        unit.pcode = first_field(*feature, pcode_fields);
        unit.name = first_field(*feature, name_fields);
        const auto type = wkbFlatten(geom->getGeometryType());
        if (type == wkbPolygon) add_polygon(*geom->toPolygon(), unit);
        if (type == wkbMultiPolygon)
            for (const OGRPolygon* p : *geom->toMultiPolygon()) add_polygon(*p, unit);
        if (!unit.polygons.empty()) out.units.push_back(std::move(unit));
    }
    if (out.empty()) throw Error("no polygons in the boundaries layer", where);
    return out;
}

}  // namespace incimap
