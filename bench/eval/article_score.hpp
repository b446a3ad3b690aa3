#pragma once
// How one article's extracted incidents are compared with a human coding of that article.
// The rules (which incident speaks for the article, what counts as a match) are stated in
// bench/README.md; they are kept here as small pure functions so that tests can pin them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/incident.hpp"

namespace incimap::eval {

// The incidents of the article's news (role current); background incidents are recalled
// events, which the crowd and UCDP codings do not describe.
std::vector<const Incident*> current_incidents(const std::vector<Incident>& incidents);

// The incident that speaks for the article: the current incident with the most killed; ties
// go to the one told first (lowest evidence offset), since news leads with the main event.
// An article whose current incidents carry no killed count is spoken for by its first one.
// nullptr when there is no current incident.
const Incident* primary_incident(const std::vector<Incident>& incidents);

// Killed in all current incidents together (incidents without a count add nothing);
// nullopt when none carries a count.
std::optional<int> killed_sum(const std::vector<Incident>& incidents);

// The killed count of the primary incident; nullopt when it has none.
std::optional<int> primary_killed(const std::vector<Incident>& incidents);

// True when `n` lies in the primary incident's [killed_low, killed_high].
bool primary_range_holds(const std::vector<Incident>& incidents, int n);

// Event types that a coder's cause of death covers. FA-KES causes: shelling, explosion,
// shooting, execution, chemical and toxic gases, unknown (empty result: not comparable).
std::vector<std::string_view> event_types_for_cause(std::string_view cause_of_death);

// UCDP names governorates "Deir ez Zor governorate": drop the suffix for a gazetteer lookup.
std::string strip_governorate_suffix(std::string_view adm1_name);

}  // namespace incimap::eval
