#pragma once
// Default QGIS styles for the layers, stored in a GeoPackage's `layer_styles` table: the
// table QGIS itself creates ("Save as default" into the data source) and reads when a layer
// is loaded, applying the row with useAsDefault = 1.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "geo/gdal_dataset.hpp"
#include "output/layer_table.hpp"

namespace incimap {

struct LayerStyle {
    std::string layer;            // f_table_name
    std::string geometry_column;  // f_geometry_column ("geom" in GDAL's GeoPackages)
    std::string name;             // styleName
    std::string description;
    std::string qml;
};

// Incidents: categorized by event_type (legend labels readable: "Air or drone strike"),
// circle size by weight. Governorates: graduated
// choropleth of casualties with name labels. Districts: the same without labels.
// governorate_points and places: circles sized by casualties / incidents. Circle layers
// carry a circle-size legend (three round values).
std::vector<LayerStyle> default_styles(const std::vector<LayerTable>& layers);

// What the incidents style depends on, gathered row by row while a streamed incidents layer
// is written: the event types present and the largest weight.
struct IncidentsLegend {
    std::set<std::string> event_types;
    std::optional<double> max_weight;
    void add(const LayerTable& incidents, const Row& row);  // a row of that layer
};
// The same for layers whose incidents rows were streamed, not held: `incidents` stands for them.
std::vector<LayerStyle> default_styles(const std::vector<LayerTable>& layers,
                                       const IncidentsLegend& incidents);

std::string incidents_qml(const IncidentsLegend& legend);
std::string incidents_qml(const LayerTable& incidents);  // from its rows
std::string choropleth_qml(const LayerTable& polygons, const std::string& label_field);
std::string proportional_points_qml(const LayerTable& points, const std::string& size_field,
                                    const std::string& color, const std::string& legend_title);

// Creates `layer_styles` when absent and adds one default row per style (earlier defaults
// of the same layer are unset, as QGIS does).
void write_layer_styles(GdalDataset& gpkg, const std::vector<LayerStyle>& styles);

}  // namespace incimap
