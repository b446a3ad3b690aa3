#pragma once
// Where ../shared is, and a way for tests labelled "shared" to skip cleanly without it.
#include <catch2/catch.hpp>
#include <filesystem>

namespace incimap::test {

inline std::filesystem::path shared_dir() { return INCIMAP_SHARED_DIR; }
inline std::filesystem::path source_dir() { return INCIMAP_SOURCE_DIR; }
inline std::filesystem::path binary_dir() { return INCIMAP_BINARY_DIR; }

// True when ../shared is present; otherwise prints why the test is skipped.
inline bool have_shared(const char* what = "../shared") {
    if (std::filesystem::exists(shared_dir() / "seeds")) return true;
    WARN("skipped: " << what << " not found at " << shared_dir().string());
    return false;
}

}  // namespace incimap::test
