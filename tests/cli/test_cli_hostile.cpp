// Broken and hostile input through `incimap run`: a clear error naming the culprit, the
// documented exit code, and the previous outputs intact.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <thread>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

const std::string good_text =
    "Two soldiers were killed on Tuesday when a roadside bomb exploded near al-Sukhnah in the "
    "eastern Homs countryside, a local monitor said.";

std::vector<std::string> quiet(std::vector<std::string> args) {
    args.insert(args.end(), {"--no-heatmap", "--no-brief", "--published", "2023-04-05"});
    return args;
}

bool running_as_root() { return ::geteuid() == 0; }

// uid and gid of `nobody` on Debian: as root, permissions are not enforced, so an unwritable
// directory is only unwritable for an unprivileged user.
constexpr uid_t nobody_id = 65534;

// Runs `exe` as nobody.
CliResult run_as_nobody(const fs::path& exe, const std::vector<std::string>& args) {
    CliLimits as_nobody;
    as_nobody.user = nobody_id;
    as_nobody.binary = exe;
    return run_incimap(args, as_nobody);
}

// The binary nobody can run: the built one, or a copy with its gazetteer in `scratch` when
// the build tree is closed to other users; nullopt when neither works.
std::optional<fs::path> binary_for_nobody(const fs::path& scratch) {
    if (run_as_nobody(incimap_binary(), {"--version"}).exit_code == 0) return incimap_binary();
    const fs::path bin = scratch / "bin";
    fs::create_directories(bin);
    fs::copy_file(incimap_binary(), bin / "incimap", fs::copy_options::overwrite_existing);
    const fs::path gazetteer = binary_dir() / "gazetteer.sqlite";
    if (fs::exists(gazetteer))
        fs::copy_file(gazetteer, bin / "gazetteer.sqlite", fs::copy_options::overwrite_existing);
    fs::permissions(bin, fs::perms(0755));
    if (run_as_nobody(bin / "incimap", {"--version"}).exit_code == 0) return bin / "incimap";
    return std::nullopt;
}

// Every regular file of a folder, name to bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir))
        files[entry.path().filename().string()] =
            entry.is_regular_file() ? read_text(entry.path()) : std::string("(not a file)");
    return files;
}

void chown_tree(const fs::path& root, uid_t uid) {
    REQUIRE(::chown(root.c_str(), uid, uid) == 0);
    for (const auto& entry : fs::recursive_directory_iterator(root))
        REQUIRE(::lchown(entry.path().c_str(), uid, uid) == 0);
}

// The folder for a run by nobody: readable and passable by everyone (the umask may say else).
void open_to_everyone(const fs::path& dir) { fs::permissions(dir, fs::perms(0755)); }

}  // namespace

TEST_CASE("a missing input exits with 3 and names it", "[cli][hostile]") {
    TempDir dir("hostile");
    const auto r = run_incimap(
        quiet({"run", (dir.path() / "nope.txt").string(), "-o", (dir.path() / "out").string()}));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "nope.txt"));
    CHECK_FALSE(fs::exists(dir.path() / "out" / "incidents.gpkg"));
}

TEST_CASE("one empty file among good ones exits with 1 and lists it", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    write_text(dir.path() / "empty.txt", "");
    const auto r = run_incimap(
        quiet({"run", (dir.path() / "good.txt").string(), (dir.path() / "empty.txt").string(), "-o",
               (dir.path() / "out").string()}));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "empty.txt"));
    CHECK(feature_count(dir.path() / "out" / "incidents.gpkg", "incidents") >= 0);
}

TEST_CASE("a binary file with NUL bytes is skipped, not read as text", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    write_text(dir.path() / "binary.txt", std::string("%PDF-1.4\0\0\x01\x02 stream", 22));
    const auto r = run_incimap(
        quiet({"run", (dir.path() / "good.txt").string(), (dir.path() / "binary.txt").string(),
               "-o", (dir.path() / "out").string()}));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "binary.txt"));
    CHECK(store_count(dir.path() / "out" / "incimap.sqlite", "SELECT count(*) FROM articles") == 1);
}

