#include "geo/proj_transform.hpp"

#include <proj.h>

#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace incimap {
namespace {

struct ContextDeleter {
    void operator()(PJ_CONTEXT* c) const { proj_context_destroy(c); }
};
struct PjDeleter {
    void operator()(PJ* p) const { proj_destroy(p); }
};
using ContextPtr = std::unique_ptr<PJ_CONTEXT, ContextDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

std::string proj_message(PJ_CONTEXT* ctx) {
    const int err = proj_context_errno(ctx);
    const char* text = proj_context_errno_string(ctx, err);
    return text ? text : "unknown PROJ error";
}

}  // namespace

struct ProjTransform::Handles {
    // The context is declared first so that it is destroyed last: every PJ refers to it.
    ContextPtr context;
    PjPtr transform;
};

ProjTransform::ProjTransform(const std::string& source_crs, const std::string& target_crs)
    : handles_(std::make_unique<Handles>()), source_crs_(source_crs), target_crs_(target_crs) {
    handles_->context.reset(proj_context_create());
    if (!handles_->context) throw Error("cannot create a PROJ context (out of memory?)");
    PJ_CONTEXT* ctx = handles_->context.get();
    // PROJ logs to stderr by default; errors are reported through exceptions instead.
    proj_log_level(ctx, PJ_LOG_NONE);

    PjPtr raw(proj_create_crs_to_crs(ctx, source_crs.c_str(), target_crs.c_str(), nullptr));
    if (!raw)
        throw Error("PROJ cannot transform " + source_crs + " to " + target_crs + ": " +
                    proj_message(ctx) + " (is proj-data installed?)");
    // EPSG:4326 is lat, lon in its official axis order; GIS data is lon, lat.
    handles_->transform.reset(proj_normalize_for_visualization(ctx, raw.get()));
    if (!handles_->transform)
        throw Error("PROJ cannot normalise the axis order of " + source_crs + " -> " + target_crs +
                    ": " + proj_message(ctx));
}

ProjTransform ProjTransform::from_lonlat(const std::string& target_crs) {
    return ProjTransform("EPSG:4326", target_crs);
}

ProjTransform::ProjTransform(ProjTransform&&) noexcept = default;
ProjTransform& ProjTransform::operator=(ProjTransform&&) noexcept = default;
ProjTransform::~ProjTransform() = default;

PlanarXY ProjTransform::forward(LonLat p) const {
    PJ_COORD c = proj_coord(p.lon, p.lat, 0, 0);
    proj_errno_reset(handles_->transform.get());
    const PJ_COORD out = proj_trans(handles_->transform.get(), PJ_FWD, c);
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y))
        throw Error("PROJ cannot transform lon " + std::to_string(p.lon) + ", lat " +
                    std::to_string(p.lat) + " to " + target_crs_);
    return {out.xy.x, out.xy.y};
}

LonLat ProjTransform::inverse(PlanarXY p) const {
    PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
    proj_errno_reset(handles_->transform.get());
    const PJ_COORD out = proj_trans(handles_->transform.get(), PJ_INV, c);
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y))
        throw Error("PROJ cannot transform x " + std::to_string(p.x) + ", y " +
                    std::to_string(p.y) + " from " + target_crs_ + " back to " + source_crs_);
    return {out.xy.x, out.xy.y};
}

namespace {
void transform_many(PJ* pj, PJ_DIRECTION direction, std::vector<double>& xs,
                    std::vector<double>& ys) {
    if (xs.size() != ys.size()) throw Error("transform_many: xs and ys differ in length");
    if (xs.empty()) return;
    proj_trans_generic(pj, direction, xs.data(), sizeof(double), xs.size(), ys.data(),
                       sizeof(double), ys.size(), nullptr, 0, 0, nullptr, 0, 0);
    // PROJ marks failed points with HUGE_VAL; make that explicit for callers.
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) {
            xs[i] = std::numeric_limits<double>::infinity();
            ys[i] = std::numeric_limits<double>::infinity();
        }
    }
}
}  // namespace

void ProjTransform::forward_in_place(std::vector<double>& xs, std::vector<double>& ys) const {
    transform_many(handles_->transform.get(), PJ_FWD, xs, ys);
}

void ProjTransform::inverse_in_place(std::vector<double>& xs, std::vector<double>& ys) const {
    transform_many(handles_->transform.get(), PJ_INV, xs, ys);
}

}  // namespace incimap
