#include "output/png_map.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "core/error.hpp"
#include "geo/proj_transform.hpp"
#include "output/heatmap_file.hpp"
#include "output/heatmap_style.hpp"

namespace incimap {
namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;

// Page layout in pixels.
constexpr double margin = 28;
constexpr double header_height = 96;
constexpr double panel_width = 300;
constexpr double footer_height = 44;
constexpr const char* font = "DejaVu Sans";

using Ring = std::vector<PlanarXY>;
struct ProjectedUnit {
    std::string name;
    std::vector<std::vector<Ring>> polygons;
    PlanarXY label_at;
};

// Maps grid-CRS coordinates to page pixels.
struct Viewport {
    PlanarExtent world;
    double left = 0, top = 0, scale = 1;  // pixels per metre
    double width_px() const { return world.width() * scale; }
    double height_px() const { return world.height() * scale; }
    double px(double x) const { return left + (x - world.min_x) * scale; }
    double py(double y) const { return top + (world.max_y - y) * scale; }
};

double ring_area(const Ring& r, PlanarXY* centroid) {
    double a = 0, cx = 0, cy = 0;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
        const double cross = r[j].x * r[i].y - r[i].x * r[j].y;
        a += cross;
        cx += (r[j].x + r[i].x) * cross;
        cy += (r[j].y + r[i].y) * cross;
    }
    a /= 2;
    if (centroid && a != 0) *centroid = {cx / (6 * a), cy / (6 * a)};
    return std::abs(a);
}

std::vector<ProjectedUnit> project(const MapBoundaries& boundaries, const std::string& crs) {
    const ProjTransform to_map = ProjTransform::from_lonlat(crs);
    std::vector<ProjectedUnit> out;
    for (const MapBoundary& unit : boundaries.units) {
        ProjectedUnit pu{unit.name, {}, {}};
        double largest = -1;
        for (const auto& polygon : unit.polygons) {
            std::vector<Ring> rings;
            for (const auto& ring : polygon) {
                std::vector<double> xs, ys;
                for (const LonLat& p : ring) {
                    xs.push_back(p.lon);
                    ys.push_back(p.lat);
                }
                to_map.forward_in_place(xs, ys);
                Ring r;
                for (std::size_t i = 0; i < xs.size(); ++i)
                    if (std::isfinite(xs[i])) r.push_back({xs[i], ys[i]});
                rings.push_back(std::move(r));
            }
            PlanarXY centre;
            if (!rings.empty() && rings.front().size() >= 3) {
                const double area = ring_area(rings.front(), &centre);
                if (area > largest) {
                    largest = area;
                    pu.label_at = centre;
                }
            }
            pu.polygons.push_back(std::move(rings));
        }
        out.push_back(std::move(pu));
    }
    return out;
}

void grow(PlanarExtent& e, PlanarXY p, bool& first) {
    if (first) {
        e = {p.x, p.y, p.x, p.y};
        first = false;
        return;
    }
    e.min_x = std::min(e.min_x, p.x);
    e.min_y = std::min(e.min_y, p.y);
    e.max_x = std::max(e.max_x, p.x);
    e.max_y = std::max(e.max_y, p.y);
}

PlanarExtent units_extent(const std::vector<ProjectedUnit>& units, bool& first, PlanarExtent e) {
    for (const auto& u : units)
        for (const auto& poly : u.polygons)
            for (const auto& ring : poly)
                for (const auto& p : ring) grow(e, p, first);
    return e;
}

PlanarExtent map_extent(const HeatmapGrid& grid, const std::vector<ProjectedUnit>& units,
                        const std::vector<ProjectedUnit>& focus) {
    bool first = true;
    PlanarExtent e{};
    if (!focus.empty()) {
        e = units_extent(focus, first, e);
    } else {
        e = units_extent(units, first, e);
        const PlanarExtent g = grid.extent();
        grow(e, {g.min_x, g.min_y}, first);
        grow(e, {g.max_x, g.max_y}, first);
    }
    // A little air around the shapes.
    const double pad = 0.03 * std::max(e.width(), e.height());
    return {e.min_x - pad, e.min_y - pad, e.max_x + pad, e.max_y + pad};
}

