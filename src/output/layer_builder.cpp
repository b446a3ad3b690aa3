#include "output/layer_builder.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <utility>

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

// How many selected incidents each article has, by article id in id order (as a std::map
// would hold them, at a fraction of its memory for a million articles).
using ArticleCounts = std::vector<std::pair<std::string, long>>;

// Gathers the counts one incident at a time. The incidents of one article mostly come one
// after another: each run of them is one entry until counts() adds the runs up.
class ArticleTally {
public:
    void add(const std::string& article_id) {
        if (runs_.empty() || runs_.back().first != article_id) runs_.emplace_back(article_id, 0);
        ++runs_.back().second;
    }
    ArticleCounts counts() && {
        std::sort(runs_.begin(), runs_.end());
        ArticleCounts counts;
        for (auto& [id, n] : runs_) {
            if (counts.empty() || counts.back().first != id) counts.emplace_back(std::move(id), 0);
            counts.back().second += n;
        }
        runs_.clear();
        return counts;
    }

private:
    ArticleCounts runs_;
};

LayerTable articles_definition() {
    LayerTable t;
    t.name = "articles";
    t.title = "Source articles";
    t.abstract = "The news articles the mapped incidents come from (join on article_id).";
    t.geometry = GeometryKind::none;
    t.key_field = "article_id";
    t.fields = {{"article_id", FieldType::string}, {"title", FieldType::string},
                {"published", FieldType::date},    {"source", FieldType::string},
                {"url", FieldType::string},        {"incidents", FieldType::integer}};
    return t;
}

// The rows of the articles layer: each article with incidents once, in the order given,
// then the article ids of incidents whose article was not given, with only their id.
void article_rows(const ArticleCounts& counts, const Sequence<Article>& articles,
                  const std::function<void(const Row&)>& visit) {
    std::vector<bool> written(counts.size());
    auto add = [&](const Article& a) {
        const auto count = std::lower_bound(
            counts.begin(), counts.end(), a.id,
            [](const std::pair<std::string, long>& c, const std::string& id) { return c.first < id; });
        if (count == counts.end() || count->first != a.id) return;
        const auto at = static_cast<std::size_t>(count - counts.begin());
        if (written[at]) return;
        written[at] = true;
        Row row;
        row.values = {a.id, a.title, date_or_null(a.published), a.source, a.url,
                      static_cast<long long>(count->second)};
        visit(row);
    };
    articles(add);
    for (const auto& [id, count] : counts) {
        Article bare;
        bare.id = id;
        add(bare);
    }
}

LayerTable held(const LayerStream& layer) {
    LayerTable table = layer.table;
    layer.rows([&](const Row& row) { table.rows.push_back(row); });
    return table;
}

LayerStream held_stream(LayerTable table) {
    auto rows = std::make_shared<const std::vector<Row>>(std::move(table.rows));
    table.rows.clear();
    return {std::move(table), [rows](const std::function<void(const Row&)>& visit) {
                for (const Row& row : *rows) visit(row);
            }};
}

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

bool LayerBuilder::chosen(const Incident& incident) const {
    return has_location(incident) && filter_.matches(incident);
}

