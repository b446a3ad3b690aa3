#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "geo/geos_context.hpp"
#include "geo/geos_shapes.hpp"

using namespace incimap;

TEST_CASE("the middle of a line is half-way along its length", "[geos]") {
    // Two segments of unequal length: the middle lies on the longer one.
    const LonLat m = line_middle_of_wkt("LINESTRING(38 34, 39 34, 39 37)");
    CHECK(m.lon == Approx(39.0));
    CHECK(m.lat == Approx(35.0));
}

TEST_CASE("unreadable or non-line WKT raises an error with GEOS's reason", "[geos]") {
    CHECK_THROWS_AS(line_middle_of_wkt("LINESTRING(38 34,"), Error);
    CHECK_THROWS_AS(line_middle_of_wkt("POINT(38 34)"), Error);
}

TEST_CASE("a point on the surface of a GeoJSON polygon lies inside it", "[geos]") {
    const LonLat p = point_on_surface_of_geojson(
        R"({"type":"Polygon","coordinates":[[[36,33],[37,33],[37,34],[36,34],[36,33]]]})");
    CHECK(p.lon > 36.0);
    CHECK(p.lon < 37.0);
    CHECK(p.lat > 33.0);
    CHECK(p.lat < 34.0);
}

TEST_CASE("an STRtree returns only the boxes a query touches", "[geos]") {
    GeosContext ctx;
    auto west = ctx.read_wkt("POLYGON((35 32, 36 32, 36 33, 35 33, 35 32))");
    auto east = ctx.read_wkt("POLYGON((40 35, 41 35, 41 36, 40 36, 40 35))");
    GeosStrTree tree(ctx);
    tree.insert(west.get(), 7);
    tree.insert(east.get(), 9);
    auto p = ctx.point({40.5, 35.5});
    CHECK(tree.query(p.get()) == std::vector<std::size_t>{9});
    auto far = ctx.point({20, 20});
    CHECK(tree.query(far.get()).empty());
}

TEST_CASE("distances are great-circle kilometres between nearest points", "[geos]") {
    GeosContext ctx;
    auto a = ctx.point({38.0, 34.0});
    auto b = ctx.read_wkt("LINESTRING(39 33, 39 35)");
    // One degree of longitude at 34N is about 92 km.
    CHECK(ctx.distance_km(a.get(), b.get()) == Approx(92.2).epsilon(0.01));
    CHECK(great_circle_km({36.2913, 33.5102}, {37.1612, 36.2012}) == Approx(310).epsilon(0.02));
}

TEST_CASE("WKB written by one context reads back in another", "[geos]") {
    GeosContext a, b;
    auto g = a.read_wkt("LINESTRING(38 34, 40 34)");
    const auto wkb = a.write_wkb(g.get());
    auto back = b.read_wkb(wkb.data(), wkb.size());
    CHECK(b.write_wkt(back.get(), 1) == "LINESTRING (38 34, 40 34)");
}
