#include "output/layer_builder.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace incimap {

int LayerTable::field_index(const std::string& field) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == field) return static_cast<int>(i);
    return -1;
}

namespace {

// Names for metadata; the abstract credits the sources of gazetteer and polygons.
constexpr const char* attribution =
    "Places: Who's On First (CC0, crediting required) and GeoNames (CC BY 4.0); "
    "administrative boundaries: UN OCHA COD-AB Syria (CC BY-IGO).";

FieldValue optional_int(const std::optional<int>& value) {
    return value ? FieldValue{static_cast<long long>(*value)} : FieldValue{};
}
FieldValue text(const std::string& value) { return value; }
// docs/schema.md: "string or null". An empty string in a layer reads as a value in QGIS and
// SQL (admin2_pcode = '' is not IS NULL) where the contract means "unknown".
FieldValue text_or_null(const std::string& value) {
    return value.empty() ? FieldValue{} : FieldValue{value};
}
FieldValue date_or_null(const std::optional<Date>& date) {
    return date ? FieldValue{*date} : FieldValue{};
}

// 64-bit: a sum over a large store must not clamp at 2,147,483,647 in the layers while the
// store holds the right figure. The ranges are those the briefing shows ("Killed 27-102"), so
// that each of its figures is in the layers too (docs/figures.md).
std::vector<FieldDef> totals_fields() {
    return {{"incidents", FieldType::integer64},   {"killed", FieldType::integer64},
            {"injured", FieldType::integer64},     {"casualties", FieldType::integer64},
            {"killed_low", FieldType::integer64},  {"killed_high", FieldType::integer64},
            {"injured_low", FieldType::integer64}, {"injured_high", FieldType::integer64},
            {"governorate_level", FieldType::integer64},
            {"first_date", FieldType::date},       {"last_date", FieldType::date}};
}

void append_totals(std::vector<FieldValue>& values, const AdminTotals& totals) {
    values.emplace_back(static_cast<long long>(totals.incidents));
    values.emplace_back(static_cast<long long>(totals.killed));
    values.emplace_back(static_cast<long long>(totals.injured));
    values.emplace_back(static_cast<long long>(totals.casualties()));
    values.emplace_back(totals.killed_range.low);
    values.emplace_back(totals.killed_range.high);
    values.emplace_back(totals.injured_range.low);
    values.emplace_back(totals.injured_range.high);
    values.emplace_back(static_cast<long long>(totals.governorate_level));
    values.push_back(date_or_null(totals.first_date));
    values.push_back(date_or_null(totals.last_date));
}

// The bounds of one count, added up as the totals and the briefing add them; null when the
// text gives no figure.
std::pair<FieldValue, FieldValue> range_of(const Count& count) {
    if (!count.value) return {};
    CountSum one;
    one.add(count);
    return {one.low, one.high};
}

std::string abstract_with(std::string what) { return what + " " + attribution; }

}  // namespace

void AdminTotals::add(const Incident& incident) {
    ++incidents;
    killed += incident.casualties.killed.value.value_or(0);
    injured += incident.casualties.injured.value.value_or(0);
    killed_range.add(incident.casualties.killed);
    injured_range.add(incident.casualties.injured);
    if (incimap::governorate_level(incident)) ++governorate_level;
    if (incident.event_date) {
        if (!first_date || *incident.event_date < *first_date) first_date = incident.event_date;
        if (!last_date || *incident.event_date > *last_date) last_date = incident.event_date;
    }
    const double w = casualties_of(incident);
    weight_sum += w;
    lon_sum += w * incident.where.point.lon;
    lat_sum += w * incident.where.point.lat;
    plain_lon_sum += incident.where.point.lon;
    plain_lat_sum += incident.where.point.lat;
}

LonLat AdminTotals::mean_position() const {
    // Syria spans 7 degrees: averaging lon/lat directly is within metres of a geodesic mean.
    if (weight_sum > 0) return {lon_sum / weight_sum, lat_sum / weight_sum};
    if (incidents > 0) return {plain_lon_sum / incidents, plain_lat_sum / incidents};
    return {};
}

