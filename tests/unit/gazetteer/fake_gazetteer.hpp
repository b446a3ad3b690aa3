#pragma once
// A small in-memory Gazetteer for resolver tests: places are added by hand, names are matched
// with the real name keys, mentions are found among capitalised runs of up to three words.
#include <cctype>
#include <deque>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "text/name_key.hpp"

namespace incimap::test {

class FakeGazetteer final : public Gazetteer {
public:
    // Adds a place known under `names` (its preferred name first) and returns it for tweaking.
    Place& add(std::vector<std::string> names, std::string feature_type, double lat, double lon,
               std::string admin1_pcode = {}, std::string country_code = "SY", std::int64_t population = 0) {
        Place p;
        p.id = static_cast<std::int64_t>(places_.size()) + 1;
        p.name = names.front();
        p.feature_type = std::move(feature_type);
        p.point = {lon, lat};
        p.admin.admin1_pcode = admin1_pcode;
        p.admin.admin1_name = admin1_pcode.empty() ? "" : "Gov " + admin1_pcode;
        p.country_code = std::move(country_code);
        p.population = population;
        if (p.feature_type == "governorate") p.precision_km = 80;
        places_.push_back(std::move(p));
        names_.push_back(std::move(names));
        return places_.back();
    }

    std::vector<const Place*> lookup(std::string_view name) const override {
        const NameKeys q = name_keys(name);
        std::vector<const Place*> exact, loose;
        if (q.exact.empty()) return {};
        for (std::size_t i = 0; i < places_.size(); ++i) {
            bool is_exact = false, is_loose = false;
            for (const std::string& n : names_[i]) {
                const NameKeys k = name_keys(n);
                is_exact = is_exact || k.exact == q.exact;
                is_loose = is_loose || k.skeleton == q.skeleton;
            }
            if (is_exact) exact.push_back(&places_[i]);
            else if (is_loose) loose.push_back(&places_[i]);
        }
        exact.insert(exact.end(), loose.begin(), loose.end());
        return exact;
    }

    std::vector<const Place*> lookup_exact(std::string_view name) const override {
        const std::string key = name_keys(name).exact;
        std::vector<const Place*> out;
        for (std::size_t i = 0; i < places_.size(); ++i) {
            for (const std::string& n : names_[i]) {
                if (name_keys(n).exact == key) {
                    out.push_back(&places_[i]);
                    break;
                }
            }
        }
        return out;
    }

    const Place* by_id(std::int64_t id) const override {
        for (const Place& p : places_)
            if (p.id == id) return &p;
        return nullptr;
    }

    const Place* governorate(std::string_view name_or_pcode) const override {
        for (const Place* p : lookup(name_or_pcode))
            if (p->feature_type == "governorate") return p;
        for (const Place& p : places_)
            if (p.feature_type == "governorate" && p.admin.admin1_pcode == name_or_pcode) return &p;
        return nullptr;
    }

    AdminUnits admin_at(LonLat) const override { return {}; }

    std::vector<Mention> find_mentions(std::string_view text) const override {
        std::vector<Mention> out;
        std::size_t i = 0;
        while (i < text.size()) {
            const bool article = text.substr(i, 3) == "al-" && i + 3 < text.size() &&
                                 std::isupper(static_cast<unsigned char>(text[i + 3]));
            if (!(std::isupper(static_cast<unsigned char>(text[i])) || article) ||
                (i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1])))) {
                ++i;
                continue;
            }
            // Longest run of up to three words starting here that names something.
            std::size_t best_end = 0;
            std::vector<const Place*> best;
            std::size_t end = i;
            for (int words = 0; words < 3 && end < text.size(); ++words) {
                while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '-'))
                    ++end;
                auto found = lookup(text.substr(i, end - i));
                if (!found.empty()) {
                    best_end = end;
                    best = std::move(found);
                }
                if (end >= text.size() || text[end] != ' ') break;
                ++end;
            }
            if (best_end == 0) {
                ++i;
                continue;
            }
            out.push_back(Mention{i, best_end, std::string(text.substr(i, best_end - i)), best});
            i = best_end;
        }
        return out;
    }

    std::size_t place_count() const override { return places_.size(); }

private:
    std::deque<Place> places_;  // deque: pointers handed out stay valid as places are added
    std::vector<std::vector<std::string>> names_;
};

}  // namespace incimap::test
