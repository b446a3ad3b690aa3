#include "core/incident.hpp"

#include <algorithm>

namespace incimap {

void CountSum::add(const Count& count) {
    // No figure in the text: whatever bounds the extractor kept ("killed", no number, may be
    // 0-99) are not a report of that many, and would swamp the upper bound of every total.
    if (!count.value) return;
    long long low_part = count.low;
    long long high_part = std::max(count.high, count.low);
    // A count read back with only its best estimate still counts.
    if (low_part == 0 && high_part == 0) low_part = high_part = *count.value;
    low += low_part;
    high += high_part;
}

std::string_view to_string(IncidentRole r) {
    return r == IncidentRole::current ? "current" : "background";
}

}  // namespace incimap
