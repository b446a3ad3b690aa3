#include <catch2/catch.hpp>
#include <cmath>

#include "core/error.hpp"
#include "geo/proj_transform.hpp"

using incimap::LonLat;
using incimap::PlanarXY;
using incimap::ProjTransform;

TEST_CASE("projects the origin of Syria Lambert near its false easting and northing",
          "[geo][proj]") {
    // EPSG:22770: lat_0 34.65, lon_0 37.35, false easting and northing 300 km. The WGS84 to
    // Deir ez Zor datum shift moves the point by a few hundred metres at most.
    const ProjTransform t = ProjTransform::from_lonlat(incimap::syria_lambert_crs);
    const PlanarXY p = t.forward({37.35, 34.65});
    CHECK(std::abs(p.x - 300'000) < 1'000);
    CHECK(std::abs(p.y - 300'000) < 1'000);
}

TEST_CASE("takes lon then lat whatever the EPSG axis order", "[geo][proj]") {
    const ProjTransform t = ProjTransform::from_lonlat(incimap::syria_lambert_crs);
    // One degree east at 35N is about 91 km, one degree north about 111 km.
    const PlanarXY a = t.forward({38.0, 35.0});
    const PlanarXY east = t.forward({39.0, 35.0});
    const PlanarXY north = t.forward({38.0, 36.0});
    CHECK(east.x - a.x == Approx(91'300).margin(1'500));
    CHECK(std::abs(east.y - a.y) < 5'000);
    CHECK(north.y - a.y == Approx(111'000).margin(1'000));
}

TEST_CASE("round-trips lon/lat through Syria Lambert to the millimetre", "[geo][proj]") {
    const ProjTransform t = ProjTransform::from_lonlat(incimap::syria_lambert_crs);
    for (const LonLat p : {LonLat{36.28, 33.51}, LonLat{40.14, 35.33}, LonLat{42.1, 37.0}}) {
        const LonLat back = t.inverse(t.forward(p));
        CHECK(back.lon == Approx(p.lon).margin(1e-8));
        CHECK(back.lat == Approx(p.lat).margin(1e-8));
    }
}

TEST_CASE("transforms many points in one call like one at a time", "[geo][proj]") {
    const ProjTransform t = ProjTransform::from_lonlat(incimap::syria_lambert_crs);
    std::vector<double> xs{36.7, 38.9}, ys{34.7, 35.9};
    t.forward_in_place(xs, ys);
    const PlanarXY one = t.forward({38.9, 35.9});
    CHECK(xs[1] == Approx(one.x));
    CHECK(ys[1] == Approx(one.y));
    t.inverse_in_place(xs, ys);
    CHECK(xs[0] == Approx(36.7));
    CHECK(ys[0] == Approx(34.7));
}

TEST_CASE("refuses an unknown CRS with an error naming it", "[geo][proj]") {
    try {
        ProjTransform("EPSG:4326", "EPSG:999999");
        FAIL("expected an error");
    } catch (const incimap::Error& e) {
        CHECK(std::string(e.what()).find("EPSG:999999") != std::string::npos);
    }
}
