// Development evaluation over ../shared/corpus (FA-KES crowd labels, UCDP-AEC worked examples).
//   eval_corpus [--corpus DIR] [--gazetteer FILE] [--threads N]
// Prints the table described in bench/README.md. Exit codes: 0 ok, 1 data error, 2 usage.
#include <CLI/CLI.hpp>
#include <iostream>

#include "core/error.hpp"
#include "eval/corpus_eval.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolver.hpp"

#ifndef INCIMAP_SHARED_DIR
#define INCIMAP_SHARED_DIR "../shared"
#endif

int main(int argc, char** argv) {
    CLI::App app{"Evaluate extraction against the FA-KES and UCDP-AEC codings in ../shared/corpus"};
    std::filesystem::path corpus = std::filesystem::path(INCIMAP_SHARED_DIR) / "corpus";
    std::filesystem::path gazetteer_path;
    unsigned threads = 0;
    app.add_option("--corpus", corpus, "The corpus folder (../shared/corpus)");
    app.add_option("--gazetteer", gazetteer_path,
                   "Compiled gazetteer (default: $INCIMAP_GAZETTEER or the build tree's)");
    app.add_option("--threads", threads, "Extraction workers (default: all cores)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? incimap::exit_code::ok : incimap::exit_code::usage;
    }
    try {
        if (gazetteer_path.empty()) gazetteer_path = incimap::Gazetteer::default_path();
        const auto gazetteer = incimap::Gazetteer::open(gazetteer_path);
        const incimap::Resolver resolver(*gazetteer);
        const incimap::Extractor extractor(*gazetteer, resolver);
        incimap::eval::CorpusFigures figures;
        figures.fakes = incimap::eval::evaluate_fakes(extractor, *gazetteer, corpus, threads);
        figures.ucdp = incimap::eval::evaluate_ucdp(extractor, *gazetteer, corpus);
        incimap::eval::print_report(std::cout, figures);
        return incimap::exit_code::ok;
    } catch (const incimap::Error& e) {
        std::cerr << "eval_corpus: error: " << e.located() << '\n';
        return 1;  // data error: corpus or gazetteer unreadable
    }
}