TEST_CASE("invalid UTF-8 is read with a warning", "[cli][hostile]") {
    TempDir dir("hostile");
    // Latin-1 e-acute in an otherwise English report.
    write_text(dir.path() / "latin1.txt", "Caf\xe9 owner reports: " + good_text);
    const auto r = run_incimap(
        quiet({"run", (dir.path() / "latin1.txt").string(), "-o", (dir.path() / "out").string()}));
    INFO(r.err);
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    CHECK(store_count(dir.path() / "out" / "incimap.sqlite", "SELECT count(*) FROM articles") == 1);
}

TEST_CASE("a malformed JSON Lines record is named by file and line and the rest is read",
          "[cli][hostile]") {
    TempDir dir("hostile");
    nlohmann::json ok1 = {{"id", "j1"}, {"text", good_text}, {"published", "2023-04-05"}};
    nlohmann::json ok2 = {{"id", "j2"},
                          {"text", "Shelling hit Kafr Nabl in Idlib on Monday."},
                          {"published", "2023-04-05"}};
    write_text(dir.path() / "feed.jsonl",
               ok1.dump() + "\n{\"id\": \"broken\", \"text\": \n" + ok2.dump() + "\n");
    const auto r = run_incimap(
        quiet({"run", (dir.path() / "feed.jsonl").string(), "-o", (dir.path() / "out").string()}));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "feed.jsonl:2"));
    CHECK(store_count(dir.path() / "out" / "incimap.sqlite", "SELECT count(*) FROM articles") == 2);
}

TEST_CASE("a CSV without the text column named is skipped with its name", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "table.csv", "id,body\n1,\"" + good_text + "\"\n");
    const auto r = run_incimap(quiet({"run", (dir.path() / "table.csv").string(), "--text-col",
                                      "content", "-o", (dir.path() / "out").string()}));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "table.csv"));
}

TEST_CASE("an output path under a regular file is an error naming that file", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    write_text(dir.path() / "plain", "not a directory");
    const auto r = run_incimap(quiet({"run", (dir.path() / "good.txt").string(), "-o",
                                      (dir.path() / "plain" / "out").string()}));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, (dir.path() / "plain").string() + " is a file"));
}

TEST_CASE("a corrupted gazetteer is an error naming it", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    write_text(dir.path() / "gaz.sqlite", std::string(8192, '\x5a'));
    const auto r = run_incimap(
        quiet({"run", (dir.path() / "good.txt").string(), "--gazetteer",
               (dir.path() / "gaz.sqlite").string(), "-o", (dir.path() / "out").string()}));
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "gaz.sqlite"));
}

TEST_CASE("a full disk fails the run and leaves the previous outputs readable", "[cli][hostile]") {
    TempDir dir("hostile");
    const fs::path out = dir.path() / "out";
    REQUIRE(run_incimap({"run", (examples_dir() / "reports.jsonl").string(), "--no-heatmap",
                         "--no-brief", "-o", out.string()})
                .exit_code == 0);
    const auto before = feature_dump(out / "incidents.gpkg", "incidents");
    REQUIRE_FALSE(before.empty());

    const fs::path more = write_repeated_examples(dir.path() / "more.jsonl", 30);
    CliLimits limits;
    limits.max_file_size = 96 * 1024;  // smaller than a GeoPackage
    const auto r = run_incimap(
        {"run", more.string(), "--no-heatmap", "--no-brief", "-o", out.string()}, limits);
    INFO(r.err);
    CHECK(r.exit_code != 0);
    CHECK_FALSE(r.err.empty());
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") == before);
    CHECK(store_intact(out / "incimap.sqlite"));
}

