#pragma once
// A tiny in-memory Gazetteer for extraction tests: places added by hand; mentions are exact,
// case-sensitive occurrences of a registered name on word boundaries (longest first).
#include <cctype>
#include <deque>
#include <string>
#include <vector>

#include "core/article.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolver.hpp"

namespace incimap::test {

class FakeGazetteer final : public Gazetteer {
public:
    Place& add(std::vector<std::string> names, std::string feature_type, double lat, double lon,
               std::string admin1_pcode = "SY04", std::string country = "SY") {
        Place p;
        p.id = static_cast<std::int64_t>(places_.size()) + 1;
        p.name = names.front();
        p.feature_type = std::move(feature_type);
        p.point = {lon, lat};
        p.admin.admin1_pcode = admin1_pcode;
        p.admin.admin1_name = admin1_pcode.empty() ? "" : "Gov " + admin1_pcode;
        p.country_code = std::move(country);
        if (p.feature_type == "governorate") p.precision_km = 80;
        if (p.feature_type == "road") p.precision_km = 10;
        places_.push_back(std::move(p));
        names_.push_back(std::move(names));
        return places_.back();
    }

    std::vector<const Place*> lookup(std::string_view name) const override {
        std::vector<const Place*> out;
        for (std::size_t i = 0; i < places_.size(); ++i)
            for (const auto& n : names_[i])
                if (n == name) {
                    out.push_back(&places_[i]);
                    break;
                }
        return out;
    }
    const Place* by_id(std::int64_t id) const override {
        for (const Place& p : places_)
            if (p.id == id) return &p;
        return nullptr;
    }
    const Place* governorate(std::string_view name) const override {
        for (const Place* p : lookup(name))
            if (p->feature_type == "governorate") return p;
        return nullptr;
    }
    AdminUnits admin_at(LonLat point) const override {
        // The nearest governorate's units: enough for tests.
        const Place* best = nullptr;
        double d = 1e18;
        for (const Place& p : places_) {
            if (p.feature_type != "governorate") continue;
            const double dx = p.point.lon - point.lon, dy = p.point.lat - point.lat;
            if (dx * dx + dy * dy < d) {
                d = dx * dx + dy * dy;
                best = &p;
            }
        }
        return best ? best->admin : AdminUnits{};
    }
    std::vector<Mention> find_mentions(std::string_view text) const override {
        std::vector<Mention> out;
        std::size_t i = 0;
        while (i < text.size()) {
            std::size_t best_len = 0;
            for (const auto& names : names_)
                for (const auto& n : names)
                    if (n.size() > best_len && text.compare(i, n.size(), n) == 0 &&
                        (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))) &&
                        (i + n.size() == text.size() ||
                         !std::isalnum(static_cast<unsigned char>(text[i + n.size()]))))
                        best_len = n.size();
            if (!best_len) {
                ++i;
                continue;
            }
            Mention m;
            m.begin = i;
            m.end = i + best_len;
            m.text = std::string(text.substr(i, best_len));
            m.places = lookup(m.text);
            out.push_back(std::move(m));
            i += best_len;
        }
        return out;
    }
    std::size_t place_count() const override { return places_.size(); }

private:
    std::deque<Place> places_;
    std::vector<std::vector<std::string>> names_;
};

// The incidents the real extractor finds in one invented text, with places from `gazetteer`.
inline std::vector<Incident> extract_text(const Gazetteer& gazetteer, std::string text,
                                          std::optional<Date> published = std::nullopt,
                                          std::string id = "t") {
    const Resolver resolver(gazetteer);
    const Extractor extractor(gazetteer, resolver);
    Article a;
    a.id = std::move(id);
    a.text = std::move(text);
    a.published = published;
    return extractor.extract(a);
}

}  // namespace incimap::test
