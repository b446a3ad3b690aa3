#include "store/incident_columns.hpp"

#include <optional>

namespace incimap {
namespace {

const char* const column_names[] = {
    "incident_id", "article_id", "role", "event_type", "sub_event_type", "event_date",
    "date_precision",
    "killed", "killed_low", "killed_high", "killed_vague",
    "injured", "injured_low", "injured_high", "injured_vague",
    "captured", "captured_low", "captured_high", "captured_vague",
    "actor", "victims", "place_text",
    "place_id", "place_name", "place_name_ar", "place_type", "place_country", "place_lon",
    "place_lat", "place_precision_km", "place_source", "place_admin1_name",
    "place_admin1_pcode", "place_admin2_name", "place_admin2_pcode",
    "lon", "lat", "geo_precision", "country", "admin1_name", "admin1_pcode", "admin2_name",
    "admin2_pcode", "evidence", "evidence_offset", "confidence"};

DatePrecision parse_precision(std::string_view text) {
    for (DatePrecision p : {DatePrecision::day, DatePrecision::week, DatePrecision::month,
                            DatePrecision::year})
        if (to_string(p) == text) return p;
    return DatePrecision::unknown;
}

// Binds text, or NULL for an empty string: the layers show empty fields as null.
void bind_text(Statement& s, int i, const std::string& text) {
    if (text.empty())
        s.bind_null(i);
    else
        s.bind(i, text);
}

std::string text_at(const Statement& s, int i) { return s.is_null(i) ? std::string() : s.text(i); }

int bind_count(Statement& s, int i, const Count& c) {
    if (c.value)
        s.bind(i, *c.value);
    else
        s.bind_null(i);
    s.bind(i + 1, c.low);
    s.bind(i + 2, c.high);
    s.bind(i + 3, c.vague ? 1 : 0);
    return i + 4;
}

Count read_count(const Statement& s, int i) {
    Count c;
    if (!s.is_null(i)) c.value = static_cast<int>(s.int64(i));
    c.low = static_cast<int>(s.int64(i + 1));
    c.high = static_cast<int>(s.int64(i + 2));
    c.vague = s.int64(i + 3) != 0;
    return c;
}

int bind_admin(Statement& s, int i, const AdminUnits& a) {
    bind_text(s, i, a.admin1_name);
    bind_text(s, i + 1, a.admin1_pcode);
    bind_text(s, i + 2, a.admin2_name);
    bind_text(s, i + 3, a.admin2_pcode);
    return i + 4;
}

AdminUnits read_admin(const Statement& s, int i) {
    return AdminUnits{text_at(s, i), text_at(s, i + 1), text_at(s, i + 2), text_at(s, i + 3)};
}

int bind_place(Statement& s, int i, const std::optional<Place>& place) {
    if (!place) {
        for (int k = 0; k < 13; ++k) s.bind_null(i + k);
        return i + 13;
    }
    s.bind(i, place->id);
    bind_text(s, i + 1, place->name);
    bind_text(s, i + 2, place->name_ar);
    bind_text(s, i + 3, place->feature_type);
    bind_text(s, i + 4, place->country_code);
    s.bind(i + 5, place->point.lon);
    s.bind(i + 6, place->point.lat);
    s.bind(i + 7, place->precision_km);
    bind_text(s, i + 8, place->source);
    return bind_admin(s, i + 9, place->admin);
}

std::optional<Place> read_place(const Statement& s, int i) {
    if (s.is_null(i)) return std::nullopt;
    Place p;
    p.id = s.int64(i);
    p.name = text_at(s, i + 1);
    p.name_ar = text_at(s, i + 2);
    p.feature_type = text_at(s, i + 3);
    p.country_code = text_at(s, i + 4);
    p.point = {s.real(i + 5), s.real(i + 6)};
    p.precision_km = s.real(i + 7);
    p.source = text_at(s, i + 8);
    p.admin = read_admin(s, i + 9);
    return p;
}

}  // namespace

const std::vector<std::string>& incident_column_names() {
    static const std::vector<std::string> names(std::begin(column_names), std::end(column_names));
    return names;
}

std::string incident_column_list(const std::string& prefix) {
    std::string out;
    for (const auto& name : incident_column_names())
        out += (out.empty() ? "" : ", ") + prefix + name;
    return out;
}

std::string incident_placeholders() {
    std::string out;
    for (std::size_t i = 0; i < incident_column_names().size(); ++i) out += i ? ", ?" : "?";
    return out;
}

int bind_incident(Statement& s, int i, const Incident& in) {
    s.bind(i++, in.incident_id);
    s.bind(i++, in.article_id);
    s.bind(i++, to_string(in.role));
    s.bind(i++, in.event_type);
    bind_text(s, i++, in.sub_event_type);
    if (in.event_date)
        s.bind(i++, in.event_date->iso());
    else
        s.bind_null(i++);
    s.bind(i++, to_string(in.date_precision));
    i = bind_count(s, i, in.casualties.killed);
    i = bind_count(s, i, in.casualties.injured);
    i = bind_count(s, i, in.casualties.captured);
    bind_text(s, i++, in.actor);
    bind_text(s, i++, in.victims);
    bind_text(s, i++, in.where.text);
    i = bind_place(s, i, in.where.place);
    s.bind(i++, in.where.point.lon);
    s.bind(i++, in.where.point.lat);
    s.bind(i++, in.where.geo_precision);
    bind_text(s, i++, in.where.country_code);
    i = bind_admin(s, i, in.where.admin);
    s.bind(i++, in.evidence);
    s.bind(i++, static_cast<std::int64_t>(in.evidence_offset));
    s.bind(i++, in.confidence);
    return i;
}

Incident read_incident(const Statement& s, int i) {
    Incident in;
    in.incident_id = s.text(i++);
    in.article_id = s.text(i++);
    in.role = s.text(i++) == "background" ? IncidentRole::background : IncidentRole::current;
    in.event_type = text_at(s, i++);
    in.sub_event_type = text_at(s, i++);
    if (!s.is_null(i)) in.event_date = Date::parse_iso(s.text_view(i));
    ++i;
    in.date_precision = parse_precision(text_at(s, i++));
    in.casualties.killed = read_count(s, i);
    in.casualties.injured = read_count(s, i + 4);
    in.casualties.captured = read_count(s, i + 8);
    i += 12;
    in.actor = text_at(s, i++);
    in.victims = text_at(s, i++);
    in.where.text = text_at(s, i++);
    in.where.place = read_place(s, i);
    i += 13;
    in.where.point = {s.real(i), s.real(i + 1)};
    i += 2;
    in.where.geo_precision = static_cast<int>(s.int64(i++));
    in.where.country_code = text_at(s, i++);
    in.where.admin = read_admin(s, i);
    i += 4;
    in.evidence = text_at(s, i++);
    in.evidence_offset = static_cast<std::size_t>(s.int64(i++));
    in.confidence = s.real(i++);
    return in;
}

}  // namespace incimap
