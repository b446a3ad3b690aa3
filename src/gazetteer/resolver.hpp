#pragma once
// Ranks the places a name can mean, using the context it was written in.
#include <string>
#include <string_view>
#include <vector>

#include "core/place.hpp"
#include "gazetteer/gazetteer.hpp"

namespace incimap {

struct ResolveContext {
    std::string text;                       // surrounding text: sentence or whole article
    std::vector<std::string> admin1_pcodes; // governorate hints already known ("SY04")
    std::vector<LonLat> nearby;             // places already resolved in the same text
};

class Resolver {
public:
    explicit Resolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}
    // Best first; empty when the name is unknown. Never throws for an unknown name.
    std::vector<Candidate> resolve(std::string_view name, const ResolveContext& context) const;

private:
    const Gazetteer& gazetteer_;
};

}  // namespace incimap
