// Broken and hostile input (issue 6): each is a problem for that input, never a crash.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>

#include "ingest_fixtures.hpp"

using namespace incimap;
using namespace incimap::test;

namespace {
bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

long peak_rss_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss * 1024L;  // Linux reports kilobytes
}

long current_rss_bytes() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

// Writes `size` bytes of one endless line of prose without holding them in memory.
std::filesystem::path write_huge_line(const TempDir& dir, const std::string& name,
                                      std::string_view prefix, std::size_t size,
                                      std::string_view suffix) {
    const auto path = dir.path() / name;
    std::ofstream out(path, std::ios::binary);
    out << prefix;
    const std::string block = [] {
        std::string b;
        while (b.size() < (1 << 20)) b += "shells fell on the town and nobody counted ";
        b.resize(1 << 20);
        return b;
    }();
    for (std::size_t written = 0; written < size; written += block.size()) out << block;
    out << suffix;
    return path;
}
}  // namespace

TEST_CASE("an empty file is skipped with a problem", "[ingest][hostile]") {
    TempDir dir;
    auto r = read_all({dir.write("empty.txt", ""), dir.write("blank.txt", " \n\r\n\t"),
                       dir.write("bom.txt", "\xef\xbb\xbf"), dir.write("empty.jsonl", ""),
                       dir.write("empty.csv", ""), dir.write("empty.html", "\n")});
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 6);
    for (const auto& p : r.problems) {
        CHECK(p.skipped);
        CHECK(p.what == "empty file");
    }
}

TEST_CASE("binary files and files with NUL bytes are skipped as binary in every format",
          "[ingest][hostile]") {
    TempDir dir;
    const std::string nul("Some text\0 and more", 19);
    auto r = read_all({dir.write("nul.txt", nul), dir.write("report.txt", "%PDF-1.4\n%\xe2\xe3\n1 0 obj"),
                       dir.write("nul.jsonl", nul), dir.write("nul.csv", "id,text\n1," + nul),
                       dir.write("nul.html", "<p>" + nul)});
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 5);
    for (const auto& p : r.problems) {
        INFO(p.where << ": " << p.what);
        CHECK(p.skipped);
        CHECK(contains(p.what, "binary file"));
    }
    CHECK(contains(r.problems[1].what, "PDF"));
}

TEST_CASE("Latin-1 text is read as Windows-1252 with a warning", "[ingest][hostile][encoding]") {
    TempDir dir;
    const auto file = dir.write("latin.txt", "Caf\xe9 owner hurt in \x93raid\x94\r\nSecond line");
    auto r = read_all({file});
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].text == "Caf\xc3\xa9 owner hurt in \xe2\x80\x9craid\xe2\x80\x9d\nSecond line");
    CHECK(r.articles[0].title == "Caf\xc3\xa9 owner hurt in \xe2\x80\x9craid\xe2\x80\x9d");
    REQUIRE(r.problems.size() == 1);
    CHECK_FALSE(r.problems[0].skipped);
    CHECK(contains(r.problems[0].what, "windows-1252"));
}

TEST_CASE("Arabic text in Windows-1256 is read as Arabic with a warning",
          "[ingest][hostile][encoding]") {
    TempDir dir;
    // "قصف على مدينة" (shelling on a city) in Windows-1256.
    const auto file = dir.write("arabic.txt", "\xde\xd5\xdd \xda\xe1\xec \xe3\xcf\xed\xe4\xc9\n");
    auto r = read_all({file});
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].text ==
          "\xd9\x82\xd8\xb5\xd9\x81 \xd8\xb9\xd9\x84\xd9\x89 \xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9\n");
    REQUIRE(r.problems.size() == 1);
    CHECK_FALSE(r.problems[0].skipped);
    CHECK(contains(r.problems[0].what, "windows-1256"));
}

TEST_CASE("a Latin-1 line in JSON Lines and a Latin-1 CSV are decoded with one warning each",
          "[ingest][hostile][encoding]") {
    TempDir dir;
    auto jsonl = dir.write("l.jsonl", "{\"id\": \"a\", \"text\": \"Caf\xe9 hit\"}\n"
                                      "{\"id\": \"b\", \"text\": \"Na\xefve claim\"}\n");
    auto csv = dir.write("l.csv", "id,text\nc,\"Caf\xe9 hit\"\nd,\"R\xe9sum\xe9\"\n");
    auto r = read_all({jsonl, csv});
    REQUIRE(r.articles.size() == 4);
    CHECK(r.articles[0].text == "Caf\xc3\xa9 hit");
    CHECK(r.articles[3].text == "R\xc3\xa9sum\xc3\xa9");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].where == jsonl.string() + ":1");
    CHECK(r.problems[1].where == csv.string() + ":2");
    for (const auto& p : r.problems) CHECK_FALSE(p.skipped);
}

TEST_CASE("a path that does not exist is a problem naming it", "[ingest][hostile]") {
    TempDir dir;
    const auto missing = dir.path() / "nowhere" / "gone.txt";
    auto r = read_all({missing});
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == missing.string());
    CHECK(r.problems[0].what == "no such file or folder");
}

