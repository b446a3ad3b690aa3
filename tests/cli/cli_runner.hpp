#pragma once
// Runs the built incimap binary in a child process and reads its outputs back with GDAL.
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace incimap::test {

struct CliResult {
    int exit_code = -1;  // 128 + signal when the child was killed by one
    std::string out;
    std::string err;
};

struct CliLimits {
    // RLIMIT_FSIZE for the child (bytes); SIGXFSZ is ignored so writes fail with EFBIG,
    // which is what a full disk looks like to the program.
    std::optional<long> max_file_size;
    // Runs the child as this user and group id (needs root): permissions are not enforced
    // for root, so an unwritable directory is only unwritable for another user.
    std::optional<unsigned> user;
    // Another copy of the binary; empty: the built one.
    std::filesystem::path binary;
    // Set in the child's environment (name, value), e.g. INCIMAP_TEST_SIGNAL_AT.
    std::vector<std::pair<std::string, std::string>> environment;
};

std::filesystem::path incimap_binary();
CliResult run_incimap(const std::vector<std::string>& args, const CliLimits& limits = {});

// Starts the binary without waiting (stdout/stderr to files in `log_dir`).
pid_t spawn_incimap(const std::vector<std::string>& args, const std::filesystem::path& log_dir,
                    const CliLimits& limits = {});
// Waits for a spawned child; returns its exit code (128 + signal if killed).
int wait_incimap(pid_t pid);

// Number of features of a layer (the first layer when `layer` is empty) read with GDAL;
// -1 when the dataset or layer cannot be opened.
long feature_count(const std::filesystem::path& dataset, const std::string& layer = {});
// Every feature of a layer as "field=value|..." text plus its geometry as WKT, in order: a
// comparison of content that does not depend on how the file was laid out.
std::vector<std::string> feature_dump(const std::filesystem::path& dataset,
                                      const std::string& layer = {});
// Names of the layers of a dataset.
std::vector<std::string> layer_names(const std::filesystem::path& dataset);

// A count from the store (SQLite) with a read-only connection; -1 on error.
long store_count(const std::filesystem::path& store, const std::string& sql);
// Runs SQL on the store with a read-write connection; false on error.
bool store_exec(const std::filesystem::path& store, const std::string& sql);
// PRAGMA integrity_check == "ok".
bool store_intact(const std::filesystem::path& store);

// incimap.qgs inside DIR/incimap.qgz; empty when there is none.
std::string qgis_project_xml(const std::filesystem::path& dir);

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& bytes);

}  // namespace incimap::test
