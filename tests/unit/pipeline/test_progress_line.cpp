// The status line of long runs: what it says while reading and while merging.
#include <catch2/catch.hpp>
#include <sstream>

#include "pipeline/progress_line.hpp"

using namespace incimap;

TEST_CASE("the progress line counts articles while reading and reports while merging",
          "[progress]") {
    std::ostringstream out;
    ProgressLine line(out);
    RunProgress reading;
    reading.articles = 12;
    line.update(reading);
    CHECK_THAT(out.str(), Catch::Contains("12 articles") && Catch::Contains("articles/s"));

    // The first merge update is drawn even right after another one.
    RunProgress merging;
    merging.reports_to_merge = 512;
    line.update(merging);
    CHECK_THAT(out.str(), Catch::Contains("merging reports: 0 of 512"));

    line.finish();
    CHECK_THAT(out.str(), Catch::EndsWith("\r\x1b[K"));
}
