#include "output/incident_filter.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace incimap {
namespace {
bool equal_folded(const std::string& a, const std::string& b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}
}  // namespace

bool IncidentFilter::matches(const Incident& incident) const {
    if (role == RoleFilter::current && incident.role != IncidentRole::current) return false;
    if (role == RoleFilter::background && incident.role != IncidentRole::background) return false;
    if (incident.where.geo_precision > min_precision) return false;
    if (from || to) {
        if (!incident.event_date) return false;
        if (from && *incident.event_date < *from) return false;
        if (to && *incident.event_date > *to) return false;
    }
    if (!governorate.empty()) {
        const AdminUnits admin = admin_of(incident);
        if (!equal_folded(admin.admin1_pcode, governorate) &&
            !equal_folded(admin.admin1_name, governorate))
            return false;
    }
    return true;
}

bool outside_syria(const Incident& incident) {
    const std::string& country = !incident.where.country_code.empty() || !incident.where.place
                                     ? incident.where.country_code
                                     : incident.where.place->country_code;
    return !country.empty() && country != "SY";
}

bool IncidentFilter::narrows() const {
    return from || to || !governorate.empty() || min_precision < 3 ||
           role == RoleFilter::background;
}

AdminUnits admin_of(const Incident& incident) {
    // A place across the border may carry a Syrian unit from a gazetteer built before
    // neighbours were kept out of the nearest-district rule, or from an older layer.
    if (outside_syria(incident)) return {};
    // The units of the incident's own point win: "20 km east of X" may lie in another
    // district than X.
    if (!incident.where.admin.empty()) return incident.where.admin;
    return incident.where.place ? incident.where.place->admin : AdminUnits{};
}

RoleFilter parse_role_filter(const std::string& text) {
    if (text == "current") return RoleFilter::current;
    if (text == "background") return RoleFilter::background;
    if (text == "all") return RoleFilter::all;
    throw Error("--role must be current, background or all, not \"" + text + "\"");
}

}  // namespace incimap
