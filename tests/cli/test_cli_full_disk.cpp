// A full disk while the outputs are written (issue 12, point 1), on a small tmpfs: the run
// fails with exit 3 naming the file, the previous outputs stay as they were, and once there
// is room again the next run writes them whole instead of calling them up to date. Also: a
// file damaged after a run is written again, since "up to date" is read from the files.
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <map>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

// A tmpfs of `megabytes` mounted on a folder for the life of the object (needs root).
class SmallDisk {
public:
    SmallDisk(const fs::path& where, int megabytes) : path_(where) {
        fs::create_directories(path_);
        const std::string options = "size=" + std::to_string(megabytes) + "m";
        mounted_ =
            ::geteuid() == 0 && ::mount("tmpfs", path_.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    bool mounted() const { return mounted_; }
    std::uintmax_t free_bytes() const {
        struct statvfs s {};
        ::statvfs(path_.c_str(), &s);
        return static_cast<std::uintmax_t>(s.f_bavail) * s.f_frsize;
    }
    // Fills the disk until `room` bytes are left.
    void leave_room(std::uintmax_t room) {
        const std::uintmax_t free = free_bytes();
        REQUIRE(free > room);
        write_text(path_ / "filler", std::string(free - room, 'x'));
    }
    void free_filler() { fs::remove(path_ / "filler"); }

private:
    fs::path path_;
    bool mounted_ = false;
};

// Every output file of a folder, name to bytes; the store, which a run adds to before it
// writes the outputs, and the lock file, which names the last process to hold the folder,
// are left out.
std::map<std::string, std::string> files_of(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.rfind("incimap.sqlite", 0) != 0 &&
            name != ".incimap.lock")
            files[name] = read_text(entry.path());
    }
    return files;
}

std::vector<std::string> run_args(const fs::path& input, const fs::path& out) {
    return {"run", input.string(), "--published", "2023-04-05", "-o", out.string()};
}

}  // namespace

TEST_CASE(
    "a full disk while the GeoJSON layers are written fails the run, keeps the previous "
    "outputs, and the next run with room writes them whole",
    "[cli][full-disk]") {
    TempDir dir("full-disk");
    SmallDisk disk(dir.path() / "disk", 16);
    if (!disk.mounted()) {
        WARN("skipped: cannot mount a small tmpfs here (needs root and mount rights)");
        return;
    }
    const fs::path out = dir.path() / "disk" / "out";
    REQUIRE(run_incimap(run_args(examples_dir() / "reports.jsonl", out)).exit_code == 0);
    const auto before = files_of(out);

    // Room for the new GeoPackage and the store's growth, not for the GeoJSON layers after it.
    disk.leave_room(fs::file_size(out / "incidents.gpkg") + 400 * 1024);
    const CliResult full = run_incimap(run_args(examples_dir() / "desert_ambush.txt", out));
    INFO(full.out << full.err);
    CHECK(full.exit_code == 3);
    CHECK(contains(full.err, "incimap: error: " + out.string() + "/"));
    CHECK(contains(full.err, ".geojson: "));
    CHECK(contains(full.err, "No space left on device"));
    CHECK_FALSE(contains(full.err, ".incimap-products"));
    CHECK(files_of(out) == before);

    disk.free_filler();
    const CliResult again = run_incimap(run_args(examples_dir() / "desert_ambush.txt", out));
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
    CHECK_FALSE(contains(again.out, "up to date"));
    const fs::path reference = dir.path() / "reference";
    REQUIRE(run_incimap(run_args(examples_dir() / "reports.jsonl", reference)).exit_code == 0);
    REQUIRE(run_incimap(run_args(examples_dir() / "desert_ambush.txt", reference)).exit_code == 0);
    for (const char* layer : {"incidents", "governorates", "districts", "places", "articles"}) {
        const std::string file = std::string(layer) + ".geojson";
        INFO(file);
        CHECK(feature_count(out / file) == feature_count(reference / file));
    }
}

TEST_CASE("map into a full disk exits 3 naming the file and keeps the previous layers",
          "[cli][full-disk]") {
    TempDir dir("full-disk");
    const fs::path run_dir = dir.path() / "run";
    REQUIRE(run_incimap(run_args(examples_dir() / "reports.jsonl", run_dir)).exit_code == 0);
    SmallDisk disk(dir.path() / "disk", 16);
    if (!disk.mounted()) {
        WARN("skipped: cannot mount a small tmpfs here (needs root and mount rights)");
        return;
    }
    for (const char* format : {"GeoJSON", "CSV", "FlatGeobuf"}) {
        INFO(format);
        const fs::path out = dir.path() / "disk" / format;
        REQUIRE(
            run_incimap({"map", run_dir.string(), "-o", out.string(), "-f", format}).exit_code ==
            0);
        const auto before = files_of(out);
        disk.leave_room(fs::file_size(out / "incidents.gpkg") + 200 * 1024);
        const CliResult r =
            run_incimap({"map", run_dir.string(), "-o", out.string(), "-f", format});
        disk.free_filler();
        INFO(r.err);
        CHECK(r.exit_code == 3);
        CHECK(contains(r.err, "incimap: error: " + out.string() + "/"));
        CHECK_FALSE(contains(r.err, ".incimap-products"));
        CHECK(files_of(out) == before);
    }
}

TEST_CASE(
    "a layer file damaged after a run is written again by the next run, not called up "
    "to date",
    "[cli]") {
    TempDir dir("full-disk");
    const fs::path out = dir.path() / "out";
    const auto args = run_args(examples_dir() / "reports.jsonl", out);
    REQUIRE(run_incimap(args).exit_code == 0);
    const long districts = feature_count(out / "districts.geojson");
    REQUIRE(districts > 0);
    const std::string whole = read_text(out / "districts.geojson");
    write_text(out / "districts.geojson", whole.substr(0, whole.size() / 2));

    const CliResult again = run_incimap(args);
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
    CHECK_FALSE(contains(again.out, "up to date"));
    CHECK(read_text(out / "districts.geojson") == whole);

    const CliResult third = run_incimap(args);
    CHECK(contains(third.out, "outputs already up to date"));
}
