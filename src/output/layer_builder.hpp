#pragma once
// From incidents to the tables of every output layer (no I/O): incidents, governorates,
// governorate_points, districts, places, articles.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/incident.hpp"
#include "output/admin_polygons.hpp"
#include "output/incident_filter.hpp"
#include "output/layer_table.hpp"
#include "output/weight_expression.hpp"

namespace incimap {

// A resolved place and how often articles name it (the resolver's mention count).
struct PlaceMentions {
    Place place;
    int mentions = 0;
};

// What the layers are made of. Articles and mentions may be empty: articles then come
// only from incident article ids, and a place's mentions count its incidents' references.
struct LayerInput {
    const std::vector<Incident>& incidents;
    const std::vector<Article>& articles;
    const std::vector<PlaceMentions>& mentions;
};

// The same read one at a time (a run's store), so that no layer needs every incident held.
struct LayerSources {
    Sequence<Incident> incidents;
    Sequence<Article> articles;
    const std::vector<PlaceMentions>& mentions;
};

// Totals of the incidents inside one admin unit.
struct AdminTotals {
    std::int64_t incidents = 0;
    std::int64_t killed = 0;  // sums of the best estimates
    std::int64_t injured = 0;
    CountSum killed_range;  // sums of the ranges, as the briefing adds them
    CountSum injured_range;
    // Incidents placed only at governorate level: counted in their governorate, in no district.
    std::int64_t governorate_level = 0;
    std::optional<Date> first_date;
    std::optional<Date> last_date;
    // Casualty-weighted sums of positions, for governorate_points.
    double weight_sum = 0;
    double lon_sum = 0;
    double lat_sum = 0;
    double plain_lon_sum = 0;  // unweighted, used when no incident has casualties
    double plain_lat_sum = 0;

    void add(const Incident& incident);
    std::int64_t casualties() const { return killed + injured; }
    // The casualty-weighted mean position; the plain mean when every weight is zero.
    LonLat mean_position() const;
};

class LayerBuilder {
public:
    LayerBuilder(IncidentFilter filter, WeightExpression weight, AdminPolygons admin);

    // Every layer, in writing order. Polygon layers are left out when no admin polygons
    // were given.
    std::vector<LayerTable> build(const LayerInput& input) const;
    // The same layers with the rows of incidents and articles made from `input` each time
    // they are written; one pass over the incidents adds up the other layers, which are
    // held (a few thousand rows), as are the ids of the articles of the selected incidents.
    // The streams use this builder and `input`'s sequences: both must outlive them.
    std::vector<LayerStream> stream(const LayerSources& input) const;

    std::vector<const Incident*> selected(const std::vector<Incident>& incidents) const;
    LayerTable incidents_table(const std::vector<const Incident*>& incidents) const;
    LayerTable governorates_table(const std::vector<const Incident*>& incidents) const;
    LayerTable governorate_points_table(const std::vector<const Incident*>& incidents) const;
    LayerTable districts_table(const std::vector<const Incident*>& incidents) const;
    LayerTable places_table(const std::vector<const Incident*>& incidents,
                            const std::vector<PlaceMentions>& mentions) const;
    LayerTable articles_table(const std::vector<const Incident*>& incidents,
                              const std::vector<Article>& articles) const;

private:
    using TotalsByPcode = std::map<std::string, AdminTotals>;
    struct PlaceCount {
        Place place;
        long incidents = 0;
        long mentions = 0;
        long casualties = 0;
    };
    using PlaceCounts = std::map<std::int64_t, PlaceCount>;

    bool chosen(const Incident& incident) const;  // written: located and matching the filter
    // admin1 (level 1) or admin2 (level 2) P-code of an incident: its own, else by
    // point-in-polygon of its point.
    std::string pcode_of(const Incident& incident, int level) const;
    void add_to_totals(TotalsByPcode& totals, const Incident& incident, int level) const;
    // Totals per P-code of the given admin level (1 governorate, 2 district).
    TotalsByPcode totals_by_admin(const std::vector<const Incident*>& incidents, int level) const;
    LayerTable incidents_definition() const;
    Row incident_row(const Incident& incident) const;
    LayerTable governorates_of(const TotalsByPcode& totals) const;
    LayerTable governorate_points_of(const TotalsByPcode& totals) const;
    LayerTable districts_of(const TotalsByPcode& totals) const;
    PlaceCounts places_mentioned(const std::vector<PlaceMentions>& mentions) const;
    // Counts the incident at its place (and as a mention there when `as_mention`).
    static void count_at_place(PlaceCounts& places, const Incident& incident, bool as_mention);
    LayerTable places_of(const PlaceCounts& places) const;

    IncidentFilter filter_;
    WeightExpression weight_;
    AdminPolygons admin_;
};

}  // namespace incimap
