#pragma once
// Every product of a run or a `map` appears in the output folder together, or none does, by
// one atomic switch (the pattern of Kubernetes' AtomicWriter for mounted volumes):
//
//   DIR/.incimap-products-PID-TIME/        a generation: the files of one publication
//   DIR/.incimap-current -> .incimap-products-PID-TIME            (relative symbolic link)
//   DIR/incidents.gpkg   -> .incimap-current/incidents.gpkg       (one link per product)
//
// A publication writes its files into a new generation and syncs them; publishing renames a
// new .incimap-current over the old one, which switches every product at once. Then it links
// the products new to the folder, removes the links of products the new set lacks, and
// removes the previous generation. A kill before the switch leaves the previous set, after it
// the new one; the next run or map completes the links (finish_interrupted_publication) and
// removes generations left behind (remove_old_generations). File names in DIR stay the same
// from run to run.
//
// Folders written by older versions hold real files at the product names. Before the switch
// they are moved into a generation of their own by hard links (a copy where the file system
// has none) and replaced by links one at a time, so what each name shows never changes.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace incimap {

class Publication {
public:
    // Creates the new generation folder inside `out_dir` (which must exist).
    explicit Publication(std::filesystem::path out_dir);
    // Removes the new generation and what is in it, unless it is the current one.
    ~Publication();
    Publication(const Publication&) = delete;
    Publication& operator=(const Publication&) = delete;

    // Where the products are written: the new generation folder.
    const std::filesystem::path& staging() const { return staging_; }
    const std::filesystem::path& out_dir() const { return out_dir_; }

    // Calls write(); an incimap::Error it throws about a file in the staging folder is
    // rethrown naming that file's final path in DIR, the one the user will look for.
    void naming_final_paths(const std::function<void()>& write) const;

    // Adds to the new generation every product of the current one it does not have (hard
    // links), for a publication that replaces only some products, as `map` does; a run
    // replaces the whole set. Call it once the new files are written. Returns the names added.
    std::vector<std::string> keep_other_products();

    // Publishes the new generation: `names` are the files written into it, the kept ones
    // included; anything else in it is dropped. Returns their paths in DIR. Throws
    // incimap::Error naming the file before the switch when one cannot be published (a folder
    // in its place, say), and after the switch when a link cannot be made (the next run or map
    // makes it).
    std::vector<std::filesystem::path> publish(const std::vector<std::string>& names);

private:
    std::filesystem::path out_dir_;
    std::filesystem::path staging_;
};

// Completes the publication a killed process left in `dir`: links the current generation's
// products that have no link yet and removes the links of products it lacks. Call it holding
// the folder's lock, before anything else reads or cleans the folder. True when there was
// something to complete.
bool finish_interrupted_publication(const std::filesystem::path& dir);

// The generation folder DIR/.incimap-current points at, by name; nullopt when there is none.
std::optional<std::string> current_generation(const std::filesystem::path& dir);

// Removes the generation folders of `dir` that are not the current one, except those of
// another process still running (a publication in progress). Returns what it removed.
std::vector<std::filesystem::path> remove_old_generations(const std::filesystem::path& dir);

}  // namespace incimap
