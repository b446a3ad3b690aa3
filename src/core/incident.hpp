#pragma once
// The extraction contract (docs/schema.md): every field here is a property of
// incidents.geojson and of `incimap extract --json`.
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/place.hpp"

namespace incimap {

// A count as reported: exact when low == high; vague words ("dozens") give a range.
struct Count {
    std::optional<int> value;  // best estimate; nullopt when the text gives none
    int low = 0;
    int high = 0;
    bool vague = false;
    static Count exact(int n) { return Count{n, n, n, false}; }
};

// A sum of counts that keeps the vagueness of its parts: "dozens killed" plus "3 killed" is
// 27-102, never a single made-up figure. The one rule by which the layers (killed_low,
// killed_high, ... and the admin totals) and the briefing add counts up (docs/figures.md).
struct CountSum {
    long long low = 0;
    long long high = 0;
    void add(const Count& count);
    bool ranged() const { return low != high; }
};

struct Casualties {
    Count killed;
    Count injured;
    Count captured;
};

enum class IncidentRole { current, background };
std::string_view to_string(IncidentRole r);

// ACLED-like geo-precision: 1 the named town or village, 2 near / part of / offset from it,
// 3 governorate or region only.
struct PlaceRef {
    std::string text;          // as written ("al-Tayba area in al-Sukhna")
    std::optional<Place> place;
    LonLat point;              // may differ from place->point for "20 km east of X"
    int geo_precision = 3;
    std::string country_code;  // "SY", or the other country for events outside Syria
    AdminUnits admin;          // OCHA units of `point` (admin2 empty at geo_precision 3)
};

struct Incident {
    std::string incident_id;   // stable: hash of article id + sentence offset + event type
    std::string article_id;
    IncidentRole role = IncidentRole::current;
    std::string event_type;    // taxonomy code, docs/taxonomy.md
    std::string sub_event_type;
    std::optional<Date> event_date;
    DatePrecision date_precision = DatePrecision::unknown;
    Casualties casualties;
    std::string actor;
    std::string victims;
    PlaceRef where;
    std::string evidence;      // the sentence the incident comes from
    std::size_t evidence_offset = 0;  // byte offset of the sentence in the article text
    double confidence = 0;     // 0..1
};

}  // namespace incimap
