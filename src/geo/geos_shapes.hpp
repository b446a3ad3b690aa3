#pragma once
// Small geometry questions answered with GEOS, for callers that should not see GEOS types.
#include <string_view>

#include "core/place.hpp"

namespace incimap {

// The point half-way along a LINESTRING (WKT, lon lat). Throws incimap::Error on bad WKT.
LonLat line_middle_of_wkt(std::string_view wkt);

// A point guaranteed inside a (multi)polygon given as a GeoJSON geometry object.
LonLat point_on_surface_of_geojson(std::string_view geojson_geometry);

}  // namespace incimap
