#include "output/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "output/brief_text.hpp"

namespace incimap {
namespace {

// Plot margins in px: room for the y-axis labels, the legend and the x-axis labels.
constexpr double margin_left = 40, margin_right = 8, margin_bottom = 22;
constexpr double margin_top_legend = 26, margin_top_plain = 8;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
}

std::string axis_label(double v) {
    return std::abs(v - std::round(v)) < 1e-9 ? format_number(std::lround(v)) : num(v);
}

double value_at(const std::vector<double>& v, std::size_t i) { return i < v.size() ? v[i] : 0.0; }

void legend(std::string& svg, const BarChartSpec& spec) {
    double x = margin_left;
    for (const ChartSeries& s : spec.series) {
        svg += "<rect x=\"" + num(x) + "\" y=\"6\" width=\"10\" height=\"10\" rx=\"2\" fill=\"" +
               s.colour + "\"/>";
        svg += "<text x=\"" + num(x + 14) + "\" y=\"15\" class=\"legend\">" + html_escape(s.name) +
               "</text>";
        x += 24 + 7.0 * static_cast<double>(s.name.size());
    }
    const bool ranged = std::any_of(spec.series.begin(), spec.series.end(),
                                    [](const ChartSeries& s) { return !s.high.empty(); });
    if (ranged && !spec.series.empty()) {
        svg += "<rect x=\"" + num(x) + "\" y=\"6\" width=\"10\" height=\"10\" rx=\"2\" fill=\"" +
               spec.series.back().colour + "\" fill-opacity=\"0.3\"/>";
        svg += "<text x=\"" + num(x + 14) +
               "\" y=\"15\" class=\"legend\">upper bound of vague counts</text>";
    }
}

}  // namespace

AxisScale nice_axis(double value, int max_ticks) {
    value = std::max(value, 1.0);
    double step = std::pow(10.0, std::floor(std::log10(value / max_ticks)));
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (std::ceil(value / (step * factor)) <= max_ticks) {
            step *= factor;
            break;
        }
    }
    step = std::max(step, 1.0);  // counts of incidents and people are whole numbers
    return AxisScale{std::ceil(value / step) * step, step};
}

std::string svg_bar_chart(const BarChartSpec& spec) {
    const double plot_w = spec.width - margin_left - margin_right;
    const double margin_top = spec.legend ? margin_top_legend : margin_top_plain;
    const double plot_h = spec.height - margin_top - margin_bottom;
    const std::size_t n = std::max<std::size_t>(spec.labels.size(), 1);

    double top = 0;
    for (const ChartSeries& s : spec.series)
        for (std::size_t i = 0; i < spec.labels.size(); ++i)
            top = std::max({top, value_at(s.low, i), value_at(s.high, i)});
    const AxisScale axis = nice_axis(top);
    auto y_of = [&](double v) { return margin_top + plot_h - plot_h * v / axis.max; };

    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
                      std::to_string(spec.width) + " " + std::to_string(spec.height) +
                      "\" role=\"img\" aria-label=\"" + html_escape(spec.title) + "\">";
    svg += "<title>" + html_escape(spec.title) + "</title>";
    for (double t = 0; t <= axis.max + 1e-9; t += axis.step) {
        const std::string y = num(y_of(t));
        svg += "<line x1=\"" + num(margin_left) + "\" x2=\"" + num(margin_left + plot_w) +
               "\" y1=\"" + y + "\" y2=\"" + y + "\" class=\"" + (t == 0 ? "axis" : "grid") +
               "\"/>";
        svg += "<text x=\"" + num(margin_left - 6) + "\" y=\"" + num(y_of(t) + 4) +
               "\" class=\"tick\" text-anchor=\"end\">" + axis_label(t) + "</text>";
    }

    const double group_w = plot_w / static_cast<double>(n);
    const double bar_w = std::max(
        1.0, group_w * 0.78 / static_cast<double>(std::max<std::size_t>(spec.series.size(), 1)));
    for (std::size_t i = 0; i < spec.labels.size(); ++i) {
        double x = margin_left + group_w * static_cast<double>(i) + group_w * 0.11;
        for (const ChartSeries& s : spec.series) {
            const double low = value_at(s.low, i);
            const double high = std::max(low, value_at(s.high, i));
            const std::string tip =
                html_escape(spec.labels[i] + ": " + axis_label(low) +
                            (high > low ? "-" + axis_label(high) : "") + " " + s.name);
            if (high > low)
                svg += "<rect x=\"" + num(x) + "\" y=\"" + num(y_of(high)) + "\" width=\"" +
                       num(bar_w) + "\" height=\"" + num(y_of(low) - y_of(high)) + "\" fill=\"" +
                       s.colour + "\" fill-opacity=\"0.3\"><title>" + tip + "</title></rect>";
            if (low > 0)
                svg += "<rect x=\"" + num(x) + "\" y=\"" + num(y_of(low)) + "\" width=\"" +
                       num(bar_w) + "\" height=\"" + num(y_of(0) - y_of(low)) + "\" fill=\"" +
                       s.colour + "\"><title>" + tip + "</title></rect>";
            x += bar_w;
        }
    }

    // As many x labels as fit without overlapping, evenly spaced.
    const auto max_labels = static_cast<std::size_t>(std::max(1.0, plot_w / 58.0));
    const std::size_t every = (spec.labels.size() + max_labels - 1) / max_labels;
    for (std::size_t i = 0; i < spec.labels.size(); i += std::max<std::size_t>(every, 1)) {
        svg += "<text x=\"" + num(margin_left + group_w * (static_cast<double>(i) + 0.5)) +
               "\" y=\"" + num(spec.height - 6) + "\" class=\"tick\" text-anchor=\"middle\">" +
               html_escape(spec.labels[i]) + "</text>";
    }
    if (spec.legend) legend(svg, spec);
    svg += "</svg>";
    return svg;
}

}  // namespace incimap
