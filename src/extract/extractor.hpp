#pragma once
// Article -> incidents (docs/extraction.md). Stateless after construction; safe to call from
// several threads.
#include <vector>

#include "core/article.hpp"
#include "core/cancellation.hpp"
#include "core/incident.hpp"
#include "extract/place_linker.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolver.hpp"

namespace incimap {

class Extractor {
public:
    Extractor(const Gazetteer& gazetteer, const Resolver& resolver)
        : gazetteer_(gazetteer), resolver_(resolver), linker_(gazetteer, resolver) {}
    // Throws Cancelled when `cancel` asks to stop, checked between clauses.
    std::vector<Incident> extract(const Article& article, const CancellationToken& cancel = {}) const;

private:
    const Gazetteer& gazetteer_;
    const Resolver& resolver_;
    PlaceLinker linker_;
};

}  // namespace incimap
