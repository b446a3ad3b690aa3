#pragma once
// Output files appear complete or not at all: written under a temporary name in the same
// directory, then renamed over the destination (rename is atomic within one file system).
#include <filesystem>
#include <functional>

namespace incimap {

// Calls write(tmp_path) and renames tmp_path to `destination` when it returns; removes the
// temporary file and rethrows when it throws. The temporary keeps the destination's
// extension so that format drivers that look at it still work.
void write_file_atomically(const std::filesystem::path& destination,
                           const std::function<void(const std::filesystem::path&)>& write);

}  // namespace incimap
