// A run stopped while it merges: the store keeps the incidents of the last finished merge,
// and the next run merges the reports left over, ending where an uninterrupted run would.
#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>

#include "pipeline/run_pipeline.hpp"
#include "shared_data.hpp"
#include "store/incident_store.hpp"
#include "store_fixtures.hpp"

using namespace incimap;
namespace fs = std::filesystem;

namespace {

RunOptions options_for(const fs::path& input, const fs::path& out) {
    RunOptions o;
    o.inputs = {input};
    o.out_dir = out;
    o.gazetteer = test::binary_dir() / "gazetteer.sqlite";
    o.heatmap = false;
    o.brief = false;
    o.threads = 1;
    return o;
}

std::vector<std::vector<std::int64_t>> grouping(const fs::path& out) {
    IncidentStore store(out / "incimap.sqlite");
    std::vector<std::vector<std::int64_t>> groups;
    for (const IncidentMembers& m : store.incident_members()) {
        groups.emplace_back();
        for (const auto& s : m.sources) groups.back().push_back(s.report_id);
    }
    return groups;
}

}  // namespace

TEST_CASE("a run stopped while merging keeps the last merge and the next run completes it",
          "[pipeline]") {
    const fs::path examples = test::source_dir() / "examples" / "reports.jsonl";
    test::TempDir dir("merge-stop");
    const fs::path part = dir.path() / "part.jsonl";
    {
        std::ifstream in(examples);
        std::ofstream out(part);
        std::string line;
        for (int n = 0; n < 3 && std::getline(in, line); ++n) out << line << '\n';
    }
    const fs::path out = dir.path() / "out";
    REQUIRE_FALSE(run_pipeline(options_for(part, out)).interrupted);
    const auto before = grouping(out);
    REQUIRE_FALSE(before.empty());

    RunOptions stopped = options_for(examples, out);
    std::atomic<bool> merging{false};
    stopped.on_progress = [&](const RunProgress& p) {
        if (p.reports_to_merge > 0) merging = true;
    };
    stopped.cancel = CancellationToken(merging);
    const RunSummary interrupted = run_pipeline(stopped);
    CHECK(interrupted.interrupted);
    CHECK(interrupted.articles_new == 3);
    CHECK(grouping(out) == before);

    const RunSummary resumed = run_pipeline(options_for(examples, out));
    CHECK_FALSE(resumed.interrupted);
    CHECK(resumed.articles_new == 0);
    CHECK(resumed.merge_continued);
    CHECK(resumed.reports_merged > 0);

    const fs::path fresh = dir.path() / "fresh";
    run_pipeline(options_for(examples, fresh));
    CHECK(grouping(out) == grouping(fresh));
    CHECK(load_incidents(out).size() == load_incidents(fresh).size());
}
