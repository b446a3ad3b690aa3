#include "output/heatmap_file.hpp"

#include <unistd.h>

#include <system_error>

#include "core/error.hpp"
#include "geo/durable_file.hpp"

namespace incimap {

void write_file_atomically(const std::filesystem::path& destination,
                           const std::function<void(const std::filesystem::path&)>& write) {
    namespace fs = std::filesystem;
    const fs::path dir = destination.has_parent_path() ? destination.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw Error("output directory does not exist", dir.string());
    // The process id keeps two concurrent runs from writing the same temporary file.
    const fs::path tmp = dir / ("." + destination.stem().string() + ".tmp" +
                                std::to_string(::getpid()) + destination.extension().string());
    try {
        write(tmp);
        // The bytes are on disk before the name points at them, and so is the new name.
        sync_file(tmp);
        fs::rename(tmp, destination);
        sync_directory(dir);
    } catch (const fs::filesystem_error& e) {
        fs::remove(tmp, ec);
        throw Error(std::string("cannot move the finished file into place: ") + e.what(),
                    destination.string());
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
}

}  // namespace incimap
