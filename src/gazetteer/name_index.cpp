#include "gazetteer/name_index.hpp"

#include <algorithm>

namespace incimap {

void NameIndex::add(std::string_view key, std::string_view skeleton, std::uint32_t place) {
    if (!key.empty()) {
        auto it = exact_.find(key);
        if (it == exact_.end()) it = exact_.emplace(std::string(key), std::vector<std::uint32_t>{}).first;
        it->second.push_back(place);
    }
    if (!skeleton.empty()) {
        auto it = skeleton_.find(skeleton);
        if (it == skeleton_.end())
            it = skeleton_.emplace(std::string(skeleton), std::vector<std::uint32_t>{}).first;
        it->second.push_back(place);
    }
}

void NameIndex::finish() {
    for (Map* map : {&exact_, &skeleton_})
        for (auto& [key, places] : *map) {
            std::sort(places.begin(), places.end());
            places.erase(std::unique(places.begin(), places.end()), places.end());
            places.shrink_to_fit();
        }
}

std::span<const std::uint32_t> NameIndex::find(const Map& map, std::string_view key) {
    auto it = map.find(key);
    if (it == map.end()) return {};
    return it->second;
}

std::span<const std::uint32_t> NameIndex::exact(std::string_view key) const {
    return find(exact_, key);
}

std::span<const std::uint32_t> NameIndex::skeleton(std::string_view skeleton) const {
    return find(skeleton_, skeleton);
}

bool NameIndex::contains(std::string_view key, std::string_view skeleton) const {
    return (!key.empty() && exact_.count(key)) || (!skeleton.empty() && skeleton_.count(skeleton));
}

}  // namespace incimap
