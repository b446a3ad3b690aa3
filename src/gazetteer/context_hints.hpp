#pragma once
// Clues in running text about the region a story is set in: governorates named as areas
// ("Homs countryside", "eastern Deir Ezzor", "southwest of Raqqa province") and words that
// name a country ("West Bank", "Iraqi", "Lebanese").
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/gazetteer.hpp"

namespace incimap {

struct GovernorateHint {
    std::string pcode;   // "SY04"
    std::string phrase;  // as written: "eastern Homs countryside" -> "Homs countryside"
};

// Governorates the text names as areas, in order of first appearance, without repeats.
std::vector<GovernorateHint> governorate_hints(std::string_view text, const Gazetteer& gazetteer);

// ISO 3166-1 alpha-2 code -> number of words in the text that name that country or its people.
std::map<std::string, int> country_mentions(std::string_view text);

// ISO code -> how strongly the text sets something in that country: "in eastern Lebanon",
// "inside Turkey" 1; fire "into Turkey" or that "hit Lebanon", and ground a country owns
// ("Turkey's border province", "the Lebanese border town") 2. Demonyms otherwise ("Turkish
// shelling") name actors, not the scene, and do not count; nor does a force's base ("the group
// in northern Syria").
std::map<std::string, int> country_locatives(std::string_view text);

}  // namespace incimap
