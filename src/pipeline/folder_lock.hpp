#pragma once
// One run per output folder: `incimap run` holds an exclusive lock (flock) on DIR/.incimap.lock
// from before it opens the store until it returns. A second run on the same folder does not
// wait: it says which process holds the folder and exits 3 (docs/cli.md). The kernel drops the
// lock when its holder dies, even by kill -9, so a killed run never blocks the next one.
#include <filesystem>
#include <string>
#include <vector>

namespace incimap {

class FolderLock {
public:
    // Takes the lock on DIR/.incimap.lock, creating the file. Throws incimap::Error naming
    // the folder when another process holds it, or when the lock file cannot be opened.
    explicit FolderLock(const std::filesystem::path& dir);
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

    const std::filesystem::path& file() const { return file_; }

    static const char* const file_name;

private:
    std::filesystem::path file_;
    int fd_ = -1;
};

// Removes what runs that died left in `dir`: generation folders of their products that are
// not the current one (.incimap-products-PID-*, publication.hpp), temporary files and links
// (.NAME.tmpPID.EXT, .incimap-link-PID-*), and what older versions left (staging folders
// .incimap-writing-PID-*, the journal .incimap-publishing, pending dedup reports
// .dedup_report.pendingPID.csv), when process PID is no longer running. Call it while holding
// the folder's lock, after finish_interrupted_publication. Returns what it removed.
std::vector<std::filesystem::path> remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace incimap
