#include "pipeline/folder_lock.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <regex>
#include <vector>

#include "core/error.hpp"
#include "output/publication.hpp"

namespace incimap {

namespace fs = std::filesystem;

const char* const FolderLock::file_name = ".incimap.lock";

namespace {

std::string read_holder(int fd) {
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string text = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

}  // namespace

FolderLock::FolderLock(const fs::path& dir) : file_(dir / file_name) {
    fd_ = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw Error("cannot open the folder's lock file: " + std::string(std::strerror(errno)),
                    file_.string());
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        const std::string holder = read_holder(fd_);
        ::close(fd_);
        fd_ = -1;
        if (error == EWOULDBLOCK)
            throw Error("another incimap run" +
                            (holder.empty() ? std::string() : " (process " + holder + ")") +
                            " is writing to this output folder; wait for it to finish, or "
                            "give another -o",
                        dir.string());
        throw Error("cannot lock the output folder: " + std::string(std::strerror(error)),
                    file_.string());
    }
    // The holder's process id, for the message a second run prints; the lock is the flock,
    // not this text.
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
        // Not worth failing a run for: the message would only lack the process id.
    }
}

FolderLock::~FolderLock() {
    // Closing the descriptor releases the flock. The file stays: removing it would let a
    // third run lock a new file while a second still holds the old one.
    if (fd_ >= 0) ::close(fd_);
}

namespace {

bool process_running(long pid) {
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// The process id in the name of a temporary of ours; nullopt for any other name.
std::optional<long> temporary_owner(const std::string& name) {
    static const std::regex patterns[] = {
        std::regex(R"(^\.incimap-link-(\d+)-\d+$)"),          // publication.cpp
        std::regex(R"(^\..+\.tmp(\d+)(\.[A-Za-z0-9-]+)?$)"),  // heatmap_file.cpp, a new store
        std::regex(R"(^\.incimap-writing-(\d+)-\d+$)"),       // left by older versions
        std::regex(R"(^\.dedup_report\.pending(\d+)\.csv$)"),
    };
    std::smatch m;
    for (const auto& pattern : patterns)
        if (std::regex_match(name, m, pattern)) return std::stol(m[1].str());
    return std::nullopt;
}

}  // namespace

std::vector<fs::path> remove_stale_temporaries(const fs::path& dir) {
    std::vector<fs::path> removed = remove_old_generations(dir);
    std::error_code ec;
    // The publishing journal of older versions. What it left half moved is not completed but
    // written anew: the manifest, moved last, still describes the previous files, so the run
    // finds the outputs out of date.
    const fs::path old_journal = dir / ".incimap-publishing";
    if (fs::remove(old_journal, ec)) removed.push_back(old_journal);
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        const auto owner = temporary_owner(it->path().filename().string());
        if (!owner || process_running(*owner)) continue;
        std::error_code remove_error;
        fs::remove_all(it->path(), remove_error);
        if (!remove_error) removed.push_back(it->path());
    }
    return removed;
}

}  // namespace incimap
