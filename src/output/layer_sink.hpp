#pragma once
// Writes LayerTables through GDAL: the one place that knows OGR field types, layer creation
// options per driver, and how a row becomes an OGRFeature.
#include <string>
#include <vector>

#include "core/cancellation.hpp"

#include "geo/gdal_dataset.hpp"
#include "output/layer_table.hpp"

namespace incimap {

// GDAL driver short names, as ogr2ogr's -f spells them.
enum class LayerFormat { gpkg, geojson, flatgeobuf, csv, postgresql };

LayerFormat parse_layer_format(const std::string& name);  // case-insensitive; throws
std::string driver_name(LayerFormat format);
std::string file_extension(LayerFormat format);  // ".gpkg", ".geojson", ".fgb", ".csv"

// Layer creation options for a table in a format (RFC 7946 for GeoJSON, spatial index and
// metadata for GeoPackage, geometry columns for CSV ...).
GdalOptions layer_creation_options(LayerFormat format, const LayerTable& table);

// The .csvt companion of a table written as CSV: one GDAL type name per column, geometry
// columns first ("CoordX,CoordY,String,Date,Integer..."). Written by us, not by GDAL, because
// dates go into the CSV as ISO text (2023-03-13, not GDAL's 2023/03/13) and stay dates here.
std::string csvt_line(const LayerTable& table);

// Creates the layer (replacing one of the same name when `overwrite`) and writes every
// row in one transaction when the driver supports them. Throws Cancelled when `cancel` asks
// to stop (checked every 1,000 rows; the transaction is rolled back).
void write_table(GdalDataset& dataset, LayerFormat format, const LayerTable& table,
                 bool overwrite = false, const CancellationToken& cancel = {});
// The same for rows made while they are written; returns how many were written.
std::size_t write_table(GdalDataset& dataset, LayerFormat format, const LayerStream& layer,
                        bool overwrite = false, const CancellationToken& cancel = {});

// Writes rows into an existing layer whose fields match the table's by name.
void append_rows(GdalDataset& dataset, OGRLayer& layer, const LayerTable& table,
                 const CancellationToken& cancel = {});

}  // namespace incimap
