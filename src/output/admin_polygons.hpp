#pragma once
// OCHA admin-1 (governorate) and admin-2 (district) polygons, read through GDAL from the
// gazetteer database (tables admin1 and admin2), so that a run needs no other file.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/place.hpp"

namespace incimap {

struct AdminPolygon {
    std::string pcode;         // SY01 / SY0100
    std::string name;          // English
    std::string name_ar;
    std::string parent_pcode;  // admin1 of a district; empty for a governorate
    std::string parent_name;
    std::string wkb;           // MultiPolygon, ISO WKB, EPSG:4326 lon/lat
};

struct AdminPolygons {
    std::vector<AdminPolygon> admin1;
    std::vector<AdminPolygon> admin2;
};

// Reads layers `admin1` (admin1_pcode, admin1_name, admin1_name_ar) and `admin2`
// (admin2_pcode, admin2_name, admin2_name_ar, admin1_pcode, admin1_name) from any GDAL
// vector source. Throws incimap::Error naming the source when a layer or field is missing.
AdminPolygons read_admin_polygons(const std::filesystem::path& source);

// The P-code of the polygon containing the point (GEOS through OGR), if any.
std::optional<std::string> pcode_at(const std::vector<AdminPolygon>& polygons, LonLat point);

}  // namespace incimap
