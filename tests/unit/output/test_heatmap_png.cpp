#include <cairo.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "temp_dir.hpp"
#include "output/png_map.hpp"

using namespace incimap;

namespace {
// A made-up "governorate" about 127 km wide and 111 km tall around (38.6, 35.0).
MapBoundaries square_boundaries() {
    MapBoundary unit;
    unit.pcode = "SY99";
    unit.name = "Test Square";
    unit.polygons.push_back(
        {{{38.0, 34.5}, {39.4, 34.5}, {39.4, 35.5}, {38.0, 35.5}, {38.0, 34.5}}});
    MapBoundaries b;
    b.units.push_back(unit);
    return b;
}

struct Png {
    int width = 0, height = 0;
    std::vector<std::uint32_t> pixels;
};

Png read_png(const std::filesystem::path& path) {
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
    Png out;
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        out.width = cairo_image_surface_get_width(s);
        out.height = cairo_image_surface_get_height(s);
        const int stride = cairo_image_surface_get_stride(s);
        const unsigned char* data = cairo_image_surface_get_data(s);
        for (int y = 0; y < out.height; ++y)
            for (int x = 0; x < out.width; ++x)
                out.pixels.push_back(reinterpret_cast<const std::uint32_t*>(data + y * stride)[x]);
    }
    cairo_surface_destroy(s);
    return out;
}

// Strongly red pixels left of the legend panel: only the hot end of the ramp paints them.
std::size_t hot_pixels(const Png& png) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < png.pixels.size(); ++i) {
        if (static_cast<int>(i % png.width) > png.width - 320) continue;
        const std::uint32_t p = png.pixels[i];
        const int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        if (r > 150 && g < 90 && b < 90) ++n;
    }
    return n;
}
}  // namespace

TEST_CASE("renders the heatmap over the boundaries as a PNG", "[output][heatmap][png]") {
    test::TempDir dir("heatmap-png");
    HeatmapOptions o;
    o.radius_m = 15'000;
    o.cell_m = 500;
    const HeatmapGrid grid = kernel_density({{{38.5, 35.0}, 10}, {{38.6, 35.1}, 3}}, o);
    const auto png_path = dir.path() / "heatmap.png";
    PngMapOptions po;
    po.width_px = 1200;
    render_heatmap_png(grid, square_boundaries(), png_path, po);
    REQUIRE(std::filesystem::file_size(png_path) > 10'000);
    const Png png = read_png(png_path);
    CHECK(png.width == 1200);
    CHECK(png.height > 500);
    CHECK(hot_pixels(png) > 200);
}

TEST_CASE("renders an empty heatmap as a map without heat", "[output][heatmap][png]") {
    test::TempDir dir("heatmap-png-empty");
    HeatmapOptions o;
    o.extent = PlanarExtent{300'000, 250'000, 400'000, 350'000};
    const HeatmapGrid grid = kernel_density_planar({}, o);
    const auto png_path = dir.path() / "empty.png";
    render_heatmap_png(grid, square_boundaries(), png_path);
    const Png png = read_png(png_path);
    CHECK(png.width == 1600);
    CHECK(hot_pixels(png) == 0);
}
