// Merging many reports of one event (issue 13): the time deduplicate() takes for 8,000,
// 16,000 and 32,000 reports of one event, against the rule applied as it reads, each report
// compared with every member of the incident it joins (what deduplicate() did before), in
// the same run. Also checks that both give the same incidents.
//   bench_merge [--sizes 8000,16000,32000] [--no-reference]
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "pipeline/dedup.hpp"

using namespace incimap;

namespace {

// One car bomb in Tadmor told by n articles: two event types, three tolls, two points a few
// kilometres apart, two dates, with and without naming the bus it hit.
std::vector<StoredReport> one_event(int n) {
    std::vector<StoredReport> out;
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        StoredReport r;
        r.report_id = i + 1;
        r.article_key = i + 1;
        r.published = Date::parse_iso(i % 3 ? "2023-03-11" : "2023-03-12");
        Incident& in = r.incident;
        in.incident_id = "article" + std::to_string(i) + "-car_bomb";
        in.article_id = "article" + std::to_string(i);
        in.event_type = i % 4 ? "car_bomb" : "ied";
        in.event_date = Date::parse_iso(i % 5 ? "2023-03-10" : "2023-03-11");
        in.date_precision = DatePrecision::day;
        in.casualties.killed = Count::exact(10 + i % 3);
        Place p;
        p.id = 7 + i % 2;
        p.name = i % 2 ? "Tadmor" : "Tadmor airport";
        p.feature_type = "town";
        p.country_code = "SY";
        p.point = i % 2 ? LonLat{38.27, 34.56} : LonLat{38.32, 34.55};
        p.admin = {"Homs", "SY04", "Tadmor", "SY0403"};
        in.where.place = p;
        in.where.point = p.point;
        in.where.geo_precision = 2;
        in.where.country_code = "SY";
        in.where.admin = p.admin;
        in.evidence = i % 7 ? "A car bomb went off in the market of Tadmor, article " +
                                  std::to_string(i) + "."
                            : "A car bomb hit a bus near Tadmor.";
        in.confidence = 0.8;
        out.push_back(std::move(r));
    }
    return out;
}

// The rule as it reads: a report joins the first incident all of whose members are the same
// event as it.
std::vector<std::size_t> merge_by_comparing_every_member(const std::vector<StoredReport>& reports) {
    std::vector<std::vector<const StoredReport*>> incidents;
    for (const StoredReport& r : reports) {
        bool joined = false;
        for (auto& members : incidents) {
            bool all = true;
            for (const StoredReport* m : members)
                if (!is_same_event(*m, r)) {
                    all = false;
                    break;
                }
            if (all) {
                members.push_back(&r);
                joined = true;
                break;
            }
        }
        if (!joined) incidents.push_back({&r});
    }
    std::vector<std::size_t> sizes;
    for (const auto& members : incidents) sizes.push_back(members.size());
    return sizes;
}

struct Timing {
    double wall = 0, cpu = 0;
};

template <typename F>
Timing timed(F&& f) {
    const auto wall0 = std::chrono::steady_clock::now();
    const std::clock_t cpu0 = std::clock();
    f();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count(),
            static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC};
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Merge time for many reports of one event"};
    std::vector<int> sizes = {8000, 16000, 32000};
    bool reference = true;
    app.add_option("--sizes", sizes, "numbers of reports")->delimiter(',');
    app.add_flag("!--no-reference", reference, "skip comparing with every member");
    CLI11_PARSE(app, argc, argv);

    std::printf("%8s %10s %12s %10s %14s %14s %8s\n", "reports", "incidents", "comparisons",
                "CPU s", "every member s", "x faster (CPU)", "same");
    for (const int n : sizes) {
        const std::vector<StoredReport> reports = one_event(n);
        DedupResult result;
        const Timing merge = timed([&] { result = deduplicate(reports); });
        std::vector<std::size_t> sizes_now;
        for (const MergedIncident& m : result.incidents) sizes_now.push_back(m.sources.size());
        std::printf("%8d %10zu %12zu %10.3f", n, result.incidents.size(), result.comparisons,
                    merge.cpu);
        if (reference) {
            std::vector<std::size_t> sizes_before;
            const Timing before =
                timed([&] { sizes_before = merge_by_comparing_every_member(reports); });
            std::printf(" %14.3f %14.1f %8s", before.cpu, before.cpu / merge.cpu,
                        sizes_before == sizes_now ? "yes" : "NO");
        }
        std::printf("\n");
        std::fflush(stdout);
    }
    return 0;
}
