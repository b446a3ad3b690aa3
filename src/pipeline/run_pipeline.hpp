#pragma once
// `incimap run`: read -> skip articles already stored -> extract (N threads) -> store ->
// de-duplicate -> write layers, heatmap and briefing for every incident in the store.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/cancellation.hpp"
#include "ingest/reader.hpp"
#include "output/layer_writer.hpp"
#include "pipeline/dedup.hpp"
#include "pipeline/progress_line.hpp"

namespace incimap {

struct RunOptions {
    std::vector<std::filesystem::path> inputs;
    IngestOptions ingest;
    std::filesystem::path out_dir;
    std::filesystem::path store;      // empty: out_dir/incimap.sqlite
    std::filesystem::path gazetteer;  // empty: Gazetteer::default_path()
    unsigned threads = 0;             // 0: one per core
    bool dedup = true;
    DedupRules dedup_rules;
    LayerOptions layers;  // admin_source defaults to the gazetteer
    bool heatmap = true;  // heatmap.tif/.png, when there are incidents to map
    bool brief = true;    // brief.html/.md
    // Articles extracted and committed to the store together: an interrupted run keeps
    // every batch committed before it.
    std::size_t batch_size = 256;
    // Asks the run to stop (SIGINT/SIGTERM): every stage checks it at least every second or
    // so; the run then returns `interrupted`, the previous outputs untouched.
    CancellationToken cancel;
    std::function<void(const RunProgress&)> on_progress;  // after each batch
    std::function<void(const std::string&)> on_warning;   // one line each
};

struct RunSummary {
    std::size_t articles_read = 0;
    std::size_t articles_new = 0;
    std::size_t articles_known = 0;  // already in the store (or twice in this run's input)
    std::size_t reports_new = 0;
    std::size_t incidents = 0;       // in the store after de-duplication
    std::size_t merges = 0;          // reports that joined another report's incident
    std::size_t reports_merged = 0;  // reports this run merged: new ones, or all of them ...
    bool merge_continued = false;    // ... unless it continued the store's incidents
    std::vector<InputProblem> problems;
    bool interrupted = false;
    bool outputs_up_to_date = false;           // nothing new and same options: no file rewritten
    std::vector<std::filesystem::path> files;  // written this run
    std::filesystem::path store;

    bool inputs_skipped() const;
    // 0 ok, 1 some inputs skipped, 3 nothing could be processed (core/error.hpp); the
    // caller maps `interrupted` to 130.
    int exit_code() const;
    // "3 new articles, 2 already in the store; 7 reports, 5 incidents (2 merged)".
    std::string line() const;
};

// Throws incimap::Error for a broken environment: output directory not creatable, store or
// gazetteer unreadable, a layer that cannot be written. Problems with single inputs are in
// the summary instead.
RunSummary run_pipeline(const RunOptions& options);

// Where the outputs' defaults are taken from, as one JSON text (stored with each run):
// a re-run with equal settings and nothing new leaves the files alone.
std::string run_settings(const RunOptions& options);

}  // namespace incimap
