#pragma once
// The compiled gazetteer (gazetteer.sqlite), loaded once and then read-only: safe to share
// between threads.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/place.hpp"

namespace incimap {

// A place name found in running text.
struct Mention {
    std::size_t begin = 0;  // byte offsets into the text
    std::size_t end = 0;
    std::string text;       // as written
    std::vector<const Place*> places;  // every gazetteer place the name can mean
};

class Gazetteer {
public:
    // Throws incimap::Error naming the file when it is missing, not a gazetteer, or corrupt.
    static std::unique_ptr<Gazetteer> open(const std::filesystem::path& db_path);
    // The path used when --gazetteer is not given: $INCIMAP_GAZETTEER, else gazetteer.sqlite
    // beside the executable, else the build tree's.
    static std::filesystem::path default_path();

    virtual ~Gazetteer() = default;

    // Every place whose name or variant folds to the same key (exact first, then skeleton).
    virtual std::vector<const Place*> lookup(std::string_view name) const = 0;
    // Only the places whose name or variant folds to the exact key (the first tier of lookup()).
    // The resolver scores them above skeleton-only matches; the default knows of none.
    virtual std::vector<const Place*> lookup_exact(std::string_view) const { return {}; }
    virtual const Place* by_id(std::int64_t id) const = 0;
    // The governorate as a Place (feature_type "governorate") for a name ("Homs", "Hims",
    // "Deir Ezzor", "Raqqa province") or P-code ("SY04").
    virtual const Place* governorate(std::string_view name_or_pcode) const = 0;
    // OCHA admin1/admin2 of a point by point-in-polygon; empty outside Syria.
    virtual AdminUnits admin_at(LonLat point) const = 0;
    // Place names in running text (Latin names must start with a capital letter).
    virtual std::vector<Mention> find_mentions(std::string_view text) const = 0;
    virtual std::size_t place_count() const = 0;
};

}  // namespace incimap