void trace_units(cairo_t* cr, const Viewport& vp, const std::vector<ProjectedUnit>& units) {
    for (const auto& u : units)
        for (const auto& poly : u.polygons)
            for (const auto& ring : poly) {
                if (ring.empty()) continue;
                cairo_move_to(cr, vp.px(ring[0].x), vp.py(ring[0].y));
                for (std::size_t i = 1; i < ring.size(); ++i)
                    cairo_line_to(cr, vp.px(ring[i].x), vp.py(ring[i].y));
                cairo_close_path(cr);
            }
}

void set_rgb(cairo_t* cr, unsigned hex, double alpha = 1) {
    cairo_set_source_rgba(cr, ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                          (hex & 0xff) / 255.0, alpha);
}

void text_at(cairo_t* cr, double x, double y, const std::string& s, double size, bool bold,
             unsigned colour = 0x222222) {
    cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    set_rgb(cr, colour);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

double text_width(cairo_t* cr, const std::string& s, double size, bool bold) {
    cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, s.c_str(), &ext);
    return ext.x_advance;
}

// Dark text with a white halo, centred on (x, y): readable over any colour of the ramp.
void halo_label(cairo_t* cr, double x, double y, const std::string& s, double size) {
    cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, s.c_str(), &ext);
    cairo_move_to(cr, x - ext.width / 2 - ext.x_bearing, y + ext.height / 2);
    cairo_text_path(cr, s.c_str());
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_set_line_width(cr, 3.5);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke_preserve(cr);
    set_rgb(cr, 0x333333);
    cairo_fill(cr);
}

