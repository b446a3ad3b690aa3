#pragma once
// The place an event happened, out of all the places a sentence names (docs/extraction.md):
// "in al-Tayba area in al-Sukhna" -> al-Tayba near al-Sukhna; "near X city" -> X, precision 2;
// "south of the Palmyra city" -> 10 km south of Palmyra, precision 2; "20 km east of X" -> 20 km
// east; "in the eastern Homs countryside" -> Homs governorate, precision 3; "on the Deir
// Ezzor-Homs road" -> the road, precision 2; a named town or village -> precision 1.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/incident.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolver.hpp"

namespace incimap {

// Distance for "south of X" without a figure. Reports say "south of X" for the countryside
// of a town, usually within its sub-district; 10 km is the radius within which ACLED's
// precision 2 ("near / in the area of") is read, and keeps the point on the right side of X.
inline constexpr double kDefaultOffsetKm = 10.0;

// Spherical destination point: from `from`, `km` along initial bearing `bearing_deg`.
LonLat destination(LonLat from, double bearing_deg, double km);

// What the article as a whole says about where it is set; prepared once per article
// (make_place_context), so that each name is resolved without reading the article again.
struct ArticlePlaceContext {
    std::vector<std::string> admin1_pcodes;  // governorates the article names as areas
    ContextClues clues;                      // the resolver's reading of the article's news text
};

ArticlePlaceContext make_place_context(std::string news_text, std::vector<std::string> admin1_pcodes,
                                       const Resolver& resolver);

// Names an article has placed with the help of a frame ("the Homs district of Khaldiyeh"),
// so that the same name told alone later in the article ("Khaldiyeh is being bombed") means the
// same place: one place per name in one report. Filled by link() as it reads the sentences.
struct FramedNames {
    std::vector<std::pair<std::string, std::int64_t>> places;  // name key -> place id
};

class PlaceLinker {
public:
    PlaceLinker(const Gazetteer& gazetteer, const Resolver& resolver)
        : gazetteer_(gazetteer), resolver_(resolver) {}

    // The event's place in one sentence; nullopt when it names none that resolves.
    // `foreign_country` (ISO code) is set when the surrounding text is about another country:
    // places are then taken from that country only, and never as a point in Syria.
    // `framed`, when given, is read for names placed earlier in the article and added to.
    std::optional<PlaceRef> link(std::string_view sentence, const ArticlePlaceContext& context,
                                 const std::string& foreign_country = {},
                                 FramedNames* framed = nullptr) const;

private:
    const Gazetteer& gazetteer_;
    const Resolver& resolver_;
};

}  // namespace incimap
