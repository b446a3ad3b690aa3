#include "pipeline/merge_candidates.hpp"

#include <algorithm>
#include <cmath>

namespace incimap {
namespace {

// A little under the true 110.6-111.7 km, so that a box of degrees always holds the circle of
// kilometres it stands for.
constexpr double km_per_degree_latitude = 110.0;
// Past this many cells a region is listed under one key that every lookup reads: a handful of
// desert-wide regions are cheaper to look at every time than to spread over thousands of cells.
constexpr std::size_t max_cells_per_region = 400;

bool is_located(const Incident& i) { return i.where.place.has_value(); }
bool is_point(const Incident& i) { return i.where.geo_precision < 3; }
// A named area with a radius ("the Badia"), which may take reports across governorate borders.
bool is_region(const Incident& i) {
    return !is_point(i) && i.where.place->feature_type != "governorate" &&
           i.where.place->precision_km > 0;
}

std::string place_key(const Incident& i) { return "p" + std::to_string(i.where.place->id); }
// Every located report of a governorate, for governorate-level lookups ...
std::string governorate_key(const Incident& i) { return "A" + i.where.admin.admin1_pcode; }
// ... and the governorate- and region-level ones only, for point lookups.
std::string wide_key(const Incident& i) { return "W" + i.where.admin.admin1_pcode; }
const std::string everywhere_key = "*";

}  // namespace

MergeCandidates::MergeCandidates(const DedupRules& rules)
    : rules_(rules),
      // A cell is as wide as the farthest two points may be apart and still merge, so a
      // point's neighbours lie in a few cells around it.
      cell_degrees_(std::max({rules.max_distance_km, rules.undated_distance_km, 1.0}) /
                    km_per_degree_latitude) {}

std::vector<std::string> MergeCandidates::cells_within(LonLat p, double radius_km) const {
    const double dlat = radius_km / km_per_degree_latitude;
    const double cos_lat = std::max(0.01, std::cos((std::fabs(p.lat) + dlat) * M_PI / 180));
    const double dlon = dlat / cos_lat;
    const auto cell = [this](double degrees) {
        return static_cast<long>(std::floor(degrees / cell_degrees_));
    };
    std::vector<std::string> out;
    const long x0 = cell(p.lon - dlon), x1 = cell(p.lon + dlon);
    const long y0 = cell(p.lat - dlat), y1 = cell(p.lat + dlat);
    if (static_cast<double>(x1 - x0 + 1) * static_cast<double>(y1 - y0 + 1) > max_cells_per_region)
        return {everywhere_key};
    for (long x = x0; x <= x1; ++x)
        for (long y = y0; y <= y1; ++y)
            out.push_back("c" + std::to_string(x) + "," + std::to_string(y));
    return out;
}

namespace {

// Each key once, sorted, with the same days.
std::vector<MergeKey> with_days(std::vector<std::string> keys, std::optional<DayWindow> days) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::vector<MergeKey> out;
    out.reserve(keys.size());
    for (std::string& key : keys) {
        MergeKey k{std::move(key), {}, {}};
        if (days) {
            k.first_day = days->first;
            k.last_day = days->last;
        }
        out.push_back(std::move(k));
    }
    return out;
}

}  // namespace

std::vector<MergeKey> MergeCandidates::index_keys(const StoredReport& first) const {
    const Incident& in = first.incident;
    if (!is_located(in)) return {};  // never the same event as anything (same_event)
    std::vector<std::string> keys = {place_key(in)};
    if (is_point(in)) {
        keys.push_back(cells_within(in.where.point, 0).front());  // its own cell
    } else {
        if (is_region(in)) {
            const Place& region = *in.where.place;
            for (std::string& cell : cells_within(region.point, region.precision_km))
                keys.push_back(std::move(cell));
        }
        if (!in.where.admin.admin1_pcode.empty()) keys.push_back(wide_key(in));
    }
    if (!in.where.admin.admin1_pcode.empty()) keys.push_back(governorate_key(in));
    return with_days(std::move(keys), event_window(first, rules_));
}

std::vector<MergeKey> MergeCandidates::lookup_keys(const StoredReport& report) const {
    const Incident& in = report.incident;
    if (!is_located(in)) return {};
    std::vector<std::string> keys = {place_key(in), everywhere_key};
    const double reach = std::max(rules_.max_distance_km, rules_.undated_distance_km);
    for (std::string& cell : cells_within(in.where.point, reach)) keys.push_back(std::move(cell));
    if (is_region(in))
        for (std::string& cell : cells_within(in.where.place->point, in.where.place->precision_km))
            keys.push_back(std::move(cell));
    if (!in.where.admin.admin1_pcode.empty())
        keys.push_back(is_point(in) ? wide_key(in) : governorate_key(in));
    // Windows [f, l] and [first, last] are within the slack of each other when [f, l] meets
    // [first - slack, last + slack].
    auto window = event_window(report, rules_);
    if (window) {
        window->first -= rules_.date_slack_days;
        window->last += rules_.date_slack_days;
    }
    return with_days(std::move(keys), window);
}

void MergeCandidates::add(const StoredReport& first, std::size_t incident) {
    for (const MergeKey& key : index_keys(first)) add(key, incident);
}

void MergeCandidates::add(const MergeKey& key, std::size_t incident) {
    DayIndex& days = index_[key.key];
    if (key.first_day && key.last_day)
        days.by_length[*key.last_day - *key.first_day].emplace(*key.first_day, incident);
    else
        days.undated.push_back(incident);
}

void MergeCandidates::collect(const MergeKey& lookup, std::vector<std::size_t>& out) const {
    const auto found = index_.find(lookup.key);
    if (found == index_.end()) return;
    const DayIndex& days = found->second;
    out.insert(out.end(), days.undated.begin(), days.undated.end());
    for (const auto& [length, by_first] : days.by_length) {
        if (!lookup.first_day) {
            for (const auto& [first, incident] : by_first) out.push_back(incident);
            continue;
        }
        // [f, f + length] meets [first_day, last_day].
        for (auto it = by_first.lower_bound(*lookup.first_day - length);
             it != by_first.end() && it->first <= *lookup.last_day; ++it)
            out.push_back(it->second);
    }
}

std::vector<std::size_t> MergeCandidates::lookup(const StoredReport& report) const {
    return lookup(lookup_keys(report));
}

std::vector<std::size_t> MergeCandidates::lookup(const std::vector<MergeKey>& lookups) const {
    std::vector<std::size_t> out;
    for (const MergeKey& key : lookups) collect(key, out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace incimap
