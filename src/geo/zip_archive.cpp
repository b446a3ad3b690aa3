#include "geo/zip_archive.hpp"

#include <cpl_conv.h>

#include <climits>

#include "core/error.hpp"
#include "geo/gdal_error.hpp"

namespace incimap {
namespace {

// CPLCloseZip also writes the central directory, so its failure is reported by close().
class ZipWriter {
public:
    explicit ZipWriter(const std::filesystem::path& path) : path_(path.string()) {
        GdalErrorScope errors;
        handle_ = CPLCreateZip(path_.c_str(), nullptr);
        errors.throw_if_failed("cannot create the zip archive", path_, handle_ != nullptr);
    }
    ~ZipWriter() {
        if (handle_) CPLCloseZip(handle_);  // not reported: close() was not reached
    }
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    void add(const ZipEntry& entry) {
        if (entry.bytes.size() > static_cast<std::size_t>(INT_MAX))
            throw Error("zip entry " + entry.name + " is too large", path_);
        GdalErrorScope errors;
        bool ok = CPLCreateFileInZip(handle_, entry.name.c_str(), nullptr) == CE_None;
        ok = ok && CPLWriteFileInZip(handle_, entry.bytes.data(),
                                     static_cast<int>(entry.bytes.size())) == CE_None;
        ok = CPLCloseFileInZip(handle_) == CE_None && ok;
        errors.throw_if_failed("cannot write " + entry.name + " into the zip archive", path_, ok);
    }

    void close() {
        GdalErrorScope errors;
        const bool ok = CPLCloseZip(handle_) == CE_None;
        handle_ = nullptr;
        errors.throw_if_failed("cannot finish the zip archive", path_, ok);
    }

private:
    std::string path_;
    void* handle_ = nullptr;
};

}  // namespace

void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries) {
    gdal_register_all();
    ZipWriter zip{path};
    for (const auto& entry : entries) zip.add(entry);
    zip.close();
}

}  // namespace incimap
