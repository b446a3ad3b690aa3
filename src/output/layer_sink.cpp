#include "output/layer_sink.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

#include "core/error.hpp"
#include "output/csv_cell.hpp"
#include "geo/gdal_error.hpp"

namespace incimap {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

OGRFieldType ogr_type(FieldType type) {
    switch (type) {
        case FieldType::integer: return OFTInteger;
        case FieldType::integer64: return OFTInteger64;
        case FieldType::real: return OFTReal;
        case FieldType::string: return OFTString;
        case FieldType::date: return OFTDate;
    }
    return OFTString;
}

OGRwkbGeometryType ogr_geometry(GeometryKind kind) {
    switch (kind) {
        case GeometryKind::none: return wkbNone;
        case GeometryKind::point: return wkbPoint;
        case GeometryKind::multipolygon: return wkbMultiPolygon;
    }
    return wkbNone;
}

void set_value(OGRFeature& feature, int index, const FieldValue& value) {
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) feature.SetFieldNull(index);
            else if constexpr (std::is_same_v<T, long long>)
                feature.SetField(index, static_cast<GIntBig>(v));
            else if constexpr (std::is_same_v<T, double>) feature.SetField(index, v);
            else if constexpr (std::is_same_v<T, std::string>) feature.SetField(index, v.c_str());
            else feature.SetField(index, v.year, v.month, v.day, 0, 0, 0.0f, 0);
        },
        value);
}

std::unique_ptr<OGRGeometry> make_geometry(const LayerTable& table, const Row& row,
                                           const std::string& path) {
    if (table.geometry == GeometryKind::point) {
        if (!row.point) return nullptr;
        return std::make_unique<OGRPoint>(row.point->lon, row.point->lat);
    }
    if (table.geometry == GeometryKind::multipolygon && !row.wkb.empty()) {
        OGRGeometry* geometry = nullptr;
        if (OGRGeometryFactory::createFromWkb(row.wkb.data(), nullptr, &geometry,
                                              row.wkb.size()) != OGRERR_NONE)
            throw Error("invalid polygon in layer " + table.name, path);
        return std::unique_ptr<OGRGeometry>{geometry};
    }
    return nullptr;
}

// The table as it goes into a CSV file: text cells that a spreadsheet would run as a formula
// are neutralised (csv_cell.hpp); dates become ISO text, which GDAL's CSV writer would
// otherwise write as 2023/03/13 (csvt_line keeps them typed as dates). Numbers are other
// alternatives of FieldValue, untouched. The fields here, each row by csv_ready_row.
LayerTable csv_ready(const LayerTable& table) {
    LayerTable out = table;
    for (FieldDef& field : out.fields)
        if (field.type == FieldType::date) field.type = FieldType::string;
    return out;
}

Row csv_ready_row(const Row& row) {
    Row out = row;
    for (FieldValue& value : out.values) {
        if (auto* s = std::get_if<std::string>(&value)) *s = neutralise_formula(*s);
        else if (auto* d = std::get_if<Date>(&value)) value = d->iso();
    }
    return out;
}

// Writes the rows of `rows` into `layer`, whose fields match those of `table` by name.
std::size_t append_stream(GdalDataset& dataset, OGRLayer& layer, const LayerTable& table,
                          const Sequence<Row>& rows, const CancellationToken& cancel) {
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    std::vector<int> index(table.fields.size());
    for (std::size_t i = 0; i < table.fields.size(); ++i) {
        index[i] = defn->GetFieldIndex(table.fields[i].name.c_str());
        if (index[i] < 0)
            throw Error("layer " + table.name + " has no field " + table.fields[i].name +
                            " (written by another version? drop the layer and write again)",
                        dataset.path());
    }
    std::size_t written = 0;
    rows([&](const Row& row) {
        if (written++ % 1000 == 0) cancel.throw_if_requested();
        OGRFeatureUniquePtr feature{OGRFeature::CreateFeature(defn)};
        for (std::size_t i = 0; i < row.values.size() && i < index.size(); ++i)
            set_value(*feature, index[i], row.values[i]);
        if (auto geometry = make_geometry(table, row, dataset.path()))
            feature->SetGeometryDirectly(geometry.release());
        create_feature(layer, *feature, dataset.path());
    });
    return written;
}

std::string csvt_type(FieldType type) {
    switch (type) {
        case FieldType::integer: return "Integer";
        case FieldType::integer64: return "Integer64";
        case FieldType::real: return "Real";
        case FieldType::string: return "String";
        case FieldType::date: return "Date";
    }
    return "String";
}

}  // namespace

LayerFormat parse_layer_format(const std::string& name) {
    const std::string n = lower(name);
    if (n == "gpkg" || n == "geopackage") return LayerFormat::gpkg;
    if (n == "geojson" || n == "json") return LayerFormat::geojson;
    if (n == "flatgeobuf" || n == "fgb") return LayerFormat::flatgeobuf;
    if (n == "csv") return LayerFormat::csv;
    throw Error("-f must be GPKG, GeoJSON, FlatGeobuf or CSV, not \"" + name + "\"");
}

