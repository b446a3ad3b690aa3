#pragma once
// Compiles the files of gazetteer/ into one SQLite/SpatiaLite database (schema in
// gazetteer/README.md): places with a POINT geometry, their names under the keys of
// incimap::name_keys(), and the OCHA admin1/admin2 polygons with spatial indexes.
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace incimap {

struct GazetteerBuildReport {
    long places = 0;
    long names = 0;
    std::map<std::string, long> source_rows;  // rows read per source file
    std::vector<std::string> warnings;
};

// Writes to a temporary file beside `out` in one transaction and renames it over `out` when
// complete, so a failed build never leaves a half-written gazetteer. Throws incimap::Error.
GazetteerBuildReport build_gazetteer(const std::filesystem::path& source_dir,
                                     const std::filesystem::path& out);

// The meta table of a compiled gazetteer (schema_version, built_at, sources, counts).
std::vector<std::pair<std::string, std::string>> read_gazetteer_meta(
    const std::filesystem::path& db_path);

}  // namespace incimap
