// The briefing's figures, computed from incidents invented for these tests.
#include <catch2/catch.hpp>

#include "output/brief.hpp"
#include "output/brief_text.hpp"

using namespace incimap;

namespace {

Date day(const char* iso) { return *Date::parse_iso(iso); }

Count range(int low, int high) { return Count{low, low, high, low != high}; }

Incident incident(const char* date, const char* pcode, const char* governorate, Count killed,
                  Count injured = {}, const char* place = "Kafr Test") {
    Incident i;
    i.incident_id = std::string(date) + pcode + place;
    i.article_id = "a-" + std::string(date);
    i.event_type = "explosion";
    i.event_date = day(date);
    i.date_precision = DatePrecision::day;
    i.casualties.killed = killed;
    i.casualties.injured = injured;
    Place p;
    p.name = place;
    p.admin.admin1_pcode = pcode;
    p.admin.admin1_name = governorate;
    p.point = {37.0, 35.0};
    i.where.place = p;
    i.where.point = p.point;
    i.where.geo_precision = 1;
    i.evidence = "A made-up sentence about " + std::string(place) + ".";
    return i;
}

BriefOptions months(const char* text) {
    BriefOptions o;
    o.period = parse_period(text);
    return o;
}

}  // namespace

TEST_CASE("adds up the incidents, killed and injured of the period only", "[brief]") {
    const std::vector<Incident> incidents = {
        incident("2022-02-03", "SY04", "Homs", Count::exact(4), Count::exact(2)),
        incident("2022-02-20", "SY04", "Homs", Count::exact(1)),
        incident("2022-03-01", "SY09", "Deir-ez-Zor", Count::exact(7), Count::exact(5)),
        incident("2022-04-01", "SY09", "Deir-ez-Zor", Count::exact(100)),  // after the period
    };
    const BriefReport r = build_brief(incidents, {}, months("2022-02..2022-03"));
    CHECK(r.totals.incidents == 3);
    CHECK(r.totals.killed.low == 12);
    CHECK(r.totals.killed.high == 12);
    CHECK(r.totals.injured.low == 7);
    REQUIRE(r.governorates.size() == 2);
    CHECK(r.governorates[0].name == "Homs");  // most incidents first
    CHECK(r.governorates[0].current.incidents == 2);
    CHECK(r.governorates[1].current.killed.low == 7);
}

TEST_CASE("compares whole months with the same number of months before them", "[brief]") {
    const BriefPeriod p = *parse_period("2022-01..2022-03");
    const BriefPeriod before = p.previous();
    CHECK(before.from == day("2021-10-01"));
    CHECK(before.to == day("2021-12-31"));

    const std::vector<Incident> incidents = {
        incident("2021-11-15", "SY04", "Homs", Count::exact(10)),
        incident("2021-12-02", "SY04", "Homs", Count::exact(10)),
        incident("2022-01-10", "SY04", "Homs", Count::exact(5)),
        incident("2021-09-30", "SY04", "Homs", Count::exact(50)),  // before the previous period
    };
    const BriefReport r = build_brief(incidents, {}, months("2022-01..2022-03"));
    CHECK(r.previous_totals.incidents == 2);
    CHECK(r.previous_totals.killed.low == 20);
    CHECK(format_change(r.totals.killed.low, r.previous_totals.killed.low) == "-15 (-75%)");
    CHECK(format_change(r.totals.incidents, r.previous_totals.incidents) == "-1 (-50%)");
    REQUIRE(r.governorates.size() == 1);
    CHECK(r.governorates[0].previous.incidents == 2);
}

TEST_CASE("does not claim a rise when the data do not reach back into the previous period",
          "[brief]") {
    const std::vector<Incident> incidents = {
        incident("2022-01-10", "SY04", "Homs", Count::exact(5))};
    const BriefReport r = build_brief(incidents, {}, months("2022-01"));
    CHECK_FALSE(r.previous_covered);
    CHECK(change_text(r, r.totals.incidents, r.previous_totals.incidents) == "n/a");
    CHECK(comparison_statement(r).find("no previous period to compare with") != std::string::npos);
    std::vector<Incident> longer = incidents;
    longer.push_back(incident("2021-11-20", "SY04", "Homs", Count::exact(1)));  // before Dec 2021
    const BriefReport covered = build_brief(longer, {}, months("2022-01"));
    CHECK(covered.previous_covered);
    CHECK(change_text(covered, covered.totals.incidents, covered.previous_totals.incidents) ==
          "+1 (none before)");
}

TEST_CASE("compares a period of days with as many days before it", "[brief]") {
    const BriefPeriod p = *parse_period("2022-03-10..2022-03-19");
    CHECK_FALSE(p.whole_months);
    CHECK(p.days() == 10);
    const BriefPeriod before = p.previous();
    CHECK(before.from == day("2022-02-28"));
    CHECK(before.to == day("2022-03-09"));
}

