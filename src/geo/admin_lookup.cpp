#include "geo/admin_lookup.hpp"

#include <cmath>
#include <limits>
#include <mutex>
#include <optional>

#include "core/error.hpp"
#include "geo/geos_context.hpp"

namespace incimap {

struct AdminLookup::Impl {
    GeosContext ctx;
    std::vector<AdminArea> areas;
    std::vector<GeosGeometry> geoms;
    std::vector<GeosPrepared> prepared;
    // One tree per level, built on the first query.
    std::unique_ptr<GeosStrTree> trees[2];
    std::mutex mutex;

    void add(AdminArea area, GeosGeometry geom) {
        if (area.level != 1 && area.level != 2)
            throw Error("admin level must be 1 or 2, not " + std::to_string(area.level));
        area.representative = ctx.point_on_surface(geom.get());
        prepared.push_back(ctx.prepare(geom.get()));
        geoms.push_back(std::move(geom));
        areas.push_back(std::move(area));
    }

    void build_trees() {
        for (int level = 1; level <= 2; ++level) {
            auto tree = std::make_unique<GeosStrTree>(ctx);
            for (std::size_t i = 0; i < areas.size(); ++i)
                if (areas[i].level == level) tree->insert(geoms[i].get(), i);
            trees[level - 1] = std::move(tree);
        }
    }

    std::optional<std::size_t> containing(int level, const GEOSGeometry* point) {
        for (std::size_t i : trees[level - 1]->query(point))
            if (GEOSPreparedIntersects_r(ctx.handle(), prepared[i].get(), point) == 1) return i;
        return std::nullopt;
    }

    std::optional<std::size_t> nearest(int level, LonLat p, double max_km) {
        const double dlat = max_km / 111.32;
        const double dlon = dlat / std::max(0.1, std::cos(p.lat * M_PI / 180.0));
        auto box = ctx.own(GEOSGeom_createRectangle_r(ctx.handle(), p.lon - dlon, p.lat - dlat,
                                                      p.lon + dlon, p.lat + dlat),
                           "creating a search box");
        auto point = ctx.point(p);
        std::optional<std::size_t> best;
        double best_km = max_km;
        for (std::size_t i : trees[level - 1]->query(box.get())) {
            const double km = ctx.distance_km(geoms[i].get(), point.get());
            if (km <= best_km) {
                best_km = km;
                best = i;
            }
        }
        return best;
    }

    AdminUnits units_of(std::size_t i) const {
        const AdminArea& a = areas[i];
        if (a.level == 1) return AdminUnits{a.name, a.pcode, {}, {}};
        return AdminUnits{a.parent_name, a.parent_pcode, a.name, a.pcode};
    }
};

AdminLookup::AdminLookup() : impl_(std::make_unique<Impl>()) {}
AdminLookup::~AdminLookup() = default;
AdminLookup::AdminLookup(AdminLookup&&) noexcept = default;
AdminLookup& AdminLookup::operator=(AdminLookup&&) noexcept = default;

void AdminLookup::add_geojson(AdminArea area, std::string_view geojson_geometry) {
    if (impl_->trees[0]) throw Error("admin polygons added after the first lookup");
    impl_->add(std::move(area), impl_->ctx.read_geojson(geojson_geometry));
}

void AdminLookup::add_wkb(AdminArea area, const unsigned char* wkb, std::size_t size) {
    if (impl_->trees[0]) throw Error("admin polygons added after the first lookup");
    impl_->add(std::move(area), impl_->ctx.read_wkb(wkb, size));
}

const std::vector<AdminArea>& AdminLookup::areas() const { return impl_->areas; }

std::vector<unsigned char> AdminLookup::wkb(std::size_t area_index) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->ctx.write_wkb(impl_->geoms.at(area_index).get());
}

AdminUnits AdminLookup::at(LonLat point) const {
    if (!std::isfinite(point.lon) || !std::isfinite(point.lat)) return {};
    Impl& m = *impl_;
    std::lock_guard lock(m.mutex);
    if (!m.trees[0]) m.build_trees();
    auto p = m.ctx.point(point);
    if (auto i = m.containing(2, p.get())) return m.units_of(*i);
    if (auto i = m.containing(1, p.get())) return m.units_of(*i);
    if (auto i = m.nearest(2, point, nearest_district_km)) return m.units_of(*i);
    if (auto i = m.nearest(1, point, nearest_district_km)) return m.units_of(*i);
    return {};
}

}  // namespace incimap
