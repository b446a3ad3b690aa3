#pragma once
// Zip archives written through GDAL's own zip writer (CPLCreateZip, deflate): the format of
// QGIS's .qgz projects, with no zip library besides the one GDAL already carries.
#include <filesystem>
#include <string>
#include <vector>

namespace incimap {

struct ZipEntry {
    std::string name;  // path inside the archive
    std::string bytes;
};

// Creates (or replaces) `path` with the entries. Throws incimap::Error naming the file when
// GDAL cannot write it; the caller writes to a temporary name and renames.
void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries);

}  // namespace incimap
