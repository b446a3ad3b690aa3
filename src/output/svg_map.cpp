#include "output/svg_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <optional>

#include "output/brief_text.hpp"

namespace incimap {
namespace {

// Circle radii in px: the smallest stays visible, the largest does not hide a governorate.
constexpr double min_radius = 3.5, max_radius = 22;
// Points of an outline closer than this (px) to the last kept one are dropped: the page then
// carries a few thousand vertices instead of the source's hundred thousand.
constexpr double simplify_px = 0.8;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

struct Box {
    double min_lon = 1e9, min_lat = 1e9, max_lon = -1e9, max_lat = -1e9;
    void add(const LonLat& p) {
        min_lon = std::min(min_lon, p.lon);
        max_lon = std::max(max_lon, p.lon);
        min_lat = std::min(min_lat, p.lat);
        max_lat = std::max(max_lat, p.lat);
    }
    bool empty() const { return min_lon > max_lon; }
};

class Projection {
  public:
    Projection(Box box, double width) {
        // A lone point or a line still gets an area around it.
        const double pad_lon = std::max((box.max_lon - box.min_lon) * 0.04, 0.1);
        const double pad_lat = std::max((box.max_lat - box.min_lat) * 0.04, 0.1);
        box_ = {box.min_lon - pad_lon, box.min_lat - pad_lat, box.max_lon + pad_lon,
                box.max_lat + pad_lat};
        k_ = std::cos((box_.min_lat + box_.max_lat) / 2 * std::numbers::pi / 180);
        scale_ = width / ((box_.max_lon - box_.min_lon) * k_);
        height_ = (box_.max_lat - box_.min_lat) * scale_;
    }
    double x(const LonLat& p) const { return (p.lon - box_.min_lon) * k_ * scale_; }
    double y(const LonLat& p) const { return (box_.max_lat - p.lat) * scale_; }
    double height() const { return height_; }

  private:
    Box box_;
    double k_ = 1, scale_ = 1, height_ = 0;
};

std::string ring_path(const std::vector<LonLat>& ring, const Projection& proj) {
    std::string d;
    double last_x = 0, last_y = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const double x = proj.x(ring[i]), y = proj.y(ring[i]);
        const bool ends = i == 0 || i + 1 == ring.size();
        if (!ends && std::hypot(x - last_x, y - last_y) < simplify_px) continue;
        d += (i == 0 ? "M" : "L") + num(x) + " " + num(y);
        last_x = x;
        last_y = y;
    }
    return d + "Z";
}

// Area-weighted centroid of the largest shell, where the governorate's name goes.
std::optional<std::pair<double, double>> label_point(const MapBoundary& unit,
                                                     const Projection& proj) {
    double best_area = 0;
    std::optional<std::pair<double, double>> best;
    for (const auto& polygon : unit.polygons) {
        const auto& ring = polygon.front();
        double a = 0, cx = 0, cy = 0;
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const double x0 = proj.x(ring[i]), y0 = proj.y(ring[i]);
            const double x1 = proj.x(ring[i + 1]), y1 = proj.y(ring[i + 1]);
            const double cross = x0 * y1 - x1 * y0;
            a += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
        }
        if (std::abs(a) > best_area) {
            best_area = std::abs(a);
            best = std::pair{cx / (3 * a), cy / (3 * a)};
        }
    }
    return best;
}

Box extent(const MapBoundaries& boundaries, const std::vector<MapMark>& marks,
           const MapBoundary* focus) {
    Box box;
    for (const auto& unit : boundaries.units) {
        if (focus && &unit != focus) continue;
        for (const auto& polygon : unit.polygons)
            for (const LonLat& p : polygon.front()) box.add(p);
    }
    if (box.empty() || focus)
        for (const MapMark& m : marks) box.add(m.at);
    return box;
}

// Area proportional to the value: the eye compares areas, not radii. A radius that starts at
// min_radius and grows with the square root does not do that (25 casualties drew a third of
// the area of 100); the floor only keeps the smallest values visible.
double radius(double value, double max_value) {
    if (max_value <= 0 || value <= 0) return min_radius;
    return std::max(min_radius, max_radius * std::sqrt(value / max_value));
}

