#pragma once
// One self-overwriting status line for long runs: articles done, articles/s, and an ETA
// estimated from the bytes of input read so far; then reports merged, with their own ETA when
// the merge's pace is steady. Only for terminals: the caller creates it when stderr is a TTY,
// so that logs and pipes stay clean.
#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>

namespace incimap {

struct RunProgress {
    std::size_t articles = 0;     // read so far (new and already stored)
    std::size_t bytes = 0;        // article text read so far
    std::size_t bytes_total = 0;  // size of every input file; 0 when unknown
    // While new reports are merged into the store's incidents (after reading).
    std::size_t reports_merged = 0;
    std::size_t reports_to_merge = 0;
};

class ProgressLine {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    // `clock` is for tests, which make time pass at will.
    explicit ProgressLine(std::ostream& out, Clock clock = std::chrono::steady_clock::now);
    // Redraws at most a few times a second.
    void update(const RunProgress& progress);
    // Clears the line so the summary starts on a clean one.
    void finish();

private:
    void draw_merge(const RunProgress& progress, std::chrono::steady_clock::time_point now);

    std::ostream& out_;
    Clock clock_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
    std::chrono::steady_clock::time_point merge_start_;
    // The merge's pace over its last few seconds: the start of the current stretch, and the
    // reports per second of the one before (0 until one is complete).
    std::chrono::steady_clock::time_point stretch_start_;
    std::size_t stretch_start_done_ = 0;
    double recent_rate_ = 0;
    int stretches_ = 0;  // complete so far
    bool drawn_ = false;
};

}  // namespace incimap