TEST_CASE("writes changes with sign and percentage, and says when nothing came before", "[brief]") {
    CHECK(format_change(15, 10) == "+5 (+50%)");
    CHECK(format_change(10, 10) == "no change");
    CHECK(format_change(3, 0) == "+3 (none before)");
    CHECK(format_change(0, 4) == "-4 (-100%)");
    CHECK(format_change(2500, 1000) == "+1,500 (+150%)");
}

TEST_CASE("adds vague counts up to a range shown as 12-30", "[brief]") {
    const std::vector<Incident> incidents = {
        incident("2022-05-02", "SY02", "Aleppo", range(10, 28)),
        incident("2022-05-03", "SY02", "Aleppo", Count::exact(2)),
    };
    const BriefReport r = build_brief(incidents, {}, {});
    CHECK(r.totals.killed.low == 12);
    CHECK(r.totals.killed.high == 30);
    CHECK(format_sum(r.totals.killed) == "12-30");
    CHECK(format_count(range(10, 28)) == "10-28");
    CHECK(format_count(Count{}) == "");
    CHECK(format_count(Count{std::nullopt, 0, 99, true}) == "");  // no figure in the text
    CountSum unknown;
    unknown.add(Count{std::nullopt, 0, 99, true});
    CHECK(unknown.high == 0);
    CHECK(format_sum(CountSum{1234, 1234}) == "1,234");
}

TEST_CASE("takes the whole range of the data as the default period", "[brief]") {
    std::vector<Incident> incidents = {
        incident("2022-06-20", "SY02", "Aleppo", Count::exact(1)),
        incident("2022-06-05", "SY02", "Aleppo", Count::exact(1)),
    };
    incidents.push_back(incidents[0]);
    incidents.back().event_date.reset();  // undated: cannot be placed in any period
    const BriefReport r = build_brief(incidents, {}, {});
    REQUIRE(r.period);
    CHECK(r.period->from == day("2022-06-05"));
    CHECK(r.period->to == day("2022-06-20"));
    CHECK(r.totals.incidents == 2);
    CHECK(r.undated == 1);
    CHECK(r.bucketing == BriefBucketing::week);
}

TEST_CASE("fills the missing side of --from or --to from the data", "[brief]") {
    const std::vector<Incident> incidents = {
        incident("2022-01-05", "SY02", "Aleppo", Count::exact(1)),
        incident("2022-03-05", "SY02", "Aleppo", Count::exact(1)),
    };
    BriefOptions o;
    o.from = day("2022-02-01");
    const BriefReport r = build_brief(incidents, {}, o);
    REQUIRE(r.period);
    CHECK(r.period->from == day("2022-02-01"));
    CHECK(r.period->to == day("2022-03-05"));
    CHECK(r.totals.incidents == 1);
}

TEST_CASE("leaves background incidents out unless asked for them", "[brief]") {
    std::vector<Incident> incidents = {incident("2022-05-02", "SY02", "Aleppo", Count::exact(3)),
                                       incident("2022-05-04", "SY02", "Aleppo", Count::exact(40))};
    incidents[1].role = IncidentRole::background;
    CHECK(build_brief(incidents, {}, {}).totals.killed.low == 3);
    BriefOptions all;
    all.role = RoleFilter::all;
    CHECK(build_brief(incidents, {}, all).totals.killed.low == 43);
}

TEST_CASE("keeps one governorate given by name or by P-code", "[brief]") {
    const std::vector<Incident> incidents = {
        incident("2022-05-02", "SY02", "Aleppo", Count::exact(3)),
        incident("2022-05-04", "SY09", "Deir-ez-Zor", Count::exact(6)),
    };
    for (const char* wanted : {"SY09", "deir ez zor", "Deir-ez-Zor"}) {
        BriefOptions o;
        o.governorate = wanted;
        const BriefReport r = build_brief(incidents, {}, o);
        CHECK(r.totals.incidents == 1);
        CHECK(r.totals.killed.low == 6);
        CHECK(r.scope == "Deir-ez-Zor");
    }
}

TEST_CASE("reports an empty period as empty, with the previous period still counted", "[brief]") {
    const std::vector<Incident> incidents = {
        incident("2021-12-10", "SY04", "Homs", Count::exact(2))};
    const BriefReport r = build_brief(incidents, {}, months("2022-01"));
    CHECK(r.empty());
    CHECK(r.previous_totals.incidents == 1);
    CHECK(r.governorates.size() == 1);  // it had incidents before: its change is news
    CHECK(empty_statement(r) ==
          "No incidents were recorded in Syria between 1 Jan 2022 and 31 Jan 2022.");
    CHECK(build_brief({}, {}, {}).period == std::nullopt);
}

