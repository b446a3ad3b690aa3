#pragma once
// Every product of a run or a `map` appears in the output folder together, or none does.
// The files are written into a staging folder inside DIR (.incimap-writing-PID-STAMP, on the
// same file system, so renames out of it are atomic). Publishing first records the staging
// folder and the file names in a journal, DIR/.incimap-publishing (written atomically and
// synced), then renames each file into place and removes the journal. Up to the journal a
// failure or a kill leaves every previous file; after it, the renames are only completed:
// the next run or map on the folder finishes them (finish_interrupted_publication) before it
// does anything else. File names in DIR stay the same from run to run.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace incimap {

class Publication {
public:
    // Creates the staging folder inside `out_dir` (which must exist).
    explicit Publication(std::filesystem::path out_dir);
    // Removes the staging folder and what is in it, unless publish() wrote its journal.
    ~Publication();
    Publication(const Publication&) = delete;
    Publication& operator=(const Publication&) = delete;

    const std::filesystem::path& staging() const { return staging_; }
    const std::filesystem::path& out_dir() const { return out_dir_; }

    // Calls write(); an incimap::Error it throws about a file in the staging folder is
    // rethrown naming that file's final path in DIR, the one the user will look for.
    void naming_final_paths(const std::function<void()>& write) const;

    // Moves the staged files (names inside the staging folder, in the order given: put the
    // one that says the set is complete last) into DIR. Returns their final paths. Throws
    // incimap::Error naming the file before anything moved when one cannot replace its
    // previous version (a folder in its place, say).
    std::vector<std::filesystem::path> publish(const std::vector<std::string>& names);

private:
    std::filesystem::path out_dir_;
    std::filesystem::path staging_;
    bool journaled_ = false;
};

// Completes the publication a killed process left in `dir` (its journal is there): moves the
// rest of its files into place. Call it holding the folder's lock, before anything else
// reads or cleans the folder. True when there was one to finish.
bool finish_interrupted_publication(const std::filesystem::path& dir);

// The journal's file name, for the folder's tidy-up to leave it alone.
extern const char* const publication_journal_name;

}  // namespace incimap
