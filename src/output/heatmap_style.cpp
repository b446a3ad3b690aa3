#include "output/heatmap_style.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/error.hpp"
#include "output/heatmap_file.hpp"

namespace incimap {
namespace {

struct Stop {
    double t;  // position on the ramp, 0..1
    unsigned char r, g, b;
    double alpha;
};

// ColorBrewer "YlOrRd" (Cynthia Brewer, colorbrewer2.org, 9-class sequential), with alpha
// rising over the lowest stops so faint densities fade into the base map instead of
// painting the whole country yellow.
constexpr std::array<Stop, 9> ramp{{
    {0.000, 0xff, 0xff, 0xcc, 0.00},
    {0.125, 0xff, 0xed, 0xa0, 0.55},
    {0.250, 0xfe, 0xd9, 0x76, 0.75},
    {0.375, 0xfe, 0xb2, 0x4c, 0.85},
    {0.500, 0xfd, 0x8d, 0x3c, 0.90},
    {0.625, 0xfc, 0x4e, 0x2a, 0.92},
    {0.750, 0xe3, 0x1a, 0x1c, 0.94},
    {0.875, 0xbd, 0x00, 0x26, 0.96},
    {1.000, 0x80, 0x00, 0x26, 0.98},
}};

Rgba ramp_at(double t) {
    t = std::clamp(t, 0.0, 1.0);
    for (std::size_t i = 1; i < ramp.size(); ++i) {
        if (t <= ramp[i].t) {
            const Stop& a = ramp[i - 1];
            const Stop& b = ramp[i];
            const double f = (t - a.t) / (b.t - a.t);
            auto mix = [f](double x, double y) { return x + (y - x) * f; };
            return {mix(a.r, b.r) / 255.0, mix(a.g, b.g) / 255.0, mix(a.b, b.b) / 255.0,
                    mix(a.alpha, b.alpha)};
        }
    }
    const Stop& last = ramp.back();
    return {last.r / 255.0, last.g / 255.0, last.b / 255.0, last.alpha};
}

std::string hex(const Stop& s) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", s.r, s.g, s.b);
    return buf;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

}  // namespace

std::string legend_number(double value) {
    if (value == 0 || !std::isfinite(value)) return "0";
    constexpr int significant = 3;
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
    const double step = std::pow(10.0, magnitude - (significant - 1));
    const int decimals = std::max(0, significant - 1 - magnitude);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::round(value / step) * step);
    std::string text = buf;
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
    }
    return text;
}

Rgba heatmap_colour(double fraction) {
    if (!(fraction > 0)) return {1, 1, 1, 0};
    return ramp_at(std::sqrt(std::min(fraction, 1.0)));
}

double heatmap_value_at(double t) { return std::clamp(t, 0.0, 1.0) * std::clamp(t, 0.0, 1.0); }

void write_heatmap_qml(const HeatmapGrid& grid, const std::filesystem::path& qml_path) {
    // A grid of zeros still gets a usable style: QGIS needs an increasing set of stops.
    const double max = grid.max_value() > 0 ? grid.max_value() : 1.0;
    std::string items;
    for (const Stop& s : ramp) {
        const double value = heatmap_value_at(s.t) * max;
        items += "          <item alpha=\"" + std::to_string(static_cast<int>(s.alpha * 255)) +
                 "\" value=\"" + number(value) + "\" label=\"" + legend_number(value) +
                 "\" color=\"" + hex(s) + "\"/>\n";
    }
    const std::string m = number(max);
    const std::string qml =
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        "<qgis version=\"3.22.0\" styleCategories=\"AllStyleCategories\">\n"
        "  <pipe>\n"
        "    <rasterrenderer type=\"singlebandpseudocolor\" band=\"1\" opacity=\"0.9\" "
        "alphaBand=\"-1\" classificationMin=\"0\" classificationMax=\"" +
        m +
        "\" nodataColor=\"\">\n"
        "      <rasterTransparency/>\n"
        "      <minMaxOrigin><limits>None</limits><extent>WholeRaster</extent>"
        "<statAccuracy>Exact</statAccuracy><cumulativeCutLower>0.02</cumulativeCutLower>"
        "<cumulativeCutUpper>0.98</cumulativeCutUpper><stdDevFactor>2</stdDevFactor>"
        "</minMaxOrigin>\n"
        "      <rastershader>\n"
        "        <colorrampshader colorRampType=\"INTERPOLATED\" classificationMode=\"2\" "
        "clip=\"0\" minimumValue=\"0\" maximumValue=\"" +
        m + "\">\n" + items +
        "        </colorrampshader>\n"
        "      </rastershader>\n"
        "    </rasterrenderer>\n"
        "    <brightnesscontrast brightness=\"0\" contrast=\"0\" gamma=\"1\"/>\n"
        "    <rasterresampler maxOversampling=\"2\" zoomedInResampler=\"bilinear\"/>\n"
        "  </pipe>\n"
        "  <blendMode>0</blendMode>\n"
        "</qgis>\n";
    write_file_atomically(qml_path, [&](const std::filesystem::path& tmp) {
        std::ofstream out(tmp, std::ios::binary);
        out << qml;
        out.close();
        if (!out) throw Error("cannot write the heatmap style", tmp.string());
    });
}

}  // namespace incimap
