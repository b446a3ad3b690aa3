// The evaluation as a plain-text table; bench/README.md explains every row.
#include <cstdio>
#include <ostream>
#include <string>

#include "eval/corpus_eval.hpp"

namespace incimap::eval {

namespace {

std::string row(const char* what, std::size_t part, std::size_t whole) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "  %-46s %5zu / %-5zu %6.1f %%\n", what, part, whole,
                  100.0 * ratio(part, whole));
    return buf;
}

std::string date_or_dash(const std::optional<Date>& d) { return d ? d->iso() : "-"; }

void print_fakes(std::ostream& out, const FakesFigures& f) {
    out << "FA-KES (fakes_annotated.csv): " << f.rows << " articles, " << f.withheld
        << " with held-out labels skipped, " << f.scored << " scored\n";
    out << row("recall: crowd deaths > 0 -> >= 1 incident", f.found, f.crowd_deaths);
    out << row("precision proxy: incident -> crowd deaths > 0", f.found, f.with_incident);
    out << row("killed exact (primary incident)", f.killed_exact_primary, f.scored);
    out << row("killed exact (primary), when a count is given", f.killed_exact_primary,
               f.killed_answered);
    out << row("killed exact (sum of current incidents)", f.killed_exact_sum, f.scored);
    out << row("killed within primary's low..high", f.killed_in_range, f.scored);
    out << row("killed within 20 % (or 1), when given", f.killed_close, f.killed_answered);
    out << row("governorate of primary (over labelled)", f.gov_correct, f.gov_labelled);
    out << row("governorate of primary, when answered", f.gov_correct, f.gov_answered);
    out << row("  same, Damascus = Rural Damascus", f.gov_correct_lenient, f.gov_answered);
    out << row("event type agrees with cause of death", f.type_agree, f.type_comparable);
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "  current incidents: %zu (%.2f per article); extraction %.2f s for %.2f MB\n",
                  f.incidents, ratio(f.incidents, f.scored), f.seconds, f.bytes / 1e6);
    out << buf;
}

void print_ucdp(std::ostream& out, const UcdpFigures& u) {
    out << "UCDP-AEC (syria_validation_sample_with_text.jsonl): " << u.records << " records, "
        << u.withheld << " with held-out labels skipped, " << u.examples.size() << " scored\n";
    char buf[400];
    std::snprintf(buf, sizeof buf, "  %-7s %-13s %-7s %-22s %-10s | %-7s %-16s %-16s %-10s %s\n",
                  "id", "deaths l/b/h", "ours", "UCDP adm1", "start", "inc/mat", "our adm1",
                  "our place", "our date", "checks");
    out << buf;
    std::size_t range = 0, best = 0, adm1 = 0, date = 0, recalled = 0, current = 0, matching = 0;
    for (const auto& e : u.examples) {
        const std::string deaths = std::to_string(e.deaths_low) + "/" +
                                   std::to_string(e.deaths_best) + "/" +
                                   std::to_string(e.deaths_high);
        const std::string checks = std::string(e.killed_in_range ? "range " : "") +
                                   (e.killed_is_best ? "best " : "") +
                                   (e.adm1_match ? "adm1 " : "") + (e.date_match ? "date" : "");
        const std::string ours = e.killed ? std::to_string(*e.killed) : "-";
        const std::string inc = std::to_string(e.current) + "/" + std::to_string(e.matching);
        std::snprintf(buf, sizeof buf,
                      "  %-7s %-13s %-7s %-22.22s %-10s | %-7s %-16.16s %-16.16s %-10s %s\n",
                      e.id.c_str(), deaths.c_str(), ours.c_str(), e.adm1.c_str(),
                      date_or_dash(e.start).c_str(), inc.c_str(), e.our_adm1.c_str(),
                      e.our_place.c_str(), date_or_dash(e.our_date).c_str(), checks.c_str());
        out << buf;
        range += e.killed_in_range;
        best += e.killed_is_best;
        adm1 += e.adm1_match;
        date += e.date_match;
        recalled += e.matching > 0;
        current += e.current;
        matching += e.matching;
    }
    const std::size_t n = u.examples.size();
    out << row("killed within UCDP low..high", range, n);
    out << row("killed = UCDP best", best, n);
    out << row("governorate (adm1) of primary", adm1, n);
    out << row("date of primary within start..end", date, n);
    out << row("recall: coded event has a matching incident", recalled, n);
    out << row("precision: incidents matching the coded event", matching, current);
}

}  // namespace

void print_report(std::ostream& out, const CorpusFigures& figures) {
    print_fakes(out, figures.fakes);
    out << '\n';
    print_ucdp(out, figures.ucdp);
}

}  // namespace incimap::eval
