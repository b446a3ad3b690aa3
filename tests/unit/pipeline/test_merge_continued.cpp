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

// The first split at or after `n` that no article spans: a store adds an article's reports
// at once, so a continued merge never meets a report of an article it has merged.
std::size_t article_boundary(const std::vector<StoredReport>& reports, std::size_t n) {
    for (; n < reports.size(); ++n) {
        std::int64_t head = 0;
        for (std::size_t i = 0; i < n; ++i) head = std::max(head, reports[i].article_key);
        if (std::all_of(reports.begin() + static_cast<long>(n), reports.end(),
                        [&](const StoredReport& r) { return r.article_key > head; }))
            return n;
    }
    return reports.size();
}

// What the store keeps of a merge's incidents ...
std::vector<StoredIncident> as_stored(const DedupResult& result) {
    std::vector<StoredIncident> out;
    for (const MergedIncident& m : result.incidents) {
        StoredIncident s{m.incident, m.sources.size(), {}, m.state};
        for (const auto& source : m.sources)
            if (source.compared) s.compared.push_back(source.report_id);
        out.push_back(std::move(s));
    }
    return out;
}

// ... what a continued merge reads of them ...
std::vector<ContinuedIncident> continued(const std::vector<StoredIncident>& stored,
                                         const std::vector<StoredReport>& reports) {
    const auto report = [&](std::int64_t id) {
        return &*std::find_if(reports.begin(), reports.end(),
                              [&](const StoredReport& r) { return r.report_id == id; });
    };
    std::vector<ContinuedIncident> out;
    for (const StoredIncident& s : stored) {
        ContinuedIncident c{&s, {}, report(s.state.best_report)};
        for (std::int64_t id : s.compared) c.compared.push_back(report(id));
        out.push_back(std::move(c));
    }
    return out;
}

// ... and the incidents after it, as the store writes them (update_incidents).
DedupResult updated(DedupResult earlier, const DedupResult& continued) {
    for (const MergedIncident& m : continued.incidents) {
        const auto at = std::find_if(
            earlier.incidents.begin(), earlier.incidents.end(),
            [&](const MergedIncident& e) { return e.incident.incident_id == m.incident.incident_id; });
        if (at == earlier.incidents.end()) {
            CHECK(m.stored_sources == 0);
            earlier.incidents.push_back(m);
            continue;
        }
        CHECK(m.stored_sources == at->sources.size());
        std::vector<MergedIncident::Source> sources = at->sources;
        sources.insert(sources.end(), m.sources.begin(), m.sources.end());
        *at = m;
        at->sources = std::move(sources);
    }
    earlier.merges += continued.merges;
    return earlier;
}

// A merge of `reports` continued after their first `split`: the first merge and what the
// continued one writes.
struct ContinuedMerge {
    DedupResult earlier, more;
};
ContinuedMerge continue_after(const std::vector<StoredReport>& reports, std::size_t split) {
    const std::vector<StoredReport> first(reports.begin(), reports.begin() + static_cast<long>(split));
    const std::vector<StoredReport> added(reports.begin() + static_cast<long>(split), reports.end());
    ContinuedMerge out{deduplicate(first), {}};
    const std::vector<StoredIncident> stored = as_stored(out.earlier);
    out.more = continue_merge(continued(stored, first), added);
    return out;
}