TEST_CASE("a full GeoPackage is one message naming the final file, without GDAL's own lines",
          "[cli][hostile]") {
    TempDir dir("hostile");
    const fs::path out = dir.path() / "out";
    const fs::path more = write_repeated_examples(dir.path() / "more.jsonl", 30);
    const std::vector<std::string> args = {"run", more.string(), "--no-heatmap", "--no-brief",
                                           "-o", out.string()};
    REQUIRE(run_incimap(args).exit_code == 0);
    const auto before = feature_dump(out / "incidents.gpkg", "incidents");

    // Other settings rewrite every output while the store hardly grows: the GeoPackage
    // (about 2 MB) is the file that does not fit.
    std::vector<std::string> reweighted = args;
    reweighted.insert(reweighted.end(), {"--weight", "killed"});
    CliLimits limits;
    limits.max_file_size = 200 * 1024;
    const auto r = run_incimap(reweighted, limits);
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.rfind("incimap: error: " + (out / "incidents.gpkg").string() +
                          ": cannot write the GeoPackage (is the disk full?)",
                      0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(contains(r.err, "ERROR 1"));
    CHECK_FALSE(contains(r.err, ".incimap-products-"));
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") == before);
}

TEST_CASE("SIGINT mid-run stops cleanly with 130 and keeps what was committed", "[cli][hostile]") {
    TempDir dir("hostile");
    const fs::path out = dir.path() / "out";
    REQUIRE(run_incimap({"run", (examples_dir() / "reports.jsonl").string(), "--no-heatmap",
                         "--no-brief", "-o", out.string()})
                .exit_code == 0);
    const auto before = feature_dump(out / "incidents.gpkg", "incidents");
    const long stored_before = store_count(out / "incimap.sqlite", "SELECT count(*) FROM articles");

    const fs::path big = write_repeated_examples(dir.path() / "big.jsonl", 2500);
    const pid_t pid = spawn_incimap(
        {"run", big.string(), "--threads", "1", "--no-heatmap", "--no-brief", "-o", out.string()},
        dir.path());
    // Interrupt once the first batch is in the store (or after a while regardless).
    for (int i = 0; i < 600; ++i) {
        if (store_count(out / "incimap.sqlite", "SELECT count(*) FROM articles") > stored_before)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid, SIGINT);
    const int code = wait_incimap(pid);
    INFO(read_text(dir.path() / "spawn.err"));
    REQUIRE(code == 130);
    CHECK(store_intact(out / "incimap.sqlite"));
    CHECK(feature_dump(out / "incidents.gpkg", "incidents") == before);
    const long kept = store_count(out / "incimap.sqlite", "SELECT count(*) FROM articles");
    CHECK(kept >= stored_before);
    // Every stored article is whole: its reports were committed with it.
    CHECK(store_count(
              out / "incimap.sqlite",
              "SELECT count(*) FROM reports WHERE article NOT IN (SELECT id FROM articles)") == 0);
    CHECK(contains(read_text(dir.path() / "spawn.err"), "interrupted"));
}

TEST_CASE("an unclosed CSV quote is named by file and line and the other rows and inputs are read",
          "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    // Row 2 is good; the quote opened on line 3 never closes. multi.csv is valid CSV whose
    // quoted field holds a line break: one record.
    write_text(dir.path() / "broken.csv",
               "id,text\nb1,\"Shelling hit Kafr Nabl in Idlib on Monday.\"\n"
               "b2,\"Clashes near Tadif went on, and the open quote\nb3,swallows this row\n");
    write_text(dir.path() / "multi.csv",
               "id,text\nm1,\"An air strike on Ariha in Idlib killed four people.\n"
               "Rescuers searched the rubble on Wednesday.\"\n");
    const auto r = run_incimap(
        quiet({"run", (dir.path() / "good.txt").string(), (dir.path() / "broken.csv").string(),
               (dir.path() / "multi.csv").string(), "-o", (dir.path() / "out").string()}));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, (dir.path() / "broken.csv").string() + ":3"));
    CHECK(contains(r.err, "unclosed quote"));
    CHECK_FALSE(contains(r.err, "multi.csv"));
    const fs::path store = dir.path() / "out" / "incimap.sqlite";
    CHECK(store_count(store, "SELECT count(*) FROM articles") == 4);
    CHECK(store_count(store,
                      "SELECT count(*) FROM articles WHERE article_id IN ('b1', 'b3', 'm1')") == 3);
    CHECK(store_count(store, "SELECT count(*) FROM articles WHERE article_id = 'b2'") == 0);
}

