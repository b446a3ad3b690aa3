// The products of a run (layers, heatmap, briefing, dedup report, manifest, QGIS project)
// appear in the output folder together or not at all (src/output/publication.hpp): each
// product name is a link through DIR/.incimap-current to the current generation folder, and
// one rename of that link switches every product at once. A kill at any step of publishing
// leaves the previous set or the new one, byte for byte, and the next command on the folder
// completes the links and removes what is left.
#include <signal.h>
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "cli_fixtures.hpp"
#include "published_folder.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

using Files = std::map<std::string, std::string>;

const std::string dangling = "(a link to nothing)";

// What the output folder shows under each product name, name to bytes (a link followed):
// all but the store, the lock and the generation folders.
Files products(const fs::path& dir) {
    Files files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("incimap.sqlite", 0) == 0 || name == ".incimap.lock" ||
            entry.is_directory())
            continue;
        files[name] = entry.is_regular_file() ? read_text(entry.path()) : dangling;
    }
    return files;
}

// The files of a generation folder, name to bytes.
Files files_of(const fs::path& folder) {
    Files files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        REQUIRE(entry.is_regular_file());
        files[entry.path().filename().string()] = read_text(entry.path());
    }
    return files;
}

std::string current_generation(const fs::path& dir) {
    return fs::read_symlink(dir / ".incimap-current").string();
}

// Every product name is a link to the current generation (none dangles, none is a file).
void check_all_linked(const fs::path& dir) {
    for (const auto& [name, bytes] : products(dir)) {
        INFO(name);
        CHECK(fs::is_symlink(fs::symlink_status(dir / name)));
        CHECK(fs::read_symlink(dir / name) == fs::path(".incimap-current") / name);
        CHECK(bytes != dangling);
    }
}

CliLimits signalled_at(const std::string& point_and_signal) {
    CliLimits limits;
    limits.environment = {{"INCIMAP_TEST_SIGNAL_AT", point_and_signal}};
    return limits;
}

std::vector<std::string> run_args(const fs::path& input, const fs::path& out,
                                  std::vector<std::string> options = {}) {
    std::vector<std::string> args = {"run", input.string(), "-o", out.string()};
    args.insert(args.end(), options.begin(), options.end());
    return args;
}

// `text` with every occurrence of `path` (the briefing names its store) taken out.
std::string without(std::string text, const std::string& path) {
    for (auto at = text.find(path); at != std::string::npos; at = text.find(path, at))
        text.erase(at, path.size());
    return text;
}

// The layers, dedup report and briefing of `out` are those of a clean run on the same input.
void check_same_products(const fs::path& out, const fs::path& reference) {
    CHECK(feature_dump(out / "incidents.geojson") == feature_dump(reference / "incidents.geojson"));
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") ==
          feature_dump(reference / "incidents.gpkg", "incidents"));
    CHECK(read_text(out / "dedup_report.csv") == read_text(reference / "dedup_report.csv"));
    CHECK(without(read_text(out / "brief.md"), out.string()) ==
          without(read_text(reference / "brief.md"), reference.string()));
}

// Turns a folder of this version into one as older versions wrote it: a real file at each
// product name, no generation folders.
void make_old_style(const fs::path& out) {
    const std::string current = current_generation(out);
    for (const auto& [name, bytes] : products(out)) {
        fs::remove(out / name);
        write_text(out / name, bytes);
    }
    fs::remove(out / ".incimap-current");
    fs::remove_all(out / current);
}

}  // namespace

TEST_CASE("a late product that cannot be put in place leaves every previous product",
          "[cli][publish]") {
    TempDir dir("publish");
    const fs::path out = dir.path() / "out";
    REQUIRE(run_incimap(run_args(first_examples(dir.path() / "part.jsonl", 3), out)).exit_code ==
            0);
    // A folder in the briefing's place makes only it fail, after every product was written.
    fs::remove(out / "brief.html");
    fs::create_directory(out / "brief.html");
    const auto before = products(out);
    REQUIRE(before.count("incidents.geojson") == 1);
    REQUIRE(before.count("dedup_report.csv") == 1);

    const auto r = run_incimap(run_args(examples_dir() / "reports.jsonl", out));
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, (out / "brief.html").string()));
    CHECK_FALSE(contains(r.err, ".incimap-products-"));
    CHECK(products(out) == before);
    CHECK(publishing_leftovers(out).empty());
}

