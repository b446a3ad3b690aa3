// The Markdown briefing: the HTML page's content with tables in place of its charts and map
// (Markdown has no inline SVG that renderers agree on), and a link to the run's heatmap.png.
#include <string>

#include "output/brief_render.hpp"
#include "output/brief_text.hpp"

namespace incimap {
namespace {

std::string row(std::initializer_list<std::string> cells) {
    std::string out = "|";
    for (const std::string& c : cells) out += " " + c + " |";
    return out + "\n";
}

std::string headline(const BriefReport& r) {
    std::string h = "## Headline figures\n\n";
    if (r.empty()) h += empty_statement(r) + "\n\n";
    if (r.empty() && !r.period) return h;
    auto line = [&r](const char* what, const CountSum& now, const CountSum& before) {
        return row(
            {what, format_sum(now), format_sum(before), change_text(r, now.low, before.low)});
    };
    if (r.dates_unknown) {
        const BriefTotals& t = r.totals;
        return h + row({"", "All incidents"}) + "|---|--:|\n" +
               row({"Incidents", format_number(t.incidents)}) +
               row({"Killed", format_sum(t.killed)}) + row({"Injured", format_sum(t.injured)}) +
               row({"Captured", format_sum(t.captured)}) + "\n" + comparison_statement(r) + "\n\n";
    }
    const BriefTotals& t = r.totals;
    const BriefTotals& p = r.previous_totals;
    h += row({"", "This period", "Previous period", "Change"}) + "|---|--:|--:|--:|\n";
    h += line("Incidents", {t.incidents, t.incidents}, {p.incidents, p.incidents});
    h += line("Killed", t.killed, p.killed) + line("Injured", t.injured, p.injured) +
         line("Captured", t.captured, p.captured);
    h += "\n" + comparison_statement(r) +
         " Ranges such as 12-30 add up vague reports (\"dozens\"); changes compare their lower "
         "bounds.\n\n";
    return h;
}

std::string governorates(const BriefReport& r) {
    std::string t = "## By governorate\n\n" +
                    row({"Governorate", "P-code", "Incidents", "Killed", "Injured", "Captured",
                         "Incidents vs previous", "Killed vs previous"}) +
                    "|---|---|--:|--:|--:|--:|--:|--:|\n";
    for (const BriefGovernorate& g : r.governorates)
        t += row({markdown_escape(g.name), markdown_escape(g.pcode),
                  format_number(g.current.incidents), format_sum(g.current.killed),
                  format_sum(g.current.injured), format_sum(g.current.captured),
                  change_text(r, g.current.incidents, g.previous.incidents),
                  change_text(r, g.current.killed.low, g.previous.killed.low)});
    t += row({"**Total**", "", format_number(r.totals.incidents), format_sum(r.totals.killed),
              format_sum(r.totals.injured), format_sum(r.totals.captured),
              change_text(r, r.totals.incidents, r.previous_totals.incidents),
              change_text(r, r.totals.killed.low, r.previous_totals.killed.low)});
    return t + "\n";
}

std::string trend(const BriefReport& r) {
    const bool weekly = r.bucketing == BriefBucketing::week;
    std::string t = std::string("## Trend\n\nIncidents, killed and injured per ") +
                    (weekly ? "week (starting Monday)" : "month") + ".\n\n" +
                    row({weekly ? "Week of" : "Month", "Incidents", "Killed", "Injured"}) +
                    "|---|--:|--:|--:|\n";
    for (std::size_t i = 0; i < r.buckets.size(); ++i)
        t += row({r.buckets[i].label + (weekly ? " " + std::to_string(r.buckets[i].from.year) : ""),
                  format_number(r.series[i].incidents), format_sum(r.series[i].killed),
                  format_sum(r.series[i].injured)});
    return t + "\n";
}

std::string places(const BriefReport& r) {
    std::string t = "## Top places\n\n" +
                    row({"#", "Place", "Governorate", "Incidents", "Killed", "Injured"}) +
                    "|--:|---|---|--:|--:|--:|\n";
    long rank = 0;
    for (const BriefPlace& p : r.top_places)
        t += row({std::to_string(++rank), markdown_escape(p.name), markdown_escape(p.governorate),
                  format_number(p.totals.incidents), format_sum(p.totals.killed),
                  format_sum(p.totals.injured)});
    return t + "\n";
}

std::string evidence(const BriefReport& r) {
    std::string t = "## Evidence\n\n";
    if (r.evidence.size() < r.evidence_total)
        t += "Showing the " + format_number(static_cast<long>(r.evidence.size())) +
             " incidents with the most casualties of " +
             format_number(static_cast<long>(r.evidence_total)) +
             "; every incident is in the run's incidents layer.\n\n";
    t += row({"Date", "Place", "Event", "Killed", "Injured", "Captured", "Sentence", "Source"}) +
         "|---|---|---|--:|--:|--:|---|---|\n";
    for (const BriefEvidence& e : r.evidence) {
        const Incident& i = e.incident;
        std::string source = e.source.empty() ? "" : markdown_escape(e.source) + ", ";
        source += "`" + markdown_escape(i.article_id) + "`";
        t += row({date_label(i), markdown_escape(place_text(i)), markdown_escape(event_label(i)),
                  format_count(i.casualties.killed), format_count(i.casualties.injured),
                  format_count(i.casualties.captured), markdown_escape(i.evidence), source});
    }
    return t + "\n";
}

}  // namespace

std::string render_brief_markdown(const BriefReport& r, const BriefAssets& assets) {
    std::string md = "# " + markdown_escape(brief_title(r)) + "\n\n";
    if (r.period && r.previous_covered) md += "Compared with " + format_period(*r.previous) + ". ";
    if (r.period)
        md += std::string("By ") + (r.bucketing == BriefBucketing::week ? "week" : "month") + ". ";
    md += "Source: " +
          markdown_escape(assets.source_label.empty() ? "incidents" : assets.source_label) +
          ".\n\n";
    md += headline(r);
    if (!r.empty()) {
        md += governorates(r) + (r.period ? trend(r) : std::string()) + places(r);
        if (!assets.heatmap_link.empty())
            md += "## Heatmap\n\n![Casualty heatmap of the run](" + assets.heatmap_link + ")\n\n";
        md += evidence(r);
    }
    md +=
        "Figures count incidents reported as happening in the period (incidents an article "
        "recalls from earlier are left out). Killed, injured and captured are as the sentences "
        "state them; vague words give ranges.";
    if (r.undated > 0 && !r.dates_unknown)
        md += " " + count_of(static_cast<long>(r.undated), "incident") +
              " without an event date are not counted.";
    return md + "\n";
}

}  // namespace incimap
