#pragma once
// Extraction of articles on several threads. The threads share only the read-only Extractor
// (and through it the Gazetteer and Resolver); each result is handed back in input order,
// whatever the number of threads.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/article.hpp"
#include "core/cancellation.hpp"
#include "core/incident.hpp"
#include "extract/extractor.hpp"

namespace incimap {

struct ExtractionResult {
    std::vector<Incident> incidents;
    std::string error;  // non-empty when extraction of this article threw
    bool cancelled = false;  // stopped by a stop request before it was done
};

// std::thread::hardware_concurrency(), at least 1.
unsigned default_thread_count();

// A stream of articles extracted by a pool of workers, each taking the next article as soon as
// it is free, so that one long article holds up no other worker; results go to `sink` in the
// order the articles were added, on the thread that adds them. At most `window` articles are
// held at once (read ahead, in extraction or waiting for an earlier one), which bounds memory.
// An exception from one article is caught and passed to the sink in its result.
class OrderedExtraction {
public:
    using Sink = std::function<void(Article&& article, ExtractionResult&& result)>;

    // threads == 0 means one per core; window == 0 means 16 articles per thread. When `cancel`
    // asks to stop, add() and finish() throw Cancelled instead of handing out an article cut
    // short (the extraction checks the token between clauses).
    OrderedExtraction(const Extractor& extractor, unsigned threads, Sink sink,
                      std::size_t window = 0, CancellationToken cancel = {});
    ~OrderedExtraction();  // stops the workers; results not yet handed out are dropped
    OrderedExtraction(const OrderedExtraction&) = delete;
    OrderedExtraction& operator=(const OrderedExtraction&) = delete;

    // Queues one article; hands every finished result at the front of the queue to the sink,
    // and waits for the oldest article when the window is full.
    void add(Article&& article);
    // Waits for every queued article and hands out the remaining results.
    void finish();

private:
    struct Slot {
        Article article;
        ExtractionResult result;
        bool done = false;
    };
    void work();
    std::size_t queued();
    // Hands out finished results at the front; with `wait_for_front`, first waits for one.
    void hand_out(bool wait_for_front);
    void hand_to_sink(Article&& article, ExtractionResult&& result);

    const Extractor& extractor_;
    Sink sink_;
    CancellationToken cancel_;
    std::size_t window_;
    std::mutex mutex_;
    std::condition_variable work_ready_;  // a slot to take, or stopping
    std::condition_variable slot_done_;
    std::deque<Slot> slots_;        // in input order; references stay valid at both ends
    std::size_t next_untaken_ = 0;  // index in slots_ of the first slot no worker took
    bool stopping_ = false;
    std::vector<std::jthread> workers_;
};

}  // namespace incimap
