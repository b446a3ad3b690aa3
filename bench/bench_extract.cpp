// Extraction throughput (articles/s, MB/s) on one core and on all cores, against a baseline
// measured in the same run: `grep -F -o -f NAMES` over the same text, NAMES being every name
// of the gazetteer, printing every occurrence (so grep reads all of each article; `-c` would
// stop at an article's first name). grep only finds names; incimap also splits sentences, reads counts, dates
// and actors and resolves places, so the ratio says what that understanding costs.
//   bench_extract --names FILE [--input PATH]... [--threads N] [--min-seconds S]
// bench/throughput.sh builds it, exports the names and prints the table.
#include <sys/resource.h>  // getrusage: CPU time of this process and of grep
#include <sys/wait.h>      // WIFEXITED for std::system

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/resolver.hpp"
#include "ingest/reader.hpp"

#ifndef INCIMAP_SHARED_DIR
#define INCIMAP_SHARED_DIR "../shared"
#endif

namespace {

using Clock = std::chrono::steady_clock;

struct Rate {
    double seconds = 0;      // wall time per pass over the corpus
    double cpu_seconds = 0;  // CPU time (user + system) per pass, all threads
    std::size_t passes = 0;
};

// CPU seconds used so far by this process (RUSAGE_SELF) or by its finished children (grep).
double cpu_seconds(int who) {
    rusage u{};
    getrusage(who, &u);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6;
    };
    return seconds(u.ru_utime) + seconds(u.ru_stime);
}

// Repeats `pass` until `min_seconds` have gone by (at least once), so that short corpora and
// timer resolution do not decide the figure. CPU time is counted too: on a loaded machine it
// is the fairer comparison of one core's work.
template <class F>
Rate measure(F&& pass, double min_seconds, int cpu_of) {
    Rate r;
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds(cpu_of);
    double elapsed = 0;
    do {
        pass();
        ++r.passes;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < min_seconds);
    r.seconds = elapsed / static_cast<double>(r.passes);
    r.cpu_seconds = (cpu_seconds(cpu_of) - cpu_start) / static_cast<double>(r.passes);
    return r;
}

std::size_t extract_all(const incimap::Extractor& extractor,
                        const std::vector<incimap::Article>& articles, unsigned threads) {
    std::atomic<std::size_t> next{0}, incidents{0};
    auto work = [&] {
        std::size_t mine = 0;
        for (std::size_t i = next++; i < articles.size(); i = next++)
            mine += extractor.extract(articles[i]).size();
        incidents += mine;
    };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    pool.clear();  // joins
    return incidents;
}

// The articles one per line, as grep reads them (line breaks inside an article become spaces).
void write_lines(const std::vector<incimap::Article>& articles, const std::filesystem::path& to) {
    std::ofstream out(to, std::ios::binary);
    for (const auto& a : articles) {
        std::string t = a.title + " " + a.text;
        std::replace(t.begin(), t.end(), '\n', ' ');
        std::replace(t.begin(), t.end(), '\r', ' ');
        out << t << '\n';
    }
    if (!out.flush()) throw incimap::Error("cannot write the baseline text", to.string());
}

