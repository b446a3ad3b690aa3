#include "pipeline/parallel_extraction.hpp"

#include <exception>

#include "core/test_signal.hpp"

namespace incimap {
namespace {

ExtractionResult extract_one(const Extractor& extractor, const Article& article,
                             const CancellationToken& cancel) {
    ExtractionResult result;
    if (cancel.requested()) {
        result.cancelled = true;
        return result;
    }
    signal_self_if_test_asks("extraction");
    try {
        result.incidents = extractor.extract(article, cancel);
    } catch (const Cancelled&) {
        result.cancelled = true;  // handed to no sink: the adding thread throws Cancelled
    } catch (const std::exception& e) {
        result.error = e.what();
    } catch (...) {
        result.error = "unknown error";
    }
    return result;
}

}  // namespace

unsigned default_thread_count() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

OrderedExtraction::OrderedExtraction(const Extractor& extractor, unsigned threads, Sink sink,
                                     std::size_t window, CancellationToken cancel)
    : extractor_(extractor), sink_(std::move(sink)), cancel_(cancel) {
    if (threads == 0) threads = default_thread_count();
    window_ = window > 0 ? window : 16 * static_cast<std::size_t>(threads);
    // One thread extracts in add() itself: no worker, no hand-over.
    if (threads > 1)
        for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
}

OrderedExtraction::~OrderedExtraction() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    workers_.clear();  // joins; a worker finishes the article it holds first
}

void OrderedExtraction::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        work_ready_.wait(lock, [&] { return stopping_ || next_untaken_ < slots_.size(); });
        if (stopping_) return;
        Slot& slot = slots_[next_untaken_++];  // stays in place until it is done
        lock.unlock();
        slot.result = extract_one(extractor_, slot.article, cancel_);
        lock.lock();
        slot.done = true;
        slot_done_.notify_all();
    }
}

std::size_t OrderedExtraction::queued() {
    const std::lock_guard lock(mutex_);
    return slots_.size();
}

void OrderedExtraction::hand_out(bool wait_for_front) {
    std::unique_lock lock(mutex_);
    if (wait_for_front)
        slot_done_.wait(lock, [&] { return !slots_.empty() && slots_.front().done; });
    while (!slots_.empty() && slots_.front().done) {
        Slot finished = std::move(slots_.front());
        slots_.pop_front();
        --next_untaken_;
        lock.unlock();  // the sink may be slow (it writes output) and must not hold up workers
        hand_to_sink(std::move(finished.article), std::move(finished.result));
        lock.lock();
    }
}

void OrderedExtraction::hand_to_sink(Article&& article, ExtractionResult&& result) {
    // An article cut short by a stop request is no result: nothing after it is handed out.
    if (result.cancelled) throw Cancelled{};
    sink_(std::move(article), std::move(result));
}

void OrderedExtraction::add(Article&& article) {
    if (workers_.empty()) {
        ExtractionResult result = extract_one(extractor_, article, cancel_);
        hand_to_sink(std::move(article), std::move(result));
        return;
    }
    {
        const std::lock_guard lock(mutex_);
        slots_.push_back(Slot{std::move(article), {}, false});
    }
    work_ready_.notify_one();
    hand_out(false);
    while (queued() >= window_) hand_out(true);
}

void OrderedExtraction::finish() {
    while (queued() > 0) hand_out(true);
}
}  // namespace incimap
