#pragma once
// Text helpers shared by the HTML and Markdown briefings: escaping (article sentences are
// untrusted text), and the one way every figure is written.
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/incident.hpp"
#include "output/brief.hpp"

namespace incimap {

// & < > " ' as character references: safe in element content and in quoted attributes.
std::string html_escape(std::string_view text);
// Safe inside a Markdown table cell: no pipe, line break, emphasis, link or raw HTML.
std::string markdown_escape(std::string_view text);

std::string format_number(long n);  // 12,345
std::string format_sum(const CountSum& sum);
std::string count_of(long n, std::string_view noun);  // "1 incident", "1,204 incidents"  // "12",
                                                      // or "12-30" for vague counts
// One incident's count: "" when the report gives no figure, else as format_sum.
std::string format_count(const Count& count);
// "+3 (+50%)", "-2 (-20%)", "no change", "+3 (none before)".
std::string format_change(long current, long previous);
std::string format_date(const Date& d);           // 3 Jan 2022
std::string format_period(const BriefPeriod& p);  // 1 Jan 2022 - 31 Mar 2022

// Shared wording of the HTML and Markdown pages.
std::string brief_title(const BriefReport& report);  // "Homs: violent incidents, 1 Jan 2022 - ..."
std::string event_label(const Incident& incident);   // "explosion, air strike"
std::string date_label(const Incident& incident);    // "2022-01-05", "2022-01 (month)"
std::string place_text(const Incident& incident);    // resolved name, else as written
// What the changes compare with: "Change against ... 12 Oct 2021 - 3 Jan 2022." or why
// there is nothing to compare with.
std::string comparison_statement(const BriefReport& report);
// format_change, or "n/a" when the data do not reach back into the previous period.
std::string change_text(const BriefReport& report, long current, long previous);
// The sentence an empty or undated page shows instead of figures.
std::string empty_statement(const BriefReport& report);

std::string base64_encode(std::string_view bytes);

}  // namespace incimap