LayerBuilder::LayerBuilder(IncidentFilter filter, WeightExpression weight, AdminPolygons admin)
    : filter_(std::move(filter)), weight_(std::move(weight)), admin_(std::move(admin)) {}

std::vector<const Incident*> LayerBuilder::selected(const std::vector<Incident>& incidents) const {
    std::vector<const Incident*> out;
    for (const auto& incident : incidents)
        if (has_location(incident) && filter_.matches(incident)) out.push_back(&incident);
    return out;
}

std::string LayerBuilder::pcode_of(const Incident& incident, int level) const {
    if (outside_syria(incident)) return {};  // not even by point in polygon
    if (level == 2 && governorate_level(incident)) return {};  // in no district (admin_of)
    const AdminUnits admin = admin_of(incident);
    const std::string& own = level == 1 ? admin.admin1_pcode : admin.admin2_pcode;
    if (!own.empty()) return own;
    const auto& polygons = level == 1 ? admin_.admin1 : admin_.admin2;
    return pcode_at(polygons, incident.where.point).value_or(std::string{});
}

std::map<std::string, AdminTotals> LayerBuilder::totals_by_admin(
    const std::vector<const Incident*>& incidents, int level) const {
    std::map<std::string, AdminTotals> totals;
    for (const Incident* i : incidents)
        if (!outside_syria(*i)) totals[pcode_of(*i, level)].add(*i);
    return totals;
}

std::vector<LayerTable> LayerBuilder::build(const LayerInput& input) const {
    const auto chosen = selected(input.incidents);
    std::vector<LayerTable> layers;
    layers.push_back(incidents_table(chosen));
    if (!admin_.admin1.empty()) {
        layers.push_back(governorates_table(chosen));
        layers.push_back(governorate_points_table(chosen));
    }
    if (!admin_.admin2.empty()) layers.push_back(districts_table(chosen));
    layers.push_back(places_table(chosen, input.mentions));
    layers.push_back(articles_table(chosen, input.articles));
    return layers;
}

LayerTable LayerBuilder::incidents_table(const std::vector<const Incident*>& incidents) const {
    LayerTable t;
    t.name = "incidents";
    t.title = "Incidents";
    t.abstract = abstract_with(
        "Violent incidents extracted from news articles, one point per incident, with the "
        "sentence it comes from. weight = " + weight_.text() + ".");
    t.geometry = GeometryKind::point;
    t.key_field = "incident_id";
    // The extraction contract's properties (docs/schema.md), then what the map adds.
    t.fields = {{"incident_id", FieldType::string},   {"article_id", FieldType::string},
                {"role", FieldType::string},          {"event_type", FieldType::string},
                {"sub_event_type", FieldType::string}, {"event_date", FieldType::date},
                {"date_precision", FieldType::string}, {"killed", FieldType::integer},
                {"injured", FieldType::integer},      {"captured", FieldType::integer},
                {"killed_low", FieldType::integer},   {"killed_high", FieldType::integer},
                {"injured_low", FieldType::integer},  {"injured_high", FieldType::integer},
                {"actor", FieldType::string},         {"victims", FieldType::string},
                {"place_text", FieldType::string},    {"place_name", FieldType::string},
                {"place_id", FieldType::integer64},   {"place_type", FieldType::string},
                {"geo_precision", FieldType::integer}, {"country_code", FieldType::string},
                {"admin1_name", FieldType::string},   {"admin1_pcode", FieldType::string},
                {"admin2_name", FieldType::string},   {"admin2_pcode", FieldType::string},
                {"evidence", FieldType::string},      {"confidence", FieldType::real},
                {"casualties", FieldType::integer},   {"weight", FieldType::real}};
    for (const Incident* i : incidents) {
        const Casualties& c = i->casualties;
        const AdminUnits admin = admin_of(*i);
        const auto killed = range_of(c.killed);
        const auto injured = range_of(c.injured);
        Row row;
        // docs/schema.md: an event in another country keeps its country, not a point.
        if (!outside_syria(*i)) row.point = i->where.point;
        row.values = {
            text(i->incident_id), text(i->article_id), text(std::string(to_string(i->role))),
            text(i->event_type), text(i->sub_event_type), date_or_null(i->event_date),
            text(std::string(to_string(i->date_precision))), optional_int(c.killed.value),
            optional_int(c.injured.value), optional_int(c.captured.value),
            killed.first, killed.second, injured.first, injured.second,
            text(i->actor), text(i->victims), text(i->where.text),
            i->where.place ? text(i->where.place->name) : FieldValue{},
            i->where.place ? FieldValue{static_cast<long long>(i->where.place->id)} : FieldValue{},
            i->where.place ? text(i->where.place->feature_type) : FieldValue{},
            static_cast<long long>(i->where.geo_precision), text_or_null(i->where.country_code),
            text_or_null(admin.admin1_name), text_or_null(admin.admin1_pcode),
            text_or_null(admin.admin2_name), text_or_null(admin.admin2_pcode),
            text(i->evidence), i->confidence,
            static_cast<long long>(casualties_of(*i)), weight_.evaluate(*i)};
        t.rows.push_back(std::move(row));
    }
    return t;
}

