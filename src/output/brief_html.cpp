// The HTML briefing. Every piece of text from the data goes through html_escape: article
// sentences, titles and place names are untrusted input.
#include <string>

#include "output/brief_render.hpp"
#include "output/brief_text.hpp"
#include "output/svg_chart.hpp"
#include "output/svg_map.hpp"

namespace incimap {
namespace {

// One palette for cards, charts and map: incidents navy, killed red, injured amber.
constexpr const char* colour_incidents = "#27496d";
constexpr const char* colour_killed = "#b03a2e";

// System fonts only: the page must not fetch anything.
constexpr const char* page_css = R"css(
:root { --ink:#1d2430; --muted:#5b6472; --rule:#dfe3e8; --paper:#ffffff; --band:#f5f7f9;
        --navy:#27496d; --red:#b03a2e; --amber:#c27c0e; --green:#2e7d4f; }
* { box-sizing: border-box; }
body { margin:0; background:var(--band); color:var(--ink);
       font: 15px/1.5 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 40px 48px; background: var(--paper); }
header { border-bottom: 3px solid var(--navy); padding-bottom: 14px; margin-bottom: 8px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0; }
h1 { font-size: 28px; line-height: 1.25; margin: 4px 0 6px; }
h2 { font-size: 19px; margin: 34px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 14px; margin: 0 0 2px; }
.meta, .note, figcaption { color: var(--muted); font-size: 13px; }
.empty { font-size: 17px; padding: 18px 20px; background: var(--band); border-left: 4px solid var(--navy); }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 12px 16px; border-top: 4px solid var(--navy); }
.card.killed { border-top-color: var(--red); } .card.injured { border-top-color: var(--amber); }
.card.captured { border-top-color: var(--muted); }
.card .label { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.card .value { font-size: 30px; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
.card .value.long { font-size: 22px; line-height: 45px; }
.card .change { font-size: 13px; } .na { color: var(--muted); } .up { color: var(--red); } .down { color: var(--green); }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { padding: 6px 9px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; font-size: 12.5px; color: var(--muted); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: 600; border-top: 2px solid var(--rule); }
tbody tr:nth-child(even) td { background: #fafbfc; }
.chart { width: 100%; height: auto; display: block; }
.chart .grid { stroke: #e8ebef; } .chart .axis { stroke: #9aa3ad; }
.chart text { font-size: 11px; fill: var(--muted); } .chart .legend { font-size: 11.5px; fill: var(--ink); }
.multiples { display: grid; grid-template-columns: repeat(3, 1fr); gap: 18px 22px; margin-top: 18px; }
.multiples figure { margin: 0; } .multiples .sub { font-size: 12px; color: var(--muted); margin: 0 0 2px; }
.maps { display: grid; grid-template-columns: 1fr 1fr; gap: 22px; align-items: start; }
.maps figure { margin: 0; }
.map { width: 100%; height: auto; display: block; background: #eef3f7; border: 1px solid var(--rule); }
.map .unit { fill: #fbfaf7; stroke: #8c96a3; stroke-width: .8; } .map .unit.dim { fill: #eceae4; }
.map .unit-labels text { font-size: 10px; fill: #6b7480; paint-order: stroke; stroke: #fbfaf7; stroke-width: 3px; }
.map .mark { fill: var(--red); fill-opacity: .5; stroke: #7d241b; stroke-width: .8; }
.map .mark.zero { fill: var(--navy); fill-opacity: .45; stroke: #1b3550; }
.map .legend-band { fill: #fff; } .map .map-legend text { font-size: 11px; fill: var(--ink); }
img.heatmap { width: 100%; height: auto; border: 1px solid var(--rule); display: block; }
.evidence td.sentence { min-width: 340px; } .evidence td.src { max-width: 210px; } .evidence .src { font-size: 12px; color: var(--muted); }
.evidence .src code { font-size: 11.5px; } .url { word-break: break-all; }
footer { margin-top: 36px; padding-top: 12px; border-top: 1px solid var(--rule); font-size: 12.5px; color: var(--muted); }
@media print { body { background: #fff; } main { padding: 0; } }
)css";

std::string td_n(const std::string& text) {
    return "<td class=\"n\">" + html_escape(text) + "</td>";
}

std::string change_span(long current, long previous, bool covered) {
    if (!covered) return "<span class=\"na\">n/a</span>";
    const char* cls = current > previous ? "up" : current < previous ? "down" : "";
    const char* arrow = current > previous ? "&#9650; " : current < previous ? "&#9660; " : "";
    return std::string("<span class=\"") + cls + "\">" + arrow +
           html_escape(format_change(current, previous)) + "</span>";
}

std::string card(const char* cls, const char* label, const CountSum& now, const CountSum& before,
                 bool covered) {
    return std::string("<div class=\"card ") + cls + "\"><div class=\"label\">" + label +
           "</div><div class=\"value" + (format_sum(now).size() > 9 ? " long" : "") + "\">" +
           html_escape(format_sum(now)) + "</div><div class=\"change\">" +
           (covered ? change_span(now.low, before.low, true)
                    : std::string("<span class=\"na\">no earlier data to compare</span>")) +
           (covered ? " <span class=\"meta\">vs " + html_escape(format_sum(before)) + "</span>"
                    : "") +
           "</div></div>";
}

std::string headline(const BriefReport& r) {
    std::string h = "<section id=\"headline\"><h2>Headline figures</h2>";
    if (r.empty()) h += "<p class=\"empty\">" + html_escape(empty_statement(r)) + "</p>";
    if (r.empty() && !r.period) return h + "</section>";
    CountSum incidents{r.totals.incidents, r.totals.incidents};
    CountSum incidents_before{r.previous_totals.incidents, r.previous_totals.incidents};
    h += "<div class=\"cards\">" +
         card("incidents", "Incidents", incidents, incidents_before, r.previous_covered) +
         card("killed", "Killed", r.totals.killed, r.previous_totals.killed, r.previous_covered) +
         card("injured", "Injured", r.totals.injured, r.previous_totals.injured,
              r.previous_covered) +
         card("captured", "Captured", r.totals.captured, r.previous_totals.captured,
              r.previous_covered) +
         "</div>";
    h += "<p class=\"note\">" + html_escape(comparison_statement(r)) +
         " Ranges such as 12-30 add up vague reports (&ldquo;dozens&rdquo;); changes compare "
         "their lower bounds.</p></section>";
    return h;
}

std::string governorate_table(const BriefReport& r) {
    std::string t =
        "<section id=\"governorates\"><h2>By governorate</h2><table><thead><tr><th>Governorate</th>"
        "<th>P-code</th><th class=\"n\">Incidents</th><th class=\"n\">Killed</th><th class=\"n\">"
        "Injured</th><th class=\"n\">Captured</th><th class=\"n\">Incidents vs previous</th>"
        "<th class=\"n\">Killed vs previous</th></tr></thead><tbody>";
    for (const BriefGovernorate& g : r.governorates) {
        t += "<tr><td>" + html_escape(g.name) + "</td><td>" + html_escape(g.pcode) + "</td>" +
             td_n(format_number(g.current.incidents)) + td_n(format_sum(g.current.killed)) +
             td_n(format_sum(g.current.injured)) + td_n(format_sum(g.current.captured)) +
             "<td class=\"n\">" +
             change_span(g.current.incidents, g.previous.incidents, r.previous_covered) + "</td>" +
             "<td class=\"n\">" +
             change_span(g.current.killed.low, g.previous.killed.low, r.previous_covered) +
             "</td></tr>";
    }
    t += "</tbody><tfoot><tr><td>Total</td><td></td>" + td_n(format_number(r.totals.incidents)) +
         td_n(format_sum(r.totals.killed)) + td_n(format_sum(r.totals.injured)) +
         td_n(format_sum(r.totals.captured)) + "<td class=\"n\">" +
         change_span(r.totals.incidents, r.previous_totals.incidents, r.previous_covered) +
         "</td><td class=\"n\">" +
         change_span(r.totals.killed.low, r.previous_totals.killed.low, r.previous_covered) +
         "</td></tr></tfoot></table></section>";
    return t;
}

BarChartSpec series_chart(const BriefReport& r, const std::vector<BriefTotals>& series,
                          const std::string& title, int width, int height, bool legend = true) {
    BarChartSpec spec;
    spec.legend = legend;
    spec.title = title;
    spec.width = width;
    spec.height = height;
    ChartSeries incidents{"incidents", colour_incidents, {}, {}};
    ChartSeries killed{"killed", colour_killed, {}, {}};
    bool ranged = false;
    for (std::size_t i = 0; i < r.buckets.size(); ++i) {
        spec.labels.push_back(r.buckets[i].label);
        incidents.low.push_back(static_cast<double>(series[i].incidents));
        killed.low.push_back(static_cast<double>(series[i].killed.low));
        killed.high.push_back(static_cast<double>(series[i].killed.high));
        ranged = ranged || series[i].killed.ranged();
    }
    if (!ranged) killed.high.clear();
    spec.series = {std::move(incidents), std::move(killed)};
    return spec;
}

std::string trend(const BriefReport& r) {
    const std::string unit = r.bucketing == BriefBucketing::week ? "week" : "month";
    std::string t =
        "<section id=\"trend\"><h2>Trend</h2><p class=\"note\">Incidents and people "
        "killed per " +
        unit + (r.bucketing == BriefBucketing::week ? " (weeks start on Monday)" : "") + ".</p>";
    t += svg_bar_chart(
        series_chart(r, r.series, "Incidents and killed per " + unit + ", " + r.scope, 1040, 220));
    if (r.governorates.size() > 1) {
        t += "<div class=\"multiples\">";
        // Each small chart has its own scale: a shared one would flatten all but the largest.
        for (const BriefGovernorate& g : r.governorates) {
            t += "<figure><h3>" + html_escape(g.name) + "</h3><p class=\"sub\">" +
                 html_escape(count_of(g.current.incidents, "incident") + ", " +
                             format_sum(g.current.killed) + " killed") +
                 "</p>" +
                 svg_bar_chart(series_chart(r, g.series,
                                            "Incidents and killed per " + unit + ", " + g.name, 340,
                                            130, false)) +
                 "</figure>";
        }
        t += "</div>";
    }
    return t + "</section>";
}

std::string maps(const BriefReport& r, const BriefAssets& assets) {
    std::vector<MapMark> marks;
    for (const BriefMapPoint& p : r.map_points) {
        marks.push_back({p.point, static_cast<double>(p.totals.killed.low + p.totals.injured.low),
                         p.label + ": " + count_of(p.totals.incidents, "incident") + ", " +
                             format_sum(p.totals.killed) + " killed, " +
                             format_sum(p.totals.injured) + " injured"});
    }
    SvgMapSpec spec;
    spec.focus = r.scope == "Syria" ? std::string() : r.scope;
    spec.title = "Incidents of the period, " + r.scope;
    spec.value_name = "killed and injured";
    std::string m = "<section id=\"map\"><h2>Map</h2><div class=\"maps\"><figure>" +
                    svg_incident_map(assets.boundaries, marks, spec) +
                    "<figcaption>Incidents of the period by place: circle area shows people killed "
                    "and injured (lower bounds); blue circles had no reported casualties.";
    if (r.unlocated > 0)
        m += " " + count_of(static_cast<long>(r.unlocated), "incident") +
             " without a located place are not shown.";
    m += "</figcaption></figure><figure>";
    if (assets.heatmap_png.empty()) {
        m += "<p class=\"empty\">This run has no heatmap.png; <code>incimap heatmap RUN_DIR</code> "
             "makes one.</p>";
    } else {
        m += "<img class=\"heatmap\" alt=\"Casualty heatmap of the run\" "
             "src=\"data:image/png;base64," +
             base64_encode(assets.heatmap_png) +
             "\"><figcaption>Casualty-weighted heatmap of the run, with the period and filters it "
             "was made with (printed on the image).</figcaption>";
    }
    return m + "</figure></div></section>";
}

std::string places(const BriefReport& r) {
    std::string t =
        "<section id=\"places\"><h2>Top places</h2><table><thead><tr><th class=\"n\">#</th>"
        "<th>Place</th><th>Governorate</th><th class=\"n\">Incidents</th><th class=\"n\">"
        "Killed</th><th class=\"n\">Injured</th></tr></thead><tbody>";
    long rank = 0;
    for (const BriefPlace& p : r.top_places) {
        t += "<tr>" + td_n(std::to_string(++rank)) + "<td>" + html_escape(p.name) + "</td><td>" +
             html_escape(p.governorate) + "</td>" + td_n(format_number(p.totals.incidents)) +
             td_n(format_sum(p.totals.killed)) + td_n(format_sum(p.totals.injured)) + "</tr>";
    }
    return t + "</tbody></table></section>";
}

std::string evidence(const BriefReport& r) {
    std::string t = "<section id=\"evidence\"><h2>Evidence</h2><p class=\"note\">";
    if (r.evidence.size() < r.evidence_total)
        t += "Showing the " + format_number(static_cast<long>(r.evidence.size())) +
             " incidents with the most casualties of " +
             format_number(static_cast<long>(r.evidence_total)) +
             "; every incident is in the run's incidents layer.";
    else
        t += "Every incident counted above, with the sentence it was read from.";
    t += "</p><table class=\"evidence\"><thead><tr><th>Date</th><th>Place</th><th>Event</th>"
         "<th class=\"n\">Killed</th><th class=\"n\">Injured</th><th class=\"n\">Captured</th>"
         "<th>Sentence</th><th>Source</th></tr></thead><tbody>";
    for (const BriefEvidence& e : r.evidence) {
        const Incident& i = e.incident;
        std::string src = e.source.empty() ? std::string() : html_escape(e.source) + "<br>";
        if (!e.title.empty()) src += html_escape(e.title) + "<br>";
        src += "<code>" + html_escape(i.article_id) + "</code>";
        if (!e.url.empty()) src += "<br><span class=\"url\">" + html_escape(e.url) + "</span>";
        t += "<tr><td class=\"n\">" + html_escape(date_label(i)) + "</td><td>" +
             html_escape(place_text(i)) +
             (e.governorate.empty()
                  ? ""
                  : "<br><span class=\"src\">" + html_escape(e.governorate) + "</span>") +
             "</td><td>" + html_escape(event_label(i)) + "</td>" +
             td_n(format_count(i.casualties.killed)) + td_n(format_count(i.casualties.injured)) +
             td_n(format_count(i.casualties.captured)) + "<td class=\"sentence\">" +
             html_escape(i.evidence) + "</td><td class=\"src\">" + src + "</td></tr>";
    }
    return t + "</tbody></table></section>";
}

}  // namespace

std::string render_brief_html(const BriefReport& r, const BriefAssets& assets) {
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>" +
        html_escape(brief_title(r)) + "</title><style>" + page_css +
        "</style></head><body><main><header><p class=\"kicker\">Regional trend "
        "briefing</p><h1>" +
        html_escape(brief_title(r)) + "</h1><p class=\"meta\">";
    if (r.period && r.previous_covered)
        page += "Compared with " + html_escape(format_period(*r.previous)) + " &middot; ";
    if (r.period)
        page += std::string("By ") + (r.bucketing == BriefBucketing::week ? "week" : "month") +
                " &middot; ";
    page +=
        "Source: " + html_escape(assets.source_label.empty() ? "incidents" : assets.source_label) +
        "</p></header>";
    page += headline(r);
    if (!r.empty())
        page += governorate_table(r) + (r.period ? trend(r) : std::string()) + maps(r, assets) +
                places(r) + evidence(r);
    page +=
        "<footer>Figures count incidents reported as happening in the period (incidents an "
        "article recalls from earlier are left out). Killed, injured and captured are as the "
        "sentences state them; vague words give ranges.";
    if (r.undated > 0 && !r.dates_unknown)
        page += " " + count_of(static_cast<long>(r.undated), "incident") +
                " without an event date are not counted.";
    page +=
        " Governorate outlines: OCHA COD-AB. Made with incimap.</footer></main></body></html>\n";
    return page;
}

}  // namespace incimap
