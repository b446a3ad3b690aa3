// Publication dates in the forms data sets use (parse_published_date in reader.hpp).
#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "ingest/reader.hpp"

namespace incimap {

namespace {

// English month names; the first three letters are the abbreviation news sites use
// ("Sep" and "Sept" both start with "sep").
constexpr std::array<std::string_view, 12> month_names{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

std::optional<int> month_from_name(std::string_view word) {
    std::string lower;
    for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.ends_with('.')) lower.pop_back();
    if (lower.size() < 3) return std::nullopt;
    for (std::size_t i = 0; i < month_names.size(); ++i)
        if (month_names[i].starts_with(lower) || (lower == "sept" && i == 8))
            return static_cast<int>(i) + 1;
    return std::nullopt;
}

std::optional<int> to_int(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

std::optional<Date> make_date(int year, int month, int day) {
    Date d{year, month, day};
    if (!d.valid()) return std::nullopt;
    return d;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// "2021-02-22", "2021-02-22 00:00", "2017-04-05T10:00:00+03:00"
std::optional<Date> parse_iso_prefix(std::string_view s) {
    if (s.size() < 10) return std::nullopt;
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
    return Date::parse_iso(s.substr(0, 10));
}

// "4/5/2017" (M/D/YYYY, as FA-KES writes it) and "4/5/17"
std::optional<Date> parse_slashed(std::string_view s) {
    auto first = s.find('/');
    auto second = s.find('/', first == std::string_view::npos ? first : first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos) return std::nullopt;
    auto month = to_int(s.substr(0, first));
    auto day = to_int(s.substr(first + 1, second - first - 1));
    std::string_view year_text = s.substr(second + 1);
    if (auto space = year_text.find(' '); space != std::string_view::npos)
        year_text = year_text.substr(0, space);  // "4/5/2017 10:00"
    auto year = to_int(year_text);
    if (!month || !day || !year) return std::nullopt;
    if (year_text.size() == 2) *year += *year < 70 ? 2000 : 1900;
    else if (year_text.size() != 4) return std::nullopt;
    return make_date(*year, *month, *day);
}

// "5 April 2017", "05 Apr 2017", "April 5, 2017", "Wed 05 Apr 2017"
std::optional<Date> parse_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != ',') ++j;
        if (j > i) words.push_back(s.substr(i, j - i));
        i = j;
    }
    for (std::size_t k = 0; k + 2 < words.size(); ++k) {
        if (auto m = month_from_name(words[k + 1])) {  // D Month YYYY
            auto d = to_int(words[k]), y = to_int(words[k + 2]);
            if (d && y && words[k + 2].size() == 4) return make_date(*y, *m, *d);
        }
        if (auto m = month_from_name(words[k])) {  // Month D, YYYY
            std::string_view day = words[k + 1];
            for (std::string_view suffix : {"st", "nd", "rd", "th"})
                if (day.ends_with(suffix)) day.remove_suffix(2);
            auto d = to_int(day), y = to_int(words[k + 2]);
            if (d && y && words[k + 2].size() == 4) return make_date(*y, *m, *d);
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<Date> parse_published_date(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty()) return std::nullopt;
    if (auto d = parse_iso_prefix(s)) return d;
    if (auto d = parse_slashed(s)) return d;
    return parse_words(s);
}

}  // namespace incimap
