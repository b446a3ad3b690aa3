#pragma once
// Casualty counts stated in one sentence: killed, injured, captured/abducted.
// Rules (docs/extraction.md): a figure counts when a casualty verb governs it ("Ten fighters
// were killed", "killing 39", "the death of 2", "left 370 dead"); a breakdown after
// "including" is not added again ("15 army forces, including 5 officers and 10 troops" = 15);
// groups joined by "and"/"as well as" under one verb add up ("5 officers and 10 troops were
// killed" = 15); "killed and injured N" leaves the split unknown.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/incident.hpp"
#include "extract/tallies.hpp"

namespace incimap {

struct CasualtyReport {
    Casualties counts;      // a Count without value and with high == 0 was not mentioned
    std::string victims;    // victim category of the first counted group ("soldiers")
    std::size_t victims_begin = 0;  // byte span of that group's noun phrase
    std::size_t victims_end = 0;
    bool any() const;
};

CasualtyReport find_casualties(std::string_view sentence);

// True when a Count says something (exact or a range).
bool mentioned(const Count& c);



}  // namespace incimap
