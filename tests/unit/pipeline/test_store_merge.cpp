// Merging in the store: a run that adds articles reads only the new reports and the stored
// incidents they may join, and ends with the same incidents as one merge of everything.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "pipeline/store_merge.hpp"
#include "sample_reports.hpp"
#include "temp_dir.hpp"

using namespace incimap;

namespace {

// The reports as stored articles: consecutive reports of one article id are one article.
std::vector<ExtractedArticle> as_articles(const std::vector<StoredReport>& reports) {
    std::vector<ExtractedArticle> out;
    for (const StoredReport& r : reports) {
        if (out.empty() || out.back().article.id != r.incident.article_id) {
            ExtractedArticle a;
            a.article = test::make_article(r.incident.article_id, "text");
            a.article.published = r.published;
            a.content_hash = "hash" + std::to_string(out.size());
            out.push_back(std::move(a));
        }
        out.back().reports.push_back(r.incident);
    }
    return out;
}

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// What a store's merge left: incidents with their sources and reasons, and the dedup report.
std::string merge_outcome(IncidentStore& store, const std::filesystem::path& csv) {
    std::ostringstream s;
    for (const MergedIncident& m : store.incidents()) {
        const Incident& i = m.incident;
        s << i.incident_id << ' ' << i.article_id << ' ' << i.casualties.killed.value.value_or(-1)
          << '/' << i.casualties.killed.low << '-' << i.casualties.killed.high << ' '
          << i.casualties.injured.value.value_or(-1) << ' ' << i.where.point.lon << ' ' << i.actor
          << ' ' << i.victims << ' ' << i.confidence << ' ' << to_string(i.role) << ':';
        for (const auto& source : m.sources) s << ' ' << source.report_id << '/' << source.reason;
        s << '\n';
    }
    write_dedup_report(store, csv);
    return s.str() + file_text(csv);
}

}  // namespace

TEST_CASE("a store merged after each of several runs equals one merged once", "[dedup][store]") {
    const bool dedup = GENERATE(true, false);
    test::TempDir dir("store-merge");
    const auto articles = as_articles(test::vary_actors(test::random_reports(21, 500), 21));
    IncidentStore once(dir.path() / "once.sqlite");
    once.add_articles(articles);
    merge_store(once, dedup, {});

    IncidentStore runs(dir.path() / "runs.sqlite");
    bool continued = false;
    for (std::size_t from = 0; from < articles.size(); from += 90) {
        const std::size_t to = std::min(articles.size(), from + 90);
        runs.add_articles({articles.begin() + from, articles.begin() + to});
        continued = merge_store(runs, dedup, {}).continued;
    }
    CHECK(continued);
    CHECK(merge_outcome(runs, dir.path() / "a.csv") == merge_outcome(once, dir.path() / "b.csv"));
    CHECK(runs.incident_count() == once.incident_count());
    CHECK(runs.merged_report_count() == once.merged_report_count());
}

TEST_CASE("a run adding an article to a big store reads only the reports it may merge with",
          "[dedup][store]") {
    test::TempDir dir("store-merge");
    IncidentStore store(dir.path() / "incimap.sqlite");
    // 600 events three days apart, in two towns far apart, one article each.
    std::vector<ExtractedArticle> articles;
    const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    for (int i = 0; i < 600; ++i) {
        const std::string day =
            std::to_string(2010 + i / 108) + "-" + two(i / 9 % 12 + 1) + "-" + two(i % 9 * 3 + 1);
        const bool homs = i < 300;
        const std::string id = "old" + std::to_string(i);
        Incident report =
            test::make_report(id, "ied", day, homs ? 7 : 8, homs ? "Tadmor" : "Aleppo",
                              homs ? LonLat{38.27, 34.56} : LonLat{37.16, 36.20}, 3);
        articles.push_back({test::make_article(id, "text"), "h" + id, {report}});
    }
    // And an air strike told by three articles on the day and in the town the new report
    // names: found by its keys, but not the same event (an air strike is no IED).
    for (int i = 0; i < 3; ++i) {
        const std::string id = "strike" + std::to_string(i);
        articles.push_back(
            {test::make_article(id, "text"),
             "h" + id,
             {test::make_report(id, "air_strike", "2010-07-19", 7, "Tadmor", {38.27, 34.56}, 3)}});
    }
    store.add_articles(articles);
    merge_store(store, true, {});
    REQUIRE(store.incident_count() == 601);

    // Another outlet's report of the Tadmor event of 2010-07-19 (article old60).
    const Incident again =
        test::make_report("new", "ied", "2010-07-19", 7, "Tadmor", {38.27, 34.56}, 3);
    store.add_articles({{test::make_article("new", "text"), "hnew", {again}}});
    const std::size_t read_before = store.reports_read();
    const StoreMergeSummary merged = merge_store(store, true, {});
    CHECK(merged.continued);
    CHECK(merged.incidents == 601);
    CHECK(merged.merges == 3);
    // Of the store's 603 reports, the first reports of the two incidents its keys find (to
    // test them) and the reports of the one it may join (to merge), and the new report.
    CHECK(store.reports_read() - read_before == 4);
}

TEST_CASE("a report joining an incident of many alike reports reads one of them, not all",
          "[dedup][store]") {
    test::TempDir dir("store-merge");
    IncidentStore store(dir.path() / "incimap.sqlite");
    // One event told by 200 articles, two figures between them.
    const auto article = [](const std::string& id, int killed) {
        return ExtractedArticle{
            test::make_article(id, "text"),
            "h" + id,
            {test::make_report(id, "ied", "2019-05-02", 7, "Tadmor", {38.27, 34.56}, killed)}};
    };
    std::vector<ExtractedArticle> articles;
    for (int i = 0; i < 200; ++i) articles.push_back(article("old" + std::to_string(i), 3 + i % 2));
    store.add_articles(articles);
    merge_store(store, true, {});
    REQUIRE(store.incident_count() == 1);

    store.add_articles({article("new", 5)});
    const std::size_t read_before = store.reports_read();
    const StoreMergeSummary merged = merge_store(store, true, {});
    CHECK(merged.continued);
    CHECK(merged.merges == 200);
    // The new report, the first report (to look the incident up and to compare with), the
    // first with the other figure, and none of the other 198.
    CHECK(store.reports_read() - read_before <= 4);
    const std::vector<Incident> incidents = load_incidents(store.path());
    REQUIRE(incidents.size() == 1);
    CHECK(incidents[0].casualties.killed.value == 5);
    CHECK(incidents[0].casualties.killed.low == 3);
}

TEST_CASE("a store whose sources changed after its merge is merged again, not continued",
          "[dedup][store]") {
    test::TempDir dir("store-merge");
    const auto articles = as_articles(test::random_reports(22, 200));
    const std::vector<ExtractedArticle> first(articles.begin(), articles.begin() + 60);
    IncidentStore once(dir.path() / "once.sqlite");
    once.add_articles(articles);
    merge_store(once, true, {});
    {
        IncidentStore store(dir.path() / "runs.sqlite");
        store.add_articles(first);
        merge_store(store, true, {});
    }
    {
        // Another program drops a report from its incident.
        Database db(dir.path() / "runs.sqlite", Database::Mode::read_write);
        db.exec("DELETE FROM incident_sources WHERE report_id = 7");
    }
    IncidentStore store(dir.path() / "runs.sqlite");
    store.add_articles({articles.begin() + 60, articles.end()});
    CHECK_FALSE(merge_store(store, true, {}).continued);
    CHECK(merge_outcome(store, dir.path() / "a.csv") == merge_outcome(once, dir.path() / "b.csv"));
}
