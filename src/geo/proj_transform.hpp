#pragma once
// Coordinate transformation through PROJ. proj.h stays inside proj_transform.cpp; callers see
// only lon/lat and planar x/y.
#include <memory>
#include <string>
#include <vector>

#include "core/place.hpp"

namespace incimap {

// A position in a projected CRS (metres for EPSG:22770).
struct PlanarXY {
    double x = 0;
    double y = 0;
};

// "Deir ez Zor / Syria Lambert": a conformal projection made for Syria, in metres, so that
// kernel radii and cell sizes are true distances anywhere in the country.
inline constexpr const char* syria_lambert_crs = "EPSG:22770";

// One PROJ context and one transformation between two CRSs. Axis order is normalised for
// visualisation, so geographic coordinates are always lon, lat whatever the EPSG definition
// says. Not thread-safe: give each thread its own ProjTransform.
class ProjTransform {
  public:
    // source_crs/target_crs: anything proj_create accepts ("EPSG:4326", WKT, PROJ strings).
    // Throws incimap::Error when either CRS is unknown or no transformation exists.
    ProjTransform(const std::string& source_crs, const std::string& target_crs);
    // WGS84 lon/lat to target_crs.
    static ProjTransform from_lonlat(const std::string& target_crs);

    ProjTransform(ProjTransform&&) noexcept;
    ProjTransform& operator=(ProjTransform&&) noexcept;
    ~ProjTransform();

    // Throw incimap::Error when PROJ cannot transform the point (e.g. outside its domain).
    PlanarXY forward(LonLat p) const;
    LonLat inverse(PlanarXY p) const;

    // Transforms many points in one PROJ call; xs/ys hold lon/lat on entry (source CRS) and
    // x/y on return. Points PROJ cannot transform become +inf.
    void forward_in_place(std::vector<double>& xs, std::vector<double>& ys) const;
    void inverse_in_place(std::vector<double>& xs, std::vector<double>& ys) const;

    const std::string& source_crs() const { return source_crs_; }
    const std::string& target_crs() const { return target_crs_; }

  private:
    struct Handles;
    std::unique_ptr<Handles> handles_;
    std::string source_crs_;
    std::string target_crs_;
};

}  // namespace incimap