// Height of the band under the map that holds the legend, so that it never covers a mark.
constexpr double legend_band = 2 * max_radius + 16;

void circle_legend(std::string& svg, double max_value, double map_height, const SvgMapSpec& spec) {
    std::vector<double> values{max_value};
    if (max_value >= 8) values.push_back(std::round(max_value / 4));
    const double base = map_height + legend_band - 8;
    svg += "<g class=\"map-legend\"><text x=\"12\" y=\"" + num(base - max_radius + 4) + "\">" +
           html_escape(spec.value_name) + " at a place:</text>";
    double x = 24 + 7.0 * static_cast<double>(spec.value_name.size() + 12);
    for (double v : values) {
        const double r = radius(v, max_value);
        svg += "<circle cx=\"" + num(x + r) + "\" cy=\"" + num(base - r) + "\" r=\"" + num(r) +
               "\" class=\"mark\"/>";
        svg += "<text x=\"" + num(x + 2 * r + 4) + "\" y=\"" + num(base - r + 4) + "\">" +
               format_number(std::lround(v)) + "</text>";
        x += 2 * r + 44;
    }
    svg += "</g>";
}

}  // namespace

std::string svg_incident_map(const MapBoundaries& boundaries, const std::vector<MapMark>& marks,
                             const SvgMapSpec& spec) {
    const MapBoundary* focus = spec.focus.empty() ? nullptr : boundaries.find(spec.focus);
    const Box box = extent(boundaries, marks, focus);
    const double width = spec.width;
    if (box.empty())
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 " +
               num(width) + " 60\"><text x=\"" + num(width / 2) +
               "\" y=\"34\" text-anchor=\"middle\">No outlines and no located incidents to "
               "map.</text></svg>";
    const Projection proj(box, width);
    const double height = proj.height();
    double max_value = 0;
    for (const MapMark& m : marks) max_value = std::max(max_value, m.value);
    const double total_height = height + (max_value > 0 ? legend_band : 0);

    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 " +
                      num(width) + " " + num(total_height) + "\" role=\"img\" aria-label=\"" +
                      html_escape(spec.title) + "\"><title>" + html_escape(spec.title) + "</title>";
    svg += "<g class=\"outlines\">";
    for (const auto& unit : boundaries.units) {
        std::string d;
        for (const auto& polygon : unit.polygons)
            for (const auto& ring : polygon) d += ring_path(ring, proj);
        const bool dim = focus && &unit != focus;
        svg += "<path d=\"" + d + "\" class=\"" + (dim ? "unit dim" : "unit") +
               "\" fill-rule=\"evenodd\"><title>" + html_escape(unit.name) + "</title></path>";
    }
    svg += "</g><g class=\"unit-labels\">";
    for (const auto& unit : boundaries.units) {
        const auto at = label_point(unit, proj);
        if (!at || at->first < 0 || at->first > width || at->second < 0 || at->second > height)
            continue;
        svg += "<text x=\"" + num(at->first) + "\" y=\"" + num(at->second) +
               "\" text-anchor=\"middle\">" + html_escape(unit.name) + "</text>";
    }
    svg += "</g>";

    std::vector<const MapMark*> order;
    for (const MapMark& m : marks) order.push_back(&m);
    // Large circles first, so that small ones stay visible on top of them.
    std::stable_sort(order.begin(), order.end(),
                     [](const MapMark* a, const MapMark* b) { return a->value > b->value; });
    svg += "<g class=\"marks\">";
    for (const MapMark* m : order) {
        svg += "<circle cx=\"" + num(proj.x(m->at)) + "\" cy=\"" + num(proj.y(m->at)) + "\" r=\"" +
               num(radius(m->value, max_value)) + "\" class=\"" +
               (m->value > 0 ? "mark" : "mark zero") + "\"><title>" + html_escape(m->title) +
               "</title></circle>";
    }
    svg += "</g>";
    if (max_value > 0) {
        svg += "<rect x=\"0\" y=\"" + num(height) + "\" width=\"" + num(width) + "\" height=\"" +
               num(legend_band) + "\" class=\"legend-band\"/>";
        circle_legend(svg, max_value, height, spec);
    }
    svg += "</svg>";
    return svg;
}

}  // namespace incimap
