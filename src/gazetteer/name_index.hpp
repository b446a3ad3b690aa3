#pragma once
// In-memory index from name keys (incimap::name_keys) to the places that carry the name.
// Built once when the gazetteer is loaded, then read-only.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace incimap {

class NameIndex {
public:
    void add(std::string_view key, std::string_view skeleton, std::uint32_t place);
    // Sorts and de-duplicates the place lists; call once after the last add().
    void finish();

    std::span<const std::uint32_t> exact(std::string_view key) const;
    std::span<const std::uint32_t> skeleton(std::string_view skeleton) const;
    bool contains(std::string_view key, std::string_view skeleton) const;
    std::size_t key_count() const { return exact_.size(); }

private:
    // Transparent hashing so lookups by string_view do not allocate.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Map = std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>>;
    static std::span<const std::uint32_t> find(const Map& map, std::string_view key);

    Map exact_;
    Map skeleton_;
};

}  // namespace incimap
