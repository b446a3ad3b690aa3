// FA-KES: 804 English articles with crowd-sourced codings of one event each (governorate,
// cause of death, killed civilians and non-civilians). See bench/README.md for the method.
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>

#include "core/error.hpp"
#include "eval/article_score.hpp"
#include "eval/corpus_eval.hpp"
#include "geo/gdal_dataset.hpp"
#include "geo/gdal_error.hpp"
#include "ingest/reader.hpp"

namespace incimap::eval {

namespace {

// The corpus README marks held-out labels with this word (corpus/README.md, "Held-out").
constexpr std::string_view kWithheld = "WITHHELD";

int parse_count(const std::string& text, const std::string& file, const std::string& id) {
    int n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size() || n < 0)
        throw Error("unit " + id + ": count '" + text + "' is not a whole number", file);
    return n;
}

std::vector<Article> read_fakes_articles(const std::filesystem::path& csv) {
    IngestOptions options;
    options.text_col = "article_content";
    options.id_col = "unit_id";
    options.date_col = "date";  // M/D/YY, the publication date
    options.title_col = "article_title";
    std::vector<Article> articles;
    std::vector<InputProblem> problems;
    read_articles(
        {csv}, options, [&](Article&& a) { articles.push_back(std::move(a)); }, problems);
    if (articles.empty()) {
        std::string why = problems.empty() ? "no articles" : problems.front().what;
        throw Error("cannot read FA-KES articles: " + why, csv.string());
    }
    return articles;
}

// Runs the extractor over every article with `threads` workers that share it read-only.
std::vector<std::vector<Incident>> extract_all(const Extractor& extractor,
                                               const std::vector<Article>& articles,
                                               unsigned threads) {
    std::vector<std::vector<Incident>> out(articles.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < articles.size(); i = next++)
            out[i] = extractor.extract(articles[i]);
    };
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    return out;
}

bool close_to(int ours, int theirs) {
    const int diff = std::abs(ours - theirs);
    return diff <= 1 || diff <= 0.2 * theirs;
}

// OCHA P-codes of Damascus city (SY01) and Rural Damascus (SY03): crowd coders wrote
// "damascus" for both (Eastern Ghouta, Douma), so the lenient figure takes them as one.
bool same_damascus(const std::string& a, const std::string& b) {
    auto is_damascus = [](const std::string& p) { return p == "SY01" || p == "SY03"; };
    return is_damascus(a) && is_damascus(b);
}

void score_article(const FakesLabel& label, const std::vector<Incident>& incidents,
                   const Gazetteer& gazetteer, FakesFigures& f) {
    ++f.scored;
    const auto current = current_incidents(incidents);
    const Incident* primary = primary_incident(incidents);
    const int crowd = label.killed();
    f.incidents += current.size();
    if (crowd > 0) ++f.crowd_deaths;
    if (!current.empty()) {
        ++f.with_incident;
        if (crowd > 0) ++f.found;
    }
    if (const auto killed = primary_killed(incidents)) {
        ++f.killed_answered;
        if (*killed == crowd) ++f.killed_exact_primary;
        if (close_to(*killed, crowd)) ++f.killed_close;
        if (primary_range_holds(incidents, crowd)) ++f.killed_in_range;
    }
    if (const auto sum = killed_sum(incidents); sum && *sum == crowd) ++f.killed_exact_sum;

    if (const Place* gov = gazetteer.governorate(label.location)) {
        ++f.gov_labelled;
        const std::string& want = gov->admin.admin1_pcode;
        if (primary && !primary->where.admin.admin1_pcode.empty()) {
            ++f.gov_answered;
            const std::string& got = primary->where.admin.admin1_pcode;
            if (got == want) ++f.gov_correct;
            if (got == want || same_damascus(got, want)) ++f.gov_correct_lenient;
        }
    }
    const auto types = event_types_for_cause(label.cause_of_death);
    if (primary && !types.empty()) {
        ++f.type_comparable;
        if (std::find(types.begin(), types.end(), primary->event_type) != types.end())
            ++f.type_agree;
    }
}

}  // namespace

std::map<std::string, FakesLabel> read_fakes_labels(const std::filesystem::path& csv,
                                                    std::size_t& withheld) {
    gdal_register_all();
    // GDAL's CSV driver (https://gdal.org/drivers/vector/csv.html): every column a string,
    // no length cap for the long article column, no column taken as a geometry.
    auto dataset = GdalDataset::open_vector(csv.string(), false,
                                            {{"AUTODETECT_TYPE", "NO"},
                                             {"MAX_LINE_SIZE", "-1"},
                                             {"HEADERS", "YES"},
                                             {"EMPTY_STRING_AS_NULL", "NO"}});
    OGRLayer* layer = dataset.get().GetLayer(0);
    if (!layer) throw Error("no table in the CSV file", csv.string());
    const OGRFeatureDefn& defn = *layer->GetLayerDefn();
    auto column = [&](const char* name) {
        const int i = defn.GetFieldIndex(name);
        if (i < 0) throw Error(std::string("missing column '") + name + "'", csv.string());
        return i;
    };
    const int id = column("unit_id"), location = column("location"), actor = column("actor"),
              cause = column("cause_of_death"), civ = column("nb_civilians"),
              noncivil = column("nb_noncivilians"), children = column("nb_children"),
              women = column("nb_women");
    std::map<std::string, FakesLabel> labels;
    withheld = 0;
    for (auto& feature : *layer) {
        FakesLabel l;
        l.unit_id = feature->GetFieldAsString(id);
        l.actor = feature->GetFieldAsString(actor);
        if (l.actor == kWithheld || std::string_view(feature->GetFieldAsString(civ)) == kWithheld) {
            ++withheld;
            continue;
        }
        l.location = feature->GetFieldAsString(location);
        l.cause_of_death = feature->GetFieldAsString(cause);
        l.civilians = parse_count(feature->GetFieldAsString(civ), csv.string(), l.unit_id);
        l.noncivilians = parse_count(feature->GetFieldAsString(noncivil), csv.string(), l.unit_id);
        l.children = parse_count(feature->GetFieldAsString(children), csv.string(), l.unit_id);
        l.women = parse_count(feature->GetFieldAsString(women), csv.string(), l.unit_id);
        labels.emplace(l.unit_id, std::move(l));
    }
    return labels;
}

FakesFigures evaluate_fakes(const Extractor& extractor, const Gazetteer& gazetteer,
                            const std::filesystem::path& corpus_dir, unsigned threads) {
    const auto csv = corpus_dir / "fa-kes" / "fakes_annotated.csv";
    FakesFigures f;
    const auto labels = read_fakes_labels(csv, f.withheld);
    const auto articles = read_fakes_articles(csv);
    f.rows = articles.size();

    // Only labelled articles are extracted: the held-out ones are not even looked at.
    std::vector<Article> scored;
    for (const auto& a : articles)
        if (labels.count(a.id)) {
            f.bytes += a.text.size();
            scored.push_back(a);
        }
    const auto start = std::chrono::steady_clock::now();
    const auto incidents = extract_all(extractor, scored, threads);
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (std::size_t i = 0; i < scored.size(); ++i)
        score_article(labels.at(scored[i].id), incidents[i], gazetteer, f);
    return f;
}

double ratio(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace incimap::eval
