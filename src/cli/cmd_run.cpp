// `incimap run INPUT... -o DIR`: the whole pipeline, incremental through the run's store
// (docs/cli.md). Exit codes: 0 ok, 1 some inputs skipped (listed on stderr), 2 usage error,
// 3 nothing could be processed, 130 interrupted (SIGINT or SIGTERM, answered at any stage;
// every committed batch kept, the previous outputs untouched).
#include <unistd.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/governorate_option.hpp"
#include "cli/interrupt_guard.hpp"
#include "cli/layer_args.hpp"
#include "core/error.hpp"
#include "ingest/reader.hpp"
#include "pipeline/run_pipeline.hpp"

namespace incimap::cli {
namespace {

namespace fs = std::filesystem;

class RunCommand final : public Command {
public:
    std::string name() const override { return "run"; }
    std::string synopsis() const override {
        return "Extract incidents from articles into the run's store, merge reports of the same "
               "event, and write the layers, heatmap and briefing";
    }

    void setup(CLI::App& app) override {
        app.add_option("INPUT", inputs_,
                       "Text, HTML, JSON Lines or CSV files, or folders of them")
            ->required();
        app.add_option("-o,--output", out_dir_, "Output directory")->capture_default_str();
        app.add_option("--store", store_, "Store file (default DIR/incimap.sqlite)");
        app.add_option("--threads", threads_, "Extraction threads (default: one per core)")
            ->check(whole_number(1, 1024));
        app.add_flag("--no-dedup", no_dedup_,
                     "Keep every report as its own incident (no cross-report merging)");
        // The distance and date rules of docs/store.md; changing one merges every report
        // again on the next run (the store keeps the rules its incidents were merged with).
        app.add_option("--merge-km", merge_rules_.max_distance_km,
                       "Dated reports this close (km) may be one event")
            ->capture_default_str()
            ->check(CLI::Range(0.0, 500.0));
        app.add_option("--merge-days", merge_rules_.date_slack_days,
                       "Days two dated reports of one event may be apart")
            ->capture_default_str()
            ->check(CLI::Range(0, 60));
        app.add_option("--merge-undated-km", merge_rules_.undated_distance_km,
                       "Reports without an event date this close (km) may be one event")
            ->capture_default_str()
            ->check(CLI::Range(0.0, 500.0));
        app.add_option("--published", published_,
                       "Publication date (YYYY-MM-DD) for inputs that have none")
            ->check(check_date);
        app.add_option("--text-col", ingest_.text_col, "CSV column / JSON field of the text")
            ->capture_default_str();
        app.add_option("--id-col", ingest_.id_col, "CSV column / JSON field of the article id")
            ->capture_default_str();
        app.add_option("--date-col", ingest_.date_col, "CSV column of the publication date")
            ->capture_default_str();
        app.add_option("--title-col", ingest_.title_col, "CSV column of the title")
            ->capture_default_str();
        app.add_option("--gazetteer", gazetteer_, "Gazetteer database (default: "
                                                  "$INCIMAP_GAZETTEER, else the installed one)");
        layer_args_.add_to(app);
        app.add_flag("--no-heatmap", no_heatmap_, "Do not write heatmap.tif / heatmap.png");
        app.add_flag("--no-brief", no_brief_, "Do not write brief.html / brief.md");
    }

    int run() override {
        RunOptions options;
        try {
            options = make_options();
        } catch (const Error& e) {
            std::cerr << "incimap: error: " << e.located() << '\n';
            return exit_code::usage;
        }
        if (!layer_args_.governorate.empty()) {
            const auto unit = governorate_option(layer_args_.governorate, gazetteer_, std::cerr);
            if (!unit) return exit_code::usage;
            options.layers.filter.governorate = unit->pcode;
        }
        const bool terminal = isatty(STDERR_FILENO) == 1;
        ProgressLine progress(std::cerr);
        if (terminal) options.on_progress = [&](const RunProgress& p) { progress.update(p); };
        options.on_warning = [](const std::string& w) {
            std::cerr << "incimap: warning: " << w << '\n';
        };
        InterruptGuard guard;
        options.cancel = guard.token();

        const RunSummary summary = run_pipeline(options);
        progress.finish();
        for (const InputProblem& p : summary.problems)
            std::cerr << "incimap: " << (p.skipped ? "skipped: " : "warning: ") << p.where << ": "
                      << p.what << '\n';
        std::cout << "run: " << summary.line() << '\n';
        if (summary.interrupted) {
            std::cerr << "incimap: interrupted; the store keeps every batch committed before "
                         "the interrupt, and the previous outputs are untouched\n";
            return exit_interrupted;
        }
        if (!summary.outputs_up_to_date && !summary.files.empty())
            std::cout << "run: wrote " << summary.files.size() << " files in " << out_dir_
                      << " (dedup report: " << (fs::path(out_dir_) / "dedup_report.csv").string()
                      << ")\n";
        const int code = summary.exit_code();
        if (code == exit_code::nothing_processed)
            std::cerr << "incimap: error: no article could be read from the inputs given\n";
        return code;
    }

private:
    RunOptions make_options() const {
        RunOptions o;
        for (const auto& i : inputs_) o.inputs.emplace_back(i);
        o.ingest = ingest_;
        if (!published_.empty()) o.ingest.published = Date::parse_iso(published_);
        o.out_dir = out_dir_;
        o.store = store_;
        o.gazetteer = gazetteer_;
        o.threads = threads_;
        o.dedup = !no_dedup_;
        o.dedup_rules = merge_rules_;
        o.heatmap = !no_heatmap_;
        o.brief = !no_brief_;
        o.layers = layer_args_.layer_options();
        return o;
    }

    std::vector<std::string> inputs_;
    std::string out_dir_ = "output";
    std::string store_;
    unsigned threads_ = 0;
    bool no_dedup_ = false;
    DedupRules merge_rules_;
    std::string published_;
    IngestOptions ingest_;
    std::string gazetteer_;
    LayerArgs layer_args_;
    bool no_heatmap_ = false;
    bool no_brief_ = false;
};

}  // namespace

std::unique_ptr<Command> make_run_command() { return std::make_unique<RunCommand>(); }

}  // namespace incimap::cli
