#pragma once
// One output layer held in memory before it is written: a name, typed fields, and rows.
// Building layers (layer_builder) is kept apart from writing them (layer_sink), so the
// same table goes to GeoPackage, GeoJSON, FlatGeobuf, CSV or PostGIS unchanged.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "core/place.hpp"
#include "core/sequence.hpp"

namespace incimap {

enum class FieldType { integer, integer64, real, string, date };

struct FieldDef {
    std::string name;
    FieldType type = FieldType::string;
};

// std::monostate is NULL.
using FieldValue = std::variant<std::monostate, long long, double, std::string, Date>;

enum class GeometryKind { none, point, multipolygon };

struct Row {
    std::optional<LonLat> point;  // GeometryKind::point
    std::string wkb;              // GeometryKind::multipolygon, ISO WKB in EPSG:4326
    std::vector<FieldValue> values;  // one per field, in field order
};

struct LayerTable {
    std::string name;      // layer and file name: "incidents", "governorates", ...
    std::string title;     // for layer metadata (GPKG IDENTIFIER)
    std::string abstract;  // for layer metadata (GPKG DESCRIPTION)
    GeometryKind geometry = GeometryKind::none;
    std::vector<FieldDef> fields;
    std::vector<Row> rows;
    // The field that identifies a row across runs (incident_id, article_id, ...): PostGIS
    // replaces rows with the same key instead of adding them again.
    std::string key_field;

    int field_index(const std::string& field) const;  // -1 when absent
};

// A layer whose rows are made as they are written, not held: `table` says what the layer is
// (its rows left empty), `rows` makes them, the same ones each time it is called.
struct LayerStream {
    LayerTable table;
    Sequence<Row> rows;
};

}  // namespace incimap
