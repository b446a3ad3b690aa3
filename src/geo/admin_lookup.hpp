#pragma once
// Which OCHA governorate (admin1) and district (admin2) a point is in: point-in-polygon
// against prepared geometries found through an STRtree. Points up to 5 km outside every
// district (the OCHA coastline and borders are generalised, so some coastal and border
// villages fall just outside) get the nearest district. GEOS stays behind a pimpl.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/place.hpp"

namespace incimap {

struct AdminArea {
    int level = 1;                // 1 governorate, 2 district
    std::string pcode;            // SY04, SY0405
    std::string name;             // OCHA English name (ADMn_EN)
    std::string name_ar;          // ADMn_AR
    std::string parent_pcode;     // the governorate of a district
    std::string parent_name;
    std::vector<std::string> alt_names;  // ADMn_REF, ADMnALT1EN/ALT2EN/ALT1AR/ALT2AR when set
    LonLat representative;        // a point inside the polygon (GEOS point-on-surface)
};

class AdminLookup {
public:
    // Coastal and border villages up to this far outside every district get the nearest one.
    static constexpr double nearest_district_km = 5.0;

    AdminLookup();
    ~AdminLookup();
    AdminLookup(AdminLookup&&) noexcept;
    AdminLookup& operator=(AdminLookup&&) noexcept;

    // Add a polygon given as a GeoJSON geometry object or as WKB. Throws incimap::Error on an
    // unreadable geometry. Adding after the first query is not allowed (the STRtree is frozen).
    void add_geojson(AdminArea area, std::string_view geojson_geometry);
    void add_wkb(AdminArea area, const unsigned char* wkb, std::size_t size);

    const std::vector<AdminArea>& areas() const;
    std::vector<unsigned char> wkb(std::size_t area_index) const;

    // Empty units outside Syria. Safe to call from several threads (serialised inside: GEOS
    // prepared geometries build their indexes lazily and are not safe to share).
    AdminUnits at(LonLat point) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace incimap