TEST_CASE("a run killed at any step of publishing leaves exactly the previous products or "
          "exactly the new ones, and the next run completes and cleans up",
          "[cli][publish]") {
    // The first run writes CSV layers and a heatmap, the second GeoJSON layers and none: the
    // second adds product names and drops others, so every step of publishing has work.
    const std::vector<std::string> second_options = {"--no-heatmap"};
    for (const std::string point :
         {"before-publish", "switched", "linking", "unlinking", "removing-old"}) {
        DYNAMIC_SECTION(point) {
            TempDir dir("publish");
            const fs::path out = dir.path() / "out";
            const fs::path all = examples_dir() / "reports.jsonl";
            REQUIRE(run_incimap(run_args(first_examples(dir.path() / "part.jsonl", 3), out,
                                         {"-f", "csv"}))
                        .exit_code == 0);
            const Files before = products(out);
            REQUIRE(before.count("heatmap.tif") == 1);
            const std::string previous_generation = current_generation(out);

            const auto killed =
                run_incimap(run_args(all, out, second_options), signalled_at(point + ":KILL"));
            REQUIRE(killed.exit_code == 128 + SIGKILL);
            std::string new_generation;
            for (const auto& entry : fs::directory_iterator(out)) {
                const std::string name = entry.path().filename().string();
                if (name.rfind(".incimap-products-", 0) == 0 && name != previous_generation)
                    new_generation = name;
            }
            REQUIRE_FALSE(new_generation.empty());
            const Files created = files_of(out / new_generation);
            REQUIRE(created.count("incidents.geojson") == 1);
            REQUIRE(created.count("heatmap.tif") == 0);
            const Files shown = products(out);
            if (point == "before-publish") {
                CHECK(shown == before);
            } else if (point == "removing-old") {
                CHECK(shown == created);
            } else {
                // The new set, whole, under every name the two sets share; a name only the new
                // set has may not be linked yet, one only the old had may point at nothing.
                CHECK(current_generation(out) == new_generation);
                for (const auto& [name, bytes] : created)
                    if (before.count(name)) CHECK(shown.at(name) == bytes);
                for (const auto& [name, bytes] : shown) {
                    INFO(name);
                    CHECK((created.count(name) ? bytes == created.at(name) : bytes == dangling));
                }
            }

            const auto next = run_incimap(run_args(all, out, second_options));
            INFO(next.err);
            CHECK(next.exit_code == 0);
            if (point == "before-publish")
                CHECK(contains(next.err, "removed " + (out / new_generation).string()));
            else if (point == "removing-old")
                CHECK(contains(next.err, "removed " + (out / previous_generation).string()));
            else
                CHECK(contains(next.err, "finished publishing the outputs of a run that was "
                                         "killed while publishing them"));
            if (point == "before-publish") {
                const fs::path reference = dir.path() / "reference";
                REQUIRE(run_incimap(run_args(all, reference, second_options)).exit_code == 0);
                check_same_products(out, reference);
            } else {
                // Its outputs were published: the next run only completes and finds them current.
                CHECK(contains(next.out + next.err, "up to date"));
                CHECK(products(out) == created);
            }
            check_all_linked(out);
            CHECK(publishing_leftovers(out).empty());
        }
    }
}

TEST_CASE("a folder written by an older version, with files at the product names, is taken "
          "over without ever showing a mix, even when killed midway",
          "[cli][publish]") {
    TempDir dir("publish");
    const fs::path out = dir.path() / "out";
    const fs::path all = examples_dir() / "reports.jsonl";
    REQUIRE(run_incimap(run_args(first_examples(dir.path() / "part.jsonl", 3), out)).exit_code ==
            0);
    make_old_style(out);
    const Files before = products(out);
    REQUIRE(fs::is_regular_file(fs::symlink_status(out / "incidents.gpkg")));
    // What an older version left when killed while publishing: its journal and staging folder.
    write_text(out / ".incimap-publishing", ".incimap-writing-999999999-1\nincidents.gpkg\n");
    fs::create_directory(out / ".incimap-writing-999999999-1");

    const auto killed = run_incimap(run_args(all, out), signalled_at("migrating:KILL"));
    REQUIRE(killed.exit_code == 128 + SIGKILL);
    CHECK(contains(killed.err, "removed " + (out / ".incimap-publishing").string()));
    // Some names are links by now, some still files: all show the previous bytes.
    CHECK(products(out) == before);
    int links = 0;
    for (const auto& [name, bytes] : before) links += fs::is_symlink(fs::symlink_status(out / name));
    CHECK(links == 1);

    const auto next = run_incimap(run_args(all, out));
    INFO(next.err);
    CHECK(next.exit_code == 0);
    const fs::path reference = dir.path() / "reference";
    REQUIRE(run_incimap(run_args(all, reference)).exit_code == 0);
    check_same_products(out, reference);
    check_all_linked(out);
    CHECK(publishing_leftovers(out).empty());
}