void check_same(const DedupResult& a, const DedupResult& b) {
    REQUIRE(a.incidents.size() == b.incidents.size());
    CHECK(a.merges == b.merges);
    for (std::size_t i = 0; i < a.incidents.size(); ++i) {
        const MergedIncident& x = a.incidents[i];
        const MergedIncident& y = b.incidents[i];
        INFO("incident " << i);
        const Incident& p = x.incident;
        const Incident& q = y.incident;
        CHECK(p.incident_id == q.incident_id);
        CHECK(p.article_id == q.article_id);
        for (auto which : {&Casualties::killed, &Casualties::injured, &Casualties::captured}) {
            CHECK(((p.casualties.*which).value == (q.casualties.*which).value));
            CHECK((p.casualties.*which).low == (q.casualties.*which).low);
            CHECK((p.casualties.*which).high == (q.casualties.*which).high);
            CHECK((p.casualties.*which).vague == (q.casualties.*which).vague);
        }
        CHECK(p.event_date == q.event_date);
        CHECK(p.where.point.lon == q.where.point.lon);
        CHECK(p.actor == q.actor);
        CHECK(p.victims == q.victims);
        CHECK(p.confidence == q.confidence);
        CHECK(p.role == q.role);
        CHECK(x.state.best_report == y.state.best_report);
        REQUIRE(x.sources.size() == y.sources.size());
        for (std::size_t k = 0; k < x.sources.size(); ++k) {
            CHECK(x.sources[k].report_id == y.sources[k].report_id);
            CHECK(x.sources[k].reason == y.sources[k].reason);
            CHECK(x.sources[k].compared == y.sources[k].compared);
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
    const auto reports = test::vary_actors(random_reports(7, 500), 7);
    const DedupResult full = deduplicate(reports);
    for (std::size_t near : {0, 1, 250, 495, 500}) {
        const std::size_t split = article_boundary(reports, near);
        INFO("first merge of " << split << " reports");
        const auto [earlier, more] = continue_after(reports, split);
        check_same(updated(earlier, more), full);
        // Only new incidents and those that took a new report are written, a stored one
        // with its new reports alone.
        std::size_t changed = 0;
        for (std::size_t i = 0; i < full.incidents.size(); ++i)
            changed += i >= earlier.incidents.size() ||
                       earlier.incidents[i].sources.size() != full.incidents[i].sources.size();
        CHECK(more.incidents.size() == changed);
    }
}

TEST_CASE("a continued incident equals one merged from all its reports", "[dedup]") {
    // One event told 40 times, with every field merge_reports() folds varying.
    std::vector<StoredReport> reports = test::vary_actors(random_reports(15, 40), 15);
    for (StoredReport& r : reports) {
        r.incident.casualties.injured = r.report_id % 3 ? Count::exact(static_cast<int>(r.report_id % 7))
                                                        : Count{};
        if (r.report_id % 5 == 0) r.incident.casualties.killed = Count{12, 10, 15, true};
    }
    std::vector<const StoredReport*> all;
    for (const StoredReport& r : reports) all.push_back(&r);
    const Incident whole = merge_reports(all);
    for (std::size_t split = 1; split < reports.size(); ++split) {
        INFO("split " << split);
        MergingIncident head(reports.front());
        for (std::size_t i = 1; i < split; ++i) head.add(reports[i]);
        const auto best = std::find_if(reports.begin(), reports.end(), [&](const StoredReport& r) {
            return r.report_id == head.best_report();
        });
        MergingIncident rest(head.incident(), *best, head.first_actor(), head.first_victims());
        for (std::size_t i = split; i < reports.size(); ++i) rest.add(reports[i]);
        const Incident part = rest.incident();
        CHECK(part.article_id == whole.article_id);
        CHECK(part.casualties.killed.value == whole.casualties.killed.value);
        CHECK(part.casualties.killed.low == whole.casualties.killed.low);
        CHECK(part.casualties.killed.high == whole.casualties.killed.high);
        CHECK(part.casualties.killed.vague == whole.casualties.killed.vague);
        CHECK(part.casualties.injured.value == whole.casualties.injured.value);
        CHECK(part.casualties.injured.low == whole.casualties.injured.low);
        CHECK(part.actor == whole.actor);
        CHECK(part.victims == whole.victims);
        CHECK(part.confidence == whole.confidence);
        CHECK(part.role == whole.role);
        CHECK(part.evidence == whole.evidence);
    }
}

TEST_CASE("without de-duplication a continued run also equals a fresh one", "[dedup][scale]") {
    const auto reports = random_reports(8, 60);
    const DedupResult full = keep_reports_apart(reports);
    const DedupResult more = keep_reports_apart({reports.begin() + 40, reports.end()});
    CHECK(more.incidents.size() == 20);
    check_same(updated(keep_reports_apart({reports.begin(), reports.begin() + 40}), more), full);
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
    deduplicate(reports, {}, hooks);
    CHECK(last_done == 600);
    CHECK(last_total == 600);

    int polls = 0;
    hooks.stop_requested = [&] { return ++polls == 2; };
    CHECK_THROWS_AS(deduplicate(reports, {}, hooks), MergeInterrupted);
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
        const auto [earlier, more] = continue_after(reports, article_boundary(reports, 350));
        check_same(updated(earlier, more), result);
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
