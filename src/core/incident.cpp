#include "core/incident.hpp"

namespace incimap {

std::string_view to_string(IncidentRole r) {
    return r == IncidentRole::current ? "current" : "background";
}

}  // namespace incimap
