#include "text/dates.hpp"

#include <array>
#include <cctype>
#include <string>

#include "text/numbers.hpp"

namespace incimap {

namespace {

// English month and weekday names with the abbreviations news agencies use (AP style).
struct NamedValue {
    std::string_view name;
    int value;
};
constexpr std::array<NamedValue, 23> kMonths{{
    {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},
    {"june", 6},    {"july", 7},     {"august", 8},    {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},      {"mar", 3},
    {"apr", 4},     {"jun", 6},      {"jul", 7},       {"aug", 8},      {"sep", 9},
    {"sept", 9},    {"oct", 10},     {"nov", 11},
}};
constexpr std::array<NamedValue, 7> kWeekdays{{
    {"sunday", 0}, {"monday", 1}, {"tuesday", 2}, {"wednesday", 3},
    {"thursday", 4}, {"friday", 5}, {"saturday", 6},
}};

// Strip a possessive ("sunday's", "sunday’s") and a trailing dot ("dec.").
std::string bare(std::string w) {
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s"})
        if (w.size() > suffix.size() && w.ends_with(suffix)) w.resize(w.size() - suffix.size());
    return w;
}

std::optional<int> lookup(std::string_view w, const auto& table) {
    for (const auto& e : table)
        if (e.name == w) return e.value;
    return std::nullopt;
}

bool capitalised(std::string_view text, const TextWord& w) {
    return std::isupper(static_cast<unsigned char>(text[w.begin])) != 0;
}

std::optional<int> day_number(const TextWord& w) {
    std::string digits;
    for (char c : w.lower) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
        else
            break;
    }
    // "30", "30th", "1st"
    if (digits.empty() || digits.size() > 2) return std::nullopt;
    const std::string rest = w.lower.substr(digits.size());
    if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th")
        return std::nullopt;
    const int d = std::stoi(digits);
    return d >= 1 && d <= 31 ? std::optional<int>(d) : std::nullopt;
}

std::optional<int> year_number(const TextWord& w) {
    if (w.lower.size() != 4) return std::nullopt;
    for (char c : w.lower)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    const int y = std::stoi(w.lower);
    return y >= 1900 && y <= 2099 ? std::optional<int>(y) : std::nullopt;
}

Date month_start(int year, int month) { return Date{year, month, 1}; }

// The most recent `month` strictly before (or, with `inclusive`, not after) the reference
// month: "last February" said in March 2022 is February 2022, said in February 2022 it is
// February 2021.
Date last_month_named(Date ref, int month, bool inclusive) {
    int year = ref.year;
    if (month > ref.month || (!inclusive && month == ref.month)) --year;
    return month_start(year, month);
}

class Scanner {
public:
    Scanner(std::string_view text, std::optional<Date> published)
        : text_(text), words_(text_words(text)), pub_(published) {}

    std::vector<DateMention> run() {
        std::size_t i = 0;
        while (i < words_.size()) {
            const std::size_t used = at(i);
            i += used ? used : 1;
        }
        return std::move(out_);
    }

private:
    const std::string& w(std::size_t i) const {
        static const std::string empty;
        return i < words_.size() ? words_[i].lower : empty;
    }

    void emit(std::size_t first, std::size_t last, std::optional<Date> date, DatePrecision p,
              bool needs_pub, bool recalls) {
        DateMention m;
        m.begin = words_[first].begin;
        m.end = words_[last].end;
        m.needs_publication = needs_pub;
        m.recalls_past = recalls;
        // "30 February 2017" is a date nobody can map: the same check as the store's reading
        // (Date::valid), so that `extract --json` never prints a date that `run` stores as null.
        if (date && !date->valid()) date.reset();
        if (needs_pub && !pub_) {
            m.date.reset();
            m.precision = DatePrecision::unknown;
        } else {
            m.date = date;
            m.precision = date ? p : DatePrecision::unknown;
        }
        const std::string& before = first > 0 ? w(first - 1) : w(words_.size());
        // "the toll from Tuesday's bombing" names the event the toll is of, not a period.
        const std::string& before_from = first > 1 ? w(first - 2) : w(words_.size());
        m.starts_period = before == "since" || (before == "from" && before_from != "toll");
        for (std::size_t k = first; k <= last; ++k) {
            if (!capitalised(text_, words_[k])) continue;
            if (auto month = lookup(bare(w(k)), kMonths)) m.named_month = *month;
            if (auto weekday = lookup(bare(w(k)), kWeekdays)) m.named_weekday = *weekday;
        }
        out_.push_back(m);
    }

    Date pub() const { return pub_.value_or(Date{1970, 1, 1}); }

