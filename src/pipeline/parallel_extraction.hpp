#pragma once
// Extraction of a batch of articles on several threads. The threads share only the read-only
// Extractor (and through it the Gazetteer and Resolver); each result goes to the slot of its
// article, so the output is in input order whatever the number of threads.
#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/cancellation.hpp"
#include "core/incident.hpp"
#include "extract/extractor.hpp"

namespace incimap {

struct ExtractionResult {
    std::vector<Incident> incidents;
    std::string error;  // non-empty when extraction of this article threw
};

// threads == 0 means one per core. An exception from one article is caught and reported in
// its slot, so one pathological article does not lose the batch. Throws Cancelled, with no
// results, when `cancel` asks to stop (checked inside each article's extraction too).
std::vector<ExtractionResult> extract_in_parallel(const Extractor& extractor,
                                                  const std::vector<const Article*>& articles,
                                                  unsigned threads,
                                                  const CancellationToken& cancel = {});

// std::thread::hardware_concurrency(), at least 1.
unsigned default_thread_count();

}  // namespace incimap
