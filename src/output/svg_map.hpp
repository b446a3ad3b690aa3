#pragma once
// The briefing's map as inline SVG: governorate outlines in a simple equirectangular
// projection (scaled by the cosine of the middle latitude, which keeps Syria's shape to within
// a few per cent) and one circle per place, its area proportional to the casualties there.
#include <string>
#include <vector>

#include "core/place.hpp"
#include "output/heatmap_boundaries.hpp"

namespace incimap {

struct MapMark {
    LonLat at;
    double value = 0;   // sets the circle's area; 0 still gets the smallest circle
    std::string title;  // tooltip
};

struct SvgMapSpec {
    int width = 560;
    std::string focus;  // governorate name or P-code to zoom to; empty: all outlines
    std::string title;
    std::string value_name = "casualties";  // for the legend
};

std::string svg_incident_map(const MapBoundaries& boundaries, const std::vector<MapMark>& marks,
                             const SvgMapSpec& spec);

}  // namespace incimap