TEST_CASE("a product the new run does not write disappears with the old set, and one it "
          "writes anew appears",
          "[cli][publish]") {
    TempDir dir("publish");
    const fs::path out = dir.path() / "out";
    const fs::path all = examples_dir() / "reports.jsonl";
    REQUIRE(run_incimap(run_args(all, out)).exit_code == 0);
    REQUIRE(fs::exists(out / "heatmap.tif"));
    REQUIRE(contains(qgis_project_xml(out), "./heatmap.tif"));
    // Titled after the folder the user opens, not the generation folder it was written in.
    CHECK(contains(qgis_project_xml(out), "<title>incimap: out</title>"));

    // QGIS users open incimap.qgz, which no longer lists a heatmap: none is left beside it,
    // not even as a link to nothing.
    REQUIRE(run_incimap(run_args(all, out, {"--no-heatmap"})).exit_code == 0);
    for (const std::string name : {"heatmap.tif", "heatmap.png", "heatmap.qml"}) {
        INFO(name);
        CHECK_FALSE(fs::exists(fs::symlink_status(out / name)));
    }
    CHECK_FALSE(contains(qgis_project_xml(out), "./heatmap.tif"));
    check_all_linked(out);
    CHECK(publishing_leftovers(out).empty());

    REQUIRE(run_incimap(run_args(all, out)).exit_code == 0);
    CHECK(fs::is_symlink(fs::symlink_status(out / "heatmap.tif")));
    CHECK(contains(qgis_project_xml(out), "./heatmap.tif"));
    check_all_linked(out);
}

TEST_CASE("map into a folder whose run was killed after the switch completes that publish "
          "first, and keeps the run's other products",
          "[cli][publish]") {
    TempDir dir("publish");
    const fs::path out = dir.path() / "out";
    const fs::path all = examples_dir() / "reports.jsonl";
    REQUIRE(run_incimap(run_args(first_examples(dir.path() / "part.jsonl", 3), out,
                                 {"-f", "csv", "--no-heatmap"}))
                .exit_code == 0);
    REQUIRE(run_incimap(run_args(all, out), signalled_at("switched:KILL")).exit_code ==
            128 + SIGKILL);
    REQUIRE_FALSE(fs::exists(out / "heatmap.tif"));  // new to the folder: not linked yet

    const auto r = run_incimap({"map", out.string(), "-o", out.string(), "-f", "fgb"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "finished publishing"));
    const fs::path reference = dir.path() / "reference";
    REQUIRE(run_incimap(run_args(all, reference)).exit_code == 0);
    CHECK(read_text(out / "dedup_report.csv") == read_text(reference / "dedup_report.csv"));
    CHECK(read_text(out / "heatmap.tif") == read_text(reference / "heatmap.tif"));
    CHECK(feature_dump(out / "incidents.geojson") == feature_dump(reference / "incidents.geojson"));
    REQUIRE(run_incimap({"map", reference.string(), "-o", reference.string(), "-f", "fgb"})
                .exit_code == 0);
    CHECK(feature_dump(out / "incidents.fgb") == feature_dump(reference / "incidents.fgb"));
    // The project map wrote lists the heatmap the run left beside the new layers.
    CHECK(contains(qgis_project_xml(out), "./heatmap.tif"));
    check_all_linked(out);
    CHECK(publishing_leftovers(out).empty());
}

TEST_CASE("a GeoPackage edited through its link in WAL mode, as QGIS edits, keeps its journal "
          "beside the real file and is replaced whole by the next run",
          "[cli][publish]") {
    TempDir dir("publish");
    const fs::path out = dir.path() / "out";
    const fs::path all = examples_dir() / "reports.jsonl";
    REQUIRE(run_incimap(run_args(all, out)).exit_code == 0);
    const auto incidents = feature_dump(out / "incidents.gpkg", "incidents");

    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((out / "incidents.gpkg").c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE notes(x); INSERT INTO notes "
                           "VALUES (1)",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
    // SQLite follows the link: its WAL and shared memory are beside the real file, in the
    // generation, and go with it.
    CHECK(fs::exists(out / ".incimap-current" / "incidents.gpkg-wal"));
    CHECK_FALSE(fs::exists(fs::symlink_status(out / "incidents.gpkg-wal")));
    sqlite3_close(db);
    CHECK(store_count(out / "incidents.gpkg", "SELECT count(*) FROM notes") == 1);

    // The edit changed the file the manifest describes: the run writes the layers anew.
    const auto next = run_incimap(run_args(all, out));
    INFO(next.err);
    CHECK(next.exit_code == 0);
    CHECK(store_count(out / "incidents.gpkg", "SELECT count(*) FROM notes") == -1);
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") == incidents);
    CHECK(publishing_leftovers(out).empty());
}
