// incimap extract INPUT...: articles in, incidents out (JSON Lines with --json, else a table).
// Exit codes: 0 ok, 1 some inputs skipped or some articles failed, 2 usage, 3 nothing processed
// (core/error.hpp).
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/layer_args.hpp"
#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "extract/incident_json.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolver.hpp"
#include "ingest/reader.hpp"
#include "output/incident_filter.hpp"
#include "pipeline/parallel_extraction.hpp"

namespace incimap::cli {
namespace {

std::string count_text(const Count& c) {
    if (c.value) return (c.vague ? "~" : "") + std::to_string(*c.value);
    if (c.high > 0) return std::to_string(c.low) + "-" + std::to_string(c.high);
    return "-";
}

void print_row(std::ostream& out, const Incident& in) {
    std::ostringstream place;
    if (in.where.place)
        place << in.where.place->name << " (p" << in.where.geo_precision << ", "
              << (in.where.admin.admin1_name.empty() ? "?" : in.where.admin.admin1_name) << ")";
    else if (!in.where.country_code.empty())
        place << "outside Syria (" << in.where.country_code << ")";
    else
        place << "-";
    out << std::left << std::setw(14) << in.article_id.substr(0, 13) << std::setw(11)
        << to_string(in.role) << std::setw(16) << in.event_type << std::setw(11)
        << (in.event_date ? in.event_date->iso() : "-") << std::setw(6)
        << count_text(in.casualties.killed) << std::setw(6) << count_text(in.casualties.injured)
        << std::setw(6) << count_text(in.casualties.captured) << place.str() << '\n';
}

// One JSON object per incident (docs/schema.md), with a point only for an event in Syria.
std::string incident_line(const Incident& in) {
    auto j = incident_to_json(in);
    // No point on a Syrian map for an event elsewhere.
    const bool point = in.where.place.has_value() && !outside_syria(in);
    j["lon"] = point ? nlohmann::json(in.where.point.lon) : nlohmann::json(nullptr);
    j["lat"] = point ? nlohmann::json(in.where.point.lat) : nlohmann::json(nullptr);
    return j.dump();
}

class ExtractCommand final : public Command {
public:
    std::string name() const override { return "extract"; }
    std::string synopsis() const override {
        return "Extract incidents from articles and print them (JSON Lines with --json)";
    }

    void setup(CLI::App& app) override {
        app.add_option("INPUT", inputs_, "Text files, folders, .jsonl, .csv or .html files")
            ->required();
        app.add_flag("--json", json_, "Print one JSON object per incident (docs/schema.md)");
        app.add_option("--published", published_,
                       "Publication date (YYYY-MM-DD) for inputs that have none");
        app.add_option("--text-col", options_.text_col, "CSV column/JSON field with the text");
        app.add_option("--id-col", options_.id_col, "CSV column/JSON field with the article id");
        app.add_option("--date-col", options_.date_col, "CSV column/JSON field with the date");
        app.add_option("--title-col", options_.title_col, "CSV column/JSON field with the title");
        app.add_option("--threads", threads_, "Extraction threads (default: one per core)")
            ->check(whole_number(1, 1024));
        app.add_option("--gazetteer", gazetteer_path_,
                       "Gazetteer database (default: $INCIMAP_GAZETTEER or the built one)");
    }

    int run() override {
        if (!published_.empty()) {
            options_.published = Date::parse_iso(published_);
            if (!options_.published) {
                std::cerr << "incimap: error: --published: '" << published_
                          << "' is not a date of the form YYYY-MM-DD\n";
                return exit_code::usage;
            }
        }
        const auto db = gazetteer_path_.empty() ? Gazetteer::default_path()
                                                : std::filesystem::path(gazetteer_path_);
        const auto gazetteer = Gazetteer::open(db);
        const Resolver resolver(*gazetteer);
        const Extractor extractor(*gazetteer, resolver);

        std::vector<std::filesystem::path> paths(inputs_.begin(), inputs_.end());
        std::vector<InputProblem> problems;
        std::size_t articles = 0;
        std::size_t failed = 0;
        // Results come back in input order whatever the number of threads.
        OrderedExtraction extraction(
            extractor, threads_, [&](Article&& article, ExtractionResult&& result) {
                if (!result.error.empty()) {
                    // One article that cannot be extracted does not stop the others.
                    ++failed;
                    std::cerr << "incimap: error: " << article.origin
                              << ": extraction failed: " << result.error << '\n';
                    return;
                }
                for (const Incident& in : result.incidents) {
                    if (json_)
                        std::cout << incident_line(in) << '\n';
                    else
                        print_row(std::cout, in);
                }
            });
        read_articles(paths, options_,
                      [&](Article&& article) {
                          ++articles;
                          extraction.add(std::move(article));
                      },
                      problems);
        extraction.finish();
        bool skipped = failed > 0;
        for (const InputProblem& p : problems) {
            std::cerr << "incimap: warning: " << p.where << ": " << p.what << '\n';
            skipped = skipped || p.skipped;
        }
        if (articles == 0) return exit_code::nothing_processed;
        return skipped ? exit_code::some_inputs_skipped : exit_code::ok;
    }

private:
    std::vector<std::string> inputs_;
    bool json_ = false;
    unsigned threads_ = 0;
    std::string published_;
    std::string gazetteer_path_;
    IngestOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_extract_command() { return std::make_unique<ExtractCommand>(); }

}  // namespace incimap::cli
