#pragma once
// The QGIS project of an output folder, DIR/incimap.qgz: every layer of incidents.gpkg with
// its default style, the heatmap with heatmap.qml, governorate labels, legends with readable
// names and circle sizes, the temporal controller set to animate over the incidents' dates,
// and the data's attribution in the project metadata. Layer paths are relative to the
// project, so the folder can be moved or handed on whole.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace incimap {

// A CRS as QGIS's <spatialrefsys> holds it; QGIS builds the CRS from the WKT.
struct QgisCrs {
    std::string wkt;  // WKT2
    std::string proj4;
    std::string authid;  // "EPSG:4326"
    std::string description;
};

struct QgisMapLayer {
    std::string name;      // unique in the project; its name in the layer tree
    std::string source;    // relative to the project: "./incidents.gpkg|layername=incidents"
    bool raster = false;   // GDAL raster provider, else an OGR vector layer
    std::string geometry;  // vectors: "Point", "Polygon" or "NoGeometry" (QGIS's wkbType names)
    QgisCrs crs;
    // The layer's style as a QML document: the children of its <qgis> root (renderer,
    // labels, temporal settings, raster pipe) become the children of the project's layer.
    std::string qml;
    bool visible = true;
};

struct QgisExtent {
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
};

struct QgisProject {
    std::string title;
    std::string abstract;  // what the data are and whom to credit
    QgisCrs crs;
    QgisExtent extent;                 // initial map view, in the project CRS
    std::vector<QgisMapLayer> layers;  // top of the layer tree first
    // Dates of the temporal controller's range (first and last event date, inclusive);
    // absent when no incident has a date.
    std::optional<Date> first_date, last_date;
};

// The .qgs document. Throws incimap::Error when a layer's QML is not well-formed XML.
std::string qgis_project_xml(const QgisProject& project);

// Reads what DIR holds (incidents.gpkg with its default styles in layer_styles, heatmap.tif
// with heatmap.qml) and writes DIR/incimap.qgz atomically (temporary name, sync, rename).
// Returns the path written, or nothing when DIR has no incidents.gpkg. Throws
// incimap::Error naming the file on a read or write failure.
std::optional<std::filesystem::path> write_qgis_project(const std::filesystem::path& dir);

}  // namespace incimap
