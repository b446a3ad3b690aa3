#include "output/incident_reader.hpp"

#include "core/error.hpp"
#include "geo/gdal_error.hpp"

namespace incimap {
namespace {

// Field lookups by name, tolerant of missing fields: a file from an older run, or written
// by another tool, still reads.
class FieldReader {
public:
    FieldReader(OGRFeature& feature) : feature_(feature) {}

    std::string text(const char* name) const {
        const int i = index(name);
        return i >= 0 && feature_.IsFieldSetAndNotNull(i) ? feature_.GetFieldAsString(i)
                                                          : std::string{};
    }
    std::optional<long long> integer(const char* name) const {
        const int i = index(name);
        if (i < 0 || !feature_.IsFieldSetAndNotNull(i)) return std::nullopt;
        return feature_.GetFieldAsInteger64(i);
    }
    double real(const char* name) const {
        const int i = index(name);
        return i >= 0 && feature_.IsFieldSetAndNotNull(i) ? feature_.GetFieldAsDouble(i) : 0.0;
    }
    std::optional<Date> date(const char* name) const {
        const int i = index(name);
        if (i < 0 || !feature_.IsFieldSetAndNotNull(i)) return std::nullopt;
        const OGRFieldType type = feature_.GetFieldDefnRef(i)->GetType();
        if (type == OFTDate || type == OFTDateTime) {
            int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
            float ss = 0;
            if (!feature_.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz)) return std::nullopt;
            Date date{y, m, d};
            return date.valid() ? std::optional<Date>{date} : std::nullopt;
        }
        std::string s = feature_.GetFieldAsString(i);
        for (char& c : s)
            if (c == '/') c = '-';  // GDAL's own text form of dates is YYYY/MM/DD
        return Date::parse_iso(s.substr(0, 10));
    }

private:
    int index(const char* name) const { return feature_.GetFieldIndex(name); }
    OGRFeature& feature_;
};

DatePrecision parse_precision(const std::string& s) {
    for (DatePrecision p : {DatePrecision::day, DatePrecision::week, DatePrecision::month,
                            DatePrecision::year})
        if (s == to_string(p)) return p;
    return DatePrecision::unknown;
}

Count read_count(const FieldReader& f, const char* name, const char* low, const char* high) {
    Count count;
    count.value = f.integer(name);
    if (count.value) count.low = count.high = static_cast<int>(*count.value);
    if (low && f.integer(low)) count.low = static_cast<int>(*f.integer(low));
    if (high && f.integer(high)) count.high = static_cast<int>(*f.integer(high));
    count.vague = count.low != count.high;
    return count;
}

Incident read_incident(OGRFeature& feature) {
    const FieldReader f{feature};
    Incident i;
    i.incident_id = f.text("incident_id");
    i.article_id = f.text("article_id");
    i.role = f.text("role") == "background" ? IncidentRole::background : IncidentRole::current;
    i.event_type = f.text("event_type");
    i.sub_event_type = f.text("sub_event_type");
    i.event_date = f.date("event_date");
    i.date_precision = parse_precision(f.text("date_precision"));
    i.casualties.killed = read_count(f, "killed", "killed_low", "killed_high");
    i.casualties.injured = read_count(f, "injured", "injured_low", "injured_high");
    i.casualties.captured = read_count(f, "captured", nullptr, nullptr);
    i.actor = f.text("actor");
    i.victims = f.text("victims");
    i.evidence = f.text("evidence");
    i.confidence = f.real("confidence");
    i.where.text = f.text("place_text");
    i.where.geo_precision = static_cast<int>(f.integer("geo_precision").value_or(3));
    i.where.country_code = f.text("country_code");
    if (const OGRGeometry* g = feature.GetGeometryRef();
        g && wkbFlatten(g->getGeometryType()) == wkbPoint) {
        const auto* point = g->toPoint();
        i.where.point = {point->getX(), point->getY()};
    }
    i.where.admin = {f.text("admin1_name"), f.text("admin1_pcode"), f.text("admin2_name"),
                     f.text("admin2_pcode")};
    const auto place_id = f.integer("place_id");
    const std::string place_name = f.text("place_name");
    if (place_id || !place_name.empty()) {
        Place place;
        place.id = place_id.value_or(0);
        place.name = place_name;
        place.feature_type = f.text("place_type");
        place.country_code = i.where.country_code;
        // The layer keeps the incident's point only; for offsets ("20 km east of X") the
        // place itself lies elsewhere, which only the places layer would show.
        place.point = i.where.point;
        place.admin = {f.text("admin1_name"), f.text("admin1_pcode"), f.text("admin2_name"),
                       f.text("admin2_pcode")};
        i.where.place = place;
    }
    return i;
}

// DIR/name.geojson, else the layer `name` of DIR/incidents.gpkg; empty when neither.
std::string locate(const std::filesystem::path& dir, const std::string& name) {
    if (std::filesystem::exists(dir / (name + ".geojson"))) return (dir / (name + ".geojson")).string();
    if (std::filesystem::exists(dir / "incidents.gpkg")) return (dir / "incidents.gpkg").string();
    return {};
}

}  // namespace

std::vector<Incident> read_incidents(OGRLayer& layer) {
    std::vector<Incident> out;
    layer.ResetReading();
    for (auto& feature : layer) out.push_back(read_incident(*feature));
    return out;
}

std::vector<Incident> read_incidents(const std::filesystem::path& source) {
    std::string path = source.string();
    if (std::filesystem::is_directory(source)) {
        path = locate(source, "incidents");
        if (path.empty())
            throw Error("no incidents.geojson or incidents.gpkg in this run directory",
                        source.string());
    }
    GdalDataset dataset = GdalDataset::open_vector(path);
    OGRLayer* layer = dataset.find_layer("incidents");
    if (!layer && dataset.get().GetLayerCount() == 1) layer = dataset.get().GetLayer(0);
    if (!layer) throw Error("no layer named incidents", path);
    return read_incidents(*layer);
}

std::vector<Article> read_articles(OGRLayer& layer) {
    std::vector<Article> out;
    layer.ResetReading();
    for (auto& feature : layer) {
        const FieldReader f{*feature};
        Article a;
        a.id = f.text("article_id");
        a.title = f.text("title");
        a.published = f.date("published");
        a.source = f.text("source");
        a.url = f.text("url");
        a.origin = layer.GetName();
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<Article> read_articles(const std::filesystem::path& run_dir) {
    const std::string path = locate(run_dir, "articles");
    if (path.empty()) return {};
    GdalDataset dataset = GdalDataset::open_vector(path);
    OGRLayer* layer = dataset.find_layer("articles");
    if (!layer && dataset.get().GetLayerCount() == 1 && path.ends_with(".geojson"))
        layer = dataset.get().GetLayer(0);
    return layer ? read_articles(*layer) : std::vector<Article>{};
}

}  // namespace incimap