// Three significant digits without an exponent: 316, 19.7, 0.042; whole numbers stay whole.
std::string format_value(double v) {
    char buf[32];
    if (std::abs(v) >= 1000 || v == std::round(v))
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

void draw_heat(cairo_t* cr, const Viewport& vp, const HeatmapGrid& grid) {
    const float max = grid.max_value();
    if (!(max > 0)) return;
    SurfacePtr img(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, grid.cols, grid.rows));
    if (cairo_surface_status(img.get()) != CAIRO_STATUS_SUCCESS)
        throw Error("cannot allocate a " + std::to_string(grid.cols) + " x " +
                    std::to_string(grid.rows) + " image for the heatmap");
    cairo_surface_flush(img.get());
    unsigned char* data = cairo_image_surface_get_data(img.get());
    const int stride = cairo_image_surface_get_stride(img.get());
    for (int row = 0; row < grid.rows; ++row) {
        auto* line =
            reinterpret_cast<std::uint32_t*>(data + static_cast<std::size_t>(row) * stride);
        for (int col = 0; col < grid.cols; ++col) {
            const Rgba c = heatmap_colour(grid.at(col, row) / max);
            // cairo's ARGB32 is premultiplied alpha in native-endian 32-bit words.
            const auto a = static_cast<std::uint32_t>(std::lround(c.a * 255));
            const auto r = static_cast<std::uint32_t>(std::lround(c.r * c.a * 255));
            const auto g = static_cast<std::uint32_t>(std::lround(c.g * c.a * 255));
            const auto b = static_cast<std::uint32_t>(std::lround(c.b * c.a * 255));
            line[col] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
    cairo_surface_mark_dirty(img.get());
    cairo_save(cr);
    cairo_rectangle(cr, vp.left, vp.top, vp.width_px(), vp.height_px());
    cairo_clip(cr);
    cairo_translate(cr, vp.px(grid.west), vp.py(grid.north));
    cairo_scale(cr, grid.cell * vp.scale, grid.cell * vp.scale);
    cairo_set_source_surface(cr, img.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
}

double nice_length_km(double max_km) {
    double best = 1;
    for (double step : {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0})
        if (step <= max_km) best = step;
    return best;
}

void draw_scale_bar(cairo_t* cr, const Viewport& vp) {
    const double km = nice_length_km(vp.world.width() / 1000.0 / 4.0);
    const double length = km * 1000.0 * vp.scale;
    // Bottom right: over Syria's map that corner is the empty desert beyond its south-east
    // border, so the bar hides nothing.
    const double x = vp.left + vp.width_px() - length - 50;
    const double y = vp.top + vp.height_px() - 30;
    cairo_set_source_rgba(cr, 1, 1, 1, 0.8);
    cairo_rectangle(cr, x - 10, y - 22, length + 60, 42);
    cairo_fill(cr);
    for (int i = 0; i < 4; ++i) {
        cairo_rectangle(cr, x + i * length / 4, y, length / 4, 7);
        set_rgb(cr, i % 2 ? 0xffffff : 0x333333);
        cairo_fill_preserve(cr);
        set_rgb(cr, 0x333333);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
    }
    text_at(cr, x - 3, y - 6, "0", 12, false);
    const std::string half = format_value(km / 2);
    text_at(cr, x + length / 2 - text_width(cr, half, 12, false) / 2, y - 6, half, 12, false);
    const std::string full = format_value(km) + " km";
    text_at(cr, x + length - text_width(cr, format_value(km), 12, false) / 2, y - 6, full, 12,
            false);
}

void draw_north_arrow(cairo_t* cr, const Viewport& vp) {
    // Top left: Turkey on a map of Syria, nothing of ours to hide.
    const double x = vp.left + 30;
    const double y = vp.top + 18;
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + 9, y + 30);
    cairo_line_to(cr, x, y + 24);
    cairo_line_to(cr, x - 9, y + 30);
    cairo_close_path(cr);
    set_rgb(cr, 0x333333);
    cairo_fill(cr);
    halo_label(cr, x, y + 44, "N", 14);
}

void draw_legend(cairo_t* cr, double x, double y, const HeatmapGrid& grid,
                 const PngMapOptions& options, bool with_boundaries) {
    text_at(cr, x, y, "Legend", 17, true);
    y += 26;
    text_at(cr, x, y, options.value_label, 13, false, 0x444444);
    y += 16;
    const double bar_w = 28, bar_h = 260;
    const double max = grid.max_value();
    // Checkerboard behind the bar shows that low values are see-through.
    for (int i = 0; i * 8 < bar_h; ++i) {
        for (int j = 0; j * 8 < bar_w; ++j) {
            set_rgb(cr, (i + j) % 2 ? 0xffffff : 0xe6e6e6);
            cairo_rectangle(cr, x + j * 8, y + i * 8, 8, std::min(8.0, bar_h - i * 8));
            cairo_fill(cr);
        }
    }
    for (int i = 0; i < static_cast<int>(bar_h); ++i) {
        const double t = 1.0 - i / bar_h;
        const Rgba c = heatmap_colour(heatmap_value_at(t));
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
        cairo_rectangle(cr, x, y + i, bar_w, 1.2);
        cairo_fill(cr);
    }
    set_rgb(cr, 0x555555);
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, x + 0.5, y + 0.5, bar_w, bar_h);
    cairo_stroke(cr);
    for (double t : {0.0, 0.25, 0.5, 0.75, 1.0}) {
        if (t > 0 && !(max > 0)) break;  // an empty grid has one value to show: 0
        const double ty = y + (1.0 - t) * bar_h;
        cairo_move_to(cr, x + bar_w, ty + 0.5);
        cairo_line_to(cr, x + bar_w + 6, ty + 0.5);
        cairo_stroke(cr);
        text_at(cr, x + bar_w + 10, ty + 5, legend_number(max * heatmap_value_at(t)), 13, false);
    }
    y += bar_h + 30;
    const std::vector<std::string> notes = {
        "Square-root colour stretch",
        "Quartic kernel, radius " + format_value(grid.radius_m / 1000.0) + " km",
        "Cells of " + format_value(grid.cell) + " m",
        std::to_string(grid.point_count) + " incidents, total " + format_value(grid.total_weight),
    };
    for (const auto& n : notes) {
        text_at(cr, x, y, n, 12, false, 0x444444);
        y += 18;
    }
    if (!with_boundaries) return;
    y += 8;
    set_rgb(cr, 0xfbfaf6);
    cairo_rectangle(cr, x, y, 28, 16);
    cairo_fill_preserve(cr);
    set_rgb(cr, 0x7a7a7a);
    cairo_stroke(cr);
    text_at(cr, x + 38, y + 13, "Governorate boundary", 12, false, 0x444444);
}

void draw_empty_notice(cairo_t* cr, const Viewport& vp, const std::string& message) {
    const double w = text_width(cr, message, 22, true) + 40;
    const double cx = vp.left + vp.width_px() / 2;
    const double cy = vp.top + vp.height_px() / 2;
    cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
    cairo_rectangle(cr, cx - w / 2, cy - 28, w, 50);
    cairo_fill_preserve(cr);
    set_rgb(cr, 0x999999);
    cairo_stroke(cr);
    text_at(cr, cx - w / 2 + 20, cy + 5, message, 22, true, 0x555555);
}

}  // namespace

