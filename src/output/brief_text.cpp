#include "output/brief_text.hpp"

#include <array>
#include <cmath>
#include <cstdlib>

namespace incimap {
namespace {
constexpr std::array<const char*, 12> month_abbrev = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string markdown_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            // Renderers pass raw HTML through: entities keep a sentence from becoming markup.
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '\r':
                break;
            case '\n':
                out += ' ';
                break;
            case '|':
            case '\\':
            case '*':
            case '_':
            case '`':
            case '[':
            case ']':
            case '#':
                out += '\\';
                out += c;
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string format_number(long n) {
    const std::string digits = std::to_string(std::labs(n));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string format_sum(const CountSum& sum) {
    return sum.ranged() ? format_number(sum.low) + "-" + format_number(sum.high)
                        : format_number(sum.low);
}

std::string count_of(long n, std::string_view noun) {
    return format_number(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::string format_count(const Count& count) {
    if (!count.value) return {};
    CountSum sum;
    sum.add(count);
    return format_sum(sum);
}

std::string format_change(long current, long previous) {
    const long delta = current - previous;
    if (delta == 0) return "no change";
    std::string out = (delta > 0 ? "+" : "") + format_number(delta);
    if (previous == 0) return out + " (none before)";
    const long percent =
        std::lround(100.0 * static_cast<double>(delta) / static_cast<double>(previous));
    return out + " (" + (percent > 0 ? "+" : "") + std::to_string(percent) + "%)";
}

std::string format_date(const Date& d) {
    return std::to_string(d.day) + " " + month_abbrev[(d.month + 11) % 12] + " " +
           std::to_string(d.year);
}

std::string format_period(const BriefPeriod& p) {
    return p.from == p.to ? format_date(p.from) : format_date(p.from) + " - " + format_date(p.to);
}

std::string brief_title(const BriefReport& report) {
    std::string title = report.scope + ": violent incidents";
    if (report.period) title += ", " + format_period(*report.period);
    if (report.dates_unknown) title += ", dates unknown";
    return title;
}

std::string event_label(const Incident& incident) {
    std::string out = incident.event_type;
    if (!incident.sub_event_type.empty() && incident.sub_event_type != incident.event_type)
        out += (out.empty() ? "" : ", ") + incident.sub_event_type;
    for (char& c : out)
        if (c == '_') c = ' ';
    return out;
}

std::string date_label(const Incident& incident) {
    if (!incident.event_date) return "undated";
    const std::string iso = incident.event_date->iso();
    switch (incident.date_precision) {
        case DatePrecision::day:
            return iso;
        case DatePrecision::month:
            return iso.substr(0, 7) + " (month)";
        case DatePrecision::year:
            return iso.substr(0, 4) + " (year)";
        case DatePrecision::week:
            return iso + " (week of)";
        case DatePrecision::unknown:
            break;
    }
    return iso + " (approx.)";
}

std::string place_text(const Incident& incident) {
    if (incident.where.place && !incident.where.place->name.empty())
        return incident.where.place->name;
    return incident.where.text.empty() ? "unknown place" : incident.where.text;
}

std::string comparison_statement(const BriefReport& report) {
    if (report.dates_unknown)
        return "No incident has an event date, so the figures cover every incident of the run, "
               "with no trend and no comparison with an earlier period.";
    if (!report.previous) return {};
    if (!report.previous_covered && report.data_begin && *report.data_begin < report.period->from)
        return "The data begin on " + format_date(*report.data_begin) +
               ", inside the previous period of the same length (" +
               format_period(*report.previous) +
               "), so there is no whole previous period to compare with.";
    if (!report.previous_covered)
        return "No incidents in this run are dated before " + format_date(report.period->from) +
               ", so there is no previous period to compare with.";
    return "Change against the previous period of the same length, " +
           format_period(*report.previous) + ".";
}

std::string change_text(const BriefReport& report, long current, long previous) {
    return report.previous_covered ? format_change(current, previous) : "n/a";
}

std::string empty_statement(const BriefReport& report) {
    if (!report.period)
        return "There are no incidents" +
               (report.scope == "Syria" ? std::string() : " in " + report.scope) +
               " in this run, so there is nothing to brief on.";
    return "No incidents were recorded in " + report.scope + " between " +
           format_date(report.period->from) + " and " + format_date(report.period->to) + ".";
}

std::string base64_encode(std::string_view bytes) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                           static_cast<unsigned char>(bytes[i + 1]) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += alphabet[v >> 18 & 63];
        out += alphabet[v >> 12 & 63];
        out += alphabet[v >> 6 & 63];
        out += alphabet[v & 63];
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += alphabet[v >> 18 & 63];
        out += alphabet[v >> 12 & 63];
        out += rest == 2 ? alphabet[v >> 6 & 63] : '=';
        out += '=';
    }
    return out;
}

}  // namespace incimap