TEST_CASE("inputs that cannot be read even by root are skipped and named, the rest is read",
          "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    fs::create_symlink("loop.txt", dir.path() / "loop.txt");
    fs::create_symlink("gone.txt", dir.path() / "dangling.txt");
    fs::create_directory(dir.path() / "folder.txt");
    std::vector<std::string> args = {
        "run", (dir.path() / "good.txt").string(), (dir.path() / "loop.txt").string(),
        (dir.path() / "dangling.txt").string(), (dir.path() / "folder.txt").string()};
    const bool root = running_as_root();
    if (!root) {  // as root a mode of 000 does not stop reading
        write_text(dir.path() / "secret.txt", "Words nobody may read.");
        fs::permissions(dir.path() / "secret.txt", fs::perms::none);
        args.push_back((dir.path() / "secret.txt").string());
    }
    args.insert(args.end(), {"-o", (dir.path() / "out").string()});
    const auto r = run_incimap(quiet(args));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "skipped: " + (dir.path() / "loop.txt").string() + ": cannot access"));
    CHECK(contains(
        r.err, "skipped: " + (dir.path() / "dangling.txt").string() + ": broken symbolic link"));
    CHECK(contains(r.err,
                   "skipped: " + (dir.path() / "folder.txt").string() + ": folder holds no files"));
    if (!root) {
        CHECK(
            contains(r.err, "skipped: " + (dir.path() / "secret.txt").string() + ": cannot open"));
        fs::permissions(dir.path() / "secret.txt", fs::perms::owner_all);
    }
    CHECK(store_count(dir.path() / "out" / "incimap.sqlite", "SELECT count(*) FROM articles") == 1);
}

TEST_CASE("a PDF renamed .txt is skipped as binary and named", "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    // A PDF signature and compressed-looking bytes, no NUL byte: the signature decides.
    write_text(dir.path() / "report.txt",
               "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n\x78\x9c\xed\x5d\x7b\x8f\x1c");
    const auto r = run_incimap(
        quiet({"run", (dir.path() / "good.txt").string(), (dir.path() / "report.txt").string(),
               "-o", (dir.path() / "out").string()}));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(
        contains(r.err, "skipped: " + (dir.path() / "report.txt").string() + ": binary file (PDF"));
    CHECK(store_count(dir.path() / "out" / "incimap.sqlite", "SELECT count(*) FROM articles") == 1);
}

TEST_CASE("a missing gazetteer given by option or environment exits 3, names it, writes nothing",
          "[cli][hostile]") {
    TempDir dir("hostile");
    write_text(dir.path() / "good.txt", good_text);
    const fs::path missing = dir.path() / "nowhere" / "gazetteer.sqlite";
    SECTION("--gazetteer") {
        const auto r = run_incimap(quiet({"run", (dir.path() / "good.txt").string(), "--gazetteer",
                                          missing.string(), "-o", (dir.path() / "out").string()}));
        INFO(r.err);
        CHECK(r.exit_code == 3);
        CHECK(contains(r.err, "error: " + missing.string() + ": gazetteer not found"));
    }
    SECTION("INCIMAP_GAZETTEER") {
        // The child inherits the environment; the variable is restored whatever happens.
        struct EnvGuard {
            std::optional<std::string> old;
            EnvGuard(const char* value) {
                if (const char* v = std::getenv("INCIMAP_GAZETTEER")) old = v;
                setenv("INCIMAP_GAZETTEER", value, 1);
            }
            ~EnvGuard() {
                old ? setenv("INCIMAP_GAZETTEER", old->c_str(), 1) : unsetenv("INCIMAP_GAZETTEER");
            }
        } guard(missing.c_str());
        const auto r = run_incimap(quiet(
            {"run", (dir.path() / "good.txt").string(), "-o", (dir.path() / "out").string()}));
        INFO(r.err);
        CHECK(r.exit_code == 3);
        CHECK(contains(r.err, "error: " + missing.string() + ": gazetteer not found"));
    }
    // Nothing written: not even an empty store in a new output directory.
    const bool out_empty = !fs::exists(dir.path() / "out") || fs::is_empty(dir.path() / "out");
    CHECK(out_empty);
}

