// The merge's ETA: taken from its recent pace, and left out while the merge slows down.
#include <catch2/catch.hpp>
#include <sstream>

#include "pipeline/progress_line.hpp"

using namespace incimap;
using namespace std::chrono_literals;

namespace {

struct FakeTime {
    std::chrono::steady_clock::time_point now{};
    ProgressLine::Clock clock() {
        return [this] { return now; };
    }
};

RunProgress merged(std::size_t done, std::size_t total) {
    RunProgress p;
    p.reports_merged = done;
    p.reports_to_merge = total;
    return p;
}

// The text after the last carriage return: the line as the terminal shows it now.
std::string shown(const std::ostringstream& out) {
    const std::string s = out.str();
    return s.substr(s.rfind('\r') + 1);
}

}  // namespace

TEST_CASE("a merge at a steady pace shows the time its remaining reports take", "[progress]") {
    FakeTime time;
    std::ostringstream out;
    ProgressLine line(out, time.clock());
    line.update(merged(0, 10000));
    for (std::size_t done = 1000; done <= 5000; done += 1000) {
        time.now += 1s;
        line.update(merged(done, 10000));
    }
    // 1000 reports a second, 5000 left.
    CHECK_THAT(shown(out), Catch::StartsWith("merging reports: 5000 of 10000, ETA 5 s"));
}

TEST_CASE("a merge that slows down shows its count without an ETA", "[progress]") {
    FakeTime time;
    std::ostringstream out;
    ProgressLine line(out, time.clock());
    line.update(merged(0, 10000));
    // Each second merges half as many reports as the one before.
    std::size_t done = 0, step = 4000;
    for (int second = 0; second < 5; ++second, step /= 2) {
        time.now += 1s;
        done += step;
        line.update(merged(done, 10000));
        INFO("after " << second + 1 << " s: " << shown(out));
        CHECK_THAT(shown(out), !Catch::Contains("ETA"));
    }
    CHECK_THAT(shown(out), Catch::StartsWith("merging reports: 7750 of 10000"));
}
