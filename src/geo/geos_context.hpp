#pragma once
// RAII over the GEOS reentrant C API. One GeosContext per owning object (and so per thread
// using it); geometries and prepared geometries live in unique_ptrs whose deleters carry the
// context that made them. Only files in src/geo include this header.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/place.hpp"

namespace incimap {

struct GeosGeometryDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(ctx, g); }
};
struct GeosPreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const { GEOSPreparedGeom_destroy_r(ctx, g); }
};
using GeosGeometry = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;
using GeosPrepared = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

// Owns a GEOS context. Not copyable or movable: the context's error handler points at it.
// GEOS reports errors through a callback; we record the message there and throw
// incimap::Error after the C call returns (never from inside the callback).
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t handle() const { return ctx_; }

    GeosGeometry read_geojson(std::string_view geojson);
    GeosGeometry read_wkt(std::string_view wkt);
    GeosGeometry read_wkb(const unsigned char* data, std::size_t size);
    std::vector<unsigned char> write_wkb(const GEOSGeometry* g);
    std::string write_wkt(const GEOSGeometry* g, int decimals = 6);

    GeosGeometry point(LonLat p);
    GeosPrepared prepare(const GEOSGeometry* g);
    LonLat point_on_surface(const GEOSGeometry* g);
    // The point half-way along a line (by length).
    LonLat line_middle(const GEOSGeometry* line);
    // Great-circle distance in km between the nearest points of two geometries.
    double distance_km(const GEOSGeometry* a, const GEOSGeometry* b);

    // Takes ownership of a raw result, throwing with the recorded GEOS message if it is null.
    GeosGeometry own(GEOSGeometry* g, std::string_view what);

private:
    static void on_error(const char* message, void* self);
    GEOSContextHandle_t ctx_;
    std::string last_error_;
};

// A GEOS STRtree of envelopes pointing at indices into the caller's own arrays. Built once,
// then queried; the geometries inserted must outlive the tree.
class GeosStrTree {
public:
    explicit GeosStrTree(GeosContext& ctx, std::size_t node_capacity = 10);
    ~GeosStrTree();
    GeosStrTree(const GeosStrTree&) = delete;
    GeosStrTree& operator=(const GeosStrTree&) = delete;

    void insert(const GEOSGeometry* g, std::size_t index);
    // Indices whose envelope intersects the envelope of g.
    std::vector<std::size_t> query(const GEOSGeometry* g) const;

private:
    GeosContext& ctx_;
    GEOSSTRtree* tree_;
    // GEOS stores void* items; we keep the indices alive here and hand out their addresses.
    std::vector<std::unique_ptr<std::size_t>> items_;
};

// Haversine distance on a sphere of the WGS84 mean radius.
double great_circle_km(LonLat a, LonLat b);

}  // namespace incimap