TEST_CASE("an output directory that cannot be written is named and its previous outputs stay",
          "[cli][hostile]") {
    TempDir dir("hostile");
    open_to_everyone(dir.path());
    const fs::path out = dir.path() / "out";
    const fs::path first = dir.path() / "first.jsonl", all = dir.path() / "all.jsonl";
    write_text(all, read_text(examples_dir() / "reports.jsonl"));
    write_text(first, read_text(all).substr(0, read_text(all).find('\n') + 1));
    REQUIRE(run_incimap({"run", first.string(), "--no-heatmap", "--no-brief", "-o", out.string()})
                .exit_code == 0);
    const bool root = running_as_root();
    std::optional<fs::path> exe = incimap_binary();
    if (root) {
        exe = binary_for_nobody(dir.path());
        if (!exe) {
            WARN("skipped: the unprivileged user 65534 cannot run a copy of the binary here");
            return;
        }
        // The outputs belong to the user, as after that user's own run; only the folder is closed.
        chown_tree(out, nobody_id);
    }
    fs::permissions(out, fs::perms(0555));
    const auto before = snapshot(out);
    const std::vector<std::string> args = {"run",        all.string(), "--no-heatmap",
                                           "--no-brief", "-o",         out.string()};
    const CliResult r = root ? run_as_nobody(*exe, args) : run_incimap(args);
    fs::permissions(out, fs::perms(0755));
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "error: " + out.string() + ": "));
    CHECK((contains(r.err, "not writable") || contains(r.err, "Permission denied")));
    CHECK(snapshot(out) == before);
}

TEST_CASE("after a run failed writing its outputs the next run writes them", "[cli][hostile]") {
    // The failed run has already stored its new articles; its outputs must not be called up
    // to date afterwards while they lack them. A folder where a layer file goes makes the
    // write fail after the store commit, for any user.
    TempDir dir("hostile");
    const fs::path out = dir.path() / "out";
    const fs::path first = dir.path() / "first.jsonl", all = dir.path() / "all.jsonl";
    write_text(all, read_text(examples_dir() / "reports.jsonl"));
    write_text(first, read_text(all).substr(0, read_text(all).find('\n') + 1));
    auto with = [&](const fs::path& input, const fs::path& to) {
        return std::vector<std::string>{"run",        input.string(), "--no-heatmap",
                                        "--no-brief", "-o",           to.string()};
    };
    REQUIRE(run_incimap(with(first, out)).exit_code == 0);
    fs::remove(out / "incidents.geojson");
    fs::create_directories(out / "incidents.geojson" / "in-the-way");
    const CliResult failed = run_incimap(with(all, out));
    INFO(failed.err);
    REQUIRE(failed.exit_code == 3);
    CHECK(contains(failed.err, (out / "incidents.geojson").string()));
    fs::remove_all(out / "incidents.geojson");

    const CliResult again = run_incimap(with(all, out));
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
    CHECK_FALSE(contains(again.out, "already up to date"));
    const fs::path reference = dir.path() / "reference";
    REQUIRE(run_incimap(with(all, reference)).exit_code == 0);
    CHECK(feature_count(out / "incidents.geojson") ==
          feature_count(reference / "incidents.geojson"));
}
