// A full disk while the layer files are written (issue 12, point 1): RLIMIT_FSIZE in a child
// process makes every write past the limit fail with EFBIG, as a full disk fails with ENOSPC.
// GDAL 3.6's GeoJSON writer ignored such failures: truncated layers and no error.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "layer_fixtures.hpp"
#include "output/layer_writer.hpp"

using namespace incimap;
namespace fs = std::filesystem;

namespace {

// The sample incidents again and again, each at a place of its own, so that the places layer
// written after the incidents layer is a file of a few hundred kilobytes.
std::vector<Incident> many_incidents(int copies) {
    std::vector<Incident> out;
    for (int n = 0; n < copies; ++n) {
        for (Incident i : test::sample_incidents()) {
            const auto k = static_cast<std::int64_t>(out.size());
            i.incident_id += "-" + std::to_string(n);
            if (i.where.place) {
                i.where.place->id = 10000 + k;
                i.where.place->name += " " + std::to_string(k);
                i.where.place->point.lon += 0.0001 * static_cast<double>(n);
                i.where.point = i.where.place->point;
            }
            out.push_back(std::move(i));
        }
    }
    return out;
}

std::map<std::string, std::string> files_of(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        files[entry.path().filename().string()] =
            entry.is_regular_file() ? bytes.str() : std::string("(not a file)");
    }
    return files;
}

// How the child's write ended.
constexpr int did_not_throw = 0, threw_naming_the_file_and_why = 3, threw_naming_the_file = 5,
              threw_otherwise = 4;

// Writes the layers in a child whose files may not grow past `limit` bytes once the
// GeoPackage and the first layer file are written: the disk fills up while the second layer
// file (places) is written.
int write_in_child(const std::vector<Incident>& incidents, LayerOptions options,
                   const fs::path& out, long limit) {
    const pid_t pid = fork();
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        const std::string first_file = "incidents" + file_extension(options.format);
        options.on_layer_written = [&](const std::string& written) {
            if (written != first_file) return;
            const rlimit r{static_cast<rlim_t>(limit), static_cast<rlim_t>(limit)};
            setrlimit(RLIMIT_FSIZE, &r);
        };
        try {
            write_layers(incidents, test::sample_articles(), options, out);
        } catch (const Error& e) {
            const bool named = e.file().rfind(out.string() + "/", 0) == 0 &&
                               e.file().find(".incimap-products") == std::string::npos;
            const bool said = std::string(e.what()).find("File too large") != std::string::npos;
            if (!named) _exit(threw_otherwise);
            _exit(said ? threw_naming_the_file_and_why : threw_naming_the_file);
        } catch (...) {
            _exit(threw_otherwise);
        }
        _exit(did_not_throw);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST_CASE(
    "a layer file that cannot be written in full fails the write and keeps the previous "
    "files",
    "[writer][full-disk]") {
    const auto [format, name] =
        GENERATE(table<LayerFormat, const char*>({{LayerFormat::geojson, "GeoJSON"},
                                                  {LayerFormat::csv, "CSV"},
                                                  {LayerFormat::flatgeobuf, "FlatGeobuf"}}));
    INFO(name);
    test::TempDir dir("full-disk");
    LayerOptions options;
    options.format = format;
    const auto incidents = many_incidents(500);
    const long limit = 32 * 1024;

    // Without a limit the places file is larger than the limit, so it is the one that fails.
    const fs::path reference = dir.path() / "reference";
    write_layers(incidents, test::sample_articles(), options, reference);
    REQUIRE(fs::file_size(reference / ("places" + file_extension(format))) > 2 * limit);

    const fs::path out = dir.path() / "out";
    write_layers(test::sample_incidents(), test::sample_articles(), options, out);
    const auto before = files_of(out);
    const int ended = write_in_child(incidents, options, out, limit);
    // FlatGeobuf writes its features to a temporary file of GDAL's own choosing first: its
    // failure is reported by GDAL when the layer is closed, in GDAL's words.
    if (format == LayerFormat::flatgeobuf)
        CHECK((ended == threw_naming_the_file_and_why || ended == threw_naming_the_file));
    else
        CHECK(ended == threw_naming_the_file_and_why);
    CHECK(files_of(out) == before);
}
