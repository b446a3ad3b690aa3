#pragma once
// Making a finished file survive a crash: its bytes reach the disk before it is renamed into
// place (fsync), and the rename itself is made durable by syncing its directory.
#include <filesystem>

namespace incimap {

// fsync of a closed file. Throws incimap::Error naming the file when the data cannot be
// written out (ENOSPC, EIO, EDQUOT: a write the kernel had accepted failed late).
void sync_file(const std::filesystem::path& file);

// fsync of a directory, so that renames and removals in it are on disk. File systems that
// cannot sync a directory (EINVAL) are accepted; other failures throw naming it.
void sync_directory(const std::filesystem::path& dir);

}  // namespace incimap
