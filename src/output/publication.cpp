#include "output/publication.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <set>
#include <string_view>
#include <system_error>

#include "core/error.hpp"
#include "core/test_signal.hpp"
#include "geo/durable_file.hpp"

namespace incimap {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view generation_prefix = ".incimap-products-";
constexpr std::string_view current_link_name = ".incimap-current";
// Temporaries: a link before it is renamed into place (in DIR; folder_lock.cpp removes those
// of dead processes), a file before it joins a generation (inside the generation).
constexpr std::string_view link_prefix = ".incimap-link-";
constexpr std::string_view adding_prefix = ".incimap-adding-";

using Names = std::set<std::string>;

// A name no other publication picks: `prefix`, this process's id and a clock reading, as in
// .incimap-products-PID-TIME.
std::string unique_name(std::string_view prefix) {
    static std::atomic<long> count{0};  // two names within one clock tick
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    return std::string(prefix) + std::to_string(::getpid()) + "-" + std::to_string(stamp) +
           std::to_string(++count);
}

bool is_plain_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
}

// What a product's link in DIR points at.
fs::path link_target(const std::string& name) { return fs::path(current_link_name) / name; }

// True when `path` is the link of product `name` that publishing makes.
bool is_product_link(const fs::path& path, const std::string& name) {
    std::error_code ec;
    return fs::is_symlink(fs::symlink_status(path, ec)) &&
           fs::read_symlink(path, ec) == link_target(name);
}

// The product a link of ours in DIR shows, for any name; nullopt for anything else.
std::optional<std::string> linked_product(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(path, ec))) return std::nullopt;
    const fs::path target = fs::read_symlink(path, ec);
    if (ec || target.parent_path() != fs::path(current_link_name)) return std::nullopt;
    return target.filename().string();
}

// The products in a generation folder, by name: its regular files, but for the temporary of
// a file being added that a kill left.
Names files_in(const fs::path& folder) {
    Names names;
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        std::error_code type_ec;
        if (it->is_regular_file(type_ec) && !name.starts_with(adding_prefix))
            names.insert(std::move(name));
    }
    return names;
}

// Renames `temporary`, made with result `ec`, over `destination` in one step; on any failure
// removes it and throws `what` naming `named`.
void rename_into_place(const fs::path& temporary, const fs::path& destination, std::error_code ec,
                       const std::string& what, const fs::path& named) {
    if (!ec) fs::rename(temporary, destination, ec);
    if (!ec) return;
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw Error(what + ": " + ec.message(), named.string());
}

// Puts a symbolic link `path` -> `target` in place in one step, whatever was at `path`
// (a file or an older link): made under a temporary name, then renamed over it.
void place_link(const fs::path& path, const fs::path& target) {
    const fs::path temporary = path.parent_path() / unique_name(link_prefix);
    std::error_code ec;
    fs::create_symlink(target, temporary, ec);
    rename_into_place(temporary, path, ec, "cannot put the link to the new output in place", path);
}

// `file` under the same name in `folder`, sharing its bytes: a hard link, or a synced copy
// on file systems without hard links. Replaces what `folder` had under that name.
void add_to_generation(const fs::path& file, const fs::path& folder) {
    const fs::path temporary = folder / unique_name(adding_prefix);
    const fs::path destination = folder / file.filename();
    std::error_code ec;
    fs::create_hard_link(file, temporary, ec);
    if (ec) {
        ec.clear();
        fs::copy_file(file, temporary, ec);
        if (!ec) sync_file(temporary);
    }
    rename_into_place(temporary, destination, ec, "cannot keep this output in the new set of outputs",
                      file);
}

// True when `a` itself (a link is not followed) and `b` are one file: hard links of it.
bool same_file(const fs::path& a, const fs::path& b) {
    struct stat sa = {};
    struct stat sb = {};
    return ::lstat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

// Makes `dir`/.incimap-current point at `generation` in one atomic step, durably.
void switch_current(const fs::path& dir, const std::string& generation) {
    place_link(dir / current_link_name, generation);
    sync_directory(dir);
}

// Folders of older versions hold real files at the product names. Each one among `products`
// joins the current generation (one is made for them if there is none yet) and is then
// replaced by its link: the bytes a name shows stay the same at every moment.
void adopt_real_files(const fs::path& dir, const Names& products) {
    std::vector<std::string> real;
    for (const std::string& name : products) {
        std::error_code ec;
        if (fs::is_regular_file(fs::symlink_status(dir / name, ec))) real.push_back(name);
    }
    if (real.empty()) return;
    const auto current = current_generation(dir);
    const fs::path generation = dir / (current ? *current : unique_name(generation_prefix));
    std::error_code ec;
    fs::create_directory(generation, ec);
    if (ec)
        throw Error("cannot create a folder for the outputs: " + ec.message(), generation.string());
    for (const std::string& name : real) add_to_generation(dir / name, generation);
    sync_directory(generation);
    if (!current) switch_current(dir, generation.filename().string());
    for (const std::string& name : real) {
        place_link(dir / name, link_target(name));
        signal_self_if_test_asks("migrating");
    }
    sync_directory(dir);
}

// Links each of `products` in `dir` that has no link yet. A file at its name is replaced when
// `replace_files`, or when it is the generation's own file (a migration that was killed);
// otherwise it is left: it was put there since the last publication. Returns how many it made.
int link_products(const fs::path& dir, const Names& products, bool replace_files) {
    int made = 0;
    for (const std::string& name : products) {
        const fs::path path = dir / name;
        if (is_product_link(path, name)) continue;
        std::error_code ec;
        const bool taken = fs::exists(fs::symlink_status(path, ec));
        if (taken && !replace_files && !same_file(path, dir / link_target(name))) continue;
        place_link(path, link_target(name));
        ++made;
        signal_self_if_test_asks("linking");
    }
    if (made > 0) sync_directory(dir);
    return made;
}

// Removes the links of `dir` to products that are not among `products`: those of the
// previous set that the new one lacks would point at nothing. Returns how many it removed.
int unlink_vanished(const fs::path& dir, const Names& products) {
    std::vector<fs::path> vanished;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        const auto product = linked_product(it->path());
        if (product && !products.count(*product)) vanished.push_back(it->path());
    }
    for (const fs::path& link : vanished) {
        fs::remove(link, ec);
        if (ec)
            throw Error("cannot remove the link to an output the new set lacks: " + ec.message(),
                        link.string());
        signal_self_if_test_asks("unlinking");
    }
    if (!vanished.empty()) sync_directory(dir);
    return static_cast<int>(vanished.size());
}

