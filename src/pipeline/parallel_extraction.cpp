#include "pipeline/parallel_extraction.hpp"

#include <atomic>
#include <exception>
#include <thread>

#include "core/test_signal.hpp"

namespace incimap {

unsigned default_thread_count() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

std::vector<ExtractionResult> extract_in_parallel(const Extractor& extractor,
                                                  const std::vector<const Article*>& articles,
                                                  unsigned threads,
                                                  const CancellationToken& cancel) {
    std::vector<ExtractionResult> results(articles.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < articles.size() && !cancel.requested(); i = next++) {
            signal_self_if_test_asks("extraction");
            try {
                results[i].incidents = extractor.extract(*articles[i], cancel);
            } catch (const Cancelled&) {
                return;  // the other workers see the same token and stop too
            } catch (const std::exception& e) {
                results[i].error = e.what();
            } catch (...) {
                results[i].error = "unknown error";
            }
        }
    };
    if (threads == 0) threads = default_thread_count();
    const std::size_t workers = std::min<std::size_t>(threads, articles.size());
    if (workers <= 1) {
        work();
    } else {
        std::vector<std::jthread> pool;
        pool.reserve(workers - 1);
        for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
        work();        // this thread works too
        pool.clear();  // join every worker before `results` is handed out
    }
    // Half a batch is not stored: the batch is extracted again by the next run.
    cancel.throw_if_requested();
    return results;
}
}  // namespace incimap
