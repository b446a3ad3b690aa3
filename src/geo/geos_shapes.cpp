#include "geo/geos_shapes.hpp"

#include "core/error.hpp"
#include "geo/geos_context.hpp"

namespace incimap {

LonLat line_middle_of_wkt(std::string_view wkt) {
    GeosContext ctx;
    auto g = ctx.read_wkt(wkt);
    if (GEOSGeomTypeId_r(ctx.handle(), g.get()) != GEOS_LINESTRING)
        throw Error("expected a LINESTRING, got: " + std::string(wkt.substr(0, 40)));
    return ctx.line_middle(g.get());
}

}  // namespace incimap

namespace incimap {

LonLat point_on_surface_of_geojson(std::string_view geojson_geometry) {
    GeosContext ctx;
    auto g = ctx.read_geojson(geojson_geometry);
    return ctx.point_on_surface(g.get());
}

}  // namespace incimap