TEST_CASE("buckets a period into Monday-to-Sunday weeks clipped to the period", "[brief]") {
    // 2022-01-05 is a Wednesday; the first week is cut at the period's start.
    const auto buckets =
        make_buckets(*parse_period("2022-01-05..2022-01-20"), BriefBucketing::week);
    REQUIRE(buckets.size() == 3);
    CHECK(buckets[0].from == day("2022-01-05"));
    CHECK(buckets[0].to == day("2022-01-09"));
    CHECK(buckets[0].label == "3 Jan");
    CHECK(buckets[1].from == day("2022-01-10"));
    CHECK(buckets[2].to == day("2022-01-20"));
}

TEST_CASE("buckets a period into calendar months", "[brief]") {
    const auto buckets = make_buckets(*parse_period("2021-11..2022-02"), BriefBucketing::month);
    REQUIRE(buckets.size() == 4);
    CHECK(buckets[0].label == "Nov 2021");
    CHECK(buckets[3].label == "Feb 2022");
    CHECK(buckets[3].to == day("2022-02-28"));

    const std::vector<Incident> incidents = {
        incident("2021-11-30", "SY04", "Homs", Count::exact(1)),
        incident("2021-12-01", "SY04", "Homs", Count::exact(2)),
        incident("2021-12-31", "SY04", "Homs", Count::exact(3)),
    };
    BriefOptions o = months("2021-11..2022-02");
    o.bucketing = BriefBucketing::month;
    const BriefReport r = build_brief(incidents, {}, o);
    REQUIRE(r.series.size() == 4);
    CHECK(r.series[0].incidents == 1);
    CHECK(r.series[1].incidents == 2);
    CHECK(r.series[1].killed.low == 5);
    CHECK(r.series[2].incidents == 0);
    CHECK(r.governorates[0].series[1].incidents == 2);
}

TEST_CASE("chooses weeks for short periods and months for long ones", "[brief]") {
    CHECK(default_bucketing(*parse_period("2022-01..2022-03")) == BriefBucketing::week);
    CHECK(default_bucketing(*parse_period("2022")) == BriefBucketing::month);
}

TEST_CASE("parses periods of months, days and years and rejects the rest", "[brief]") {
    auto p = parse_period("2022-01..2022-03");
    REQUIRE(p);
    CHECK(p->whole_months);
    CHECK(p->to == day("2022-03-31"));
    p = parse_period("2024-02");
    REQUIRE(p);
    CHECK(p->to == day("2024-02-29"));
    p = parse_period("2022");
    REQUIRE(p);
    CHECK(p->days() == 365);
    CHECK(parse_period("2022-01-05")->days() == 1);
    CHECK_FALSE(parse_period("2022-03..2022-01"));
    CHECK_FALSE(parse_period("2022-13"));
    CHECK_FALSE(parse_period("last month"));
    CHECK_FALSE(parse_period("2022-01.."));
}

TEST_CASE("caps the evidence list, keeping the incidents with most casualties, by date",
          "[brief]") {
    std::vector<Incident> incidents;
    for (int d = 1; d <= 20; ++d) {
        char date[16];
        std::snprintf(date, sizeof date, "2022-03-%02d", d);
        incidents.push_back(incident(date, "SY04", "Homs", Count::exact(d % 7)));
    }
    BriefOptions o;
    o.evidence_limit = 5;
    const BriefReport r = build_brief(incidents, {}, o);
    CHECK(r.evidence_total == 20);
    REQUIRE(r.evidence.size() == 5);
    for (const BriefEvidence& e : r.evidence) CHECK(e.incident.casualties.killed.low >= 5);
    for (std::size_t i = 1; i < r.evidence.size(); ++i)
        CHECK(*r.evidence[i - 1].incident.event_date < *r.evidence[i].incident.event_date);
    CHECK(r.totals.incidents == 20);  // the cap is on the list, never on the figures
}

