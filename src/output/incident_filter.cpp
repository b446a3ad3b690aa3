#include "output/incident_filter.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace incimap {
namespace {

// Letters and digits only, lower case, without a leading Arabic article written as "al-",
// "ar-", "as-", "ad-", "ash-", "el-" (OCHA writes "Ar-Raqqa", "Al-Hasakeh", "As-Sweida").
std::string governorate_key(std::string_view text) {
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static constexpr std::string_view articles[] = {"al-", "ar-", "as-", "ad-", "ash-", "el-",
                                                    "al ", "ar ", "as ", "ad ", "ash ", "el "};
    for (std::string_view a : articles) {
        if (lower.size() > a.size() && lower.compare(0, a.size(), a) == 0) {
            lower.erase(0, a.size());
            break;
        }
    }
    std::string key;
    for (char c : lower)
        if (std::isalnum(static_cast<unsigned char>(c))) key += c;
    return key;
}

}  // namespace

bool governorate_matches(std::string_view wanted, std::string_view pcode, std::string_view name) {
    if (wanted.empty()) return true;
    const std::string key = governorate_key(wanted);
    if (key.empty()) return false;
    if (!pcode.empty() && key == governorate_key(pcode)) return true;
    return !name.empty() && key == governorate_key(name);
}

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
        if (!governorate_matches(governorate, admin.admin1_pcode, admin.admin1_name)) return false;
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
    AdminUnits admin = !incident.where.admin.empty() ? incident.where.admin
                       : incident.where.place        ? incident.where.place->admin
                                                     : AdminUnits{};
    // "In the Homs countryside" says nothing of the district: the point of such an incident
    // (the governorate's or a wide area's centre) lies in some district, Tadmor for all of
    // eastern Homs, that the report never named.
    if (governorate_level(incident)) {
        admin.admin2_name.clear();
        admin.admin2_pcode.clear();
    }
    return admin;
}

bool has_location(const Incident& incident) {
    // An unresolved place leaves the point at (0, 0), in the Gulf of Guinea: not a location.
    return incident.where.place || incident.where.point.lon != 0 || incident.where.point.lat != 0;
}

bool governorate_level(const Incident& incident) { return incident.where.geo_precision >= 3; }

RoleFilter parse_role_filter(const std::string& text) {
    if (text == "current") return RoleFilter::current;
    if (text == "background") return RoleFilter::background;
    if (text == "all") return RoleFilter::all;
    throw Error("--role must be current, background or all, not \"" + text + "\"");
}

}  // namespace incimap
