#pragma once
// Files that GDAL writes with every write checked. GDAL 3.6's GeoJSON writer ignores a failed
// write and a failed close, so a full disk left truncated or empty layers and a run that
// said it succeeded. A file opened through checked_gdal_path() goes through a GDAL virtual
// file system of ours (VSIInstallPluginHandler) that checks every write, syncs the file to
// disk when it is closed, and remembers the first failure of each file until asked.
#include <filesystem>
#include <string>

namespace incimap {

// The name to give GDAL for `file` (made absolute) so that its writes are checked.
std::string checked_gdal_path(const std::filesystem::path& file);

// Throws incimap::Error naming `shown_as` when a write, sync or close of `file`, or of any
// file under it when it is a directory, failed through checked_gdal_path() since it was
// created; the failures found are forgotten either way.
void throw_if_write_failed(const std::filesystem::path& file,
                           const std::filesystem::path& shown_as);

}  // namespace incimap