bool process_running(long pid) {
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// The process that made a generation folder; nullopt when `name` is not one.
std::optional<long> generation_owner(const std::string& name) {
    if (!name.starts_with(generation_prefix)) return std::nullopt;
    const std::string rest = name.substr(generation_prefix.size());
    const auto dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos ||
        rest.find_first_not_of("0123456789-") != std::string::npos)
        return std::nullopt;
    return std::stol(rest.substr(0, dash));
}

// Removes a generation file by file (a kill midway leaves a part, removed next time).
void remove_generation(const fs::path& folder) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
        signal_self_if_test_asks("removing-old");
    }
    fs::remove_all(folder, ec);
}

}  // namespace

Publication::Publication(fs::path out_dir) : out_dir_(std::move(out_dir)) {
    staging_ = out_dir_ / unique_name(generation_prefix);
    std::error_code ec;
    fs::create_directories(staging_, ec);
    if (ec) throw Error("cannot create a temporary directory: " + ec.message(), staging_.string());
}

Publication::~Publication() {
    // After the switch the folder shows this generation, even if publish() failed later.
    if (current_generation(out_dir_) == staging_.filename().string()) return;
    std::error_code ec;  // best effort: never throw from a destructor
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

std::vector<std::string> Publication::keep_other_products() {
    const auto current = current_generation(out_dir_);
    if (!current) return {};
    std::vector<std::string> kept;
    for (const std::string& name : files_in(out_dir_ / *current)) {
        std::error_code ec;
        if (fs::exists(fs::symlink_status(staging_ / name, ec))) continue;
        // What the folder shows under the name: the generation's file, or a file a tool put
        // in the link's place since; nothing when the name was removed.
        const fs::path shown = out_dir_ / name;
        if (is_product_link(shown, name))
            add_to_generation(out_dir_ / *current / name, staging_);
        else if (fs::is_regular_file(fs::symlink_status(shown, ec)))
            add_to_generation(shown, staging_);
        else
            continue;
        kept.push_back(name);
    }
    return kept;
}

std::vector<fs::path> Publication::publish(const std::vector<std::string>& names) {
    const Names products(names.begin(), names.end());
    std::vector<fs::path> published;
    for (const std::string& name : names) {
        std::error_code ec;
        if (!is_plain_name(name) || !fs::is_regular_file(staging_ / name, ec))
            throw Error("the new file was not written", (out_dir_ / name).string());
        if (fs::is_directory(fs::symlink_status(out_dir_ / name, ec)))
            throw Error("a folder has this output file's name; move it away and run again",
                        (out_dir_ / name).string());
        published.push_back(out_dir_ / name);
    }
    // A driver's leftover would otherwise become a product of the set.
    for (const std::string& name : files_in(staging_)) {
        std::error_code ignored;
        if (!products.count(name)) fs::remove(staging_ / name, ignored);
    }
    for (const std::string& name : names) sync_file(staging_ / name);
    sync_directory(staging_);
    signal_self_if_test_asks("before-publish");

    adopt_real_files(out_dir_, products);
    switch_current(out_dir_, staging_.filename().string());
    signal_self_if_test_asks("switched");
    try {
        link_products(out_dir_, products, /*replace_files=*/true);
        unlink_vanished(out_dir_, products);
    } catch (const Error& e) {
        throw Error(std::string(e.what()) +
                        "; the new outputs are in place, the next run or map links the rest",
                    e.file());
    }
    remove_old_generations(out_dir_);
    return published;
}

bool finish_interrupted_publication(const fs::path& dir) {
    const auto current = current_generation(dir);
    if (!current) return false;
    const Names products = files_in(dir / *current);
    const int linked = link_products(dir, products, /*replace_files=*/false);
    return linked + unlink_vanished(dir, products) > 0;
}

std::optional<std::string> current_generation(const fs::path& dir) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(dir / current_link_name, ec);
    if (ec || !generation_owner(target.string())) return std::nullopt;
    return target.string();
}

std::vector<fs::path> remove_old_generations(const fs::path& dir) {
    const auto current = current_generation(dir);
    std::vector<fs::path> old;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const auto owner = generation_owner(name);
        if (!owner || name == current) continue;
        if (*owner != ::getpid() && process_running(*owner)) continue;
        old.push_back(it->path());
    }
    for (const fs::path& folder : old) remove_generation(folder);
    return old;
}

}  // namespace incimap