std::string driver_name(LayerFormat format) {
    switch (format) {
        case LayerFormat::gpkg: return "GPKG";
        case LayerFormat::geojson: return "GeoJSON";
        case LayerFormat::flatgeobuf: return "FlatGeobuf";
        case LayerFormat::csv: return "CSV";
        case LayerFormat::postgresql: return "PostgreSQL";
    }
    return {};
}

std::string file_extension(LayerFormat format) {
    switch (format) {
        case LayerFormat::gpkg: return ".gpkg";
        case LayerFormat::geojson: return ".geojson";
        case LayerFormat::flatgeobuf: return ".fgb";
        case LayerFormat::csv: return ".csv";
        case LayerFormat::postgresql: return {};
    }
    return {};
}

GdalOptions layer_creation_options(LayerFormat format, const LayerTable& table) {
    switch (format) {
        case LayerFormat::gpkg:
            return {{"IDENTIFIER", table.title},
                    {"DESCRIPTION", table.abstract},
                    {"SPATIAL_INDEX", table.geometry == GeometryKind::none ? "NO" : "YES"},
                    {"FID", "fid"}};
        case LayerFormat::geojson:
            // RFC 7946: WGS84 lon/lat, no crs member, counter-clockwise outer rings.
            return {{"RFC7946", "YES"}, {"COORDINATE_PRECISION", "6"}, {"WRITE_NAME", "NO"}};
        case LayerFormat::flatgeobuf:
            return {{"SPATIAL_INDEX", table.geometry == GeometryKind::none ? "NO" : "YES"}};
        case LayerFormat::csv: {
            // GDAL 3.6 quotes integers under its default IF_AMBIGUOUS ("5"): spreadsheets
            // and scripts then read text. The .csvt (csvt_line) types every column instead.
            GdalOptions csv = {{"CREATE_CSVT", "NO"}, {"STRING_QUOTING", "IF_NEEDED"}};
            if (table.geometry == GeometryKind::point) csv["GEOMETRY"] = "AS_XY";
            if (table.geometry == GeometryKind::multipolygon) csv["GEOMETRY"] = "AS_WKT";
            return csv;
        }
        case LayerFormat::postgresql:
            return {{"GEOMETRY_NAME", "geom"}, {"FID", "fid"}, {"SPATIAL_INDEX", "GIST"},
                    {"DESCRIPTION", table.abstract}};
    }
    return {};
}

std::string csvt_line(const LayerTable& table) {
    std::string line = table.geometry == GeometryKind::point          ? "CoordX,CoordY"
                       : table.geometry == GeometryKind::multipolygon ? "WKT"
                                                                      : "";
    for (const auto& field : table.fields)
        line += (line.empty() ? "" : ",") + csvt_type(field.type);
    return line + "\n";
}

void append_rows(GdalDataset& dataset, OGRLayer& layer, const LayerTable& table,
                 const CancellationToken& cancel) {
    append_stream(dataset, layer, table, sequence_of(table.rows), cancel);
}

void write_table(GdalDataset& dataset, LayerFormat format, const LayerTable& table,
                 bool overwrite, const CancellationToken& cancel) {
    // The rows stay where they are; the stream's table is only the layer's definition.
    const LayerTable definition{table.name,   table.title, table.abstract, table.geometry,
                                table.fields, {},          table.key_field};
    write_table(dataset, format, LayerStream{definition, sequence_of(table.rows)}, overwrite,
                cancel);
}

std::size_t write_table(GdalDataset& dataset, LayerFormat format, const LayerStream& given,
                        bool overwrite, const CancellationToken& cancel) {
    const bool csv = format == LayerFormat::csv;
    const LayerTable table = csv ? csv_ready(given.table) : given.table;
    const Sequence<Row> rows =
        csv ? Sequence<Row>([&](const std::function<void(const Row&)>& visit) {
            given.rows([&](const Row& row) { visit(csv_ready_row(row)); });
        })
            : given.rows;
    GdalOptions options = layer_creation_options(format, table);
    if (overwrite) {
        dataset.delete_layer(table.name);
        // GDAL's PostgreSQL driver lists only tables with a geometry column, so delete_layer
        // does not see a table such as articles; the driver drops it itself when asked.
        if (format == LayerFormat::postgresql) options["OVERWRITE"] = "YES";
    }
    OGRLayer& layer =
        dataset.create_layer(table.name, ogr_geometry(table.geometry), options);
    for (const auto& field : table.fields) add_field(layer, field.name, ogr_type(field.type));
    {
        GdalErrorScope errors;
        layer.SetMetadataItem("TITLE", table.title.c_str());
        layer.SetMetadataItem("ABSTRACT", table.abstract.c_str());
    }
    // One transaction per layer: GeoPackage writes are an order of magnitude faster, and
    // PostGIS sees the layer complete or not at all.
    const bool transactions = dataset.get().TestCapability(ODsCTransactions);
    if (transactions) dataset.begin();
    try {
        const std::size_t written = append_stream(dataset, layer, table, rows, cancel);
        if (transactions) dataset.commit();
        return written;
    } catch (...) {
        if (transactions) dataset.rollback();
        throw;
    }
}

}  // namespace incimap
