// Two runs on one output folder (issue 12, point 2) and what killed runs leave behind
// (point 8): the second run is refused while the first holds the folder, a killed run never
// blocks the next one, and the next run removes the temporaries of dead runs.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> run_args(const fs::path& input, const fs::path& out) {
    return {"run",        input.string(), "--threads",  "1",  "--no-heatmap",
            "--no-brief", "--published",  "2023-04-05", "-o", out.string()};
}

// Waits until the run holds the folder: its lock file names it.
bool wait_for_lock_of(pid_t pid, const fs::path& out) {
    for (int i = 0; i < 1000; ++i) {
        if (read_text(out / ".incimap.lock") == std::to_string(pid) + "\n") return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

// A process id that is certainly not running: a child that has exited and been reaped.
pid_t dead_pid() {
    const pid_t pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, nullptr, 0);
    return pid;
}

}  // namespace

TEST_CASE("a second run on a folder that a paused run holds exits 3 saying another run holds it",
          "[cli][lock]") {
    TempDir dir("lock");
    const fs::path out = dir.path() / "out";
    const fs::path big = write_repeated_examples(dir.path() / "big.jsonl", 200);
    const pid_t first = spawn_incimap(run_args(big, out), dir.path());
    REQUIRE(wait_for_lock_of(first, out));
    REQUIRE(kill(first, SIGSTOP) == 0);

    const CliResult second = run_incimap(run_args(examples_dir() / "reports.jsonl", out));
    REQUIRE(kill(first, SIGCONT) == 0);
    INFO(second.out << second.err);
    CHECK(second.exit_code == 3);
    CHECK(contains(second.err, "incimap: error: " + out.string() +
                                   ": another incimap run "
                                   "(process " +
                                   std::to_string(first) +
                                   ") is writing to this "
                                   "output folder"));

    const int first_code = wait_incimap(first);
    INFO(read_text(dir.path() / "spawn.err"));
    CHECK(first_code == 0);
    CHECK(store_intact(out / "incimap.sqlite"));
    // Released with the first run: the folder is free again.
    const CliResult third = run_incimap(run_args(examples_dir() / "reports.jsonl", out));
    INFO(third.err);
    CHECK(third.exit_code == 0);
    CHECK(feature_count(out / "incidents.geojson") ==
          store_count(out / "incimap.sqlite",
                      "SELECT count(*) FROM incidents WHERE role = 'current'"));
}

TEST_CASE("map into a folder that a run holds exits 3 and writes nothing there", "[cli][lock]") {
    TempDir dir("lock");
    const fs::path source = dir.path() / "source", out = dir.path() / "out";
    REQUIRE(run_incimap(run_args(examples_dir() / "reports.jsonl", source)).exit_code == 0);
    const fs::path big = write_repeated_examples(dir.path() / "big.jsonl", 200);
    const pid_t first = spawn_incimap(run_args(big, out), dir.path());
    REQUIRE(wait_for_lock_of(first, out));
    REQUIRE(kill(first, SIGSTOP) == 0);
    const CliResult map = run_incimap({"map", source.string(), "-o", out.string()});
    REQUIRE(kill(first, SIGCONT) == 0);
    INFO(map.err);
    CHECK(map.exit_code == 3);
    CHECK(contains(map.err, "another incimap run"));
    CHECK_FALSE(fs::exists(out / "incidents.gpkg"));
    CHECK(wait_incimap(first) == 0);
}

TEST_CASE("a run killed with SIGKILL does not keep the folder from the next run", "[cli][lock]") {
    TempDir dir("lock");
    const fs::path out = dir.path() / "out";
    const fs::path big = write_repeated_examples(dir.path() / "big.jsonl", 200);
    const pid_t first = spawn_incimap(run_args(big, out), dir.path());
    REQUIRE(wait_for_lock_of(first, out));
    kill(first, SIGKILL);
    CHECK(wait_incimap(first) == 128 + SIGKILL);

    const CliResult next = run_incimap(run_args(examples_dir() / "reports.jsonl", out));
    INFO(next.err);
    CHECK(next.exit_code == 0);
    CHECK(store_intact(out / "incimap.sqlite"));
}

TEST_CASE(
    "the next run removes the temporary files and folders of runs that died, and only "
    "theirs",
    "[cli][lock]") {
    TempDir dir("lock");
    const fs::path out = dir.path() / "out";
    REQUIRE(run_incimap(run_args(examples_dir() / "reports.jsonl", out)).exit_code == 0);
    const std::string dead = std::to_string(dead_pid());
    const std::string alive = std::to_string(getpid());
    const std::string current = fs::read_symlink(out / ".incimap-current").string();
    // Generation folders (a killed run's, unpublished) and older versions' staging folders,
    // then files.
    const std::vector<std::string> stale = {
        ".incimap-products-" + dead + "-123456", ".incimap-writing-" + dead + "-123456",
        ".heatmap.tmp" + dead + ".tif", ".brief.tmp" + dead + ".html",
        ".dedup_report.pending" + dead + ".csv", ".incimap-link-" + dead + "-1",
        ".incimap-publishing"};
    for (std::size_t i = 0; i < 2; ++i) {
        fs::create_directories(out / stale[i]);
        write_text(out / stale[i] / "incidents.gpkg", "half a GeoPackage");
    }
    for (std::size_t i = 2; i < stale.size(); ++i) write_text(out / stale[i], "half a file");
    // A live process's temporaries (another command writing here) and the user's own files
    // that only look alike stay.
    const std::vector<std::string> kept = {".heatmap.tmp" + alive + ".tif",
                                           ".incimap-writing-notes", "heatmap.tmp" + dead + ".tif",
                                           ".incimap-products-notes"};
    for (const auto& name : kept) write_text(out / name, "keep me");
    fs::create_directories(out / (".incimap-products-" + alive + "-1"));

    const CliResult r = run_incimap(run_args(examples_dir() / "desert_ambush.txt", out));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    for (const auto& name : stale) {
        INFO(name);
        CHECK_FALSE(fs::exists(out / name));
        CHECK(contains(r.err, "removed " + (out / name).string()));
    }
    for (const auto& name : kept) {
        INFO(name);
        CHECK(fs::exists(out / name));
    }
    CHECK(fs::is_directory(out / (".incimap-products-" + alive + "-1")));
    // The generation that was current: replaced by the new run's, removed after the switch.
    CHECK_FALSE(fs::exists(out / current));
    CHECK(fs::read_symlink(out / ".incimap-current") != current);
}
