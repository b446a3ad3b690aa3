#include "output/publication.hpp"

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <string_view>
#include <system_error>

#include "core/error.hpp"
#include "core/test_signal.hpp"
#include "geo/durable_file.hpp"
#include "output/heatmap_file.hpp"

namespace incimap {

namespace fs = std::filesystem;

const char* const publication_journal_name = ".incimap-publishing";

namespace {

// The staging folders' names; folder_lock.cpp removes those of dead processes.
constexpr std::string_view staging_prefix = ".incimap-writing-";

bool is_plain_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
}

struct Journal {
    std::string staging;             // folder name inside DIR
    std::vector<std::string> files;  // names inside it, in publishing order
};

void write_journal(const Journal& journal, const fs::path& dir) {
    const fs::path path = dir / publication_journal_name;
    write_file_atomically(path, [&](const fs::path& tmp) {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << journal.staging << '\n';
        for (const std::string& name : journal.files) out << name << '\n';
        out.close();
        if (!out) throw Error("cannot write the publishing journal", path.string());
    });
}

// The journal of `dir`; nullopt when there is none. A journal is written atomically, so one
// that does not parse was not written by us: it is an error, not something to guess about.
std::optional<Journal> read_journal(const fs::path& dir) {
    const fs::path path = dir / publication_journal_name;
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    Journal journal;
    std::getline(in, journal.staging);
    for (std::string line; std::getline(in, line);) journal.files.push_back(line);
    bool valid = in.eof() && is_plain_name(journal.staging) &&
                 journal.staging.starts_with(staging_prefix);
    for (const std::string& name : journal.files) valid = valid && is_plain_name(name);
    if (!valid)
        throw Error(
            "this file is not a publishing journal of incimap; remove it and run again "
            "(the outputs are then written anew)",
            path.string());
    return journal;
}

// Moves what is left in the staging folder into place, then drops journal and staging.
// Safe to repeat after a kill at any point: a file already moved is not in staging any more.
void complete(const Journal& journal, const fs::path& dir) {
    const fs::path staging = dir / journal.staging;
    bool first = true;
    for (const std::string& name : journal.files) {
        std::error_code ec;
        if (!fs::exists(staging / name, ec)) continue;
        fs::rename(staging / name, dir / name, ec);
        if (ec)
            throw Error("cannot move the new file into place: " + ec.message() +
                            "; the next run finishes moving the new outputs",
                        (dir / name).string());
        if (first) signal_self_if_test_asks("mid-publish");
        first = false;
    }
    sync_directory(dir);
    std::error_code ec;
    fs::remove(dir / publication_journal_name, ec);
    sync_directory(dir);
    fs::remove_all(staging, ec);
}

}  // namespace

Publication::Publication(fs::path out_dir) : out_dir_(std::move(out_dir)) {
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    staging_ = out_dir_ / (std::string(staging_prefix) + std::to_string(::getpid()) + "-" +
                           std::to_string(stamp));
    std::error_code ec;
    fs::create_directories(staging_, ec);
    if (ec) throw Error("cannot create a temporary directory: " + ec.message(), staging_.string());
}

Publication::~Publication() {
    if (journaled_) return;  // the journal's owner (or the next run) completes it
    std::error_code ec;      // best effort: never throw from a destructor
    fs::remove_all(staging_, ec);
}

void Publication::naming_final_paths(const std::function<void()>& write) const {
    try {
        write();
    } catch (const Error& e) {
        const std::string prefix = staging_.string() + "/";
        if (e.file().rfind(prefix, 0) != 0) throw;
        const fs::path inside = e.file().substr(prefix.size());
        // Only the top-level name exists in DIR; a driver's own temporary below is not it.
        // GDAL's words may name the staged file too.
        std::string what = e.what();
        for (auto at = what.find(prefix); at != std::string::npos; at = what.find(prefix, at))
            what.replace(at, prefix.size(), out_dir_.string() + "/");
        throw Error(what, (out_dir_ / *inside.begin()).string(), e.line());
    }
}

std::vector<fs::path> Publication::publish(const std::vector<std::string>& names) {
    std::vector<fs::path> published;
    for (const std::string& name : names) {
        std::error_code ec;
        if (!fs::is_regular_file(staging_ / name, ec))
            throw Error("the new file was not written", (out_dir_ / name).string());
        if (fs::is_directory(out_dir_ / name, ec))
            throw Error("a folder has this output file's name; move it away and run again",
                        (out_dir_ / name).string());
        published.push_back(out_dir_ / name);
    }
    sync_directory(staging_);
    signal_self_if_test_asks("before-publish");
    const Journal journal{staging_.filename().string(), names};
    write_journal(journal, out_dir_);
    journaled_ = true;
    complete(journal, out_dir_);
    return published;
}

bool finish_interrupted_publication(const fs::path& dir) {
    const auto journal = read_journal(dir);
    if (!journal) return false;
    complete(*journal, dir);
    return true;
}

}  // namespace incimap