void render_heatmap_png(const HeatmapGrid& grid, const MapBoundaries& boundaries,
                        const std::filesystem::path& png_path, const PngMapOptions& options) {
    const std::vector<ProjectedUnit> units = project(boundaries, grid.crs);
    std::vector<ProjectedUnit> focus;
    if (!options.focus.empty())
        if (const MapBoundary* f = boundaries.find(options.focus))
            for (std::size_t i = 0; i < boundaries.units.size(); ++i)
                if (&boundaries.units[i] == f) focus.push_back(units[i]);

    Viewport vp;
    vp.world = map_extent(grid, units, focus);
    const double map_w = options.width_px - 2 * margin - panel_width;
    vp.scale = map_w / vp.world.width();
    // Keep tall areas (a north-south governorate) from making a page taller than wide.
    const double max_map_h = map_w * 1.1;
    if (vp.world.height() * vp.scale > max_map_h) vp.scale = max_map_h / vp.world.height();
    vp.left = margin;
    vp.top = header_height;
    const int height = static_cast<int>(
        std::ceil(header_height + std::max(vp.height_px(), 520.0) + footer_height));
    // A tall area leaves the map narrower than planned: the legend follows it, the page shrinks.
    const int width = static_cast<int>(std::ceil(
        std::max(vp.left + vp.width_px() + panel_width + margin, options.width_px * 0.6)));

    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    CairoPtr cr_owner(cairo_create(surface.get()));
    cairo_t* cr = cr_owner.get();
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        throw Error("cannot create the map image", png_path.string());
    set_rgb(cr, 0xffffff);
    cairo_paint(cr);

    text_at(cr, margin, 40, options.title, 26, true, 0x1a1a1a);
    double sy = 64;
    for (const auto& line : options.subtitle) {
        text_at(cr, margin, sy, line, 14, false, 0x555555);
        sy += 18;
    }

    // Map: neighbouring land in grey, governorates pale, heat on top, outlines over the heat.
    cairo_save(cr);
    cairo_rectangle(cr, vp.left, vp.top, vp.width_px(), vp.height_px());
    cairo_clip_preserve(cr);
    set_rgb(cr, 0xe9ecef);
    cairo_fill(cr);
    trace_units(cr, vp, units);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    set_rgb(cr, 0xfbfaf6);
    cairo_fill(cr);
    draw_heat(cr, vp, grid);
    trace_units(cr, vp, units);
    set_rgb(cr, 0x6f6f6f, 0.9);
    cairo_set_line_width(cr, 1.1);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    for (const auto& u : units)
        if (!u.name.empty()) halo_label(cr, vp.px(u.label_at.x), vp.py(u.label_at.y), u.name, 13);
    if (!(grid.total_weight > 0) || !(grid.max_value() > 0))
        draw_empty_notice(cr, vp, options.empty_message);
    draw_scale_bar(cr, vp);
    draw_north_arrow(cr, vp);
    cairo_restore(cr);
    set_rgb(cr, 0x888888);
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, vp.left + 0.5, vp.top + 0.5, vp.width_px() - 1, vp.height_px() - 1);
    cairo_stroke(cr);

    draw_legend(cr, vp.left + vp.width_px() + 24, vp.top + 20, grid, options, !boundaries.empty());
    if (!boundaries.empty())
        text_at(cr, margin, height - 16, options.attribution, 12, false, 0x777777);

    cairo_surface_flush(surface.get());
    write_file_atomically(png_path, [&](const std::filesystem::path& tmp) {
        const cairo_status_t st = cairo_surface_write_to_png(surface.get(), tmp.c_str());
        if (st != CAIRO_STATUS_SUCCESS)
            throw Error(std::string("cannot write PNG: ") + cairo_status_to_string(st),
                        png_path.string());
    });
}

}  // namespace incimap
