#include "geo/checked_gdal_files.hpp"

#include <cpl_vsi.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>

#include "core/error.hpp"
#include "geo/gdal_error.hpp"

namespace incimap {
namespace {

namespace fs = std::filesystem;

constexpr const char* prefix = "/vsiincimap_checked/";

// The first failure of each file, by absolute path. GDAL's file systems are process-wide,
// so this record is too; it is only reached through the functions of this file, under a
// mutex, and an entry lives from the failure until throw_if_write_failed() reads it.
class FailureRecord {
public:
    void record(const std::string& path, const std::string& what) {
        std::lock_guard lock(mutex_);
        failures_.emplace(path, what);  // keeps the first
    }
    void forget(const std::string& path) {
        std::lock_guard lock(mutex_);
        failures_.erase(path);
    }
    // The first failure of `path` or of a file under it, all of them forgotten.
    std::string take(const std::string& path) {
        std::lock_guard lock(mutex_);
        std::string found;
        const std::string dir = path + "/";
        for (auto it = failures_.begin(); it != failures_.end();) {
            if (it->first == path || it->first.rfind(dir, 0) == 0) {
                if (found.empty()) found = it->second;
                it = failures_.erase(it);
            } else {
                ++it;
            }
        }
        return found;
    }

private:
    std::mutex mutex_;
    std::map<std::string, std::string> failures_;
};

FailureRecord& failures() {
    // Never destroyed: GDAL may close a file during static destruction.
    static FailureRecord* record = new FailureRecord;
    return *record;
}

// GDAL strips the prefix; the rest is an absolute path without its leading slash.
std::string real_path(const char* name) { return std::string("/") + name; }

struct CheckedFile {
    int fd = -1;
    std::string path;
    bool written = false;
    bool eof = false;

    void fail(const char* what, int error) {
        failures().record(path, std::string(what) + ": " + std::strerror(error));
    }
};

int open_flags(const char* access) {
    const bool plus = std::strchr(access, '+') != nullptr;
    switch (access[0]) {
        case 'w':
            return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
        case 'a':
            return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
        default:
            return plus ? O_RDWR : O_RDONLY;
    }
}

void* open_file(void*, const char* name, const char* access) {
    const std::string path = real_path(name);
    const int flags = open_flags(access);
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0666);
    if (fd < 0) return nullptr;
    // A file created afresh starts with no failures.
    if (flags & O_TRUNC) failures().forget(path);
    return new CheckedFile{fd, path};
}

vsi_l_offset tell_file(void* handle) {
    const off_t at = ::lseek(static_cast<CheckedFile*>(handle)->fd, 0, SEEK_CUR);
    return at < 0 ? 0 : static_cast<vsi_l_offset>(at);
}

int seek_file(void* handle, vsi_l_offset offset, int whence) {
    auto* file = static_cast<CheckedFile*>(handle);
    file->eof = false;
    return ::lseek(file->fd, static_cast<off_t>(offset), whence) < 0 ? -1 : 0;
}

size_t read_file(void* handle, void* buffer, size_t size, size_t count) {
    auto* file = static_cast<CheckedFile*>(handle);
    if (size == 0 || count == 0) return 0;
    const size_t wanted = size * count;
    size_t done = 0;
    while (done < wanted) {
        const ssize_t n = ::read(file->fd, static_cast<char*>(buffer) + done, wanted - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            file->eof = n == 0;
            break;
        }
        done += static_cast<size_t>(n);
    }
    // GDAL expects whole blocks; a partial last block is left where it was read to.
    return done / size;
}

int eof_file(void* handle) { return static_cast<CheckedFile*>(handle)->eof ? 1 : 0; }

size_t write_file(void* handle, const void* buffer, size_t size, size_t count) {
    auto* file = static_cast<CheckedFile*>(handle);
    if (size == 0 || count == 0) return 0;
    file->written = true;
    const size_t wanted = size * count;
    size_t done = 0;
    while (done < wanted) {
        const ssize_t n = ::write(file->fd, static_cast<const char*>(buffer) + done, wanted - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            file->fail("write failed", n < 0 ? errno : ENOSPC);
            break;
        }
        done += static_cast<size_t>(n);
    }
    return done / size;
}

int flush_file(void*) { return 0; }  // nothing is buffered here

int truncate_file(void* handle, vsi_l_offset size) {
    auto* file = static_cast<CheckedFile*>(handle);
    if (::ftruncate(file->fd, static_cast<off_t>(size)) == 0) return 0;
    file->fail("truncate failed", errno);
    return -1;
}

int close_file(void* handle) {
    auto* file = static_cast<CheckedFile*>(handle);
    int result = 0;
    // The data reaches the disk before the file can be renamed into place.
    if (file->written && ::fsync(file->fd) != 0) {
        file->fail("cannot write the file out to disk", errno);
        result = -1;
    }
    if (::close(file->fd) != 0) {
        file->fail("close failed", errno);
        result = -1;
    }
    delete file;
    return result;
}

int stat_file(void*, const char* name, VSIStatBufL* buffer, int) {
    return ::stat64(real_path(name).c_str(), buffer);
}

int unlink_file(void*, const char* name) {
    const std::string path = real_path(name);
    failures().forget(path);
    return ::unlink(path.c_str());
}

int rename_file(void*, const char* from, const char* to) {
    return ::rename(real_path(from).c_str(), real_path(to).c_str());
}

int make_dir(void*, const char* name, long mode) {
    return ::mkdir(real_path(name).c_str(), static_cast<mode_t>(mode));
}

int remove_dir(void*, const char* name) { return ::rmdir(real_path(name).c_str()); }

char** read_dir(void*, const char* name, int max_files) {
    // VSIReadDir on the real directory, which GDAL's own file system answers.
    return VSIReadDirEx(real_path(name).c_str(), max_files);
}

void install_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        gdal_register_all();
        VSIFilesystemPluginCallbacksStruct* callbacks = VSIAllocFilesystemPluginCallbacksStruct();
        callbacks->open = open_file;
        callbacks->tell = tell_file;
        callbacks->seek = seek_file;
        callbacks->read = read_file;
        callbacks->eof = eof_file;
        callbacks->write = write_file;
        callbacks->flush = flush_file;
        callbacks->truncate = truncate_file;
        callbacks->close = close_file;
        callbacks->stat = stat_file;
        callbacks->unlink = unlink_file;
        callbacks->rename = rename_file;
        callbacks->mkdir = make_dir;
        callbacks->rmdir = remove_dir;
        callbacks->read_dir = read_dir;
        VSIInstallPluginHandler(prefix, callbacks);
        VSIFreeFilesystemPluginCallbacksStruct(callbacks);
    });
}

}  // namespace

std::string checked_gdal_path(const fs::path& file) {
    install_once();
    const std::string absolute = fs::absolute(file).lexically_normal().string();
    return prefix + absolute.substr(1);
}

void throw_if_write_failed(const fs::path& file, const fs::path& shown_as) {
    const std::string failure = failures().take(fs::absolute(file).lexically_normal().string());
    if (failure.empty()) return;
    throw Error("cannot write the file: " + failure +
                    " (is the disk full?); the previous outputs are untouched",
                shown_as.string());
}

}  // namespace incimap
