#pragma once
// Ranks the places a name can mean, using the context it was written in.
// The score is additive; its weights and their reasons are in resolver.cpp and docs/resolver.md.
#include <map>
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

// What a context says about where its places are, worked out once so that many names of one
// article can be resolved against it without reading the text again.
struct ContextClues {
    struct Anchor {
        std::string text;                 // the mention as written ("al-Sukhna")
        std::vector<const Place*> places; // the places it can mean (large areas left out)
        bool unambiguous = false;         // all of them lie close together
    };
    std::string text;                            // the context text itself
    std::vector<std::string> admin1_pcodes;      // given plus detected, without repeats
    std::vector<std::string> detected_phrases;   // the phrases behind detected governorates
    std::map<std::string, int> country_counts;   // ISO code -> words in the text naming it
    std::vector<LonLat> nearby;
    std::vector<Anchor> anchors;                 // other place names in the text
};

class Resolver {
public:
    explicit Resolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}
    // Best first; empty when the name is unknown. Never throws for an unknown name.
    std::vector<Candidate> resolve(std::string_view name, const ResolveContext& context) const;
    // The same, against clues prepared once with analyse().
    std::vector<Candidate> resolve(std::string_view name, const ContextClues& clues) const;
    ContextClues analyse(const ResolveContext& context) const;

private:
    const Gazetteer& gazetteer_;
};

// Great-circle (haversine) distance in km. Implemented in incimap_geo (geos_context.cpp), whose
// header is kept to src/geo; declared again here for the resolver's users.
double great_circle_km(LonLat a, LonLat b);

}  // namespace incimap