TEST_CASE("when no input can be read at all read_articles still returns with the reasons",
          "[ingest][hostile]") {
    TempDir dir;
    std::vector<InputProblem> problems;
    std::size_t count = 0;
    REQUIRE_NOTHROW(read_articles({dir.path() / "a.txt", dir.write("b.txt", "")}, {},
                                  [&](Article&&) { ++count; }, problems));
    CHECK(count == 0);
    CHECK(problems.size() == 2);
}

TEST_CASE("a file without read permission is a problem naming the file", "[ingest][hostile]") {
    TempDir dir;
    const auto file = dir.write("secret.txt", "Hidden words.");
    std::filesystem::permissions(file, std::filesystem::perms::none);
    if (::access(file.c_str(), R_OK) == 0) {
        WARN("skipped: running as a user that ignores file permissions (root)");
        return;
    }
    auto r = read_all({file});
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == file.string());
    CHECK(contains(r.problems[0].what, "Permission denied"));
}

TEST_CASE("a file that fails while being read is a problem naming the file", "[ingest][hostile]") {
    // Reading /proc/self/mem at offset 0 opens fine and then fails with EIO: a stand-in for
    // a disk or network file system error, and testable as root.
    const std::filesystem::path mem = "/proc/self/mem";
    if (!std::filesystem::exists(mem)) {
        WARN("skipped: no /proc on this system");
        return;
    }
    auto r = read_all({mem});
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == mem.string());
    CHECK(contains(r.problems[0].what, "cannot read"));
}

TEST_CASE("a named pipe is refused instead of blocking the run", "[ingest][hostile]") {
    TempDir dir;
    const auto fifo = dir.path() / "pipe.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto r = read_all({fifo, dir.path()});
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 2);
    CHECK(contains(r.problems[0].what, "not a regular file"));
    CHECK(contains(r.problems[1].what, "not a regular file"));
}

TEST_CASE("a 200 MB single-line text file is read in linear time and bounded memory",
          "[ingest][hostile][huge]") {
    TempDir dir;
    constexpr std::size_t size = 200u << 20;
    const auto file = write_huge_line(dir, "huge.txt", "", size, "");
    const long baseline = current_rss_bytes();
    const auto start = std::chrono::steady_clock::now();
    std::size_t text_size = 0, title_size = 0;
    std::vector<InputProblem> problems;
    read_articles({file}, {}, [&](Article&& a) {
        text_size = a.text.size();
        title_size = a.title.size();
    }, problems);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(text_size == size);
    CHECK(title_size < 400);  // not a second 200 MB copy
    CHECK(problems.empty());
    CHECK(seconds < 300);  // a hang guard, not a speed target (bench/ measures speed)
    CHECK(peak_rss_bytes() - baseline < static_cast<long>(3 * size));
    WARN("200 MB text line: " << seconds << " s, peak RSS above baseline "
                              << (peak_rss_bytes() - baseline) / (1 << 20) << " MB");
}

// AddressSanitizer's shadow memory and quarantine add to the peak; the bound is about our
// copies of the text, so it widens under ASan.
#if defined(__SANITIZE_ADDRESS__)
constexpr long rss_bound_factor = 8;
#else
constexpr long rss_bound_factor = 4;
#endif

TEST_CASE("a 200 MB JSON Lines record is read in bounded memory", "[ingest][hostile][huge]") {
    TempDir dir;
    constexpr std::size_t size = 200u << 20;
    const auto file = write_huge_line(dir, "huge.jsonl", R"({"id": "big", "text": ")", size,
                                      "\"}\n{\"id\": \"small\", \"text\": \"After the big one.\"}\n");
    const long baseline = current_rss_bytes();
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> ids;
    std::size_t big_size = 0;
    std::vector<InputProblem> problems;
    read_articles({file}, {}, [&](Article&& a) {
        ids.push_back(a.id);
        if (a.id == "big") big_size = a.text.size();
    }, problems);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(ids == std::vector<std::string>{"big", "small"});
    CHECK(big_size == size);
    CHECK(problems.empty());
    CHECK(seconds < 300);  // a hang guard, not a speed target (bench/ measures speed)
    CHECK(peak_rss_bytes() - baseline < static_cast<long>(rss_bound_factor * size));
    WARN("200 MB JSON line: " << seconds << " s, peak RSS above baseline "
                              << (peak_rss_bytes() - baseline) / (1 << 20) << " MB");
}

