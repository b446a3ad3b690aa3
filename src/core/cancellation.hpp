#pragma once
// Asking long work to stop: a run answers SIGINT/SIGTERM within about a second because its
// long loops ask the token at short intervals (between the clauses of an article, for every
// article read, every 256 reports merged, every 1,000 layer rows and heatmap points, between
// the steps of the heatmap and briefing). The flag behind it is the one a signal handler sets
// (cli/interrupt_guard.hpp); a lock-free atomic is async-signal-safe.
#include <atomic>

namespace incimap {

// Thrown by work that stopped because it was asked to; caught where the stop is reported.
struct Cancelled {};

class CancellationToken {
public:
    CancellationToken() = default;  // never asks to stop
    explicit CancellationToken(const std::atomic<bool>& flag) : flag_(&flag) {}

    bool requested() const { return flag_ && flag_->load(std::memory_order_relaxed); }
    void throw_if_requested() const {
        if (requested()) throw Cancelled{};
    }

private:
    static_assert(std::atomic<bool>::is_always_lock_free);
    const std::atomic<bool>* flag_ = nullptr;
};

}  // namespace incimap
