#pragma once
// Reads the source files of gazetteer/ (see gazetteer/README.md for their formats) into
// places with their names, ready for the builder. No GDAL: TSV by hand (tab-separated, no
// quoting, '|' between variants, '#' comment lines) and GeoJSON through nlohmann_json + GEOS.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/place.hpp"
#include "geo/admin_lookup.hpp"

namespace incimap {

struct SourceName {
    std::string name;
    std::string kind;  // preferred | variant | arabic | exonym
};

struct SourcePlace {
    Place place;
    std::vector<SourceName> names;
    void add_name(std::string_view name, std::string_view kind);  // skips empty and repeats
};

struct GazetteerSources {
    AdminLookup admin;                  // OCHA admin1 + admin2 polygons
    std::vector<SourcePlace> places;    // everything that becomes a row of `places`
    std::map<std::string, long> counts; // rows read per source file, for meta and `info`
    std::vector<std::string> warnings;  // skipped rows and unknown references, for stderr
};

// Reads every known file present in dir. The OCHA admin1/admin2 files and wof_places.tsv are
// required; the supplement, lines, exonyms and neighbours files are optional. Throws
// incimap::Error naming file and line on malformed input.
GazetteerSources read_gazetteer_sources(const std::filesystem::path& dir);

}  // namespace incimap
