#pragma once
// incimap's event types (docs/taxonomy.md), each mapped to an ACLED event_type and
// sub_event_type, and the keywords that signal them in English news text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace incimap {

struct EventType {
    std::string_view code;               // our code: "landmine", "air_strike", ...
    std::string_view acled_event_type;   // "Explosions/Remote violence", ...
    std::string_view acled_sub_event_type;
    int specificity;                     // higher wins when one sentence names several
};

// A keyword found in a sentence.
struct EventCue {
    const EventType* type = nullptr;
    std::size_t begin = 0;  // byte span in the sentence
    std::size_t end = 0;
    bool aggregate = false;  // a plural that sums many events ("attacks", "bombings")
    // Names who acted, not what they did ("gunmen"): any cue of the deed outranks it.
    bool perpetrator = false;
};

const std::vector<EventType>& event_types();
const EventType* event_type(std::string_view code);

// How an event type reads in a map legend ("Air or drone strike" for air_strike); the code
// itself for one incimap does not know.
std::string event_type_label(std::string_view code);

// Every event keyword in the sentence, left to right (case-insensitive, whole words).
std::vector<EventCue> find_event_cues(std::string_view sentence);

// The most specific cue, a cue of the deed before a cue of the perpetrator ("gunmen
// ambushed" is an ambush); nullptr when there is none.
const EventCue* most_specific(const std::vector<EventCue>& cues);

// Verbs that say an attack happened ("targeted", "ambushed", "exploded"), as opposed to an
// event word used in passing ("the threat of attacks").
bool has_attack_verb(std::string_view sentence);

}  // namespace incimap
