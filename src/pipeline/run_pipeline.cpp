#include "pipeline/run_pipeline.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <system_error>

#include "core/error.hpp"
#include "core/sequence.hpp"
#include "core/test_signal.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolver.hpp"
#include "geo/durable_file.hpp"
#include "output/qgis_project.hpp"
#include "output/publication.hpp"
#include "pipeline/folder_lock.hpp"
#include "pipeline/output_manifest.hpp"
#include "pipeline/parallel_extraction.hpp"
#include "pipeline/run_products.hpp"
#include "pipeline/store_merge.hpp"
#include "store/content_hash.hpp"
#include "store/incident_store.hpp"

namespace incimap {
namespace {

namespace fs = std::filesystem;

std::size_t input_bytes(const std::vector<fs::path>& inputs) {
    std::size_t total = 0;
    std::error_code ec;
    for (const fs::path& input : inputs) {
        if (fs::is_regular_file(input, ec)) {
            total += fs::file_size(input, ec);
        } else if (fs::is_directory(input, ec)) {
            for (auto it = fs::recursive_directory_iterator(input, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec) && format_for_path(it->path()) != InputFormat::unknown)
                    total += it->file_size(ec);
        }
    }
    return total;
}

// The output directory must exist before the store goes in it; a path under a regular file
// is the user's mistake, named in the message.
void prepare_out_dir(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return;
    for (fs::path p = dir; !p.empty() && p != p.parent_path(); p = p.parent_path())
        if (fs::exists(p, ec) && !fs::is_directory(p, ec))
            throw Error("cannot create the output directory: " + p.string() +
                            " is a file, not a directory; give another -o",
                        dir.string());
    fs::create_directories(dir, ec);
    if (ec) throw Error("cannot create the output directory: " + ec.message(), dir.string());
}

// Said before anything is written, rather than as a failure to open the store or a layer.
void check_out_dir_writable(const fs::path& dir) {
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
        throw Error("output directory is not writable: " + std::string(std::strerror(errno)) +
                        "; give another -o or fix its permissions",
                    dir.string());
}

// A missing gazetteer is found before the output directory and the store are created, so that
// a mistyped path leaves nothing behind.
fs::path existing_gazetteer(const fs::path& given) {
    const fs::path path = given.empty() ? Gazetteer::default_path() : given;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw Error(
            "gazetteer not found; build it with `cmake --build build` or give "
            "--gazetteer PATH (or INCIMAP_GAZETTEER)",
            path.string());
    return path;
}

// The gazetteer, resolver and extractor, opened on first need: a re-run with nothing new
// never loads the gazetteer.
class ExtractionStage {
public:
    explicit ExtractionStage(fs::path gazetteer) : path_(std::move(gazetteer)) {}
    const Extractor& extractor() {
        if (!extractor_) {
            gazetteer_ = Gazetteer::open(path_);
            resolver_ = std::make_unique<Resolver>(*gazetteer_);
            extractor_ = std::make_unique<Extractor>(*gazetteer_, *resolver_);
        }
        return *extractor_;
    }

private:
    fs::path path_;
    std::unique_ptr<Gazetteer> gazetteer_;
    std::unique_ptr<Resolver> resolver_;
    std::unique_ptr<Extractor> extractor_;
};

// Articles in, extracted articles into the store. Extraction runs on a pool of workers, each
// taking the next new article when it is free; results come back in input order and are
// committed `batch_size` at a time, so no batch waits for its slowest article.
class BatchRunner {
public:
    BatchRunner(const RunOptions& options, IncidentStore& store, RunSummary& summary)
        : options_(options), store_(store), summary_(summary), stage_(options.gazetteer) {
        progress_.bytes_total = input_bytes(options.inputs);
    }

    void add(Article&& article) {
        ++summary_.articles_read;
        ++progress_.articles;
        progress_.bytes += article.text.size();
        // Checked for every article: re-reading a gigabyte of known ones takes seconds.
        options_.cancel.throw_if_requested();
        std::string hash = content_hash(article.text);
        if (!seen_.insert(hash).second || store_.has_article(hash)) {
            ++summary_.articles_known;
            signal_self_if_test_asks("known-article");
            return;
        }
        pending_hashes_.push_back(std::move(hash));
        extraction().add(std::move(article));
    }

    // Waits for the articles still in extraction and commits the rest.
    void flush() {
        if (extraction_) extraction_->finish();
        commit();
    }

private:
    OrderedExtraction& extraction() {
        if (!extraction_)
            extraction_.emplace(
                stage_.extractor(), options_.threads,
                [this](Article&& a, ExtractionResult&& r) { extracted(std::move(a), std::move(r)); },
                0, options_.cancel);
        return *extraction_;
    }

    // Results come in input order: the oldest pending hash is this article's.
    void extracted(Article&& article, ExtractionResult&& result) {
        std::string hash = std::move(pending_hashes_.front());
        pending_hashes_.pop_front();
        if (!result.error.empty()) {
            // Not stored, so that a fixed incimap extracts it on the next run.
            summary_.problems.push_back(
                {article.origin, "extraction failed: " + result.error, true});
            seen_.erase(hash);
            return;
        }
        summary_.reports_new += result.incidents.size();
        done_.push_back({std::move(article), std::move(hash), std::move(result.incidents)});
        if (done_.size() >= options_.batch_size) commit();
    }

