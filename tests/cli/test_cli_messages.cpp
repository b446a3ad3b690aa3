// Messages of issue 12, point 9: a range said in words, and a store that cannot be written
// is still read by map and brief.
#include <sys/mount.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

TEST_CASE("a thread count of 0 is refused with its range in words", "[cli]") {
    const CliResult r = run_incimap({"run", examples_dir().string(), "--threads", "0"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--threads: must be a whole number from 1 to 1024, not 0"));
    CHECK_FALSE(contains(r.err, "1797693"));
}

TEST_CASE("map and brief read a store on a file system that cannot be written", "[cli]") {
    // As root only a read-only mount is read-only; for anyone else a closed folder is.
    TempDir dir("read-only");
    const fs::path disk = dir.path() / "disk";
    fs::create_directories(disk);
    const bool root = ::geteuid() == 0;
    if (root && ::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=32m") != 0) {
        WARN("skipped: cannot mount a tmpfs here to make it read-only");
        return;
    }
    const fs::path run_dir = disk / "run";
    const CliResult first = run_incimap({"run", (examples_dir() / "reports.jsonl").string(),
                                         "--no-heatmap", "--no-brief", "-o", run_dir.string()});
    REQUIRE(first.exit_code == 0);
    const long stored = store_count(run_dir / "incimap.sqlite", "SELECT count(*) FROM incidents");
    if (root)
        REQUIRE(::mount(nullptr, disk.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0);
    else
        fs::permissions(run_dir, fs::perms(0555));

    const fs::path out = dir.path() / "out";
    const CliResult map = run_incimap({"map", run_dir.string(), "-o", out.string()});
    const CliResult brief =
        run_incimap({"brief", run_dir.string(), "-o", (out / "brief.html").string()});
    if (root)
        ::umount2(disk.c_str(), MNT_DETACH);
    else
        fs::permissions(run_dir, fs::perms(0755));
    INFO(map.err << brief.err);
    CHECK(map.exit_code == 0);
    CHECK(brief.exit_code == 0);
    CHECK_FALSE(contains(map.err + brief.err, "unable to open database file"));
    CHECK(feature_count(out / "incidents.gpkg", "incidents") > 0);
    CHECK(feature_count(out / "incidents.gpkg", "incidents") <= stored);
    CHECK(fs::exists(out / "brief.html"));
}
