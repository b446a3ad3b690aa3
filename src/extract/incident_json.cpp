#include "extract/incident_json.hpp"

#include <cstdint>
#include <cmath>
#include <cstdio>

#include "extract/taxonomy.hpp"

namespace incimap {

namespace {

nlohmann::json count_or_null(const Count& c) {
    return c.value ? nlohmann::json(*c.value) : nlohmann::json(nullptr);
}

nlohmann::json text_or_null(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

}  // namespace

std::string make_incident_id(const std::string& article_id, std::size_t evidence_offset,
                             const std::string& event_type) {
    // FNV-1a, 64 bit: the same input gives the same id on every platform and run.
    std::uint64_t h = 1469598103934665603ULL;
    auto feed = [&](std::string_view s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        h ^= 0xff;
        h *= 1099511628211ULL;
    };
    feed(article_id);
    feed(std::to_string(evidence_offset));
    feed(event_type);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

nlohmann::json incident_to_json(const Incident& in) {
    const Count& k = in.casualties.killed;
    const bool has_place = in.where.place.has_value();
    const EventType* type = event_type(in.event_type);
    nlohmann::json j;
    j["incident_id"] = in.incident_id;
    j["article_id"] = in.article_id;
    j["role"] = std::string(to_string(in.role));
    j["event_type"] = in.event_type;
    j["sub_event_type"] = in.sub_event_type;
    j["acled_event_type"] = type ? nlohmann::json(std::string(type->acled_event_type)) : nlohmann::json(nullptr);
    j["event_date"] = in.event_date ? nlohmann::json(in.event_date->iso()) : nlohmann::json(nullptr);
    j["date_precision"] = std::string(to_string(in.date_precision));
    j["killed"] = count_or_null(k);
    j["injured"] = count_or_null(in.casualties.injured);
    j["captured"] = count_or_null(in.casualties.captured);
    const bool killed_said = k.value.has_value() || k.high > 0;
    j["killed_low"] = killed_said ? nlohmann::json(k.low) : nlohmann::json(nullptr);
    j["killed_high"] = killed_said ? nlohmann::json(k.high) : nlohmann::json(nullptr);
    j["actor"] = text_or_null(in.actor);
    j["victims"] = text_or_null(in.victims);
    j["place_text"] = text_or_null(in.where.text);
    j["place_name"] = has_place ? nlohmann::json(in.where.place->name) : nlohmann::json(nullptr);
    j["place_id"] = has_place ? nlohmann::json(in.where.place->id) : nlohmann::json(nullptr);
    j["geo_precision"] = has_place ? nlohmann::json(in.where.geo_precision) : nlohmann::json(nullptr);
    j["country_code"] = text_or_null(in.where.country_code);
    j["admin1_name"] = text_or_null(in.where.admin.admin1_name);
    j["admin1_pcode"] = text_or_null(in.where.admin.admin1_pcode);
    j["admin2_name"] = text_or_null(in.where.admin.admin2_name);
    j["admin2_pcode"] = text_or_null(in.where.admin.admin2_pcode);
    j["evidence"] = in.evidence;
    j["confidence"] = std::round(in.confidence * 100) / 100;
    return j;
}

}  // namespace incimap
