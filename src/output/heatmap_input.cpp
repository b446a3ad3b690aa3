#include "output/heatmap_input.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/error.hpp"
#include "geo/gdal_dataset.hpp"
#include "output/weight_expression.hpp"

namespace incimap {
namespace {

int field_index(OGRFeatureDefn* defn, const char* name) { return defn->GetFieldIndex(name); }

double number_field(OGRFeature& f, int index) {
    if (index < 0 || !f.IsFieldSetAndNotNull(index)) return 0;
    return f.GetFieldAsDouble(index);
}

std::string text_field(OGRFeature& f, int index) {
    if (index < 0 || !f.IsFieldSetAndNotNull(index)) return {};
    return f.GetFieldAsString(index);
}

std::optional<Date> date_field(OGRFeature& f, int index) {
    if (index < 0 || !f.IsFieldSetAndNotNull(index)) return std::nullopt;
    const std::string text = f.GetFieldAsString(index);  // GeoJSON and GPKG dates: YYYY/MM/DD
    std::string iso = text.substr(0, 10);
    std::replace(iso.begin(), iso.end(), '/', '-');
    return Date::parse_iso(iso);
}

OGRLayer* incidents_layer(GDALDataset& ds) {
    if (OGRLayer* named = ds.GetLayerByName("incidents")) return named;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* layer = ds.GetLayer(i);
        if (wkbFlatten(layer->GetGeomType()) == wkbPoint) return layer;
    }
    return ds.GetLayerCount() > 0 ? ds.GetLayer(0) : nullptr;
}

}  // namespace

std::string_view to_string(HeatmapWeight w) {
    switch (w) {
        case HeatmapWeight::killed:
            return "killed";
        case HeatmapWeight::casualties:
            return "casualties";
        case HeatmapWeight::incidents:
            return "incidents";
    }
    return "casualties";
}

std::optional<HeatmapWeight> parse_heatmap_weight(std::string_view text) {
    if (text == "killed") return HeatmapWeight::killed;
    if (text == "casualties") return HeatmapWeight::casualties;
    if (text == "incidents") return HeatmapWeight::incidents;
    return std::nullopt;
}

std::optional<std::filesystem::path> find_incidents_file(const std::filesystem::path& run_dir) {
    for (const char* name : {"incidents.geojson", "incidents.gpkg"}) {
        const auto candidate = run_dir / name;
        if (std::filesystem::exists(candidate)) return candidate;
    }
    return std::nullopt;
}

bool on_heatmap(const Incident& incident, const IncidentFilter& filter) {
    // Events abroad have no point on a Syrian map (docs/schema.md).
    return filter.matches(incident) && has_location(incident) && !outside_syria(incident);
}

HeatmapInput heatmap_input_of(const std::vector<Incident>& incidents, HeatmapWeight weight,
                              const IncidentFilter& filter) {
    HeatmapInput input;
    for (const Incident& incident : incidents) {
        ++input.features_read;
        if (!filter.matches(incident)) {
            ++input.outside_selection;
            continue;
        }
        if (!on_heatmap(incident, filter)) {
            ++input.without_geometry;
            continue;
        }
        double w = 1;
        if (weight == HeatmapWeight::killed) w = incident.casualties.killed.value.value_or(0);
        if (weight == HeatmapWeight::casualties) w = casualties_of(incident);
        input.points.push_back({incident.where.point, w});
    }
    return input;
}

HeatmapInput read_heatmap_input(const std::filesystem::path& incidents_file, HeatmapWeight weight,
                                const IncidentSelection& selection) {
    GDALAllRegister();
    const std::string where = incidents_file.string();
    const char* const drivers_allowed[] = {"GeoJSON",        "GPKG",   "FlatGeobuf",
                                           "ESRI Shapefile", "SQLite", nullptr};
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetUniquePtr ds(GDALDataset::Open(where.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              drivers_allowed, nullptr, nullptr));
    const std::string gdal_message = CPLGetLastErrorMsg();
    CPLPopErrorHandler();
    if (!ds)
        throw Error("cannot read incidents (" +
                        (gdal_message.empty() ? std::string("not a vector file") : gdal_message) +
                        ")",
                    where);
    OGRLayer* layer = incidents_layer(*ds);
    if (!layer) throw Error("no incidents layer", where);

    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int i_killed = field_index(defn, "killed");
    const int i_injured = field_index(defn, "injured");
    const int i_date = field_index(defn, "event_date");
    const int i_pcode = field_index(defn, "admin1_pcode");
    const int i_name = field_index(defn, "admin1_name");
    if (weight != HeatmapWeight::incidents && i_killed < 0)
        throw Error("incidents have no 'killed' property to weigh them by", where);

    // Incidents are in lon/lat (GeoJSON is always WGS84); other sources are reprojected.
    const auto to_lonlat = transform_to_lon_lat(*layer, where);

    HeatmapInput input;
    std::set<std::pair<std::string, std::string>> seen;
    bool governorate_matched = false;
    layer->ResetReading();
    for (auto& feature : *layer) {
        ++input.features_read;
        const std::string pcode = text_field(*feature, i_pcode);
        const std::string name = text_field(*feature, i_name);
        if (!pcode.empty() || !name.empty()) seen.emplace(pcode, name);

        const OGRGeometry* geom = feature->GetGeometryRef();
        if (!geom || geom->IsEmpty() || wkbFlatten(geom->getGeometryType()) != wkbPoint) {
            ++input.without_geometry;
            continue;
        }
        const bool in_governorate = governorate_matches(selection.governorate, pcode, name);
        governorate_matched =
            governorate_matched || (in_governorate && !selection.governorate.empty());
        bool selected = in_governorate;
        if (selected && (selection.from || selection.to)) {
            const std::optional<Date> date = date_field(*feature, i_date);
            selected = date && (!selection.from || *date >= *selection.from) &&
                       (!selection.to || *date <= *selection.to);
        }
        if (!selected) {
            ++input.outside_selection;
            continue;
        }
        double x = geom->toPoint()->getX();
        double y = geom->toPoint()->getY();
        if (to_lonlat && !to_lonlat->Transform(1, &x, &y)) {
            ++input.without_geometry;
            continue;
        }
        double w = 1;
        if (weight == HeatmapWeight::killed) w = number_field(*feature, i_killed);
        if (weight == HeatmapWeight::casualties)
            w = number_field(*feature, i_killed) + number_field(*feature, i_injured);
        input.points.push_back({{x, y}, w});
    }
    input.governorates_seen.assign(seen.begin(), seen.end());
    input.governorate_known = selection.governorate.empty() || governorate_matched;
    return input;
}

}  // namespace incimap
