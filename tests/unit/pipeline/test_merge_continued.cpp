// Merging at scale: the candidate index must never hide an incident a report may join, and a
// merge continued from the store's incidents must equal a merge of every report again.
#include <catch2/catch.hpp>
#include <random>

#include "pipeline/dedup.hpp"
#include "store_fixtures.hpp"

using namespace incimap;

namespace {

struct SamplePlace {
    LonLat point;
    const char* pcode;
};
// Towns a few to a few dozen kilometres apart in Homs and Deir ez-Zor, so that every distance
// rule is crossed both ways.
constexpr SamplePlace places[] = {
    {{38.87, 34.88}, "SY04"}, {{38.97, 34.88}, "SY04"}, {{38.27, 34.56}, "SY04"},
    {{38.60, 34.75}, "SY04"}, {{40.14, 35.33}, "SY09"}, {{40.20, 35.30}, "SY09"},
    {{39.30, 35.00}, "SY09"},
};
const char* const types[] = {"ambush",   "armed_clash",     "attack",    "ied",
                             "landmine", "other_explosion", "air_strike"};

// Reports of every kind the merge tells apart: dated to the day, week or month, undated with
// and without a publication date, at a town, at governorate level or in a desert region,
// some placed by an offset from their place, several from one article.
std::vector<StoredReport> random_reports(unsigned seed, int count) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    std::vector<StoredReport> out;
    for (int i = 0; i < count; ++i) {
        const SamplePlace& place = places[pick(std::size(places))];
        const int day = 1 + pick(20);
        const std::string date =
            pick(5) == 0 ? "" : "2023-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
        StoredReport r;
        r.report_id = 10 + i;
        r.article_key = 1 + i / 2 - pick(2);
        if (pick(4) != 0) r.published = Date::parse_iso("2023-03-2" + std::to_string(pick(10)));
        const int place_id = 500 + static_cast<int>(&place - places);
        r.incident = test::make_report(
            "art" + std::to_string(r.article_key), types[pick(std::size(types))], date, place_id,
            "Place" + std::to_string(place_id), place.point, pick(4) == 0 ? -1 : pick(8));
        r.incident.incident_id += "-" + std::to_string(i % 3);  // some ids repeat
        if (!date.empty()) {
            const DatePrecision precisions[] = {DatePrecision::day, DatePrecision::day,
                                                DatePrecision::week, DatePrecision::month};
            r.incident.date_precision = precisions[pick(4)];
        }
        r.incident.where.admin.admin1_pcode = place.pcode;
        r.incident.evidence = pick(2) ? "A bus was hit on the road." : "A patrol was hit.";
        if (pick(4) == 0) {
            r.incident.where.geo_precision = 3;
            if (pick(2)) {
                r.incident.where.place->feature_type = "desert";
                r.incident.where.place->precision_km = 60;
            } else {
                r.incident.where.place->feature_type = "governorate";
            }
        } else if (pick(8) == 0) {
            // "40 km east of" the place: the same place, a point far from it.
            r.incident.where.point.lon += 0.45;
        }
        if (pick(10) == 0) r.incident.where.place.reset();
        r.incident.role = pick(5) == 0 ? IncidentRole::background : IncidentRole::current;
        out.push_back(std::move(r));
    }
    return out;
}

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
