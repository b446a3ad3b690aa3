#pragma once
// Grouped bar charts as inline SVG: the briefing's time series, readable in any browser and
// without scripts or fonts of their own.
#include <string>
#include <vector>

namespace incimap {

struct ChartSeries {
    std::string name;
    std::string colour;       // CSS colour, e.g. "#1f4e79"
    std::vector<double> low;  // one value per label
    // Optional upper bounds (vague counts): the part above `low` is drawn lighter.
    std::vector<double> high;
};

struct BarChartSpec {
    std::string title;  // read by screen readers, not drawn
    std::vector<std::string> labels;
    std::vector<ChartSeries> series;
    int width = 640;
    int height = 180;
    bool legend = true;  // small multiples leave it to the main chart above them
};

std::string svg_bar_chart(const BarChartSpec& spec);

// The smallest "nice" axis maximum (1, 2 or 5 times a power of ten) at or above `value`,
// with its tick step; never below 1 so that an all-zero chart still has an axis.
struct AxisScale {
    double max = 1;
    double step = 1;
};
AxisScale nice_axis(double value, int max_ticks = 4);

}  // namespace incimap