std::string quoted(const std::filesystem::path& p) {
    std::string out = "'";
    for (char c : p.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

void print_row(const char* what, unsigned threads, std::size_t articles, std::size_t bytes,
               const Rate& r, const Rate& baseline) {
    std::printf("%-22s %7u %12.1f %9.2f %10.1f %12.1f %14.1f %12.1f\n", what, threads,
                static_cast<double>(articles) / r.seconds,
                static_cast<double>(bytes) / 1e6 / r.seconds, r.seconds * 1000.0,
                r.cpu_seconds * 1000.0, r.seconds / baseline.seconds,
                r.cpu_seconds / baseline.cpu_seconds);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Extraction throughput against grep -F over the gazetteer's names"};
    const std::filesystem::path shared = INCIMAP_SHARED_DIR;
    std::vector<std::filesystem::path> inputs{shared / "corpus" / "fa-kes" / "FA-KES-Dataset.csv",
                                              shared / "seeds"};
    std::filesystem::path names, gazetteer_path, work_dir = std::filesystem::temp_directory_path();
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    double min_seconds = 3.0;
    app.add_option("--input", inputs, "Articles (default: FA-KES-Dataset.csv and the seeds)");
    app.add_option("--names", names, "Gazetteer names, one a line, for the grep baseline")
        ->required();
    app.add_option("--gazetteer", gazetteer_path,
                   "Compiled gazetteer (default: $INCIMAP_GAZETTEER or the build tree's)");
    app.add_option("--threads", threads, "Workers for the all-cores run (default: all cores)");
    app.add_option("--min-seconds", min_seconds, "Repeat each measurement at least this long");
    app.add_option("--work-dir", work_dir, "Where the baseline's text file goes");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    try {
        incimap::IngestOptions options;
        options.text_col = "article_content";  // FA-KES columns; the seeds are plain text
        options.id_col = "unit_id";
        options.title_col = "article_title";
        std::vector<incimap::Article> articles;
        std::vector<incimap::InputProblem> problems;
        incimap::read_articles(
            inputs, options, [&](incimap::Article&& a) { articles.push_back(std::move(a)); },
            problems);
        for (const auto& p : problems)
            std::cerr << "bench_extract: " << p.where << ": " << p.what << '\n';
        if (articles.empty()) throw incimap::Error("no articles read");
        std::size_t bytes = 0;
        for (const auto& a : articles) bytes += a.title.size() + 1 + a.text.size();

        if (gazetteer_path.empty()) gazetteer_path = incimap::Gazetteer::default_path();
        const auto load_start = Clock::now();
        const auto gazetteer = incimap::Gazetteer::open(gazetteer_path);
        const double load = std::chrono::duration<double>(Clock::now() - load_start).count();
        const incimap::Resolver resolver(*gazetteer);
        const incimap::Extractor extractor(*gazetteer, resolver);

        const auto text_file = work_dir / "incimap_bench_articles.txt";
        write_lines(articles, text_file);
        // The exit status of the pipeline is wc's: a grep failure shows as no output, so
        // the names file is checked by the caller (bench/throughput.sh).
        const std::string grep =
            "grep -F -o -f " + quoted(names) + " " + quoted(text_file) + " | wc -l >/dev/null";
        auto grep_pass = [&] {
            const int rc = std::system(grep.c_str());
            if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0)
                throw incimap::Error("the baseline command failed: " + grep);
        };
        const Rate baseline = measure(grep_pass, min_seconds, RUSAGE_CHILDREN);
        std::size_t incidents = 0;
        const Rate single = measure([&] { incidents = extract_all(extractor, articles, 1); },
                                    min_seconds, RUSAGE_SELF);
        const Rate all =
            measure([&] { extract_all(extractor, articles, threads); }, min_seconds, RUSAGE_SELF);
        std::filesystem::remove(text_file);

        std::printf(
            "corpus: %zu articles, %.2f MB; gazetteer: %zu places, loaded in %.2f s; "
            "%zu incidents per pass\n",
            articles.size(), bytes / 1e6, gazetteer->place_count(), load, incidents);
        std::printf("%-22s %7s %12s %9s %10s %12s %14s %12s\n", "run", "threads", "articles/s",
                    "MB/s", "ms/pass", "CPU ms/pass", "x grep time", "x grep CPU");
        print_row("grep -F -o -f names", 1, articles.size(), bytes, baseline, baseline);
        print_row("incimap extract", 1, articles.size(), bytes, single, baseline);
        print_row("incimap extract", threads, articles.size(), bytes, all, baseline);
        std::printf("speed-up with %u threads: %.2fx (hardware threads: %u)\n", threads,
                    single.seconds / all.seconds, std::thread::hardware_concurrency());
        return 0;
    } catch (const incimap::Error& e) {
        std::cerr << "bench_extract: error: " << e.located() << '\n';
        return 1;
    }
}
