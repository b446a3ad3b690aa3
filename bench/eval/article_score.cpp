#include "eval/article_score.hpp"

#include <array>
#include <utility>

namespace incimap::eval {

namespace {

// FA-KES's cause_of_death values (fakes_annotated.csv) against our taxonomy codes
// (docs/taxonomy.md). "shelling" in FA-KES covers bombardment from the air as well as
// artillery; "explosion" covers every bomb that is not dropped or fired.
constexpr std::array<std::pair<std::string_view, std::array<std::string_view, 5>>, 5> kCauseTypes{{
    {"shelling", {"shelling", "air_strike", "", "", ""}},
    {"explosion", {"ied", "car_bomb", "suicide_bomb", "landmine", "other_explosion"}},
    {"shooting", {"armed_clash", "ambush", "assassination", "attack", ""}},
    {"execution", {"execution", "", "", "", ""}},
    {"chemical and toxic gases", {"air_strike", "shelling", "attack", "", ""}},
}};

bool is_current(const Incident& i) { return i.role == IncidentRole::current; }

}  // namespace

std::vector<const Incident*> current_incidents(const std::vector<Incident>& incidents) {
    std::vector<const Incident*> out;
    for (const auto& i : incidents)
        if (is_current(i)) out.push_back(&i);
    return out;
}

const Incident* primary_incident(const std::vector<Incident>& incidents) {
    const Incident* best = nullptr;
    for (const auto& i : incidents) {
        if (!is_current(i)) continue;
        if (!best) {
            best = &i;
            continue;
        }
        const int mine = i.casualties.killed.value.value_or(-1);
        const int theirs = best->casualties.killed.value.value_or(-1);
        if (mine > theirs || (mine == theirs && i.evidence_offset < best->evidence_offset))
            best = &i;
    }
    return best;
}

std::optional<int> killed_sum(const std::vector<Incident>& incidents) {
    std::optional<int> sum;
    for (const auto& i : incidents)
        if (is_current(i) && i.casualties.killed.value)
            sum = sum.value_or(0) + *i.casualties.killed.value;
    return sum;
}

std::optional<int> primary_killed(const std::vector<Incident>& incidents) {
    const Incident* p = primary_incident(incidents);
    return p ? p->casualties.killed.value : std::nullopt;
}

bool primary_range_holds(const std::vector<Incident>& incidents, int n) {
    const Incident* p = primary_incident(incidents);
    if (!p || !p->casualties.killed.value) return false;
    const Count& k = p->casualties.killed;
    return k.low <= n && n <= k.high;
}

std::vector<std::string_view> event_types_for_cause(std::string_view cause_of_death) {
    std::vector<std::string_view> out;
    for (const auto& [cause, types] : kCauseTypes) {
        if (cause != cause_of_death) continue;
        for (std::string_view t : types)
            if (!t.empty()) out.push_back(t);
    }
    return out;
}

std::string strip_governorate_suffix(std::string_view adm1_name) {
    constexpr std::string_view suffix = " governorate";
    if (adm1_name.size() > suffix.size() && adm1_name.ends_with(suffix))
        adm1_name.remove_suffix(suffix.size());
    return std::string(adm1_name);
}

}  // namespace incimap::eval