    // Stores the extracted articles in one transaction, then reports progress and honours a
    // stop request.
    void commit() {
        if (!done_.empty()) {
            store_.add_articles(done_);
            summary_.articles_new += done_.size();
            done_.clear();
        }
        if (options_.on_progress) options_.on_progress(progress_);
        options_.cancel.throw_if_requested();
    }

    const RunOptions& options_;
    IncidentStore& store_;
    RunSummary& summary_;
    ExtractionStage stage_;
    std::set<std::string> seen_;  // hashes read in this run
    std::deque<std::string> pending_hashes_;  // of the articles in extraction, in input order
    std::vector<ExtractedArticle> done_;      // extracted, not yet committed
    RunProgress progress_;
    // Last, so that its workers stop before anything they use is destroyed.
    std::optional<OrderedExtraction> extraction_;
};

// Up to date is read from the files themselves, against the manifest written after them.
bool outputs_up_to_date(const fs::path& out_dir, const std::string& settings,
                        const std::string& store_state) {
    const auto manifest = read_manifest(out_dir);
    return manifest && outputs_match(*manifest, out_dir, settings, store_state);
}

std::string joined_inputs(const std::vector<fs::path>& inputs) {
    std::string s;
    for (const auto& p : inputs) s += (s.empty() ? "" : "\n") + p.string();
    return s;
}

// Merges the store's new reports into its incidents (store_merge.hpp) and writes the dedup
// report into `report`. False when a stop was requested; the store is then unchanged.
bool merge_into_store(IncidentStore& store, const RunOptions& options, RunSummary& summary,
                      const fs::path& report) {
    MergeHooks hooks;
    hooks.stop_requested = [&] { return options.cancel.requested(); };
    signal_self_if_test_asks("merge");
    if (options.on_progress)
        hooks.on_progress = [&](std::size_t done, std::size_t total) {
            RunProgress progress;
            progress.articles = summary.articles_read;
            progress.reports_merged = done;
            progress.reports_to_merge = total;
            options.on_progress(progress);
        };
    StoreMergeSummary merged;
    try {
        merged = merge_store(store, options.dedup, options.dedup_rules, hooks);
    } catch (const MergeInterrupted&) {
        // The store keeps its earlier incidents; the next run merges the reports left over.
        return false;
    }
    summary.merge_continued = merged.continued;
    summary.reports_merged = merged.reports_merged;
    summary.incidents = merged.incidents;
    summary.merges = merged.merges;
    // Written now from the store; published with the layers it describes.
    write_dedup_report(store, report);
    return true;
}

}  // namespace

bool RunSummary::inputs_skipped() const {
    for (const auto& p : problems)
        if (p.skipped) return true;
    return false;
}

int RunSummary::exit_code() const {
    // Articles already in the store count as processed: a re-run is a success.
    if (articles_new == 0 && articles_known == 0) return exit_code::nothing_processed;
    return inputs_skipped() ? exit_code::some_inputs_skipped : exit_code::ok;
}

std::string RunSummary::line() const {
    std::string s = std::to_string(articles_new) + " new article" + (articles_new == 1 ? "" : "s") +
                    ", " + std::to_string(articles_known) + " already in the store";
    if (interrupted) return s + "; interrupted: outputs not rewritten";
    s += "; " + std::to_string(reports_new) + " new report" + (reports_new == 1 ? "" : "s");
    s += "; " + std::to_string(incidents) + " incident" + (incidents == 1 ? "" : "s") +
         " in the store (" + std::to_string(merges) + " report" + (merges == 1 ? "" : "s") +
         " merged into others)";
    if (merge_continued)
        s += "; " + std::to_string(reports_merged) + " report" + (reports_merged == 1 ? "" : "s") +
             " merged into the stored incidents";
    else if (!outputs_up_to_date)
        s += reports_merged == 1 ? "; 1 report merged afresh"
                                 : "; all " + std::to_string(reports_merged) +
                                       " reports merged afresh";
    if (outputs_up_to_date) s += "; outputs already up to date";
    return s;
}

std::string run_settings(const RunOptions& o) {
    const IncidentFilter& f = o.layers.filter;
    nlohmann::json j;
    j["format"] = file_extension(o.layers.format);
    j["weight"] = o.layers.weight;
    j["from"] = f.from ? f.from->iso() : "";
    j["to"] = f.to ? f.to->iso() : "";
    j["governorate"] = f.governorate;
    j["role"] = static_cast<int>(f.role);
    j["min_precision"] = f.min_precision;
    j["merge"] = merge_settings(o.dedup, o.dedup_rules);
    j["heatmap"] = o.heatmap;
    j["brief"] = o.brief;
    j["admin_source"] = o.layers.admin_source.string();
    return j.dump();
}

RunSummary run_pipeline(const RunOptions& options) {
    RunSummary summary;
    RunOptions effective = options;
    effective.gazetteer = existing_gazetteer(options.gazetteer);
    if (effective.layers.admin_source.empty()) effective.layers.admin_source = effective.gazetteer;
    prepare_out_dir(options.out_dir);
    check_out_dir_writable(options.out_dir);
    // Held until the run returns: its store reads, merge and outputs are one run's alone.
    const FolderLock lock(options.out_dir);
    if (finish_interrupted_publication(options.out_dir) && options.on_warning)
        options.on_warning("finished publishing the outputs of a run that was killed while "
                           "publishing them");
    for (const fs::path& stale : remove_stale_temporaries(options.out_dir))
        if (options.on_warning)
            options.on_warning("removed " + stale.string() + ", left by a run that was killed");
    summary.store = options.store.empty() ? options.out_dir / "incimap.sqlite" : options.store;
    IncidentStore store(summary.store);

    RunRecord record;
    record.started = utc_timestamp_now();
    record.inputs = joined_inputs(options.inputs);
    record.settings = run_settings(effective);
    // Recorded now with no settings and finished at the end: a run that fails or dies in
    // between leaves outputs that the next run must not call up to date.
    RunRecord unfinished = record;
    unfinished.settings.clear();
    unfinished.exit_code = -1;
    const std::int64_t run_id = store.add_run(unfinished);

    BatchRunner runner(effective, store, summary);
    try {
        read_articles(
            options.inputs, options.ingest, [&](Article&& a) { runner.add(std::move(a)); },
            summary.problems);
        runner.flush();
    } catch (const Cancelled&) {
        summary.interrupted = true;
    }

    auto finish = [&](int code) {
        record.finished = utc_timestamp_now();
        record.articles_new = static_cast<long>(summary.articles_new);
        record.articles_known = static_cast<long>(summary.articles_known);
        record.reports_new = static_cast<long>(summary.reports_new);
        record.incidents = static_cast<long>(summary.incidents);
        record.merges = static_cast<long>(summary.merges);
        record.exit_code = code;
        record.interrupted = summary.interrupted;
        // A run that wrote nothing must not make the next one think its outputs are current.
        if (summary.interrupted || code == exit_code::nothing_processed) record.settings.clear();
        store.finish_run(run_id, record);
        return summary;
    };
    if (summary.interrupted) return finish(130);
    if (summary.exit_code() == exit_code::nothing_processed) return finish(summary.exit_code());

    const bool nothing_new = summary.articles_new == 0;
    if (nothing_new && outputs_up_to_date(options.out_dir, record.settings, store.state())) {
        summary.outputs_up_to_date = true;
        summary.incidents = static_cast<std::size_t>(store.incident_count());
        summary.merges = static_cast<std::size_t>(store.merged_report_count());
        return finish(summary.exit_code());
    }

    // Every product is written into the publication's staging folder and appears together
    // with the others, the manifest last, or not at all.
    Publication publication{options.out_dir};
    const fs::path dedup_report = publication.staging() / "dedup_report.csv";
    if (!merge_into_store(store, options, summary, dedup_report)) {
        summary.interrupted = true;
        return finish(130);
    }

    // Read from the store as each product is written, never all held. A pass over a large
    // store takes seconds: it answers a stop request every 1,000 incidents.
    const Sequence<Incident> incidents = [&](const auto& visit) {
        std::size_t read = 0;
        store.for_each_incident([&](const Incident& i) {
            if (++read % 1000 == 0) options.cancel.throw_if_requested();
            visit(i);
        });
    };
    const Sequence<Article> articles = [&store](const auto& visit) {
        store.for_each_article(visit);
    };
    LayerOptions layers = effective.layers;
    layers.cancel = options.cancel;
    const auto user_callback = layers.on_layer_written;
    layers.on_layer_written = [&](const std::string& written) {
        if (user_callback) user_callback(written);
        // Aborting here discards every product of this run and keeps the previous ones.
        options.cancel.throw_if_requested();
    };
    std::vector<fs::path> staged;
    try {
        publication.naming_final_paths([&] {
            signal_self_if_test_asks("layers");
            const LayerReport report = stage_layers({incidents, articles, {}}, layers, publication);
            staged = report.files;
            for (const auto& f : write_run_products(incidents, articles, effective,
                                                    publication.staging()))
                staged.push_back(f);
            staged.push_back(dedup_report);
            // The project lists the layers and heatmap staged beside it.
            if (auto project = write_qgis_project(publication.staging())) staged.push_back(*project);
            // It lists every file beside it and is published last: a folder holds it only
            // with every file it lists.
            write_manifest(describe_outputs(publication.staging(), staged, record.settings,
                                            store.state()),
                           publication.staging());
        });
    } catch (const Cancelled&) {
        summary.interrupted = true;
        return finish(130);
    }
    std::vector<std::string> names;
    for (const auto& f : staged) names.push_back(f.filename().string());
    names.push_back(manifest_file_name);
    summary.files = publication.publish(names);
    summary.files.pop_back();  // the manifest is no product
    return finish(summary.exit_code());
}

}  // namespace incimap