LayerTable LayerBuilder::governorates_table(const std::vector<const Incident*>& incidents) const {
    auto totals = totals_by_admin(incidents, 1);

    LayerTable t;
    t.name = "governorates";
    t.title = "Incidents by governorate";
    t.abstract = abstract_with("The 14 OCHA governorates (admin 1) with incident and casualty "
                               "totals for the selected incidents.");
    t.geometry = GeometryKind::multipolygon;
    t.key_field = "admin1_pcode";
    t.fields = {{"admin1_pcode", FieldType::string},
                {"admin1_name", FieldType::string},
                {"admin1_name_ar", FieldType::string}};
    for (auto& f : totals_fields()) t.fields.push_back(f);
    for (const auto& polygon : admin_.admin1) {
        Row row;
        row.wkb = polygon.wkb;
        row.values = {polygon.pcode, polygon.name, polygon.name_ar};
        append_totals(row.values, totals[polygon.pcode]);
        t.rows.push_back(std::move(row));
    }
    return t;
}

LayerTable LayerBuilder::governorate_points_table(
    const std::vector<const Incident*>& incidents) const {
    auto totals = totals_by_admin(incidents, 1);

    LayerTable t = governorates_table({});  // same fields, no polygons
    t.name = "governorate_points";
    t.title = "Casualty-weighted points by governorate";
    t.abstract = abstract_with("One point per governorate with incidents, at the mean position "
                               "of its incidents weighted by casualties (killed + injured); the "
                               "plain mean when none has casualties.");
    t.geometry = GeometryKind::point;
    t.rows.clear();
    for (const auto& polygon : admin_.admin1) {
        const auto found = totals.find(polygon.pcode);
        if (found == totals.end() || found->second.incidents == 0) continue;
        Row row;
        row.point = found->second.mean_position();
        row.values = {polygon.pcode, polygon.name, polygon.name_ar};
        append_totals(row.values, found->second);
        t.rows.push_back(std::move(row));
    }
    return t;
}

LayerTable LayerBuilder::districts_table(const std::vector<const Incident*>& incidents) const {
    auto totals = totals_by_admin(incidents, 2);

    LayerTable t;
    t.name = "districts";
    t.title = "Incidents by district";
    t.abstract = abstract_with("The 62 OCHA districts (admin 2) with incident and casualty "
                               "totals for the selected incidents.");
    t.geometry = GeometryKind::multipolygon;
    t.key_field = "admin2_pcode";
    t.fields = {{"admin2_pcode", FieldType::string},   {"admin2_name", FieldType::string},
                {"admin2_name_ar", FieldType::string}, {"admin1_pcode", FieldType::string},
                {"admin1_name", FieldType::string}};
    for (auto& f : totals_fields()) t.fields.push_back(f);
    for (const auto& polygon : admin_.admin2) {
        Row row;
        row.wkb = polygon.wkb;
        row.values = {polygon.pcode, polygon.name, polygon.name_ar, polygon.parent_pcode,
                      polygon.parent_name};
        append_totals(row.values, totals[polygon.pcode]);
        t.rows.push_back(std::move(row));
    }
    return t;
}

