#pragma once
// The output contract of docs/schema.md: one flat JSON object per incident, with exactly the
// property names of incidents.geojson. `incimap extract --json` prints these objects with the
// point added as "lon"/"lat"; the GeoJSON writer puts them under "properties".
#include <nlohmann/json.hpp>

#include "core/incident.hpp"

namespace incimap {

nlohmann::json incident_to_json(const Incident& incident);

// A stable id: 16 hex digits of FNV-1a over article id, evidence offset and event type.
std::string make_incident_id(const std::string& article_id, std::size_t evidence_offset,
                             const std::string& event_type);

}  // namespace incimap
