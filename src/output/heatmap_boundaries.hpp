#pragma once
// Governorate outlines drawn under the heatmap, read with GDAL/OGR from whatever holds them:
// the OCHA admin-1 GeoJSON, the gazetteer's admin1 table, or a run's governorates layer.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/place.hpp"

namespace incimap {

struct MapBoundary {
    std::string pcode;  // SY01..SY14
    std::string name;   // English
    // Multipolygon: polygons of rings of lon/lat; the first ring of each polygon is its shell.
    std::vector<std::vector<std::vector<LonLat>>> polygons;
};

struct MapBoundaries {
    std::vector<MapBoundary> units;
    bool empty() const { return units.empty(); }
    // The unit a user means by P-code or name (see governorate_matches); nullptr if none.
    const MapBoundary* find(std::string_view pcode_or_name) const;
};

// Reads polygons from `source` (layer `layer`, or the first polygon layer when empty). The
// code and name are taken from the first field present of: admin1_pcode/ADM1_PCODE/pcode and
// admin1_name/ADM1_EN/name_en/name. Throws incimap::Error naming the file when it cannot be
// read or has no polygons.
MapBoundaries load_map_boundaries(const std::filesystem::path& source,
                                  const std::string& layer = {});

}  // namespace incimap
