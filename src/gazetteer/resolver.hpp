#pragma once
// Ranks the places a name can mean, using the context it was written in.
// The score is additive; its weights and their reasons are in resolver.cpp and docs/resolver.md.
#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/place.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/name_key.hpp"

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
        NameKeys keys;                    // name_keys(text)
        std::vector<const Place*> places; // the places it can mean (large areas left out)
        std::vector<std::array<double, 3>> directions;  // of each place, on the unit sphere
        bool unambiguous = false;         // all of them lie close together
    };
    std::string text;                            // the context text itself
    std::vector<std::string> admin1_pcodes;      // given plus detected, without repeats
    std::vector<std::string> detected_phrases;   // the phrases behind detected governorates
    std::map<std::string, int> country_counts;   // ISO code -> words in the text naming it
    std::vector<LonLat> nearby;
    std::vector<Anchor> anchors;                 // other place names in the text
    // Indexes over `anchors` and `text`, so that resolving one name of a long article does not
    // read all of them again (which made a long text cost its square).
    struct Index {
        std::vector<std::pair<std::string, std::size_t>> by_exact;  // exact key -> anchor, sorted
        std::unordered_map<std::string, std::vector<std::size_t>> by_skeleton;
        std::vector<std::size_t> unambiguous_cities;  // unambiguous anchors that can be a city
        // Where each three bytes that can open a name start in a long `text`, in order (empty
        // for a short text, which is searched instead).
        std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> text_trigrams;
    } index;
};

// What is known only around one name, beside its text's clues: points it lies near (a place
// that frames it) and governorates it lies in.
struct NameSurroundings {
    std::span<const LonLat> nearby;
    std::span<const std::string> admin1_pcodes;
};

class Resolver {
public:
    explicit Resolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}
    // Best first; empty when the name is unknown. Never throws for an unknown name.
    std::vector<Candidate> resolve(std::string_view name, const ResolveContext& context) const;
    // The same, against clues prepared once with analyse().
    std::vector<Candidate> resolve(std::string_view name, const ContextClues& clues) const;
    // The same, with what is known around this name added to the clues without copying them.
    std::vector<Candidate> resolve(std::string_view name, const ContextClues& clues,
                                   const NameSurroundings& around) const;
    ContextClues analyse(const ResolveContext& context) const;

private:
    const Gazetteer& gazetteer_;
};

// Great-circle (haversine) distance in km. Implemented in incimap_geo (geos_context.cpp), whose
// header is kept to src/geo; declared again here for the resolver's users.
double great_circle_km(LonLat a, LonLat b);

}  // namespace incimap
