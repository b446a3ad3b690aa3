#pragma once
// Which incidents go on the map: `--from --to --governorate --role --min-precision`.
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/incident.hpp"

namespace incimap {

enum class RoleFilter { current, background, all };

struct IncidentFilter {
    std::optional<Date> from;          // inclusive; incidents without a date are dropped
    std::optional<Date> to;            // inclusive; when either bound is given
    std::string governorate;           // P-code or name (governorate_matches); empty = all
    // The default: background incidents are recalled from earlier reports and would be
    // counted again each time an article recalls them.
    RoleFilter role = RoleFilter::current;
    // Keep incidents whose geo_precision is at least this good: 1 keeps named places only,
    // 2 adds "near X", 3 (the default) keeps governorate-level incidents too.
    int min_precision = 3;

    bool matches(const Incident& incident) const;
    // True when the filter leaves out incidents the default one (current role, any date,
    // place and precision) keeps: such a selection is no full picture of its articles.
    bool narrows() const;
};

// The OCHA admin units of an incident: those of its point, else of its resolved place;
// empty when neither is known, and always empty outside Syria. A governorate-level incident
// has no district (docs/figures.md).
AdminUnits admin_of(const Incident& incident);

// True when the incident was placed somewhere (a resolved place or a point): only such
// incidents are on the map, in the layers and the heatmap.
bool has_location(const Incident& incident);

// True when the incident is placed only to its governorate or a wide region (geo_precision 3).
bool governorate_level(const Incident& incident);

// True for an event in another country (its country code, else its place's, is known and
// not SY). Such an incident has no Syrian admin unit, no point on a Syrian map and counts
// in no Syrian total (docs/schema.md).
bool outside_syria(const Incident& incident);

// True when `wanted` names this governorate: its P-code (any case) or its name, ignoring case,
// punctuation and a leading article ("Deir-ez-Zor" = "deir ez zor", "Ar-Raqqa" = "Raqqa").
bool governorate_matches(std::string_view wanted, std::string_view pcode, std::string_view name);

// "current", "background", "all"; throws incimap::Error for anything else.
RoleFilter parse_role_filter(const std::string& text);

}  // namespace incimap