std::vector<const Incident*> LayerBuilder::selected(const std::vector<Incident>& incidents) const {
    std::vector<const Incident*> out;
    for (const auto& incident : incidents)
        if (chosen(incident)) out.push_back(&incident);
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

void LayerBuilder::add_to_totals(TotalsByPcode& totals, const Incident& incident,
                                 int level) const {
    if (!outside_syria(incident)) totals[pcode_of(incident, level)].add(incident);
}

LayerBuilder::TotalsByPcode LayerBuilder::totals_by_admin(
    const std::vector<const Incident*>& incidents, int level) const {
    TotalsByPcode totals;
    for (const Incident* i : incidents) add_to_totals(totals, *i, level);
    return totals;
}

std::vector<LayerTable> LayerBuilder::build(const LayerInput& input) const {
    std::vector<LayerTable> layers;
    for (const LayerStream& layer : stream(
             {sequence_of(input.incidents), sequence_of(input.articles), input.mentions}))
        layers.push_back(held(layer));
    return layers;
}

std::vector<LayerStream> LayerBuilder::stream(const LayerSources& input) const {
    TotalsByPcode governorates, districts;
    PlaceCounts places = places_mentioned(input.mentions);
    ArticleTally articles_tally;
    input.incidents([&](const Incident& i) {
        if (!chosen(i)) return;
        if (!admin_.admin1.empty()) add_to_totals(governorates, i, 1);
        if (!admin_.admin2.empty()) add_to_totals(districts, i, 2);
        // Without the resolver's counts, each incident's reference is one mention.
        count_at_place(places, i, input.mentions.empty());
        articles_tally.add(i.article_id);
    });
    auto counts = std::make_shared<const ArticleCounts>(std::move(articles_tally).counts());

    std::vector<LayerStream> layers;
    const Sequence<Incident> incidents = input.incidents;
    layers.push_back({incidents_definition(), [this, incidents](const auto& visit) {
                          incidents([&](const Incident& i) {
                              if (chosen(i)) visit(incident_row(i));
                          });
                      }});
    if (!admin_.admin1.empty()) {
        layers.push_back(held_stream(governorates_of(governorates)));
        layers.push_back(held_stream(governorate_points_of(governorates)));
    }
    if (!admin_.admin2.empty()) layers.push_back(held_stream(districts_of(districts)));
    layers.push_back(held_stream(places_of(places)));
    const Sequence<Article> articles = input.articles;
    layers.push_back({articles_definition(), [counts, articles](const auto& visit) {
                          article_rows(*counts, articles, visit);
                      }});
    return layers;
}

LayerTable LayerBuilder::incidents_definition() const {
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
    return t;
}

Row LayerBuilder::incident_row(const Incident& i) const {
    const Casualties& c = i.casualties;
    const AdminUnits admin = admin_of(i);
    const auto killed = range_of(c.killed);
    const auto injured = range_of(c.injured);
    Row row;
    // docs/schema.md: an event in another country keeps its country, not a point.
    if (!outside_syria(i)) row.point = i.where.point;
    row.values = {
        text(i.incident_id), text(i.article_id), text(std::string(to_string(i.role))),
        text(i.event_type), text(i.sub_event_type), date_or_null(i.event_date),
        text(std::string(to_string(i.date_precision))), optional_int(c.killed.value),
        optional_int(c.injured.value), optional_int(c.captured.value),
        killed.first, killed.second, injured.first, injured.second,
        text(i.actor), text(i.victims), text(i.where.text),
        i.where.place ? text(i.where.place->name) : FieldValue{},
        i.where.place ? FieldValue{static_cast<long long>(i.where.place->id)} : FieldValue{},
        i.where.place ? text(i.where.place->feature_type) : FieldValue{},
        static_cast<long long>(i.where.geo_precision), text_or_null(i.where.country_code),
        text_or_null(admin.admin1_name), text_or_null(admin.admin1_pcode),
        text_or_null(admin.admin2_name), text_or_null(admin.admin2_pcode),
        text(i.evidence), i.confidence,
        static_cast<long long>(casualties_of(i)), weight_.evaluate(i)};
    return row;
}

LayerTable LayerBuilder::incidents_table(const std::vector<const Incident*>& incidents) const {
    LayerTable t = incidents_definition();
    for (const Incident* i : incidents) t.rows.push_back(incident_row(*i));
    return t;
}

LayerTable LayerBuilder::governorates_table(const std::vector<const Incident*>& incidents) const {
    return governorates_of(totals_by_admin(incidents, 1));
}

LayerTable LayerBuilder::governorate_points_table(
    const std::vector<const Incident*>& incidents) const {
    return governorate_points_of(totals_by_admin(incidents, 1));
}

LayerTable LayerBuilder::districts_table(const std::vector<const Incident*>& incidents) const {
    return districts_of(totals_by_admin(incidents, 2));
}

LayerTable LayerBuilder::places_table(const std::vector<const Incident*>& incidents,
                                      const std::vector<PlaceMentions>& mentions) const {
    PlaceCounts places = places_mentioned(mentions);
    for (const Incident* i : incidents) count_at_place(places, *i, mentions.empty());
    return places_of(places);
}

LayerTable LayerBuilder::articles_table(const std::vector<const Incident*>& incidents,
                                        const std::vector<Article>& articles) const {
    ArticleTally tally;
    for (const Incident* i : incidents) tally.add(i->article_id);
    LayerTable t = articles_definition();
    article_rows(std::move(tally).counts(), sequence_of(articles),
                 [&](const Row& row) { t.rows.push_back(row); });
    return t;
}

LayerTable LayerBuilder::governorates_of(const TotalsByPcode& totals) const {
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
        const auto found = totals.find(polygon.pcode);
        append_totals(row.values, found == totals.end() ? AdminTotals{} : found->second);
        t.rows.push_back(std::move(row));
    }
    return t;
}

LayerTable LayerBuilder::governorate_points_of(const TotalsByPcode& totals) const {
    LayerTable t = governorates_of({});  // same fields, no polygons
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

LayerTable LayerBuilder::districts_of(const TotalsByPcode& totals) const {
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
        const auto found = totals.find(polygon.pcode);
        append_totals(row.values, found == totals.end() ? AdminTotals{} : found->second);
        t.rows.push_back(std::move(row));
    }
    return t;
}

LayerBuilder::PlaceCounts LayerBuilder::places_mentioned(
    const std::vector<PlaceMentions>& mentions) const {
    PlaceCounts places;
    for (const auto& m : mentions) {
        IncidentFilter place_filter;  // only the governorate filter applies to a place
        place_filter.governorate = filter_.governorate;
        Incident probe;
        probe.where.place = m.place;
        if (!place_filter.matches(probe)) continue;
        auto& place = places[m.place.id];
        place.place = m.place;
        place.mentions += m.mentions;
    }
    return places;
}

void LayerBuilder::count_at_place(PlaceCounts& places, const Incident& incident,
                                  bool as_mention) {
    if (!incident.where.place) return;
    auto& place = places[incident.where.place->id];
    place.place = *incident.where.place;
    ++place.incidents;
    place.casualties += casualties_of(incident);
    if (as_mention) ++place.mentions;
}

LayerTable LayerBuilder::places_of(const PlaceCounts& places) const {
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
    for (const auto& [id, r] : places) {
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

}  // namespace incimap
