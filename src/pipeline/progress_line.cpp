#include "pipeline/progress_line.hpp"

#include <algorithm>
#include <cstdio>

namespace incimap {

namespace {

// Seconds over which the merge's recent pace is measured.
constexpr double stretch_seconds = 2;

}  // namespace

ProgressLine::ProgressLine(std::ostream& out, Clock clock)
    : out_(out), clock_(std::move(clock)), start_(clock_()), last_draw_(start_) {}

void ProgressLine::update(const RunProgress& p) {
    const auto now = clock_();
    // The start of merging is always drawn: the line changes its meaning there.
    const bool merge_starts = p.reports_to_merge > 0 && p.reports_merged == 0;
    if (merge_starts) {
        merge_start_ = stretch_start_ = now;
        stretch_start_done_ = 0;
        recent_rate_ = 0;
        stretches_ = 0;
    }
    if (drawn_ && !merge_starts && now - last_draw_ < std::chrono::milliseconds(250)) return;
    last_draw_ = now;
    if (p.reports_to_merge > 0) {
        draw_merge(p, now);
        return;
    }
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? p.articles / seconds : 0;
    char line[160];
    int n = std::snprintf(line, sizeof line, "\r%zu articles, %.1f articles/s", p.articles, rate);
    if (p.bytes_total > 0 && p.bytes > 0 && seconds > 0.5) {
        // The input's size is the only measure of what is left before it has been read.
        const double done = std::min(1.0, static_cast<double>(p.bytes) / p.bytes_total);
        const double eta = done > 0 ? seconds * (1 - done) / done : 0;
        n += std::snprintf(line + n, sizeof line - n, ", %.0f%%, ETA %.0f s", done * 100, eta);
    }
    out_ << line << "\x1b[K" << std::flush;
    drawn_ = true;
}

void ProgressLine::draw_merge(const RunProgress& p, std::chrono::steady_clock::time_point now) {
    const auto seconds_since = [&](std::chrono::steady_clock::time_point t) {
        return std::chrono::duration<double>(now - t).count();
    };
    const double stretch = seconds_since(stretch_start_);
    if (stretch >= stretch_seconds && p.reports_merged >= stretch_start_done_) {
        recent_rate_ = static_cast<double>(p.reports_merged - stretch_start_done_) / stretch;
        stretch_start_ = now;
        stretch_start_done_ = p.reports_merged;
        ++stretches_;
    }
    char line[160];
    int n = std::snprintf(line, sizeof line, "\rmerging reports: %zu of %zu", p.reports_merged,
                          p.reports_to_merge);
    // A report costs more when it meets a bigger incident, so the average pace since the start
    // promises too much once the merge slows down. The ETA is taken from the last stretch's
    // pace, and shown only from the second stretch on and while that pace is not well below
    // the average: a slowing merge shows its count alone rather than a time it will not keep.
    const double elapsed = seconds_since(merge_start_);
    const double average_rate = elapsed > 0 ? p.reports_merged / elapsed : 0;
    if (stretches_ >= 2 && recent_rate_ > 0 && recent_rate_ >= 0.8 * average_rate) {
        const double left = static_cast<double>(p.reports_to_merge - p.reports_merged);
        n += std::snprintf(line + n, sizeof line - n, ", ETA %.0f s", left / recent_rate_);
    }
    out_ << line << "\x1b[K" << std::flush;
    drawn_ = true;
}

void ProgressLine::finish() {
    if (drawn_) out_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

}  // namespace incimap