TEST_CASE("read one at a time, the evidence rows get their whole incident and its first article "
          "again",
          "[brief]") {
    std::vector<Incident> incidents;
    for (int d = 1; d <= 20; ++d) {
        char date[16];
        std::snprintf(date, sizeof date, "2022-03-%02d", d);
        incidents.push_back(incident(date, "SY04", "Homs", Count::exact(d % 7)));
        incidents.back().actor = "actor " + std::to_string(d);
    }
    Article first, second;
    first.id = second.id = incidents[5].article_id;  // the sixth: killed 6, kept
    first.source = "First Outlet";
    second.source = "Second Outlet";
    const std::vector<Article> articles = {first, second};
    int incident_passes = 0, article_passes = 0;
    BriefOptions o;
    o.evidence_limit = 5;
    const BriefReport r = build_brief_from_sequences(
        [&](const auto& visit) {
            ++incident_passes;
            for (const auto& i : incidents) visit(i);
        },
        [&](const auto& visit) {
            ++article_passes;
            for (const auto& a : articles) visit(a);
        },
        o);
    CHECK(incident_passes == 2);  // the figures, then the evidence rows' incidents
    CHECK(article_passes == 1);
    REQUIRE(r.evidence.size() == 5);
    bool found = false;
    for (const BriefEvidence& e : r.evidence) {
        const int d = e.incident.event_date->day;
        CHECK(e.incident.actor == "actor " + std::to_string(d));
        CHECK(e.incident.evidence == incidents[static_cast<std::size_t>(d - 1)].evidence);
        if (d == 6) {
            found = true;
            CHECK(e.source == "First Outlet");
        }
    }
    CHECK(found);
}

TEST_CASE("ranks the top places and groups incidents at one point into one map mark", "[brief]") {
    std::vector<Incident> incidents = {
        incident("2022-03-01", "SY04", "Homs", Count::exact(1), {}, "Tall Alpha"),
        incident("2022-03-02", "SY04", "Homs", Count::exact(2), {}, "Tall Alpha"),
        incident("2022-03-03", "SY04", "Homs", Count::exact(9), {}, "Bir Beta"),
    };
    incidents[2].where.point = {38.2, 34.6};
    BriefOptions o;
    o.top_places = 1;
    const BriefReport r = build_brief(incidents, {}, o);
    REQUIRE(r.top_places.size() == 1);
    CHECK(r.top_places[0].name == "Tall Alpha");
    CHECK(r.top_places[0].totals.killed.low == 3);
    CHECK(r.map_points.size() == 2);
}

TEST_CASE("merges map marks on a coarser grid when there are too many", "[brief]") {
    std::vector<Incident> incidents;
    for (int n = 0; n < 40; ++n) {
        incidents.push_back(incident("2022-03-01", "SY04", "Homs", Count::exact(1)));
        incidents.back().where.point = {37.0 + 0.002 * n, 35.0};  // 40 points 200 m apart
    }
    BriefOptions o;
    CHECK(build_brief(incidents, {}, o).map_points.size() == 40);
    o.max_map_marks = 10;
    const BriefReport r = build_brief(incidents, {}, o);
    CHECK(r.map_points.size() <= 10);
    long total = 0;
    for (const BriefMapPoint& m : r.map_points) total += m.totals.incidents;
    CHECK(total == 40);  // merged, never dropped
}

TEST_CASE("an incident across the border is in none of the briefing's figures", "[brief][border]") {
    Incident across = incident("2022-02-05", "SY09", "Deir-ez-Zor", Count::exact(9));
    across.where.place->country_code = "IQ";
    across.where.country_code = "IQ";
    const std::vector<Incident> incidents = {
        incident("2022-02-03", "SY04", "Homs", Count::exact(4)), across};
    const BriefReport report = build_brief(incidents, {}, months("2022-02"));
    CHECK(report.totals.incidents == 1);
    CHECK(report.totals.killed.low == 4);
    for (const BriefGovernorate& g : report.governorates) CHECK(g.pcode != "SY09");
    CHECK(report.map_points.size() == 1);
    BriefOptions deir = months("2022-02");
    deir.governorate = "SY09";
    CHECK(build_brief(incidents, {}, deir).totals.incidents == 0);
}

TEST_CASE("compares with no previous period that starts before the data begin", "[brief]") {
    // The data begin on 15 December 2021, halfway into December, the month before January.
    const std::vector<Incident> incidents = {
        incident("2021-12-15", "SY04", "Homs", Count::exact(1)),
        incident("2022-01-10", "SY04", "Homs", Count::exact(5))};
    const BriefReport r = build_brief(incidents, {}, months("2022-01"));
    REQUIRE(r.data_begin);
    CHECK(*r.data_begin == day("2021-12-15"));
    CHECK_FALSE(r.previous_covered);
    CHECK(change_text(r, r.totals.incidents, r.previous_totals.incidents) == "n/a");
    CHECK(comparison_statement(r) ==
          "The data begin on 15 Dec 2021, inside the previous period of the same length "
          "(1 Dec 2021 - 31 Dec 2021), so there is no whole previous period to compare with.");
    // Data in another governorate from 1 December cover the previous period for Homs too.
    std::vector<Incident> wider = incidents;
    wider.push_back(incident("2021-12-01", "SY09", "Deir-ez-Zor", Count::exact(2)));
    BriefOptions homs = months("2022-01");
    homs.governorate = "SY04";
    const BriefReport covered = build_brief(wider, {}, homs);
    CHECK(covered.previous_covered);
    CHECK(covered.previous_totals.incidents == 1);
}