TEST_CASE("an unclosed quote in a CSV loses only its row: named by file and line, the rows "
          "before and after it are read",
          "[ingest][hostile][csv]") {
    TempDir dir;
    std::string csv = "id,text\n1,First report of shelling.\n2,\"Second report, never closed\n";
    for (int row = 3; row <= 2000; ++row)
        csv += std::to_string(row) + ",\"Report " + std::to_string(row) + ", quoted.\"\n";
    csv += "last,\"Another one, never closed\n";
    const auto file = dir.write("quote.csv", csv);
    const auto other = dir.write("other.txt", "A separate report of an air strike.");
    auto r = read_all({file, other});
    REQUIRE(r.articles.size() == 2000);
    CHECK(r.articles[0].id == "1");
    CHECK(r.articles[1].id == "3");
    CHECK(r.articles[1].text == "Report 3, quoted.");
    CHECK(r.articles[1].origin == file.string() + ":4");
    CHECK(r.articles[1998].id == "2000");
    CHECK(r.articles[1999].id == "other");
    REQUIRE(r.problems.size() == 2);
    for (const InputProblem& p : r.problems) {
        INFO(p.where << ": " << p.what);
        CHECK(p.skipped);
        CHECK(contains(p.what, "unclosed quote"));
    }
    CHECK(r.problems[0].where == file.string() + ":3");
    CHECK(contains(r.problems[0].what, "row 3 was not read; the lines after it were read"));
    CHECK(r.problems[1].where == file.string() + ":2002");
    CHECK(contains(r.problems[1].what, "row 2002 was not read;"));
}

TEST_CASE("a stray quote inside an unquoted CSV field that never closes is an unclosed quote",
          "[ingest][hostile][csv]") {
    TempDir dir;
    const auto file = dir.write("stray.csv", "id,text\nk1,Fine words.\n"
                                             "k2,He said \"hold the line and left\nk3,Later.\n");
    auto r = read_all({file});
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "k1");
    CHECK(r.articles[1].id == "k3");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == file.string() + ":3");
    CHECK(contains(r.problems[0].what, "unclosed quote"));
}

TEST_CASE("an unclosed quote in the CSV header skips the file naming line 1",
          "[ingest][hostile][csv]") {
    TempDir dir;
    const auto file = dir.write("header.csv", "id,\"text\n1,Some words.\n2,More words.\n");
    auto r = read_all({file});
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == file.string() + ":1");
    CHECK(contains(r.problems[0].what, "header"));
}

TEST_CASE("a quoted CSV field with a line break and doubled quotes is one record, no problem",
          "[ingest][hostile][csv]") {
    TempDir dir;
    const auto file = dir.write("valid.csv", "id,text\nv1,\"First line of it,\nsecond line.\"\n"
                                             "v2,\"She said \"\"enough\"\" twice\"\n"
                                             "v3, \"A spaced quoted field\"\n");
    auto r = read_all({file});
    INFO((r.problems.empty() ? std::string() : r.problems[0].where + ": " + r.problems[0].what));
    CHECK(r.problems.empty());
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[0].text == "First line of it,\nsecond line.");
    CHECK(r.articles[1].text == "She said \"enough\" twice");
    CHECK(r.articles[2].id == "v3");
}

TEST_CASE("a stray CSV quote closed by another on a later line is a warning naming both lines",
          "[ingest][hostile][csv]") {
    TempDir dir;
    const auto file = dir.write("pair.csv", "id,text\np1,He said \"wait\np2,She said\" no\n"
                                            "p3,Separate row.\n");
    auto r = read_all({file});
    REQUIRE(r.articles.size() == 2);
    CHECK(contains(r.articles[0].text, "p2,She said"));
    CHECK(r.articles[1].id == "p3");
    REQUIRE(r.problems.size() == 1);
    CHECK_FALSE(r.problems[0].skipped);
    CHECK(r.problems[0].where == file.string() + ":2");
    CHECK(contains(r.problems[0].what, "lines 2-3"));
}

TEST_CASE("a link loop, a broken link and a folder named like a text file are each named",
          "[ingest][hostile]") {
    TempDir dir;
    const auto loop = dir.path() / "loop.txt";
    const auto dangling = dir.path() / "dangling.txt";
    const auto folder = dir.path() / "folder.txt";
    std::filesystem::create_symlink("loop.txt", loop);
    std::filesystem::create_symlink("gone.txt", dangling);
    std::filesystem::create_directory(folder);
    const auto good = dir.write("good.txt", "Words about a raid.");
    auto r = read_all({loop, dangling, folder, good});
    REQUIRE(r.articles.size() == 1);
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].where == loop.string());
    CHECK(contains(r.problems[0].what, "symbolic links"));
    CHECK(r.problems[1].where == dangling.string());
    CHECK(contains(r.problems[1].what, "broken symbolic link"));
    CHECK(contains(r.problems[1].what, "gone.txt"));
    CHECK(r.problems[2].where == folder.string());
    CHECK(contains(r.problems[2].what, "no files"));
    for (const auto& p : r.problems) CHECK(p.skipped);
}

TEST_CASE("a broken link inside a folder is named as one", "[ingest][hostile]") {
    TempDir dir;
    dir.write("in/good.txt", "Words about a raid.");
    std::filesystem::create_symlink("gone.txt", dir.path() / "in" / "dangling.txt");
    auto r = read_all({dir.path() / "in"});
    REQUIRE(r.articles.size() == 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(contains(r.problems[0].what, "broken symbolic link"));
}
