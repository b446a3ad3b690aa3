#include "geo/geos_context.hpp"

#include <cmath>

#include "core/error.hpp"

namespace incimap {
namespace {

template <typename T, typename Destroy>
auto scoped(GEOSContextHandle_t ctx, T* p, Destroy destroy) {
    auto deleter = [ctx, destroy](T* q) { destroy(ctx, q); };
    return std::unique_ptr<T, decltype(deleter)>(p, deleter);
}

}  // namespace

GeosContext::GeosContext() : ctx_(GEOS_init_r()) {
    if (!ctx_) throw Error("cannot initialise GEOS");
    GEOSContext_setErrorMessageHandler_r(ctx_, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(ctx_); }

void GeosContext::on_error(const char* message, void* self) {
    // Called from inside GEOS: record only, the caller throws once GEOS has returned.
    static_cast<GeosContext*>(self)->last_error_ = message ? message : "unknown GEOS error";
}

GeosGeometry GeosContext::own(GEOSGeometry* g, std::string_view what) {
    if (!g) {
        std::string msg = std::string(what) + " failed";
        if (!last_error_.empty()) msg += ": " + last_error_;
        last_error_.clear();
        throw Error(msg);
    }
    return GeosGeometry(g, GeosGeometryDeleter{ctx_});
}

GeosGeometry GeosContext::read_geojson(std::string_view geojson) {
    auto reader = scoped(ctx_, GEOSGeoJSONReader_create_r(ctx_), GEOSGeoJSONReader_destroy_r);
    const std::string text(geojson);
    return own(GEOSGeoJSONReader_readGeometry_r(ctx_, reader.get(), text.c_str()),
               "reading GeoJSON geometry");
}

GeosGeometry GeosContext::read_wkt(std::string_view wkt) {
    auto reader = scoped(ctx_, GEOSWKTReader_create_r(ctx_), GEOSWKTReader_destroy_r);
    const std::string text(wkt);
    return own(GEOSWKTReader_read_r(ctx_, reader.get(), text.c_str()), "reading WKT");
}

GeosGeometry GeosContext::read_wkb(const unsigned char* data, std::size_t size) {
    auto reader = scoped(ctx_, GEOSWKBReader_create_r(ctx_), GEOSWKBReader_destroy_r);
    return own(GEOSWKBReader_read_r(ctx_, reader.get(), data, size), "reading WKB");
}

std::vector<unsigned char> GeosContext::write_wkb(const GEOSGeometry* g) {
    auto writer = scoped(ctx_, GEOSWKBWriter_create_r(ctx_), GEOSWKBWriter_destroy_r);
    std::size_t size = 0;
    unsigned char* buf = GEOSWKBWriter_write_r(ctx_, writer.get(), g, &size);
    if (!buf) throw Error("writing WKB failed: " + last_error_);
    std::vector<unsigned char> out(buf, buf + size);
    GEOSFree_r(ctx_, buf);
    return out;
}

std::string GeosContext::write_wkt(const GEOSGeometry* g, int decimals) {
    auto writer = scoped(ctx_, GEOSWKTWriter_create_r(ctx_), GEOSWKTWriter_destroy_r);
    GEOSWKTWriter_setRoundingPrecision_r(ctx_, writer.get(), decimals);
    GEOSWKTWriter_setTrim_r(ctx_, writer.get(), 1);
    char* text = GEOSWKTWriter_write_r(ctx_, writer.get(), g);
    if (!text) throw Error("writing WKT failed: " + last_error_);
    std::string out(text);
    GEOSFree_r(ctx_, text);
    return out;
}

GeosGeometry GeosContext::point(LonLat p) {
    return own(GEOSGeom_createPointFromXY_r(ctx_, p.lon, p.lat), "creating a point");
}

GeosPrepared GeosContext::prepare(const GEOSGeometry* g) {
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(ctx_, g);
    if (!prepared) throw Error("preparing a geometry failed: " + last_error_);
    return GeosPrepared(prepared, GeosPreparedDeleter{ctx_});
}

LonLat GeosContext::point_on_surface(const GEOSGeometry* g) {
    auto p = own(GEOSPointOnSurface_r(ctx_, g), "point on surface");
    LonLat out;
    GEOSGeomGetX_r(ctx_, p.get(), &out.lon);
    GEOSGeomGetY_r(ctx_, p.get(), &out.lat);
    return out;
}

LonLat GeosContext::line_middle(const GEOSGeometry* line) {
    auto p = own(GEOSInterpolateNormalized_r(ctx_, line, 0.5), "interpolating a line");
    LonLat out;
    GEOSGeomGetX_r(ctx_, p.get(), &out.lon);
    GEOSGeomGetY_r(ctx_, p.get(), &out.lat);
    return out;
}

double GeosContext::distance_km(const GEOSGeometry* a, const GEOSGeometry* b) {
    auto seq = scoped(ctx_, GEOSNearestPoints_r(ctx_, a, b), GEOSCoordSeq_destroy_r);
    if (!seq) throw Error("nearest points failed: " + last_error_);
    LonLat pa, pb;
    GEOSCoordSeq_getXY_r(ctx_, seq.get(), 0, &pa.lon, &pa.lat);
    GEOSCoordSeq_getXY_r(ctx_, seq.get(), 1, &pb.lon, &pb.lat);
    return great_circle_km(pa, pb);
}

GeosStrTree::GeosStrTree(GeosContext& ctx, std::size_t node_capacity)
    : ctx_(ctx), tree_(GEOSSTRtree_create_r(ctx.handle(), node_capacity)) {
    if (!tree_) throw Error("cannot create a GEOS STRtree");
}

GeosStrTree::~GeosStrTree() { GEOSSTRtree_destroy_r(ctx_.handle(), tree_); }

void GeosStrTree::insert(const GEOSGeometry* g, std::size_t index) {
    items_.push_back(std::make_unique<std::size_t>(index));
    GEOSSTRtree_insert_r(ctx_.handle(), tree_, g, items_.back().get());
}

std::vector<std::size_t> GeosStrTree::query(const GEOSGeometry* g) const {
    std::vector<std::size_t> hits;
    GEOSSTRtree_query_r(
        ctx_.handle(), tree_, g,
        [](void* item, void* out) {
            static_cast<std::vector<std::size_t>*>(out)->push_back(
                *static_cast<std::size_t*>(item));
        },
        &hits);
    return hits;
}

double great_circle_km(LonLat a, LonLat b) {
    constexpr double earth_radius_km = 6371.0088;  // IUGG mean radius
    constexpr double rad = M_PI / 180.0;
    const double dlat = (b.lat - a.lat) * rad;
    const double dlon = (b.lon - a.lon) * rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) *
                         std::sin(dlon / 2);
    return 2 * earth_radius_km * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace incimap
