#pragma once
// Tallies: figures that sum a period, a war or many events rather than tell one event
// (docs/extraction.md, "Tallies that are not incidents"). Recognised from their structure.
#include <string_view>

namespace incimap {

// A tally over a period or a whole war rather than one event ("so far this year", "since
// 2011", "documented the killing of", "half a million"): docs/extraction.md.
bool is_cumulative(std::string_view sentence);

// True when the tally words open the sentence ("So far this year ...", "During the same
// period ...", "Since 2011 ..."): then what follows in the sentence is part of the tally.
bool opens_with_tally(std::string_view sentence);

}  // namespace incimap
