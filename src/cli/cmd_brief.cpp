// `incimap brief RUN_DIR -o DIR/brief.html`: the regional trend briefing of a run's incidents,
// as brief.html (self-contained) and brief.md. Exit codes: 0 written (also for an empty period,
// which the page states plainly), 2 usage error (bad period or option, unknown governorate),
// 3 the incidents could not be read or the briefing not written.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/boundaries_option.hpp"
#include "cli/commands.hpp"
#include "cli/governorate_option.hpp"
#include "cli/layer_args.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "output/brief.hpp"
#include "output/brief_writer.hpp"
#include "output/heatmap_boundaries.hpp"
#include "output/heatmap_input.hpp"
#include "output/incident_reader.hpp"
#include "store/incident_store.hpp"

namespace incimap::cli {
namespace {

namespace fs = std::filesystem;

std::string check_period(const std::string& text) {
    return parse_period(text) ? std::string()
                              : "expected a period such as 2022-01..2022-03, 2022-03 or "
                                "2022-01-05..2022-02-10, not " +
                                    text;
}

class BriefCommand final : public Command {
  public:
    std::string name() const override { return "brief"; }
    std::string synopsis() const override {
        return "Regional trend briefing of a run's incidents: brief.html and brief.md";
    }

    void setup(CLI::App& app) override {
        app.add_option("RUN_DIR", run_dir_,
                       "Output directory of a previous run (reads incidents.geojson or "
                       "incidents.gpkg, articles, and heatmap.png when present)")
            ->required()
            ->check(CLI::ExistingDirectory);
        app.add_option("-o,--output", output_,
                       "HTML file to write (default RUN_DIR/brief.html); brief.md goes beside it");
        auto* period = app.add_option("--period", period_,
                                      "Period: 2022-01..2022-03 (months), 2022-01-05..2022-02-10 "
                                      "(days), 2022-03 or 2022 (default: all dates in the run)")
                           ->check(check_period);
        auto* from =
            app.add_option("--from", from_, "First event date, YYYY-MM-DD")->check(check_date);
        auto* to = app.add_option("--to", to_, "Last event date, YYYY-MM-DD")->check(check_date);
        period->excludes(from)->excludes(to);
        app.add_option("--governorate", governorate_,
                       "Only this governorate (any spelling the gazetteer knows, or P-code)");
        app.add_option("--gazetteer", gazetteer_,
                       "Gazetteer database that names the governorates (default: "
                       "$INCIMAP_GAZETTEER or the built one)");
        app.add_option("--by", by_,
                       "Time series by week or month (default: weeks for periods "
                       "up to 26 weeks, months beyond)")
            ->check(CLI::IsMember({"week", "month"}));
        app.add_option("--role", role_, "Incidents counted: current (default), background or all")
            ->capture_default_str()
            ->check(CLI::IsMember({"current", "background", "all"}));
        app.add_option("--evidence-limit", evidence_limit_,
                       "Most rows in the evidence list (those with the most casualties)")
            ->capture_default_str()
            ->check(whole_number(1, 1000000));
        app.add_option("--boundaries", boundaries_,
                       "Governorate polygons for the map (default: the run's incidents.gpkg, "
                       "else the gazetteer)");
    }

    int run() override {
        BriefOptions options;
        if (!period_.empty()) options.period = parse_period(period_);
        if (!from_.empty()) options.from = Date::parse_iso(from_);
        if (!to_.empty()) options.to = Date::parse_iso(to_);
        if (options.from && options.to && *options.to < *options.from) {
            std::cerr << "incimap: error: --to " << to_ << " is before --from " << from_ << '\n';
            return exit_code::usage;
        }
        if (!by_.empty()) options.bucketing = parse_bucketing(by_);
        std::optional<Governorate> unit;
        if (!governorate_.empty()) {
            unit = governorate_option(governorate_, gazetteer_, std::cerr);
            if (!unit) return exit_code::usage;
            options.governorate = unit->pcode;
        }
        options.role = parse_role_filter(role_);
        options.evidence_limit = evidence_limit_;

        const fs::path run_dir(run_dir_);
        // The run's store when it has one (every incident, not only the run's selection).
        const bool stored = has_store(run_dir);
        const std::vector<Incident> incidents =
            stored ? load_incidents(run_dir) : read_incidents(run_dir);
        const std::vector<Article> articles =
            stored ? load_articles(run_dir) : read_articles(run_dir);

        BriefAssets assets;
        assets.boundaries = load_boundaries();
        const fs::path html = output_.empty() ? run_dir / "brief.html" : fs::path(output_);
        const fs::path out_dir = html.has_parent_path() ? html.parent_path() : fs::path(".");
        fs::create_directories(out_dir);
        if (const fs::path png = run_dir / "heatmap.png"; fs::exists(png)) {
            assets.heatmap_png = read_file_bytes(png);
            assets.heatmap_link = fs::relative(png, out_dir).generic_string();
        }
        // The file the figures come from, as `run` names it in its own briefing.
        const auto layer = find_incidents_file(run_dir);
        assets.source_label = stored  ? "incimap store " + store_path_of(run_dir).string()
                              : layer ? layer->string()
                                      : run_dir.string();

        BriefReport report = build_brief(incidents, articles, options);
        // A governorate with no incidents in the run still gets its proper name on the page.
        if (unit) report.scope = unit->name;
        const BriefFiles files = write_brief(report, assets, html);

        std::cout << "brief: " << report.totals.incidents << " incidents in " << report.scope;
        if (report.period)
            std::cout << " from " << report.period->from.iso() << " to " << report.period->to.iso();
        std::cout << " -> " << files.html.string() << ", " << files.markdown.string() << '\n';
        if (report.empty())
            std::cerr << "incimap: warning: no incidents in the period; the briefing says so\n";
        if (report.undated > 0 && !report.dates_unknown)
            std::cerr << "incimap: warning: " << report.undated
                      << " incidents have no event date and are not counted\n";
        return exit_code::ok;
    }

  private:
    MapBoundaries load_boundaries() const {
        return find_map_boundaries(boundaries_, fs::path(run_dir_), "the map shows the incidents alone");
    }

    std::string run_dir_;
    std::string output_;
    std::string period_;
    std::string from_;
    std::string to_;
    std::string governorate_;
    std::string gazetteer_;
    std::string by_;
    std::string role_ = "current";
    std::size_t evidence_limit_ = 2000;
    std::string boundaries_;
};

}  // namespace

std::unique_ptr<Command> make_brief_command() { return std::make_unique<BriefCommand>(); }

}  // namespace incimap::cli
