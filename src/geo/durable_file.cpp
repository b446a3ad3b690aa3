#include "geo/durable_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/error.hpp"

namespace incimap {
namespace {

// One open descriptor, closed on every path.
class Descriptor {
public:
    Descriptor(const std::filesystem::path& path, int flags) : fd_(::open(path.c_str(), flags)) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

std::string errno_text(int error) { return std::strerror(error); }

}  // namespace

void sync_file(const std::filesystem::path& file) {
    // Linux syncs a file's data through any descriptor, read-only ones included.
    Descriptor fd(file, O_RDONLY | O_CLOEXEC);
    if (fd.get() < 0)
        throw Error("cannot open the written file to sync it: " + errno_text(errno), file.string());
    if (::fsync(fd.get()) != 0)
        throw Error(
            "cannot write the file out to disk: " + errno_text(errno) + " (is the disk full?)",
            file.string());
}

void sync_directory(const std::filesystem::path& dir) {
    Descriptor fd(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd.get() < 0)
        throw Error("cannot open the directory to sync it: " + errno_text(errno), dir.string());
    if (::fsync(fd.get()) != 0 && errno != EINVAL)
        throw Error("cannot write the directory out to disk: " + errno_text(errno), dir.string());
}

}  // namespace incimap
