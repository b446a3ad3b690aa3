#pragma once
// Who did it and who was hit: actor names in news text folded to one canonical actor each
// ("ISIS", "IS", "Islamic State", "Daesh" -> "Islamic State (IS)"), and victim groups.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace incimap {

struct ActorMention {
    std::string_view actor;  // canonical name (docs/taxonomy.md)
    std::size_t begin = 0;   // byte span in the text
    std::size_t end = 0;
};

std::vector<ActorMention> find_actors(std::string_view text);

// The victim category of a noun phrase ("three officers" -> "soldiers", "a little girl" ->
// "children"); empty when it names no group of people.
std::string_view victim_category(std::string_view noun_phrase);

}  // namespace incimap
