// Merging at scale: the candidate index must never hide an incident a report may join, and a
// merge continued from the store's incidents must equal a merge of every report again.
#include <catch2/catch.hpp>
#include <random>

#include "pipeline/dedup.hpp"
#include "sample_reports.hpp"

using namespace incimap;
using test::random_reports;

namespace {

// The rule itself, without any index: each report joins the first incident all of whose
// reports are the same event as it.
std::vector<std::vector<std::int64_t>> merge_by_comparing_all(
    const std::vector<StoredReport>& reports) {
    std::vector<std::vector<const StoredReport*>> groups;
    for (const StoredReport& r : reports) {
        auto joins = [&](const std::vector<const StoredReport*>& g) {
            return std::all_of(g.begin(), g.end(), [&](const StoredReport* m) {
                return same_event(*m, r).has_value();
            });
        };
        const auto g = std::find_if(groups.begin(), groups.end(), joins);
        if (g == groups.end())
            groups.push_back({&r});
        else
            g->push_back(&r);
    }
    std::vector<std::vector<std::int64_t>> ids;
    for (const auto& g : groups) {
        ids.emplace_back();
        for (const StoredReport* r : g) ids.back().push_back(r->report_id);
    }
    return ids;
}

std::vector<std::vector<std::int64_t>> report_ids(const DedupResult& result) {
    std::vector<std::vector<std::int64_t>> ids;
    for (const MergedIncident& m : result.incidents) {
        ids.emplace_back();
        for (const auto& s : m.sources) ids.back().push_back(s.report_id);
    }
    return ids;
}

std::vector<IncidentMembers> members(const DedupResult& result) {
    std::vector<IncidentMembers> out;
    for (const MergedIncident& m : result.incidents)
        out.push_back({m.incident.incident_id, m.sources});
    return out;
}

void check_same(const DedupResult& a, const DedupResult& b) {
    REQUIRE(a.incidents.size() == b.incidents.size());
    CHECK(a.merges == b.merges);
    for (std::size_t i = 0; i < a.incidents.size(); ++i) {
        const MergedIncident& x = a.incidents[i];
        const MergedIncident& y = b.incidents[i];
        INFO("incident " << i);
        CHECK(x.incident.incident_id == y.incident.incident_id);
        CHECK(x.incident.casualties.killed.value == y.incident.casualties.killed.value);
        CHECK(x.incident.event_date == y.incident.event_date);
        REQUIRE(x.sources.size() == y.sources.size());
        for (std::size_t k = 0; k < x.sources.size(); ++k) {
            CHECK(x.sources[k].report_id == y.sources[k].report_id);
            CHECK(x.sources[k].reason == y.sources[k].reason);
        }
    }
}

}  // namespace

TEST_CASE(
    "merging through the candidate index equals comparing each report with every "
    "incident",
    "[dedup][scale]") {
    for (unsigned seed = 1; seed <= 6; ++seed) {
        INFO("seed " << seed);
        const auto reports = random_reports(seed, 400);
        const DedupResult result = deduplicate(reports);
        CHECK(result.merges > 20);  // the sample does exercise merging
        CHECK(report_ids(result) == merge_by_comparing_all(reports));
    }
}

TEST_CASE(
    "a merge continued from the incidents of the first reports equals a merge of all "
    "reports again",
    "[dedup][scale]") {
    const auto reports = random_reports(7, 500);
    const DedupResult full = deduplicate(reports);
    for (std::size_t split :
         {std::size_t{0}, std::size_t{1}, std::size_t{250}, std::size_t{495}, reports.size()}) {
        INFO("first merge of " << split << " reports");
        const std::vector<StoredReport> first(reports.begin(), reports.begin() + split);
        const DedupResult earlier = deduplicate(first);
        const DedupResult continued = deduplicate(reports, {}, members(earlier));
        CHECK(continued.continued == (split > 0));
        check_same(continued, full);
        // Only new incidents and those that took a new report are to be rewritten.
        std::vector<std::size_t> expected;
        for (std::size_t i = 0; i < full.incidents.size(); ++i)
            if (i >= earlier.incidents.size() ||
                earlier.incidents[i].sources.size() != full.incidents[i].sources.size())
                expected.push_back(i);
        CHECK(continued.changed == expected);
    }
}

