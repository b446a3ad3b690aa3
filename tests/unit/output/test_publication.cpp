// Publication (src/output/publication.hpp) on small text files: what the folder shows after
// each publish, and what the next one does with files other tools put there. The kills at
// each step are in tests/cli/test_cli_publish.cpp.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "output/publication.hpp"
#include "published_folder.hpp"
#include "temp_dir.hpp"

using namespace incimap;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Publishes `files` (name, text) into `dir`; `keep` keeps the other products as `map` does.
void publish(const fs::path& dir, const std::map<std::string, std::string>& files,
             bool keep = false) {
    Publication publication{dir};
    std::vector<std::string> names;
    for (const auto& [name, text] : files) {
        write(publication.staging() / name, text);
        names.push_back(name);
    }
    if (keep)
        for (const std::string& kept : publication.keep_other_products()) names.push_back(kept);
    publication.publish(names);
}

bool is_link(const fs::path& path) { return fs::is_symlink(fs::symlink_status(path)); }

}  // namespace

TEST_CASE("each publish shows exactly its own set through links to one generation",
          "[publication]") {
    test::TempDir dir("publication");
    publish(dir.path(), {{"a.csv", "a1"}, {"b.csv", "b1"}});
    CHECK(read(dir.path() / "a.csv") == "a1");
    CHECK(fs::read_symlink(dir.path() / "a.csv") == ".incimap-current/a.csv");
    const auto first = current_generation(dir.path());
    REQUIRE(first);

    publish(dir.path(), {{"b.csv", "b2"}, {"c.csv", "c2"}});
    CHECK_FALSE(fs::exists(fs::symlink_status(dir.path() / "a.csv")));
    CHECK(read(dir.path() / "b.csv") == "b2");
    CHECK(read(dir.path() / "c.csv") == "c2");
    CHECK(current_generation(dir.path()) != first);
    CHECK_FALSE(fs::exists(dir.path() / *first));
    CHECK(test::publishing_leftovers(dir.path()).empty());
}

TEST_CASE("a publication that fails before the switch leaves no trace", "[publication]") {
    test::TempDir dir("publication");
    publish(dir.path(), {{"a.csv", "a1"}});
    {
        Publication publication{dir.path()};
        write(publication.staging() / "a.csv", "a2");
        CHECK_THROWS(publication.publish({"a.csv", "never-written.csv"}));
    }
    CHECK(read(dir.path() / "a.csv") == "a1");
    CHECK(test::publishing_leftovers(dir.path()).empty());
}

TEST_CASE(
    "a partial publication keeps the other products, and a file a tool put in a "
    "product's place since",
    "[publication]") {
    test::TempDir dir("publication");
    publish(dir.path(), {{"layer.csv", "l1"}, {"heatmap.tif", "h1"}, {"brief.md", "b1"}});
    // As `incimap heatmap -o DIR/heatmap.tif` does: a new file renamed over the link.
    write(dir.path() / "new-heatmap", "h-user");
    fs::rename(dir.path() / "new-heatmap", dir.path() / "heatmap.tif");

    publish(dir.path(), {{"layer.csv", "l2"}}, /*keep=*/true);
    CHECK(read(dir.path() / "layer.csv") == "l2");
    CHECK(read(dir.path() / "brief.md") == "b1");
    CHECK(read(dir.path() / "heatmap.tif") == "h-user");
    CHECK(is_link(dir.path() / "heatmap.tif"));
    CHECK(test::publishing_leftovers(dir.path()).empty());
}

TEST_CASE(
    "completing a killed publication links what lacks a link and leaves files put there "
    "since",
    "[publication]") {
    test::TempDir dir("publication");
    publish(dir.path(), {{"a.csv", "a1"}, {"b.csv", "b1"}, {"c.csv", "c1"}});
    const fs::path generation = dir.path() / *current_generation(dir.path());
    CHECK_FALSE(finish_interrupted_publication(dir.path()));  // nothing to complete

    fs::remove(dir.path() / "a.csv");                                          // not linked yet
    fs::create_symlink(".incimap-current/gone.csv", dir.path() / "gone.csv");  // dropped
    fs::remove(dir.path() / "b.csv");
    write(dir.path() / "b.csv", "b-user");  // a tool's own file
    fs::remove(dir.path() / "c.csv");
    fs::create_hard_link(generation / "c.csv", dir.path() / "c.csv");  // a migration's

    CHECK(finish_interrupted_publication(dir.path()));
    CHECK(is_link(dir.path() / "a.csv"));
    CHECK_FALSE(fs::exists(fs::symlink_status(dir.path() / "gone.csv")));
    CHECK_FALSE(is_link(dir.path() / "b.csv"));
    CHECK(read(dir.path() / "b.csv") == "b-user");
    CHECK(is_link(dir.path() / "c.csv"));
    CHECK(read(dir.path() / "c.csv") == "c1");
}

TEST_CASE("real files of an older version become links to the same bytes", "[publication]") {
    test::TempDir dir("publication");
    write(dir.path() / "a.csv", "a0");
    write(dir.path() / "notes.txt", "the user's");
    publish(dir.path(), {{"a.csv", "a1"}});
    CHECK(is_link(dir.path() / "a.csv"));
    CHECK(read(dir.path() / "a.csv") == "a1");
    CHECK(read(dir.path() / "notes.txt") == "the user's");
    CHECK_FALSE(is_link(dir.path() / "notes.txt"));
    CHECK(test::publishing_leftovers(dir.path()).empty());
}
