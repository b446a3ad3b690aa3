#pragma once
// Small invented reports and a temporary directory for the store tests.
#include <filesystem>
#include <string>

#include "core/article.hpp"
#include "core/incident.hpp"
#include "temp_dir.hpp"

namespace incimap::test {

inline Article make_article(const std::string& id, const std::string& text,
                            const std::string& published = "2023-03-10") {
    Article a;
    a.id = id;
    a.title = "Title of " + id;
    a.text = text;
    a.published = Date::parse_iso(published);
    a.source = "Example Outlet";
    a.url = "https://example.org/" + id;
    a.origin = id + ".txt";
    return a;
}

inline Incident make_report(const std::string& article_id, const std::string& type,
                            const std::string& date, std::int64_t place_id,
                            const std::string& place, LonLat point, int killed) {
    Incident in;
    in.incident_id = article_id + "-" + type;
    in.article_id = article_id;
    in.event_type = type;
    in.event_date = Date::parse_iso(date);
    in.date_precision = in.event_date ? DatePrecision::day : DatePrecision::unknown;
    if (killed >= 0) in.casualties.killed = Count::exact(killed);
    Place p;
    p.id = place_id;
    p.name = place;
    p.feature_type = "town";
    p.country_code = "SY";
    p.point = point;
    p.admin = {"Homs", "SY04", "Tadmor", "SY0403"};
    in.where.text = "near " + place;
    in.where.place = p;
    in.where.point = point;
    in.where.geo_precision = 2;
    in.where.country_code = "SY";
    in.where.admin = p.admin;
    in.evidence = "An invented sentence about " + place + ".";
    in.evidence_offset = 12;
    in.confidence = 0.8;
    return in;
}

}  // namespace incimap::test
