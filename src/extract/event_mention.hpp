#pragma once
// One sentence's (or clause's) account of an event, before mentions of the same event are
// merged into an incident.
#include <optional>
#include <string>

#include "core/incident.hpp"
#include "extract/taxonomy.hpp"

namespace incimap {

struct EventMention {
    const EventType* type = nullptr;
    Casualties counts;
    std::optional<PlaceRef> where;
    std::optional<Date> date;
    DatePrecision date_precision = DatePrecision::unknown;
    bool has_date_words = false;   // a date expression was there, resolved or not
    bool date_recalls_past = false;
    bool date_is_recent = false;   // today, yesterday, a weekday, N < 7 days ago
    int date_month = 0;            // the month or weekday the date words name, resolved or not
    int date_weekday = -1;
    bool recall_markers = false;   // "came after", "earlier", "a month after" ...
    bool opens_earlier = false;    // the clause opens "Earlier ...": an event before the last told
    std::string actor;
    std::string victims;
    std::string evidence;
    std::size_t offset = 0;
    std::size_t sentence_index = 0;
    std::size_t last_sentence = 0;  // last sentence merged into it
    int support = 1;                // mentions merged into it
    bool headline_support = false;
    IncidentRole role = IncidentRole::current;
};

}  // namespace incimap
