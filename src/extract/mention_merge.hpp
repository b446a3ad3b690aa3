#pragma once
// From sentence-level event mentions to incidents: merging mentions of one event, using the
// headline as support, deciding current vs background, and scoring confidence.
// The rules are documented in docs/extraction.md.
#include <optional>
#include <vector>

#include "core/date.hpp"
#include "extract/event_mention.hpp"

namespace incimap {

// A place given only as the side of a named one ("east of Deir ez-Zor", no distance).
bool direction_only(const PlaceRef& p);

// `finer` names no other place than `coarse` does, only reads the same words finer: "in Deir
// Ezzor" in a headline against "in the Deir Ezzor countryside" is the governorate, not the
// city of that name.
bool same_words_read_finer(const PlaceRef& finer, const PlaceRef& coarse);

// Mentions of one event (compatible type, counts, place, date and actor) become one; the
// merged mention keeps the most specific value of each field and the first evidence.
std::vector<EventMention> merge_mentions(std::vector<EventMention> mentions);

// A headline that agrees with an event raises its confidence and may name its means or actor;
// it never adds an event of its own.
void apply_headlines(std::vector<EventMention>& events, const std::vector<EventMention>& headlines);

// An event whose sentence names no place happened where the sentence before it did.
void carry_places(std::vector<EventMention>& events);

// current: the article's news; background: an earlier event it recalls.
void assign_roles(std::vector<EventMention>& events, const std::optional<Date>& published);

// 0..1 from the factors listed in docs/extraction.md.
double confidence(const EventMention& event);

}  // namespace incimap
