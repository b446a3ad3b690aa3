#pragma once
// The briefing as a self-contained HTML page (inline CSS and SVG, images as data: URIs, no
// scripts, fonts or other URLs) and as Markdown with tables in place of the charts.
#include <string>

#include "output/brief.hpp"
#include "output/heatmap_boundaries.hpp"

namespace incimap {

// What the page shows besides the figures.
struct BriefAssets {
    MapBoundaries boundaries;  // governorate outlines for the map; may be empty
    std::string heatmap_png;   // the run's heatmap.png, as bytes; empty when there is none
    std::string heatmap_link;  // the same file relative to brief.md, for the Markdown
    std::string source_label;  // where the incidents were read from, shown in the header
};

std::string render_brief_html(const BriefReport& report,
                              const BriefAssets& assets);  // brief_html.cpp
std::string render_brief_markdown(const BriefReport& report,
                                  const BriefAssets& assets);  // brief_markdown.cpp

}  // namespace incimap