TEST_CASE("without de-duplication a continued run also equals a fresh one", "[dedup][scale]") {
    const auto reports = random_reports(8, 60);
    const DedupResult full = keep_reports_apart(reports);
    const std::vector<StoredReport> first(reports.begin(), reports.begin() + 40);
    const DedupResult continued = keep_reports_apart(reports, members(keep_reports_apart(first)));
    CHECK(continued.continued);
    CHECK(continued.changed.size() == 20);
    check_same(continued, full);
}

TEST_CASE("an earlier merge that is not of the first reports is merged again, not continued",
          "[dedup][scale]") {
    const auto reports = random_reports(9, 120);
    const DedupResult full = deduplicate(reports);
    const std::vector<StoredReport> first(reports.begin(), reports.begin() + 60);
    auto earlier = members(deduplicate(first));

    SECTION("a report it names is not stored") { earlier.back().sources.back().report_id = 99999; }
    SECTION("it skips one of the first reports") { earlier.erase(earlier.begin()); }
    SECTION("it names one report twice") {
        earlier.back().sources.push_back(earlier.front().sources.front());
    }
    const DedupResult result = deduplicate(reports, {}, earlier);
    CHECK_FALSE(result.continued);
    CHECK(result.changed.size() == result.incidents.size());
    check_same(result, full);
}

TEST_CASE("a stop request interrupts a merge and a progress callback counts the reports",
          "[dedup][scale]") {
    const auto reports = random_reports(10, 600);
    std::size_t last_done = 0, last_total = 0;
    MergeHooks hooks;
    hooks.on_progress = [&](std::size_t done, std::size_t total) {
        last_done = done;
        last_total = total;
    };
    deduplicate(reports, {}, {}, hooks);
    CHECK(last_done == 600);
    CHECK(last_total == 600);

    int polls = 0;
    hooks.stop_requested = [&] { return ++polls == 2; };
    CHECK_THROWS_AS(deduplicate(reports, {}, {}, hooks), MergeInterrupted);
    CHECK(polls == 2);
}

namespace {

// Many reports of a few events: two towns, two days, a few figures, so that incidents grow
// large and hold many reports that compare alike.
std::vector<StoredReport> crowded_reports(unsigned seed, int count) {
    std::vector<StoredReport> reports = random_reports(seed, count);
    std::mt19937 rng(seed);
    for (StoredReport& r : reports) {
        Incident& in = r.incident;
        if (in.event_date) in.event_date = Date::parse_iso(rng() % 2 ? "2023-03-10" : "2023-03-11");
        if (in.where.place && in.where.geo_precision < 3) {
            in.where.place->id = 500 + static_cast<int>(rng() % 2);
            in.where.point = in.where.place->point =
                in.where.place->id == 500 ? LonLat{38.87, 34.88} : LonLat{38.97, 34.88};
        }
        if (in.casualties.killed.value) in.casualties.killed = Count::exact(4 + rng() % 3);
    }
    return reports;
}

}  // namespace

TEST_CASE("incidents of many alike reports merge as when each report meets every member",
          "[dedup][scale]") {
    for (unsigned seed = 11; seed <= 14; ++seed) {
        INFO("seed " << seed);
        const auto reports = crowded_reports(seed, 600);
        const DedupResult result = deduplicate(reports);
        CHECK(result.merges > 300);
        CHECK(report_ids(result) == merge_by_comparing_all(reports));
        // Continued from any point, too.
        const std::vector<StoredReport> first(reports.begin(), reports.begin() + 350);
        check_same(deduplicate(reports, {}, members(deduplicate(first))), result);
    }
}

TEST_CASE("a report joining a big incident is compared with one member per kind of report",
          "[dedup][scale]") {
    // One event told by every article: the same place and day, three figures, two types.
    const auto event = [](int n) {
        std::vector<StoredReport> reports;
        for (int i = 0; i < n; ++i) {
            StoredReport r;
            r.report_id = i + 1;
            r.article_key = i + 1;
            r.incident = test::make_report("art" + std::to_string(i), i % 2 ? "ied" : "landmine",
                                           "2023-03-10", 7, "Tadmor", {38.27, 34.56}, 10 + i % 3);
            reports.push_back(std::move(r));
        }
        return reports;
    };
    const DedupResult small = deduplicate(event(1000));
    const DedupResult large = deduplicate(event(4000));
    REQUIRE(small.incidents.size() == 1);
    REQUIRE(large.incidents.size() == 1);
    // Comparing with every member would take n (n - 1) / 2: 8 million tests for 4000 reports.
    CHECK(large.comparisons <= 6 * 4000);
    CHECK(large.comparisons <= 4 * small.comparisons + 100);
}