LayerTable LayerBuilder::places_table(const std::vector<const Incident*>& incidents,
                                      const std::vector<PlaceMentions>& mentions) const {
    struct PlaceRow {
        Place place;
        long incidents = 0;
        long mentions = 0;
        long casualties = 0;
    };
    std::map<std::int64_t, PlaceRow> rows;
    for (const auto& m : mentions) {
        IncidentFilter place_filter;  // only the governorate filter applies to a place
        place_filter.governorate = filter_.governorate;
        Incident probe;
        probe.where.place = m.place;
        if (!place_filter.matches(probe)) continue;
        auto& row = rows[m.place.id];
        row.place = m.place;
        row.mentions += m.mentions;
    }
    for (const Incident* i : incidents) {
        if (!i->where.place) continue;
        auto& row = rows[i->where.place->id];
        row.place = *i->where.place;
        ++row.incidents;
        row.casualties += casualties_of(*i);
        // Without the resolver's counts, each incident's reference is one mention.
        if (mentions.empty()) ++row.mentions;
    }

    LayerTable t;
    t.name = "places";
    t.title = "Places named in the articles";
    t.abstract = abstract_with("Every resolved place with the number of incidents located at "
                               "it and the number of times articles name it.");
    t.geometry = GeometryKind::point;
    t.key_field = "place_id";
    t.fields = {{"place_id", FieldType::integer64}, {"name", FieldType::string},
                {"name_ar", FieldType::string},     {"feature_type", FieldType::string},
                {"admin1_pcode", FieldType::string}, {"admin1_name", FieldType::string},
                {"incidents", FieldType::integer},  {"mentions", FieldType::integer},
                {"casualties", FieldType::integer64}};
    for (const auto& [id, r] : rows) {
        // A place across the border is in no Syrian governorate, whatever an older
        // gazetteer said.
        const bool syrian = r.place.country_code.empty() || r.place.country_code == "SY";
        Row row;
        row.point = r.place.point;
        row.values = {static_cast<long long>(id), r.place.name, r.place.name_ar,
                      r.place.feature_type,
                      syrian ? text_or_null(r.place.admin.admin1_pcode) : FieldValue{},
                      syrian ? text_or_null(r.place.admin.admin1_name) : FieldValue{},
                      static_cast<long long>(r.incidents), static_cast<long long>(r.mentions),
                      static_cast<long long>(r.casualties)};
        t.rows.push_back(std::move(row));
    }
    return t;
}

LayerTable LayerBuilder::articles_table(const std::vector<const Incident*>& incidents,
                                        const std::vector<Article>& articles) const {
    std::map<std::string, long> counts;
    for (const Incident* i : incidents) ++counts[i->article_id];

    LayerTable t;
    t.name = "articles";
    t.title = "Source articles";
    t.abstract = "The news articles the mapped incidents come from (join on article_id).";
    t.geometry = GeometryKind::none;
    t.key_field = "article_id";
    t.fields = {{"article_id", FieldType::string}, {"title", FieldType::string},
                {"published", FieldType::date},    {"source", FieldType::string},
                {"url", FieldType::string},        {"incidents", FieldType::integer}};
    std::set<std::string> written;
    auto add = [&](const Article& a) {
        const auto count = counts.find(a.id);
        if (count == counts.end() || !written.insert(a.id).second) return;
        Row row;
        row.values = {a.id, a.title, date_or_null(a.published), a.source, a.url,
                      static_cast<long long>(count->second)};
        t.rows.push_back(std::move(row));
    };
    for (const auto& a : articles) add(a);
    // Incidents whose article was not given still link to a row, with only its id.
    for (const auto& [id, count] : counts) {
        Article bare;
        bare.id = id;
        add(bare);
    }
    return t;
}

}  // namespace incimap