    // Returns how many words the expression at i used (0: none).
    std::size_t at(std::size_t i) {
        const std::string& a = w(i);
        const std::string& b = w(i + 1);
        if (a == "today" || a == "tonight" || (a == "this" && (b == "morning" || b == "evening"))) {
            const std::size_t n = a == "this" ? 2 : 1;
            emit(i, i + n - 1, pub(), DatePrecision::day, true, false);
            return n;
        }
        if (a == "yesterday" || (a == "last" && b == "night")) {
            const std::size_t n = a == "last" ? 2 : 1;
            emit(i, i + n - 1, pub().plus_days(-1), DatePrecision::day, true, false);
            return n;
        }
        if (a == "last" || a == "this" || a == "next") {
            if (b == "week") {
                emit(i, i + 1, pub().plus_days(a == "last" ? -7 : 0), DatePrecision::week, true,
                     a == "last");
                return 2;
            }
            if (b == "month") {
                Date p = pub();
                Date d = a == "last" ? (p.month == 1 ? Date{p.year - 1, 12, 1}
                                                     : Date{p.year, p.month - 1, 1})
                                     : Date{p.year, p.month, 1};
                emit(i, i + 1, d, DatePrecision::month, true, a == "last");
                return 2;
            }
            if (b == "year") {
                emit(i, i + 1, Date{pub().year - (a == "last" ? 1 : 0), 1, 1},
                     DatePrecision::year, true, a == "last");
                return 2;
            }
            if (a == "last" && i + 1 < words_.size() && capitalised(text_, words_[i + 1])) {
                if (auto m = lookup(bare(b), kMonths)) {
                    emit(i, i + 1, last_month_named(pub(), *m, false), DatePrecision::month, true,
                         true);
                    return 2;
                }
                if (auto wd = lookup(bare(b), kWeekdays)) {
                    emit(i, i + 1, last_weekday_on_or_before(pub(), *wd), DatePrecision::day,
                         true, false);
                    return 2;
                }
            }
        }
        // "the beginning of the year", "the start of the year"
        if ((a == "beginning" || a == "start") && b == "of" && w(i + 2) == "the" &&
            w(i + 3) == "year") {
            emit(i, i + 3, Date{pub().year, 1, 1}, DatePrecision::month, true, true);
            return 4;
        }
        // "two days ago", "a week ago", "three months ago"
        if (w(i + 2) == "ago") {
            std::optional<int> n = a == "a" || a == "one" ? std::optional<int>(1) : parse_cardinal(a);
            if (n) {
                const std::string unit = b.ends_with("s") ? b.substr(0, b.size() - 1) : b;
                if (unit == "day") {
                    emit(i, i + 2, pub().plus_days(-*n), DatePrecision::day, true, *n >= 7);
                    return 3;
                }
                if (unit == "week") {
                    emit(i, i + 2, pub().plus_days(-7L * *n), DatePrecision::week, true, true);
                    return 3;
                }
                if (unit == "month") {
                    emit(i, i + 2, pub().plus_days(-30L * *n), DatePrecision::month, true, true);
                    return 3;
                }
                if (unit == "year") {
                    emit(i, i + 2, Date{pub().year - *n, 1, 1}, DatePrecision::year, true, true);
                    return 3;
                }
            }
        }
        if (i < words_.size() && capitalised(text_, words_[i])) {
            if (auto wd = lookup(bare(a), kWeekdays)) {
                emit(i, i, last_weekday_on_or_before(pub(), *wd), DatePrecision::day, true, false);
                return 1;
            }
            if (auto m = lookup(bare(a), kMonths)) return month_at(i, *m);
        }
        // "30 December", "30 December 2024"
        if (auto d = day_number(words_[i]); d && i + 1 < words_.size() &&
                                            capitalised(text_, words_[i + 1])) {
            if (auto m = lookup(bare(b), kMonths)) {
                if (auto y = year_number(words_[i + 2 < words_.size() ? i + 2 : i])) {
                    emit(i, i + 2, Date{*y, *m, *d}, DatePrecision::day, false, false);
                    return 3;
                }
                emit(i, i + 1, last_month_day_on_or_before(pub(), *m, *d), DatePrecision::day,
                     true, false);
                return 2;
            }
        }
        if (auto y = year_number(words_[i])) {
            // A bare year: "in 2014", "since 2011", "March 2019" is handled with its month.
            const std::string& before = i > 0 ? w(i - 1) : w(words_.size());
            if (before == "in" || before == "since" || before == "from" || before == "of" ||
                before == "until" || before == "to" || before == "and") {
                emit(i, i, Date{*y, 1, 1}, DatePrecision::year, false, true);
                return 1;
            }
        }
        return 0;
    }

    std::size_t month_at(std::size_t i, int month) {
        const std::string& a = w(i);
        // "May" and "March" are also ordinary words: demand a date-like neighbour.
        const std::string& before = i > 0 ? w(i - 1) : w(words_.size());
        const bool preposition = before == "in" || before == "early" || before == "late" ||
                                 before == "mid" || before == "since" || before == "from" ||
                                 before == "of" || before == "on" || before == "until" ||
                                 before == "during" || before == "by";
        if (i + 1 < words_.size()) {
            if (auto d = day_number(words_[i + 1])) {
                if (i + 2 < words_.size())
                    if (auto y = year_number(words_[i + 2])) {
                        emit(i, i + 2, Date{*y, month, *d}, DatePrecision::day, false, false);
                        return 3;
                    }
                emit(i, i + 1, last_month_day_on_or_before(pub(), month, *d), DatePrecision::day,
                     true, false);
                return 2;
            }
            if (auto y = year_number(words_[i + 1])) {
                emit(i, i + 1, Date{*y, month, 1}, DatePrecision::month, false, true);
                return 2;
            }
            if (w(i + 1) == "last" && w(i + 2) == "year") {
                emit(i, i + 2, Date{pub().year - 1, month, 1}, DatePrecision::month, true, true);
                return 3;
            }
        }
        if (!preposition) return 0;
        // "in January", "earlier in January", "early February": the most recent such month.
        emit(i, i, last_month_named(pub(), month, true), DatePrecision::month, true, true);
        return 1;
    }

    std::string_view text_;
    std::vector<TextWord> words_;
    std::optional<Date> pub_;
    std::vector<DateMention> out_;
};

}  // namespace

Date last_weekday_on_or_before(Date reference, int weekday) {
    const int back = (reference.weekday() - weekday + 7) % 7;
    return reference.plus_days(-back);
}

std::optional<Date> last_month_day_on_or_before(Date reference, int month, int day) {
    for (int year = reference.year; year >= reference.year - 4; --year) {
        Date d{year, month, day};
        if (d.valid() && d <= reference) return d;
    }
    return std::nullopt;
}

std::vector<DateMention> find_dates(std::string_view text, std::optional<Date> published) {
    return Scanner(text, published).run();
}

}  // namespace incimap
