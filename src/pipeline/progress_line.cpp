#include "pipeline/progress_line.hpp"

#include <algorithm>
#include <cstdio>

namespace incimap {

ProgressLine::ProgressLine(std::ostream& out)
    : out_(out), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void ProgressLine::update(const RunProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    // The start of merging is always drawn: the line changes its meaning there.
    const bool merge_starts = p.reports_to_merge > 0 && p.reports_merged == 0;
    if (merge_starts) merge_start_ = now;
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
    const double seconds = std::chrono::duration<double>(now - merge_start_).count();
    char line[160];
    int n = std::snprintf(line, sizeof line, "\rmerging reports: %zu of %zu", p.reports_merged,
                          p.reports_to_merge);
    if (p.reports_merged > 0 && seconds > 0.5) {
        // Later reports meet more incidents, so this ETA is a lower bound.
        const double done = static_cast<double>(p.reports_merged) / p.reports_to_merge;
        n += std::snprintf(line + n, sizeof line - n, ", ETA %.0f s", seconds * (1 - done) / done);
    }
    out_ << line << "\x1b[K" << std::flush;
    drawn_ = true;
}

void ProgressLine::finish() {
    if (drawn_) out_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

}  // namespace incimap
