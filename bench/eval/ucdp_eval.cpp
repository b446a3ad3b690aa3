// UCDP-AEC: SOHR articles linked to one UCDP GED event each. Only the records published with
// their codings (labels_withheld false) are scored; see bench/README.md for the method.
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "eval/article_score.hpp"
#include "eval/corpus_eval.hpp"
#include "ingest/reader.hpp"

namespace incimap::eval {

namespace {

using nlohmann::json;

std::optional<Date> date_field(const json& record, const char* name) {
    const auto it = record.find(name);
    if (it == record.end() || !it->is_string()) return std::nullopt;
    return Date::parse_iso(it->get<std::string>());
}

int int_field(const json& record, const char* name) {
    const auto it = record.find(name);
    return it != record.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::string string_field(const json& record, const char* name) {
    const auto it = record.find(name);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// An incident is the coded event when it lies in the coded governorate and its date, when
// known, within the coded days; one day either side allows for night events and datelines.
bool matches(const Incident& i, const std::string& pcode, const UcdpExample& e) {
    if (pcode.empty() || i.where.admin.admin1_pcode != pcode) return false;
    if (!i.event_date || !e.start || !e.end) return true;
    return e.start->plus_days(-1) <= *i.event_date && *i.event_date <= e.end->plus_days(1);
}

UcdpExample score(const json& record, const std::vector<Incident>& incidents,
                  const Gazetteer& gazetteer) {
    UcdpExample e;
    e.id = record.at("id").dump();
    e.deaths_low = int_field(record, "deaths_low");
    e.deaths_high = int_field(record, "deaths_high");
    // UCDP's "best" is the sum of its four deaths_* fields (corpus/README.md).
    e.deaths_best = int_field(record, "deaths_side_a") + int_field(record, "deaths_side_b") +
                    int_field(record, "deaths_civilian") + int_field(record, "deaths_unknown");
    e.adm1 = string_field(record, "location_adm1_name");
    e.where = string_field(record, "location_where_name");
    e.start = date_field(record, "start_date");
    e.end = date_field(record, "end_date");

    const Place* gov = gazetteer.governorate(strip_governorate_suffix(e.adm1));
    const std::string pcode = gov ? gov->admin.admin1_pcode : std::string();
    for (const Incident* i : current_incidents(incidents)) {
        ++e.current;
        if (matches(*i, pcode, e)) ++e.matching;
    }
    if (const Incident* p = primary_incident(incidents)) {
        e.killed = p->casualties.killed.value;
        e.our_adm1 = p->where.admin.admin1_name;
        e.our_place = p->where.place ? p->where.place->name : p->where.text;
        e.our_date = p->event_date;
        const int k = e.killed.value_or(0);  // no count reported: zero killed
        e.killed_in_range = e.deaths_low <= k && k <= e.deaths_high;
        e.killed_is_best = k == e.deaths_best;
        e.adm1_match = !pcode.empty() && p->where.admin.admin1_pcode == pcode;
        e.date_match =
            e.our_date && e.start && e.end && *e.start <= *e.our_date && *e.our_date <= *e.end;
    }
    return e;
}

}  // namespace

UcdpFigures evaluate_ucdp(const Extractor& extractor, const Gazetteer& gazetteer,
                          const std::filesystem::path& corpus_dir) {
    const auto file = corpus_dir / "ucdp-aec" / "syria_validation_sample_with_text.jsonl";
    std::ifstream in(file);
    if (!in) throw Error("cannot open", file.string());
    std::map<std::string, json> codings;  // by id, published codings only
    UcdpFigures f;
    std::string line;
    for (long number = 1; std::getline(in, line); ++number) {
        if (line.empty()) continue;
        json record = json::parse(line, nullptr, false);
        if (record.is_discarded() || !record.contains("id"))
            throw Error("not a UCDP-AEC record", file.string(), number);
        ++f.records;
        // Held-out records: their labels are absent; they are skipped, never guessed.
        if (record.value("labels_withheld", true)) {
            ++f.withheld;
            continue;
        }
        codings.emplace(record.at("id").dump(), std::move(record));
    }

    IngestOptions options;
    options.id_col = "id";
    options.text_col = "text";
    options.date_col = "source_date";  // "YYYY-MM-DD HH:MM": the time part is ignored
    std::vector<InputProblem> problems;
    read_articles(
        {file}, options,
        [&](Article&& article) {
            const auto it = codings.find(article.id);
            if (it == codings.end()) return;
            f.examples.push_back(score(it->second, extractor.extract(article), gazetteer));
        },
        problems);
    if (f.examples.size() != codings.size())
        throw Error("read " + std::to_string(f.examples.size()) + " of " +
                        std::to_string(codings.size()) + " coded articles",
                    file.string());
    return f;
}

}  // namespace incimap::eval
